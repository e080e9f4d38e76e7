-- A case is a sibling group (issue 10): each child has their own GP practice, school, police force and register
-- status. child_case keeps what belongs to the case (the council that holds it); case_child holds each child.
create table case_child (
    case_reference  text        not null references child_case (case_reference),
    -- the council's childReference for the child, or the hub's fingerprint of name and date of birth;
    -- '' is the one child of a case recorded before sibling groups (the next message about one child names them)
    child_key       text        not null,
    gp_practice     text,
    school          text,
    police_force    text,
    registered      boolean     not null default false,
    school_moved_at timestamptz,
    updated_at      timestamptz not null,
    primary key (case_reference, child_key)
);

insert into case_child (case_reference, child_key, gp_practice, school, police_force, registered, school_moved_at,
                        updated_at)
select case_reference, '', gp_practice, school, police_force, registered, school_moved_at, updated_at
from child_case;

alter table child_case drop column gp_practice, drop column school, drop column police_force,
    drop column registered, drop column school_moved_at;

-- The clocks of a child (core groups, review conferences) name the child as their subject: removing one sibling
-- from the register ends only that child's clocks. Those running now belong to the case's one child.
update statutory_clock set subject = ''
where subject is null and case_reference is not null
  and clock in ('first-core-group', 'core-group', 'first-review-conference', 'review-conference');

-- One message starts a clock once per agency owing it and per subject: an outline plan about two siblings starts a
-- first core group for each.
alter table statutory_clock drop constraint statutory_clock_message_id_clock_owed_by_key;
create unique index statutory_clock_once_per_subject on statutory_clock (message_id, clock, owed_by, coalesce(subject, ''));
