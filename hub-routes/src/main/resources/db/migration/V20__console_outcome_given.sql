-- Issue 12 goal 5 (a million tracked messages; benchmarks/scale.sh measures it).

-- MessageFilter's state filter for outcome-given (the console's messages list, ?state=outcome-given, newest first):
--   select ... from message m where exists (select 1 from delivery d where d.message_id = m.message_id
--       and d.state = 'outcome-given') order by m.accepted_at desc, m.message_id desc limit 50
-- The planner walks the messages newest first and looks each one's copies up; without this index every look-up read
-- the copies' rows from the table (most of them cold), 1.2 s at a million messages. With it each is a look-up in an
-- index that holds only the copies given an outcome (they stay so: the state is final, so the index changes rarely).
create index delivery_outcome_given on delivery (message_id) where state = 'outcome-given';
