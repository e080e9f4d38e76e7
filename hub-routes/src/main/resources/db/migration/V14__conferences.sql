-- What the hub needs to know of each conference (issue 10): an invitation books it (initial or review, when, about
-- which children), and its outline plan says it was held, which meets the clock it answers: the case's initial
-- conference clock, or each child's review clock. A rescheduling invitation (same conference_id) books it again.
-- Conferences invited before V14 are not known here: their invitations met those clocks under the old rules.
create table conference (
    case_reference text        not null references child_case (case_reference),
    conference_id  text        not null,
    kind           text        not null,  -- 'initial' or 'review'
    starts_at      timestamptz not null,
    -- case_child.child_key of each child the conference is about
    child_keys     text[]      not null,
    updated_at     timestamptz not null,
    primary key (case_reference, conference_id)
);
