-- The operational alert for a pull inbox nobody collects (issue 13): the uncollected copies per agency, found
-- without reading the collected ones (which are most of the table).
create index inbox_uncollected on inbox (recipient, placed_at) where acknowledged_at is null;
