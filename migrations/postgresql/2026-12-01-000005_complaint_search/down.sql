DROP TABLE complaint_search;
DROP FUNCTION kehu_bigrams(text);
DROP FUNCTION kehu_fold(text);
DROP INDEX complaints_org_closed;
DROP INDEX complaints_open_due;
CREATE INDEX complaints_org_state_due ON complaints (org_id, state, step_due_at);
DROP INDEX complaints_org_state_created;
