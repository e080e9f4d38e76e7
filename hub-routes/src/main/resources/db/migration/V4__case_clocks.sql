-- Clocks of the child protection process belong to a case and often to a subject within it (a conference): later
-- messages of the case find them by these to stop or move them.
alter table statutory_clock add column case_reference text;
alter table statutory_clock add column subject text;
create index statutory_clock_case on statutory_clock (case_reference, clock) where met_at is null;
