ALTER TABLE document_deadlines DROP COLUMN extension_reason;
ALTER TABLE document_deadlines DROP COLUMN extended_at;
