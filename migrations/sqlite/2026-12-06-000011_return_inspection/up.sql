-- Customer service's on-site inspection of an approved application (function,
-- appearance, the parts list signed by the customer) and the originals
-- collected with the goods (a comma-separated set of codes).
ALTER TABLE return_applications ADD COLUMN inspection_json TEXT;
ALTER TABLE return_applications ADD COLUMN inspected_by BIGINT REFERENCES users(id);
ALTER TABLE return_applications ADD COLUMN inspected_at TIMESTAMP;
ALTER TABLE return_applications ADD COLUMN originals TEXT NOT NULL DEFAULT '';
