-- An operator may replay a dead-lettered delivery. Each replay is a new copy for the broker's duplicate detection
-- (message id + recipient + replay count), so a replayed copy is never dropped as a duplicate of the first.
alter table delivery add column replays integer not null default 0;
