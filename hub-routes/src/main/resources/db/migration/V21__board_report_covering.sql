-- Issue 12 goal 5 (the yearly board report at a million messages; benchmarks/scale.sh measures it).
--
-- Replaces V19's message_type_accepted (message_type, accepted_at) with the same keys plus message_id as a third key
-- and the columns the board report reads, so that its messages of one type over a period are read from the index
-- alone (no heap: at a million messages a year of duty-to-reports or invitations touched nearly every page of
-- message, about 30,000, against about 3,600 index pages now; the index must be all-visible, which VACUUM keeps).
--
-- ReportRepository.dutyToReportRecipients (the board report: duty-to-report copies per recipient over a period):
--   select d.recipient, count(*) from message m join delivery d on d.message_id = m.message_id
--   where m.message_type = 'duty-to-report' and m.accepted_at >= ? and m.accepted_at < ? group by d.recipient
-- ReportRepository.invitations (the board report: conference invitations per council, reached the GP or not):
--   select m.sender, exists (select 1 from delivery d join case_child cc on cc.case_reference = m.case_reference
--                            where d.message_id = m.message_id and d.recipient = cc.gp_practice), count(*)
--   from message m where m.message_type = 'conference-invitation' and m.accepted_at >= ? and m.accepted_at < ?
--   group by 1, 2
-- MessageFilter's type filter (the console's messages list, ?type=..., newest first; V19's index served it before):
--   select m.message_id, m.message_type, m.sender, m.case_reference, m.accepted_at from message m
--   where m.message_type = ? order by m.accepted_at desc, m.message_id desc limit 50
create index message_type_accepted_covering on message (message_type, accepted_at, message_id)
    include (sender, case_reference);

drop index message_type_accepted;
