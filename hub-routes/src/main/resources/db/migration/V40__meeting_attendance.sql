-- Attendance at strategy meetings, and the minutes' attendance at conferences (issue 15 item 1; 2023 review,
-- recommendation 2.2: "All agencies should ensure representation at strategy meetings, review child protection
-- conferences and core groups. Regional safeguarding boards should have oversight").
--
-- strategy_meeting_attendance: a row per agency a strategy-meeting-record lists (attended, apologies-and-report,
-- absent), each an invitee of the meeting's invitation. A record sent again for the same meeting replaces its rows.
--
-- conference_attendance.status and .source: the minutes (the full, agreed record) may give each invitee's attendance
-- with the three values; when they do, their rows (source 'minutes') replace the outline plan's (source
-- 'outline-plan', status null: the plan lists only who attended), and a later outline plan leaves them alone.
-- conference_family_attendance: the child's family at a conference, where the minutes record it.
--
-- Expand-only: new nullable columns and new tables the previous release neither reads nor writes (its outline plans
-- write rows with both columns null, read as the outline plan's).
create table strategy_meeting_attendance (
    case_reference text        not null,
    meeting_id     text        not null,
    agency         text        not null,
    council        text        not null,
    status         text        not null check (status in ('attended', 'apologies-and-report', 'absent')),
    held_on        date        not null,
    recorded_at    timestamptz not null,
    primary key (case_reference, meeting_id, agency)
);
create index strategy_meeting_attendance_period on strategy_meeting_attendance (recorded_at);
create index strategy_meeting_attendance_council on strategy_meeting_attendance (council, recorded_at);

alter table conference_attendance
    add column status text check (status in ('attended', 'apologies-and-report', 'absent')),
    add column source text check (source in ('outline-plan', 'minutes'));

create table conference_family_attendance (
    case_reference text        not null,
    conference_id  text        not null,
    council        text        not null,
    status         text        not null check (status in ('attended', 'absent')),
    recorded_at    timestamptz not null,
    primary key (case_reference, conference_id)
);
