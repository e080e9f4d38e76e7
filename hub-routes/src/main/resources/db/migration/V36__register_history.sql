-- Each registration of a child on the child protection register (issue 15 item 5; 2023 review, recommendation 4.1:
-- boards see re-registrations within 12 months, time on the register, and children still registered after their
-- second review conference). case_child.registered keeps only the current status; this keeps every period on the
-- register: a row opens when a register change (or an outline plan's decision) puts a child on the register who was
-- not on it, and closes (removed_on) when one takes them off. added_on and removed_on are the days the change took
-- effect (register-change effectiveOn, the conference's day for an outline plan). child_key is case_child's: the
-- council's childReference or the hub's keyed fingerprint, never a name, date of birth or NHS number; council is the
-- council holding the case when the child was registered. No reason, category of harm or plan: those stay in the
-- messages.
--
-- Expand-only: a new table the previous release neither reads nor writes (a registration recorded by an instance of
-- the previous release during the roll-out is not here; the next change of the child's status records it).
create table register_history (
    id             bigserial   primary key,
    case_reference text        not null,
    child_key      text        not null,
    council        text        not null,
    added_on       date        not null,
    removed_on     date,
    recorded_at    timestamptz not null,
    -- true for the rows V36 wrote from the children on the register at the time (added_on estimated, see below)
    backfilled     boolean     not null default false
);
-- at most one open registration per child of a case
create unique index register_history_open on register_history (case_reference, child_key) where removed_on is null;
create index register_history_child on register_history (child_key, removed_on);
create index register_history_added on register_history (added_on);
create index register_history_removed on register_history (removed_on);
create index register_history_council on register_history (council, added_on);

-- Backfill: the children on the register now. The hub did not keep the day they were registered: it is the start of
-- the child's latest first review conference clock (started on the day of the conference that registered them), else
-- the day case_child last changed. Removals before V36 are not known: re-registrations count from here on.
insert into register_history (case_reference, child_key, council, added_on, recorded_at, backfilled)
select cc.case_reference, cc.child_key, cs.council,
       (coalesce((select max(k.started_at) from statutory_clock k
                  where k.case_reference = cc.case_reference and k.subject = cc.child_key
                    and k.clock = 'first-review-conference'),
                 cc.updated_at) at time zone 'Europe/London')::date,
       now(), true
from case_child cc join child_case cs on cs.case_reference = cc.case_reference
where cc.registered;
