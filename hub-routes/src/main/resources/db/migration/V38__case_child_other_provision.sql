-- The education providers a child of a case attends besides their school (issue 15 item 3): pupil referral units,
-- EOTAS providers, youth justice and youth support services, by directory id, as the child's otherProvision in the
-- council's messages last gave them. They take part in the case as the child's school does (register changes, alerts,
-- strategy discussions, case transfers). Null: no message has said; an empty array: a message said there are none.
--
-- Expand-only: a new nullable column the previous release neither reads nor writes.
alter table case_child add column other_provision text[];
