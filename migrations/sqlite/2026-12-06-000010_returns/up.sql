-- 客户退换货申请单: a return, exchange or rework applied for by sales, from
-- an approved complaint's line or on its own, approved by the sales
-- supervisor, the marketing manager and the general manager.
CREATE TABLE return_applications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id BIGINT NOT NULL REFERENCES organizations(id),
    number TEXT NOT NULL,
    kind TEXT NOT NULL,
    state TEXT NOT NULL,
    customer_id BIGINT NOT NULL REFERENCES customers(id),
    complaint_id BIGINT REFERENCES complaints(id),
    complaint_line INTEGER,
    order_number TEXT,
    sales_department_id BIGINT NOT NULL REFERENCES departments(id),
    raised_by BIGINT NOT NULL REFERENCES users(id),
    reason TEXT NOT NULL,
    sample_unit BOOLEAN NOT NULL DEFAULT FALSE,
    -- The items as a JSON array (product, description, quantity, unit price).
    lines_json TEXT NOT NULL,
    total_fen BIGINT NOT NULL,
    within_warranty TEXT,
    below_standard TEXT,
    cannot_pay TEXT,
    major_change TEXT,
    retention_note TEXT,
    step_entered_at TIMESTAMP NOT NULL,
    step_due_at TIMESTAMP,
    extended BOOLEAN NOT NULL DEFAULT FALSE,
    extension_reason TEXT,
    refusal_reason TEXT,
    reminded_at TIMESTAMP,
    decided_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    UNIQUE (org_id, number)
);
CREATE INDEX return_applications_state ON return_applications (org_id, state, id);
CREATE INDEX return_applications_department ON return_applications (sales_department_id, state, id);
CREATE INDEX return_applications_raised_by ON return_applications (raised_by, id);
CREATE INDEX return_applications_complaint ON return_applications (complaint_id);
CREATE INDEX return_applications_customer ON return_applications (customer_id, id);
CREATE INDEX return_applications_due ON return_applications (step_due_at) WHERE reminded_at IS NULL;

-- Who did what to an application, one row per change.
CREATE TABLE return_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id BIGINT NOT NULL REFERENCES return_applications(id),
    seq BIGINT NOT NULL,
    action TEXT NOT NULL,
    from_state TEXT,
    to_state TEXT NOT NULL,
    actor_id BIGINT REFERENCES users(id),
    at TIMESTAMP NOT NULL,
    note TEXT,
    UNIQUE (application_id, seq)
);

-- One live application per complaint line: a refused or withdrawn one does
-- not block another.
CREATE UNIQUE INDEX return_applications_one_per_line ON return_applications (complaint_id, complaint_line)
    WHERE complaint_id IS NOT NULL AND state NOT IN ('refused', 'withdrawn');
