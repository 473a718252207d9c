ALTER TABLE surveys DROP COLUMN complaint_id;
DROP TABLE case_contacts;
