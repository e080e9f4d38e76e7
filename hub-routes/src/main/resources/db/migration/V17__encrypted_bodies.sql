-- Bodies encrypted at rest (envelope encryption, see bodies/BodyCipher): each stored body has its own data key,
-- wrapped by a key-encryption key from the secret mount. payload holds the ciphertext, payload_key the id of the key
-- that wrapped payload_dek (the row's data key, wrapped). Rows written before this migration keep their body in clear
-- and are marked 'plain' (no data key); the re-wrap (POST /api/v1/operations/bodies/rewrap) encrypts them, and after
-- a key rotation moves rows to the current key, in bounded batches.
alter table message add column payload_key text not null default 'plain';
alter table message add column payload_dek bytea;
alter table inbox add column payload_key text not null default 'plain';
alter table inbox add column payload_dek bytea;
-- new rows always name their key: only the rows above take the default
alter table message alter column payload_key drop default;
alter table inbox alter column payload_key drop default;
-- the re-wrap's only query: rows under a key other than the current one (as two ranges, payload_key < or > it)
create index message_payload_key on message (payload_key) where payload is not null;
create index inbox_payload_key on inbox (payload_key) where payload is not null;
