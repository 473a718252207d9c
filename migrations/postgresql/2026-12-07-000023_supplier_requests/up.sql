-- A share of the responsibility may name the external company or material
-- supplier behind it (domain.md §4.3).
ALTER TABLE complaint_responsibilities ADD COLUMN supplier TEXT;

-- Supplier corrective-action requests: raised when the investigation names a
-- supplier, sent by the coordinator, answered by the supplier (recorded here),
-- accepted or sent back by QA. One open request per case and supplier.
CREATE TABLE supplier_requests (
    id BIGSERIAL PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES organizations(id),
    complaint_id BIGINT NOT NULL REFERENCES complaints(id),
    supplier TEXT NOT NULL,
    state TEXT NOT NULL,
    -- The problem as the case described it when the request was raised.
    problem TEXT NOT NULL,
    ratio_percent INTEGER NOT NULL,
    due_on DATE NOT NULL,
    root_cause TEXT,
    actions TEXT,
    answered_on DATE,
    answered_by BIGINT REFERENCES users(id),
    decided_by BIGINT REFERENCES users(id),
    decided_at TIMESTAMP,
    comment TEXT,
    raised_by BIGINT NOT NULL REFERENCES users(id),
    raised_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX supplier_requests_case ON supplier_requests (complaint_id, id);
CREATE INDEX supplier_requests_state ON supplier_requests (org_id, state, due_on, id);
CREATE UNIQUE INDEX supplier_requests_open ON supplier_requests (complaint_id, supplier) WHERE state IN ('requested', 'answered');
