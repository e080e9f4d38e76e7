-- Copies held back behind an earlier copy of the same case to the same agency wait here, off the broker.
--
-- Before, a held copy went back on the agency's queue with a delivery delay and was looked at again and again. When
-- its delay ran out Artemis put it at the head of the queue (scheduled messages are added at the head), so after a
-- broker fail-over, when the outbox sweeper had re-queued a case's earliest copies behind later ones, the later copies
-- cycled ahead of the very copies they waited for: 800 copies to 40 agencies took minutes each (BrokerFailoverIT).
-- Now a held copy is taken off the queue and marked here; when the copy ahead of it is delivered or given up, the hub
-- queues it again (HeldCopies.release), and the outbox sweeper queues any whose turn came but was missed (a crash
-- between the two, a copy made done by another path).
--
-- held_since: when the copy was held (null: not held). It also names the re-queued copy on the broker
-- (duplicate-detection id <message>:<recipient>[:replay-n]:release-<held_since in ms>), so a release sent twice is
-- dropped by the broker.
alter table delivery add column held_since timestamptz;

-- HeldCopiesRepository.releasable (the outbox sweeper: held copies, oldest first, whose earlier copies are done):
--   select ... from delivery h join message m on m.message_id = h.message_id
--   where h.held_since is not null and h.held_since < ? and not exists (...) order by h.held_since limit ?
-- HeldCopiesRepository.nextHeld (a copy done: the held copies of its case to the same agency) reads message_case
-- (V3) and the delivery primary key; this index keeps the sweep's scan to the held copies only (none, most of the time).
create index delivery_held on delivery (held_since) where held_since is not null;
