-- A child's case, held by a council: who is in it (invitees of each conference, the core group), the child's GP
-- practice, school and police force as the messages told the hub, and whether the child is on the register.
create table child_case (
    case_reference text primary key,
    council        text        not null,
    gp_practice    text,
    school         text,
    police_force   text,
    registered     boolean     not null default false,
    updated_at     timestamptz not null
);

create table case_member (
    case_reference text not null references child_case (case_reference),
    membership     text not null,  -- 'invitee' (of conference_id) or 'core-group'
    conference_id  text not null default '',
    agency_id      text not null,
    primary key (case_reference, membership, conference_id, agency_id)
);

-- when the final minutes of a conference reached the hub: corrections are accepted for a while after
create table conference_minutes (
    case_reference text        not null references child_case (case_reference),
    conference_id  text        not null,
    message_id     uuid        not null references message (message_id),
    received_at    timestamptz not null,
    primary key (case_reference, conference_id, message_id)
);
