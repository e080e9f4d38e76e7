-- The directory as data (issue 9): one row per agency and a version that every change moves on. Each hub instance
-- polls the version (one row, one number) and reloads the rows when it moved, so an import, an admin's edit, an
-- addition or a removal reaches every instance within seconds. Loaded from hub.directory.location on the first start
-- (version 0); after that the database is the truth and the file is not read again.

-- The agency as the directory file gives it (JSON, endpoint URLs as written: a URL starting with / is resolved
-- against hub.directory.base-url when loaded). kind is kept beside it to count and filter without parsing.
create table directory_agency (
    id         text primary key,
    kind       text        not null,
    document   jsonb       not null,
    updated_at timestamptz not null,
    updated_by text        not null
);
create index directory_agency_kind on directory_agency (kind);

-- One row. Writers lock it (select ... for update) before they change agencies, so instances starting together load
-- the file once and concurrent edits follow one another.
create table directory_version (
    id         integer primary key check (id = 1),
    version    bigint      not null,
    updated_at timestamptz not null,
    updated_by text        not null
);
insert into directory_version (id, version, updated_at, updated_by) values (1, 0, now(), 'migration V12');

-- The console's edits before V12 were an overlay over the file, applied at every start. Kept under this name until the
-- first start of V12 loads the file: it applies them into directory_agency once and empties this table.
alter table directory_edit rename to directory_edit_before_v12;
