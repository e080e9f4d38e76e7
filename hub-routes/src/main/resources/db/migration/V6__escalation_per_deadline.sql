-- A clock that moves (a conference rescheduled) has a new deadline, and its notices may be owed again for it: an
-- escalation fires once per clock, step and deadline.
alter table escalation add column due_at timestamptz;
update escalation e set due_at = c.due_at from statutory_clock c where c.id = e.clock_id;
alter table escalation alter column due_at set not null;
alter table escalation drop constraint escalation_clock_id_step_key;
alter table escalation add constraint escalation_once_per_deadline unique (clock_id, step, due_at);
