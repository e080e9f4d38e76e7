-- Each statutory clock keeps the name of the bank-holiday data it was counted with (StatutoryClocks.fingerprint,
-- e.g. 2018-2028:1a2b3c4d5e6f), so that after a newer bank-holiday file is loaded the hub counts again the running
-- clocks counted with older data (operations/ClockRecount) and no others. Null: counted before this column, or by a
-- hub of the previous release during a rolling upgrade; each is counted again once.
--
-- Expand-only: the previous release neither reads nor writes the column.
alter table statutory_clock add column calendar text;
-- the recount's walk: running clocks in id order
create index statutory_clock_running on statutory_clock (id) include (calendar) where met_at is null;
