-- Where a create's result is, written in the create's own transaction: a retry
-- whose first request committed but never stored its answer (the process died
-- in between) is sent there instead of creating the thing again.
ALTER TABLE idempotency_keys ADD COLUMN applied_location TEXT;
