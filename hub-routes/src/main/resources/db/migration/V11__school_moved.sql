-- When a school-transfer moved the child: from then on the case's school is the transfer's new school, whatever a
-- later message still says in child.school (a stale value must not send the child's plan to the school it left).
alter table child_case add column school_moved_at timestamptz;
