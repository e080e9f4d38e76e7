-- Refusals of agency API requests (401, 403, 409, 413, 415, 422, 429) per agency, minute and status (issue 11
-- finding 6): shared by every hub instance, one upsert per refusal, read by the console and the burst alert. The
-- agency is the one the token acts for ('unknown' without a valid token); no path, id or body is kept here.
create table refusal_count (
    agency   text        not null,
    minute   timestamptz not null,
    status   smallint    not null,
    refusals bigint      not null,
    primary key (agency, minute, status)
);
create index refusal_count_minute on refusal_count (minute);
