-- A case's timeline reads every message of the case.
create index message_case on message (case_reference, accepted_at) where case_reference is not null;
