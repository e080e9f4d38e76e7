-- Children's fingerprints are keyed (ChildFingerprints): a child named without the council's childReference is now
-- stored as ck1-<key id>-<HMAC>, no longer as the unkeyed child-<SHA-256> a copy of the database could be checked
-- against. A stored older form cannot be rewritten from the hash alone (the name is not stored): it is rewritten when a
-- message names the child again (CaseBook.rekeyChild), in case_child, conference.child_keys and the clocks that name
-- the child as their subject.
--
-- Expand-only: two indexes the previous release does not need.
--
-- The rewrite finds a child's clocks by case among the clocks about a fingerprinted child only (running or met).
create index statutory_clock_child_subject on statutory_clock (case_reference, subject)
    where subject like 'child-%' or subject like 'ck1-%';
-- hub_child_keys_legacy counts the children still stored under an older form, once per gauge refresh.
create index case_child_fingerprint on case_child (child_key)
    where child_key like 'child-%' or child_key like 'ck1-%';
