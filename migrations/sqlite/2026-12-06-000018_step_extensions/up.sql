-- A document's step may be kept to the longer limit once, with a written
-- reason (domain.md §5: 1 working day, 3 with a reason).
ALTER TABLE document_deadlines ADD COLUMN extended_at TIMESTAMP;
ALTER TABLE document_deadlines ADD COLUMN extension_reason TEXT;
