-- Issue 12 goal 5 (the yearly board report for one council in <= 1 s at a million messages; benchmarks/scale.sh
-- measures it). The board report for one council (GET /api/v1/console/reports?council=..., Reports with a council,
-- ReportRepository.councilFacts) counts only that council's rows, about a twentieth of a year of Wales; each of its
-- three queries reads them through the index below that names it, from the index alone where it can (VACUUM keeps the
-- pages all-visible), instead of scanning the year's copies or clocks.

-- ReportRepository.COUNCIL_DUTY_TO_REPORTS (one council's duty-to-report copies over a period):
--   select d.recipient, count(*) from delivery d
--   cross join lateral (select 1 from message m where m.message_id = d.message_id and m.message_type = 'duty-to-report'
--                         and m.accepted_at >= ? and m.accepted_at < ? limit 1) report
--   where d.recipient = ? group by d.recipient
-- the council's copies' message ids from the index alone (V1's delivery_recipient is on (recipient, state) and has to
-- read each copy from the table: at a million messages 14,000 pages of delivery, against about 2,000 here), then each
-- message by its key.
create index delivery_recipient_message on delivery (recipient, message_id);

-- ReportRepository.COUNCIL_CLOCKS (one council's clocks over a period, counted by name, agencies, outcome and minutes
-- to the outcome), its first half: the clocks the council owes
--   select clock, owed_by, waiting, started_at, due_at, met_at from statutory_clock
--   where owed_by = ? and started_at >= ? and started_at < ?
-- (at a million messages 28,000 clocks from about 300 index pages; a scan of the year read 18,000 pages of the table)
create index statutory_clock_owed_started on statutory_clock (owed_by, started_at)
    include (clock, waiting, due_at, met_at);

-- ReportRepository.COUNCIL_CLOCKS, its second half: the clocks the council waits for, owed by another agency
--   select clock, owed_by, waiting, started_at, due_at, met_at from statutory_clock
--   where waiting = ? and owed_by <> ? and started_at >= ? and started_at < ?
create index statutory_clock_waiting_started on statutory_clock (waiting, started_at)
    include (clock, owed_by, due_at, met_at);
