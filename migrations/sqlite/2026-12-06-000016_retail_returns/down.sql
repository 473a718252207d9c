ALTER TABLE return_applications DROP COLUMN refund_due_on;
ALTER TABLE return_applications DROP COLUMN retail_json;
ALTER TABLE return_applications DROP COLUMN rule_set;
