-- Who came to each child protection conference (issue 15 item 1; 2023 review, recommendation 2.2: agencies ensure
-- representation at review conferences, and boards oversee it): a row per agency invited, as the conference's
-- outline plan records it (attended: in its attended list). The boards' report counts places and attendances by
-- agency and conference kind. An outline plan sent again for the same conference replaces its rows.
--
-- Expand-only: a new table the previous release neither reads nor writes.
create table conference_attendance (
    case_reference text        not null,
    conference_id  text        not null,
    agency         text        not null,
    kind           text        not null check (kind in ('initial', 'review')),
    council        text        not null,
    attended       boolean     not null,
    recorded_at    timestamptz not null,
    primary key (case_reference, conference_id, agency)
);
create index conference_attendance_period on conference_attendance (recorded_at);
create index conference_attendance_council on conference_attendance (council, recorded_at);
