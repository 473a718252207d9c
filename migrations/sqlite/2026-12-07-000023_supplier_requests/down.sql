DROP TABLE supplier_requests;
ALTER TABLE complaint_responsibilities DROP COLUMN supplier;
