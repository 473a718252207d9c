DROP TABLE complaint_search;
DROP FUNCTION kehu_bigrams(text);
DROP FUNCTION kehu_fold(text);
DROP INDEX complaints_org_closed;
DROP INDEX complaints_open_due;
DROP INDEX complaints_org_state_created;
