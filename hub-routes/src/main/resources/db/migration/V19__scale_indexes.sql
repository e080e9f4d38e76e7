-- Indexes for a year of Wales (issue 12 goal 5: a million messages, two million deliveries, 750,000 clocks, six
-- million audit events; benchmarks/scale.sh measures them). Each serves the queries named above it; each partial one
-- holds only the rows those queries look for, so the writes that keep it are rare.

-- ConsoleMetricsRepository.waiting (the console's Now view, every 2 s: copies still waiting, per recipient),
-- ConsoleMessageRepository.deadLetters (the dead-letter list, newest first) and MessageFilter's state filter for every
-- state but the two that most copies end in (the console's messages list, ?state=dead-lettered, queued, failed,
-- accepted, outcome-given): without it each read every delivery. MessageFilter writes the state as a literal so that
-- the planner can prove it matches this predicate.
create index delivery_rare_state on delivery (state, updated_at, message_id)
    where state not in ('delivered', 'acknowledged');

-- ReportRepository.dutyToReportRecipients and ReportRepository.invitations (the board report: one type over a period)
-- and MessageFilter's type filter (the console's messages list, ?type=..., newest first).
create index message_type_accepted on message (message_type, accepted_at);

-- ConsoleMetricsRepository.overdueClocks (the Now view's overdue count), ConsoleMetricsRepository.openEscalations (the
-- Now view's escalated clocks still open: their ids, read from the index alone) and MessageFilter's overdue filter
-- (?overdue=true): clocks still running past their due time.
create index statutory_clock_open_due on statutory_clock (due_at, message_id) include (id) where met_at is null;
