ALTER TABLE customers ADD COLUMN supply_hold_reason TEXT;

-- 信用调查: the record a payment term is granted on.
CREATE TABLE customer_credit_checks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    customer_id BIGINT NOT NULL REFERENCES customers(id),
    investigated_by BIGINT NOT NULL REFERENCES users(id),
    investigated_on DATE NOT NULL,
    summary TEXT NOT NULL,
    recommended_grade TEXT,
    recommended_limit_fen BIGINT,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX customer_credit_checks_customer ON customer_credit_checks (customer_id, id);

-- Changes that need a manager's approval: credit (grade, limit, payment
-- terms) and deregistration.
CREATE TABLE customer_requests (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id BIGINT NOT NULL REFERENCES organizations(id),
    customer_id BIGINT NOT NULL REFERENCES customers(id),
    kind TEXT NOT NULL,
    requested_by BIGINT NOT NULL REFERENCES users(id),
    credit_grade TEXT,
    credit_limit_fen BIGINT,
    payment_term_days BIGINT,
    credit_check_id BIGINT REFERENCES customer_credit_checks(id),
    reason TEXT NOT NULL,
    approver_role TEXT NOT NULL,
    approver_department_id BIGINT REFERENCES departments(id),
    status TEXT NOT NULL,
    decided_by BIGINT REFERENCES users(id),
    decided_at TIMESTAMP,
    decision_reason TEXT,
    version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX customer_requests_customer ON customer_requests (customer_id, id);
CREATE INDEX customer_requests_pending ON customer_requests (org_id, status, approver_role);

-- 每季度核实: one task per active customer and quarter.
CREATE TABLE customer_verifications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id BIGINT NOT NULL REFERENCES organizations(id),
    customer_id BIGINT NOT NULL REFERENCES customers(id),
    period TEXT NOT NULL,
    due_on DATE NOT NULL,
    assignee_id BIGINT NOT NULL REFERENCES users(id),
    status TEXT NOT NULL,
    confirmed_via TEXT,
    changes TEXT,
    note TEXT,
    completed_by BIGINT REFERENCES users(id),
    completed_at TIMESTAMP,
    version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (customer_id, period)
);
CREATE INDEX customer_verifications_assignee ON customer_verifications (assignee_id, status, due_on);
CREATE INDEX customer_verifications_org ON customer_verifications (org_id, status, due_on);

-- 回访: plan -> record -> next-day report -> supervisor review.
CREATE TABLE visits (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id BIGINT NOT NULL REFERENCES organizations(id),
    customer_id BIGINT NOT NULL REFERENCES customers(id),
    planned_by BIGINT NOT NULL REFERENCES users(id),
    planned_on DATE NOT NULL,
    purpose TEXT NOT NULL,
    content TEXT,
    method TEXT NOT NULL,
    status TEXT NOT NULL,
    visited_on DATE,
    record TEXT,
    recorded_by BIGINT REFERENCES users(id),
    recorded_at TIMESTAMP,
    report TEXT,
    reported_at TIMESTAMP,
    report_due_on DATE,
    expense_fen BIGINT,
    expense_note TEXT,
    reviewed_by BIGINT REFERENCES users(id),
    reviewed_at TIMESTAMP,
    review_comment TEXT,
    version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX visits_customer ON visits (customer_id, planned_on);
CREATE INDEX visits_org_status ON visits (org_id, status, planned_on);
CREATE INDEX visits_planner ON visits (planned_by, status);

CREATE TABLE visit_participants (
    visit_id BIGINT NOT NULL REFERENCES visits(id),
    user_id BIGINT NOT NULL REFERENCES users(id),
    PRIMARY KEY (visit_id, user_id)
);
CREATE INDEX visit_participants_user ON visit_participants (user_id);

-- 满意度调查: six dimensions, five levels (5 = 很满意 ... 1 = 不满意).
CREATE TABLE surveys (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id BIGINT NOT NULL REFERENCES organizations(id),
    customer_id BIGINT NOT NULL REFERENCES customers(id),
    product TEXT,
    period TEXT NOT NULL,
    channel TEXT NOT NULL,
    token_hash TEXT UNIQUE,
    token_expires_at TIMESTAMP,
    created_by BIGINT NOT NULL REFERENCES users(id),
    respondent TEXT,
    submitted_at TIMESTAMP,
    score_quality BIGINT,
    score_delivery BIGINT,
    score_price BIGINT,
    score_service BIGINT,
    score_comparison BIGINT,
    score_other BIGINT,
    remarks TEXT NOT NULL DEFAULT '{}',
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX surveys_customer ON surveys (customer_id, submitted_at);
CREATE INDEX surveys_org_period ON surveys (org_id, period);

-- A poor score opens a follow-up for the responsible department.
CREATE TABLE survey_followups (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id BIGINT NOT NULL REFERENCES organizations(id),
    survey_id BIGINT NOT NULL REFERENCES surveys(id),
    customer_id BIGINT NOT NULL REFERENCES customers(id),
    dimension TEXT NOT NULL,
    score BIGINT NOT NULL,
    department_id BIGINT NOT NULL REFERENCES departments(id),
    status TEXT NOT NULL,
    resolution TEXT,
    closed_by BIGINT REFERENCES users(id),
    closed_at TIMESTAMP,
    version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX survey_followups_department ON survey_followups (department_id, status);

-- Orders entered or imported: purchases by quarter, the last deal.
CREATE TABLE customer_orders (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id BIGINT NOT NULL REFERENCES organizations(id),
    customer_id BIGINT NOT NULL REFERENCES customers(id),
    order_number TEXT NOT NULL,
    ordered_on DATE NOT NULL,
    amount_fen BIGINT NOT NULL,
    discount_fen BIGINT NOT NULL DEFAULT 0,
    cost_fen BIGINT,
    entered_by BIGINT REFERENCES users(id),
    created_at TIMESTAMP NOT NULL,
    UNIQUE (org_id, order_number)
);
CREATE INDEX customer_orders_customer ON customer_orders (customer_id, ordered_on);
CREATE INDEX customer_orders_org_date ON customer_orders (org_id, ordered_on);
