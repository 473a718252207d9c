-- 8D reports (8D 问题处理报告) of quality complaints: sections D1-D8 as JSON,
-- valid once the QA manager approves. The complaint keeps whether it needs
-- one and the report's state, written in the transaction that changes them,
-- so that its close guard reads them from the row it locks.
ALTER TABLE complaints ADD COLUMN eight_d_required BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE complaints ADD COLUMN eight_d_state TEXT;

CREATE TABLE eight_d_reports (
    id BIGSERIAL PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES organizations(id),
    complaint_id BIGINT NOT NULL UNIQUE REFERENCES complaints(id),
    name TEXT NOT NULL,
    state TEXT NOT NULL,
    report_json TEXT NOT NULL,
    -- Sections still as prefilled from the case (D2, D3), comma-separated.
    prefilled TEXT NOT NULL DEFAULT '',
    review_comment TEXT,
    created_by BIGINT NOT NULL REFERENCES users(id),
    submitted_by BIGINT REFERENCES users(id),
    submitted_at TIMESTAMP,
    approved_by BIGINT REFERENCES users(id),
    approved_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX eight_d_reports_state ON eight_d_reports (org_id, state, id);
-- The reports waiting for the QA manager, by the read rule of their cases.
CREATE INDEX complaints_eight_d ON complaints (org_id, eight_d_state, id) WHERE eight_d_state IS NOT NULL;
