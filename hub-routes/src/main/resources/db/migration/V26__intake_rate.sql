-- Each agency's rate limit on intake, shared by every hub instance (issue 11 finding 6): one token bucket per agency,
-- its tokens and when they were last counted, read and written in one short transaction per message sent. Unlogged:
-- no WAL, not copied to a standby; after a crash the table comes back empty, which only means every agency starts
-- with a full bucket again.
create unlogged table intake_rate (
    agency      text             primary key,
    tokens      double precision not null,
    refilled_at timestamptz      not null
);
