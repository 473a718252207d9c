-- Kehu schema. Portable shapes so that one diesel schema serves PostgreSQL and
-- SQLite: integer ids, integer money (fen), UTC timestamps, JSON kept as text.

CREATE TABLE organizations (
    id BIGSERIAL PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    timezone TEXT NOT NULL DEFAULT 'Asia/Shanghai',
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE departments (
    id BIGSERIAL PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES organizations(id),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (org_id, code)
);

CREATE TABLE users (
    id BIGSERIAL PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES organizations(id),
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    email TEXT,
    phone TEXT,
    password_hash TEXT NOT NULL,
    department_id BIGINT NOT NULL REFERENCES departments(id),
    active BOOLEAN NOT NULL DEFAULT TRUE,
    version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX users_department ON users (department_id);

CREATE TABLE user_roles (
    user_id BIGINT NOT NULL REFERENCES users(id),
    role TEXT NOT NULL,
    PRIMARY KEY (user_id, role)
);
CREATE INDEX user_roles_role ON user_roles (role, user_id);

CREATE TABLE refresh_tokens (
    id BIGSERIAL PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id),
    token_hash TEXT NOT NULL UNIQUE,
    family TEXT NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family);

CREATE TABLE login_failures (
    id BIGSERIAL PRIMARY KEY,
    username TEXT NOT NULL,
    address TEXT NOT NULL,
    at TIMESTAMP NOT NULL
);
CREATE INDEX login_failures_username ON login_failures (username, at);
CREATE INDEX login_failures_address ON login_failures (address, at);

CREATE TABLE customers (
    id BIGSERIAL PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES organizations(id),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    market TEXT NOT NULL,
    owner_id BIGINT NOT NULL REFERENCES users(id),
    department_id BIGINT NOT NULL REFERENCES departments(id),
    contact_name TEXT,
    contact_phone TEXT,
    address TEXT,
    status TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (org_id, code)
);
CREATE INDEX customers_owner ON customers (owner_id);
CREATE INDEX customers_org_name ON customers (org_id, name, id);

CREATE TABLE complaints (
    id BIGSERIAL PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES organizations(id),
    number TEXT,
    state TEXT NOT NULL,
    closure TEXT,
    version BIGINT NOT NULL DEFAULT 1,
    customer_id BIGINT NOT NULL REFERENCES customers(id),
    sales_department_id BIGINT NOT NULL REFERENCES departments(id),
    created_by BIGINT NOT NULL REFERENCES users(id),
    market TEXT NOT NULL,
    order_number TEXT,
    product_number TEXT,
    product_spec TEXT,
    ship_date DATE,
    quantity_shipped BIGINT,
    defective_quantity BIGINT,
    found_at TEXT,
    description TEXT,
    requests TEXT NOT NULL DEFAULT '',
    request_quantity_undetermined BOOLEAN NOT NULL DEFAULT FALSE,
    claim_amount_fen BIGINT,
    channel TEXT,
    has_sample BOOLEAN NOT NULL DEFAULT FALSE,
    sample_return_required BOOLEAN NOT NULL DEFAULT FALSE,
    severity TEXT,
    kind TEXT,
    non_quality_cause TEXT,
    is_major BOOLEAN NOT NULL DEFAULT FALSE,
    registered_at TIMESTAMP,
    step_entered_at TIMESTAMP NOT NULL,
    step_due_at TIMESTAMP,
    case_due_at TIMESTAMP,
    containment_due_at TIMESTAMP,
    containment_recorded_at TIMESTAMP,
    reminded_at TIMESTAMP,
    engineering_requested BOOLEAN NOT NULL DEFAULT FALSE,
    countermeasure_department_id BIGINT REFERENCES departments(id),
    investigation TEXT,
    containment TEXT,
    countermeasure TEXT,
    engineering_opinion TEXT,
    coordinator_remarks TEXT,
    settlement_total_fen BIGINT,
    loss_total_fen BIGINT,
    proposed_by BIGINT REFERENCES users(id),
    proposed_at TIMESTAMP,
    consolidated_opinion TEXT,
    approval_tier INTEGER,
    approver_role TEXT,
    approval_policy_version BIGINT,
    approved_by BIGINT REFERENCES users(id),
    approved_at TIMESTAMP,
    approval_comment TEXT,
    outcome TEXT,
    closed_at TIMESTAMP,
    first_closure BOOLEAN,
    supersedes_id BIGINT REFERENCES complaints(id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (org_id, number)
);
CREATE INDEX complaints_org_created ON complaints (org_id, created_at, id);
CREATE INDEX complaints_org_updated ON complaints (org_id, updated_at, id);
CREATE INDEX complaints_org_state_due ON complaints (org_id, state, step_due_at);
CREATE INDEX complaints_sales_dept ON complaints (sales_department_id, created_at, id);
CREATE INDEX complaints_customer ON complaints (customer_id, created_at, id);
CREATE INDEX complaints_overdue_scan ON complaints (step_due_at) WHERE reminded_at IS NULL AND state <> 'closed';

CREATE TABLE complaint_responsibilities (
    id BIGSERIAL PRIMARY KEY,
    complaint_id BIGINT NOT NULL REFERENCES complaints(id),
    department_id BIGINT NOT NULL REFERENCES departments(id),
    team TEXT,
    person_id BIGINT REFERENCES users(id),
    ratio_percent INTEGER NOT NULL
);
CREATE INDEX complaint_responsibilities_complaint ON complaint_responsibilities (complaint_id);

CREATE TABLE resolution_lines (
    id BIGSERIAL PRIMARY KEY,
    complaint_id BIGINT NOT NULL REFERENCES complaints(id),
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    quantity BIGINT,
    unit_price_fen BIGINT,
    amount_fen BIGINT,
    transport_cost_fen BIGINT,
    settlement_fen BIGINT NOT NULL,
    loss_fen BIGINT NOT NULL,
    remarks TEXT
);
CREATE INDEX resolution_lines_complaint ON resolution_lines (complaint_id, position);

CREATE TABLE complaint_events (
    id BIGSERIAL PRIMARY KEY,
    complaint_id BIGINT NOT NULL REFERENCES complaints(id),
    seq BIGINT NOT NULL,
    action TEXT NOT NULL,
    from_state TEXT,
    to_state TEXT NOT NULL,
    actor_id BIGINT REFERENCES users(id),
    actor_role TEXT,
    at TIMESTAMP NOT NULL,
    body TEXT NOT NULL DEFAULT '{}',
    step_due_at TIMESTAMP,
    UNIQUE (complaint_id, seq)
);

CREATE TABLE complaint_counters (
    org_id BIGINT NOT NULL REFERENCES organizations(id),
    period TEXT NOT NULL,
    last_serial BIGINT NOT NULL,
    PRIMARY KEY (org_id, period)
);

CREATE TABLE notifications (
    id BIGSERIAL PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES organizations(id),
    user_id BIGINT NOT NULL REFERENCES users(id),
    kind TEXT NOT NULL,
    complaint_id BIGINT REFERENCES complaints(id),
    title TEXT NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    read_at TIMESTAMP
);
CREATE INDEX notifications_user ON notifications (user_id, id);
CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;

CREATE TABLE outbox (
    id BIGSERIAL PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES organizations(id),
    event_type TEXT NOT NULL,
    aggregate TEXT NOT NULL,
    aggregate_id BIGINT NOT NULL,
    payload TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    delivered_at TIMESTAMP,
    attempts INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX outbox_pending ON outbox (id) WHERE delivered_at IS NULL;

CREATE TABLE audit_log (
    id BIGSERIAL PRIMARY KEY,
    org_id BIGINT,
    at TIMESTAMP NOT NULL,
    user_id BIGINT,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id BIGINT,
    request_id TEXT,
    details TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);

-- The audit log is append-only, also for someone holding the database password
-- of the service.
CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

CREATE TABLE idempotency_keys (
    id BIGSERIAL PRIMARY KEY,
    owner TEXT NOT NULL,
    idem_key TEXT NOT NULL,
    method TEXT NOT NULL,
    path TEXT NOT NULL,
    body_hash TEXT NOT NULL,
    status INTEGER,
    content_type TEXT,
    response_body BYTEA,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (owner, idem_key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

CREATE TABLE policies (
    id BIGSERIAL PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES organizations(id),
    name TEXT NOT NULL,
    version BIGINT NOT NULL,
    body TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    created_by BIGINT REFERENCES users(id),
    UNIQUE (org_id, name, version)
);

CREATE TABLE calendar_days (
    org_id BIGINT NOT NULL REFERENCES organizations(id),
    day DATE NOT NULL,
    working BOOLEAN NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (org_id, day)
);
