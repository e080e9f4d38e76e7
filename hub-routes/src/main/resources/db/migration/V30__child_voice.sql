-- How each child takes part in their conference, as the invitation (invited, advocate offered, why not) and the
-- outline plan (how they took part, advocate, why not) record it (issue 14, the child's voice; Wales Safeguarding
-- Procedures section 3 part 2): the boards' report counts it. No name or identifier of a child: a row is the child's
-- place in the message. A message sent again for the same conference replaces the rows of its stage.
--
-- Expand-only: a new table the previous release neither reads nor writes.
create table child_voice (
    case_reference text        not null,
    conference_id  text        not null,
    stage          text        not null check (stage in ('invitation', 'outline-plan')),
    child_index    integer     not null,
    council        text        not null,
    recorded_at    timestamptz not null,
    recorded       boolean     not null,
    invited        boolean,
    advocacy       boolean     not null,
    took_part      text,
    why_not        text,
    primary key (case_reference, conference_id, stage, child_index)
);
-- the report's period, for every council and for one
create index child_voice_period on child_voice (recorded_at);
create index child_voice_council on child_voice (council, recorded_at);
