-- Recurrence (seed 002 §4.2.1.4: the same product or problem again): the
-- coordinator links a case to the earlier one it repeats at registration;
-- earlier cases of a product are found by the product number.
ALTER TABLE complaints ADD COLUMN repeat_of_id BIGINT REFERENCES complaints(id);
CREATE INDEX complaints_product ON complaints (org_id, product_number, created_at);
