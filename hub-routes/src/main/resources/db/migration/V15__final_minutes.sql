-- Corrections run from the final minutes (issue 10 defect 7): each version of a conference's minutes records whether
-- it is the final record. Versions already held take the flag from their stored message; a version whose payload the
-- retention policy has removed counts as final, so the window of an old conference stays closed.
alter table conference_minutes add column final boolean not null default false;

update conference_minutes cm
set final = coalesce((select (convert_from(m.payload, 'UTF8')::jsonb #>> '{body,final}')::boolean
                      from message m
                      where m.message_id = cm.message_id and m.payload is not null), true);
