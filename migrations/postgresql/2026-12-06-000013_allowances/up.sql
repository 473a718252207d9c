-- 销货折让证明单: for an approved complaint's discount or compensation line,
-- countersigned by the sales manager and the general manager (or a deputy),
-- signed and stamped by the customer with the proof, booked by accounting.
CREATE TABLE allowances (
    id BIGSERIAL PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES organizations(id),
    number TEXT NOT NULL,
    state TEXT NOT NULL,
    kind TEXT NOT NULL,
    complaint_id BIGINT NOT NULL REFERENCES complaints(id),
    complaint_line INTEGER NOT NULL,
    customer_id BIGINT NOT NULL REFERENCES customers(id),
    sales_department_id BIGINT NOT NULL REFERENCES departments(id),
    raised_by BIGINT NOT NULL REFERENCES users(id),
    amount_fen BIGINT NOT NULL,
    invoice_number TEXT,
    reason TEXT NOT NULL,
    refusal_reason TEXT,
    decided_at TIMESTAMP,
    signer TEXT,
    signed_on DATE,
    proof_kind TEXT,
    proof_reference TEXT,
    voucher TEXT,
    booked_by BIGINT REFERENCES users(id),
    booked_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    UNIQUE (org_id, number)
);
CREATE INDEX allowances_state ON allowances (org_id, state, id);
CREATE INDEX allowances_department ON allowances (sales_department_id, state, id);
CREATE INDEX allowances_raised_by ON allowances (raised_by, id);
CREATE INDEX allowances_complaint ON allowances (complaint_id);
-- One live certificate per complaint line: a refused or withdrawn one does not block another.
CREATE UNIQUE INDEX allowances_one_per_line ON allowances (complaint_id, complaint_line) WHERE state NOT IN ('refused', 'withdrawn');

CREATE TABLE allowance_events (
    id BIGSERIAL PRIMARY KEY,
    allowance_id BIGINT NOT NULL REFERENCES allowances(id),
    seq BIGINT NOT NULL,
    action TEXT NOT NULL,
    from_state TEXT,
    to_state TEXT NOT NULL,
    actor_id BIGINT REFERENCES users(id),
    at TIMESTAMP NOT NULL,
    note TEXT,
    UNIQUE (allowance_id, seq)
);
