-- The routing console: each user's language, the console's own audit trail (reads of a body by a person, replays,
-- directory edits, pause/resume) and the directory edits an admin made, kept as an overlay on the directory file.

create table console_user (
    user_name  text primary key,
    language   text        not null,
    updated_at timestamptz not null
);

-- Who did what, when and why. message_id is set for actions on a message (a body read, a replay); target names
-- anything else (an agency). detail never holds a body, a child identifier or a secret.
create table console_audit (
    id         bigserial primary key,
    at         timestamptz not null,
    actor      text        not null,
    action     text        not null,
    message_id uuid,
    recipient  text,
    target     text,
    reason     text,
    detail     text
);
create index console_audit_at on console_audit (at);
create index console_audit_actor on console_audit (actor, at);
create index console_audit_message on console_audit (message_id) where message_id is not null;

-- An admin's edit of one agency, applied over the directory file at start and at once on save.
create table directory_edit (
    agency_id    text primary key,
    name_en      text,
    name_cy      text,
    endpoint_url text,
    language     text,
    contacts     text,
    updated_at   timestamptz not null,
    updated_by   text        not null
);

-- The console's views read messages and state changes by time.
create index message_accepted on message (accepted_at);
create index audit_event_at on audit_event (at) where event = 'state-changed';
