-- Retention (issue 11 finding 7): bodies removed when the retention rules say, inbox copies once collected, and the
-- audit tables partitioned by month so that a whole month past its retention is dropped at once.

-- When a message's body was removed (its row, deliveries, clocks and audit stay); the console and the dead-letter
-- replay answer 410 payload-removed from then on.
alter table message add column payload_removed_at timestamptz;
-- the purge walks the bodies still kept, oldest first
create index message_body_kept on message (accepted_at, message_id) where payload is not null;

-- A pull-inbox copy's body goes once the agency has acknowledged collecting it.
alter table inbox alter column payload drop not null;
update inbox set payload = null where acknowledged_at is not null;

-- Creates the month's partition of an audit table (parent_p202612 for December 2026, UTC) unless it exists.
create function hub_audit_month(parent text, month date) returns void language plpgsql as $$
begin
    execute format('create table if not exists %I partition of %I for values from (%L) to (%L)',
        parent || '_p' || to_char(month, 'YYYYMM'), parent,
        (month::timestamp at time zone 'UTC'), ((month + interval '1 month')::timestamp at time zone 'UTC'));
end $$;

-- Every month from the oldest row (or this month) to 24 months ahead.
create function hub_audit_months(parent text, oldest timestamptz) returns void language plpgsql as $$
declare
    month date := date_trunc('month', coalesce(least(oldest, now()), now()) at time zone 'UTC')::date;
    last  date := date_trunc('month', (now() + interval '24 months') at time zone 'UTC')::date;
begin
    while month <= last loop
        perform hub_audit_month(parent, month);
        month := (month + interval '1 month')::date;
    end loop;
end $$;

-- ---- audit_event: the same columns and indexes, partitioned by "at"; the primary key must hold the partition key.
alter sequence audit_event_id_seq owned by none;
alter table audit_event rename to audit_event_v15;
alter table audit_event_v15 rename constraint audit_event_pkey to audit_event_v15_pkey;
alter index audit_event_message rename to audit_event_v15_message;
alter index audit_event_at rename to audit_event_v15_at;

create table audit_event (
    id          bigint      not null default nextval('audit_event_id_seq'),
    message_id  uuid        not null references message (message_id),
    recipient   text,
    event       text        not null,
    from_state  text,
    to_state    text,
    detail      text,
    actor       text        not null,
    at          timestamptz not null,
    primary key (id, at)
) partition by range (at);
create index audit_event_message on audit_event (message_id, id);
create index audit_event_at on audit_event (at) where event = 'state-changed';
-- rows outside every month made (a clock far off, a month the job has not made yet) are never refused
create table audit_event_default partition of audit_event default;
select hub_audit_months('audit_event', (select min(at) from audit_event_v15));

insert into audit_event (id, message_id, recipient, event, from_state, to_state, detail, actor, at)
    select id, message_id, recipient, event, from_state, to_state, detail, actor, at from audit_event_v15;
drop table audit_event_v15;
alter sequence audit_event_id_seq owned by audit_event.id;

-- ---- console_audit, the same way
alter sequence console_audit_id_seq owned by none;
alter table console_audit rename to console_audit_v15;
alter table console_audit_v15 rename constraint console_audit_pkey to console_audit_v15_pkey;
alter index console_audit_at rename to console_audit_v15_at;
alter index console_audit_actor rename to console_audit_v15_actor;
alter index console_audit_message rename to console_audit_v15_message;

create table console_audit (
    id         bigint      not null default nextval('console_audit_id_seq'),
    at         timestamptz not null,
    actor      text        not null,
    action     text        not null,
    message_id uuid,
    recipient  text,
    target     text,
    reason     text,
    detail     text,
    primary key (id, at)
) partition by range (at);
create index console_audit_at on console_audit (at);
create index console_audit_actor on console_audit (actor, at);
create index console_audit_message on console_audit (message_id) where message_id is not null;
create table console_audit_default partition of console_audit default;
select hub_audit_months('console_audit', (select min(at) from console_audit_v15));

insert into console_audit (id, at, actor, action, message_id, recipient, target, reason, detail)
    select id, at, actor, action, message_id, recipient, target, reason, detail from console_audit_v15;
drop table console_audit_v15;
alter sequence console_audit_id_seq owned by console_audit.id;
