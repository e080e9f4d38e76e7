-- Tracking: every message the hub accepted, its state per recipient, every change of state, the statutory
-- clocks and the escalations they fired. PostgreSQL everywhere (embedded for the default run and the tests).

create table message (
    message_id      uuid primary key,
    message_type    text        not null,
    schema_version  text        not null,
    sender          text        not null,
    case_reference  text,
    child_reference text,
    correlation_id  uuid,
    language        text        not null,
    security_label  text        not null,
    created_at      timestamptz not null,
    accepted_at     timestamptz not null,
    -- a hash of the message as sent, so a resubmission can be told from a different message with the same id
    payload_sha256  text        not null,
    -- the message itself; removed when the retention policy says, while the rows below stay
    payload         bytea
);
create index message_correlation on message (correlation_id) where correlation_id is not null;
create index message_sender on message (sender, accepted_at);

create table delivery (
    message_id          uuid        not null references message (message_id),
    recipient           text        not null,
    state               text        not null,
    attempts            integer     not null default 0,
    last_error          text,
    recipient_reference text,
    updated_at          timestamptz not null,
    primary key (message_id, recipient)
);
-- the outbox: deliveries stored but not yet on the broker
create index delivery_not_queued on delivery (updated_at) where state = 'accepted';
create index delivery_recipient on delivery (recipient, state);

create table audit_event (
    id          bigserial primary key,
    message_id  uuid        not null references message (message_id),
    recipient   text,
    event       text        not null,
    from_state  text,
    to_state    text,
    detail      text,
    actor       text        not null,
    at          timestamptz not null
);
create index audit_event_message on audit_event (message_id, id);

create table statutory_clock (
    id                   bigserial primary key,
    message_id           uuid        not null references message (message_id),
    clock                text        not null,
    owed_by              text        not null,
    waiting              text        not null,
    started_at           timestamptz not null,
    due_at               timestamptz not null,
    met_at               timestamptz,
    met_by_message       uuid,
    escalation_step      integer     not null default 0,
    next_escalation_at   timestamptz,
    calendar_beyond_data boolean     not null default false,
    unique (message_id, clock, owed_by)
);
-- the escalation scheduler's only query: what is due now
create index statutory_clock_next_escalation on statutory_clock (next_escalation_at) where next_escalation_at is not null;

create table escalation (
    id                    bigserial primary key,
    clock_id              bigint      not null references statutory_clock (id),
    step                  text        not null,
    escalation_message_id uuid        not null references message (message_id),
    fired_at              timestamptz not null,
    -- an escalation fires once, whatever the number of hub instances or restarts
    unique (clock_id, step)
);
