-- The step clock of the documents that follow a return's approval (the
-- return note, the goods' handling, the allowance certificate): a document
-- stays at most the policy's working days in one department, and an overdue
-- step is reminded once (催办单). One row per document: its current step.
CREATE TABLE document_deadlines (
    id BIGSERIAL PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES organizations(id),
    document TEXT NOT NULL,
    document_id BIGINT NOT NULL,
    step TEXT NOT NULL,
    entered_at TIMESTAMP NOT NULL,
    due_at TIMESTAMP NOT NULL,
    reminded_at TIMESTAMP,
    UNIQUE (document, document_id)
);
CREATE INDEX document_deadlines_due ON document_deadlines (due_at) WHERE reminded_at IS NULL;
