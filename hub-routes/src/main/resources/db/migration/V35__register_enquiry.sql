-- Register enquiries (issue 15 item 3): an agency asks whether a child is on a register held by the hub's councils.
--
-- register_child: each child the register messages named, as the enquiries look them up. Never a child's identifier
-- in clear: nhs_number is the keyed hash of the NHS number (ChildFingerprints.nhsNumber, nn1-<key id>-<hex>) and
-- identity the keyed fingerprint of name and date of birth (ck1-<key id>-<hex>), whatever key the case stores the
-- child under (case_child.child_key may be the council's childReference). Written when the hub records a child going
-- on or off the register (RuleEffects, Effect.SetRegistered); registered_since is the day the child went on it.
--
-- register_enquiry: every enquiry answered, with who asked, when and why, and whether the child was found; the child
-- asked about only as the keyed hash of what was asked (subject), never in clear. (An enquiry refused, 403 422 429, is
-- counted with the hub's other refusals, refusal_count.)
--
-- register_enquiry_rate: each agency's token bucket for enquiries, as intake_rate (V26) is for messages.
--
-- Expand-only: three new tables.
create table register_child (
    case_reference   text        not null references child_case (case_reference),
    child_key        text        not null,
    council          text        not null,
    local_authority  text,
    nhs_number       text,
    identity         text,
    registered       boolean     not null,
    registered_since date,
    updated_at       timestamptz not null,
    primary key (case_reference, child_key)
);
create index register_child_nhs_number on register_child (nhs_number) where nhs_number is not null;
create index register_child_identity on register_child (identity) where identity is not null;

create table register_enquiry (
    enquiry_id     uuid        primary key,
    enquired_at    timestamptz not null,
    agency         text        not null,
    agency_kind    text        not null,
    asked_by       text        not null,  -- 'nhs-number' or 'name-and-date-of-birth'
    subject        text        not null,  -- the keyed hash of what was asked
    reason         text        not null,
    on_register    boolean     not null,
    council        text,
    case_reference text,
    notice_id      uuid                   -- the information-share that told the council, when one did
);
create index register_enquiry_at on register_enquiry (enquired_at);

create unlogged table register_enquiry_rate (
    agency      text             primary key,
    tokens      double precision not null,
    refilled_at timestamptz      not null
);
