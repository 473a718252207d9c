DROP INDEX return_applications_handling_state;
ALTER TABLE return_applications DROP COLUMN exchange_order_id;
ALTER TABLE return_applications DROP COLUMN handling_json;
ALTER TABLE return_applications DROP COLUMN handling_state;
