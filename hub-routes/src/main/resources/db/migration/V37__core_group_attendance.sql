-- Who came to each core group meeting (issue 15 item 1; 2023 review, recommendation 2.2: "All agencies should ensure
-- representation at strategy meetings, review child protection conferences and core groups. Regional safeguarding
-- boards should have oversight"), as the plan update recording the meeting (coreGroupMetOn) gives it: a row per
-- agency listed (attended, apologies-and-report, absent), and one for the child's family where recorded (party
-- 'family', no agency). A core group is the child's own (child_key: the council's reference or the hub's keyed
-- fingerprint, never a name). An update sent again for the same meeting replaces its rows.
--
-- Expand-only: a new table the previous release neither reads nor writes.
create table core_group_attendance (
    case_reference text        not null,
    child_key      text        not null,
    plan_id        text        not null,
    met_on         date        not null,
    party          text        not null check (party in ('agency', 'family')),
    agency         text,
    council        text        not null,
    status         text        not null check (status in ('attended', 'apologies-and-report', 'absent')),
    recorded_at    timestamptz not null,
    check ((party = 'agency') = (agency is not null))
);
create unique index core_group_attendance_key
    on core_group_attendance (case_reference, child_key, plan_id, met_on, party, coalesce(agency, ''));
create index core_group_attendance_agency on core_group_attendance (case_reference, child_key, agency, met_on);
create index core_group_attendance_period on core_group_attendance (recorded_at);
create index core_group_attendance_council on core_group_attendance (council, recorded_at);
