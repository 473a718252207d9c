-- The monthly penalty run (domain.md §4.7): last month's closed cases, one
-- item per responsible party, confirmed by the department heads, approved by
-- the general manager, published by HR. One run per company and month.
CREATE TABLE penalty_runs (
    id BIGSERIAL PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES organizations(id),
    month TEXT NOT NULL,
    state TEXT NOT NULL,
    -- The penalty policy the run computes with, as it was when it started.
    policy_version BIGINT NOT NULL,
    policy TEXT NOT NULL,
    comment TEXT,
    created_by BIGINT NOT NULL REFERENCES users(id),
    created_at TIMESTAMP NOT NULL,
    approved_by BIGINT REFERENCES users(id),
    approved_at TIMESTAMP,
    published_by BIGINT REFERENCES users(id),
    published_at TIMESTAMP,
    updated_at TIMESTAMP NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX penalty_runs_month ON penalty_runs (org_id, month);

-- A responsible party of a case in a run (奖罚通知单 line), or a department's
-- fine for a case not closed in time (kind late_fine, share_id null).
CREATE TABLE penalty_items (
    id BIGSERIAL PRIMARY KEY,
    run_id BIGINT NOT NULL REFERENCES penalty_runs(id),
    complaint_id BIGINT NOT NULL REFERENCES complaints(id),
    kind TEXT NOT NULL,
    share_id BIGINT,
    department_id BIGINT NOT NULL REFERENCES departments(id),
    team_id BIGINT REFERENCES teams(id),
    person_id BIGINT REFERENCES users(id),
    ratio_percent INTEGER NOT NULL,
    loss_fen BIGINT NOT NULL,
    burden_fen BIGINT NOT NULL,
    sanction TEXT,
    sanction_count INTEGER,
    state TEXT NOT NULL,
    dispute_reason TEXT,
    decision TEXT,
    deferred_to TEXT,
    decided_by BIGINT REFERENCES users(id),
    decided_at TIMESTAMP,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX penalty_items_share ON penalty_items (run_id, complaint_id, kind, department_id, COALESCE(share_id, 0));
CREATE INDEX penalty_items_department ON penalty_items (run_id, department_id, id);
CREATE INDEX penalty_items_deferred ON penalty_items (deferred_to) WHERE deferred_to IS NOT NULL;

-- What the approved run charges each person, per item.
CREATE TABLE penalty_charges (
    id BIGSERIAL PRIMARY KEY,
    run_id BIGINT NOT NULL REFERENCES penalty_runs(id),
    item_id BIGINT NOT NULL REFERENCES penalty_items(id),
    user_id BIGINT NOT NULL REFERENCES users(id),
    kind TEXT NOT NULL,
    sanction TEXT,
    sanction_count INTEGER,
    amount_fen BIGINT NOT NULL
);
CREATE INDEX penalty_charges_run ON penalty_charges (run_id, user_id);
CREATE INDEX penalty_charges_user ON penalty_charges (user_id, run_id);

-- Each person's month (罚扣台账): carried in + charged = deducted + carried on.
CREATE TABLE bonus_ledger (
    id BIGSERIAL PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES organizations(id),
    user_id BIGINT NOT NULL REFERENCES users(id),
    month TEXT NOT NULL,
    run_id BIGINT NOT NULL REFERENCES penalty_runs(id),
    bonus_fen BIGINT NOT NULL,
    carried_in_fen BIGINT NOT NULL,
    charged_fen BIGINT NOT NULL,
    deducted_fen BIGINT NOT NULL,
    carried_on_fen BIGINT NOT NULL
);
CREATE UNIQUE INDEX bonus_ledger_month ON bonus_ledger (user_id, month);
CREATE INDEX bonus_ledger_run ON bonus_ledger (run_id, user_id);
