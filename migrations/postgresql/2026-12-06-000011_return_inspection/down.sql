ALTER TABLE return_applications DROP COLUMN originals;
ALTER TABLE return_applications DROP COLUMN inspected_at;
ALTER TABLE return_applications DROP COLUMN inspected_by;
ALTER TABLE return_applications DROP COLUMN inspection_json;
