DROP TABLE complaint_search;
DROP INDEX complaints_org_closed;
DROP INDEX complaints_open_due;
DROP INDEX complaints_org_state_created;
