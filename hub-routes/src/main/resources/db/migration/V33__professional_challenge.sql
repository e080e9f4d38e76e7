-- Professional challenges between agencies (issue 15 item 2; 2023 review, recommendation 5.2: agencies evaluate how
-- escalation and challenge are used, and boards monitor it): a row per challenge, who challenged whom in which case
-- (council: the council that holds the case, when the hub knows it), the stage it has reached (practitioner, manager,
-- senior-manager, board) and since when, and its resolution (agreed or resolved) with the message that recorded it.
-- No words of the challenge: those stay in the messages. The boards' report counts challenges raised in a period,
-- those resolved, and the stage each reached.
--
-- Expand-only: a new table the previous release neither reads nor writes.
create table professional_challenge (
    case_reference      text        not null,
    challenge_id        text        not null,
    council             text,
    challenger          text        not null,
    challenged          text        not null,
    decision_kind       text        not null,
    raised_by_message   uuid        not null,
    raised_at           timestamptz not null,
    stage               text        not null check (stage in ('practitioner', 'manager', 'senior-manager', 'board')),
    stage_at            timestamptz not null,
    resolution          text check (resolution in ('agreed', 'resolved')),
    resolved_at         timestamptz,
    resolved_by_message uuid,
    primary key (case_reference, challenge_id)
);
create index professional_challenge_period on professional_challenge (raised_at);
create index professional_challenge_council on professional_challenge (council, raised_at);
