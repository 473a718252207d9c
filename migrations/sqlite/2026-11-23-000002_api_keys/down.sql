ALTER TABLE idempotency_keys DROP COLUMN etag;
DROP TABLE api_keys;
