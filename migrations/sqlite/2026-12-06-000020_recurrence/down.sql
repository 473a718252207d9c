DROP INDEX complaints_product;
ALTER TABLE complaints DROP COLUMN repeat_of_id;
