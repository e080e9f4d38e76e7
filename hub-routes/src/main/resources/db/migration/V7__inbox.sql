-- Agencies whose systems can only poll ("pull" transport) collect their copies from an inbox, in order, by cursor,
-- and acknowledge each one: like a mailbox. A copy is delivered when the agency acknowledges it.
create table inbox (
    seq             bigserial primary key,
    recipient       text        not null,
    message_id      uuid        not null references message (message_id),
    message_type    text        not null,
    payload         bytea       not null,
    placed_at       timestamptz not null,
    acknowledged_at timestamptz,
    unique (recipient, message_id)
);
create index inbox_recipient on inbox (recipient, seq);
