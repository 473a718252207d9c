ALTER TABLE idempotency_keys DROP COLUMN applied_location;
