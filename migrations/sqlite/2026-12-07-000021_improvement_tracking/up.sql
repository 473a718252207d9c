-- Improvement tracking (改善追踪) after a decision. A case's marks: pure
-- human negligence (not tracked for improvement, domain.md §4.7) and an
-- irrational complaint (非理性抱怨, counted apart, seed 002 §7.7.1). Its own
-- table: the complaints row is at the width the mapping supports.
CREATE TABLE case_marks (
    complaint_id BIGINT PRIMARY KEY REFERENCES complaints(id),
    org_id BIGINT NOT NULL REFERENCES organizations(id),
    -- Set while the case is marked as pure human negligence.
    negligence_reason TEXT,
    negligence_by BIGINT REFERENCES users(id),
    negligence_at TIMESTAMP,
    -- first (the coordinator's) or second (a deferred closure); NULL when not irrational.
    irrational_level TEXT,
    irrational_follow TEXT,
    irrational_reason TEXT,
    irrational_by BIGINT REFERENCES users(id),
    irrational_at TIMESTAMP,
    updated_at TIMESTAMP NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX case_marks_irrational ON case_marks (org_id, irrational_level) WHERE irrational_level IS NOT NULL;

-- The effectiveness check of a closed case's corrective actions (措施的有效性
-- 验证, seed 002 §5.4), scheduled by the close for QA; a failed check raises
-- a new case linked to it (follow_up_id).
CREATE TABLE effectiveness_checks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id BIGINT NOT NULL REFERENCES organizations(id),
    complaint_id BIGINT NOT NULL UNIQUE REFERENCES complaints(id),
    state TEXT NOT NULL,
    due_on DATE NOT NULL,
    -- The actions to check, as the case had them when it closed.
    actions TEXT NOT NULL,
    works BOOLEAN,
    no_new_problem BOOLEAN,
    prevents_recurrence BOOLEAN,
    evidence TEXT,
    checked_by BIGINT REFERENCES users(id),
    checked_at TIMESTAMP,
    follow_up_id BIGINT REFERENCES complaints(id),
    reminded_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX effectiveness_checks_due ON effectiveness_checks (org_id, state, due_on, id);
-- The worker's scan: checks that fell due and nobody was reminded of.
CREATE INDEX effectiveness_checks_unreminded ON effectiveness_checks (due_on) WHERE state = 'scheduled' AND reminded_at IS NULL;
CREATE INDEX effectiveness_checks_follow_up ON effectiveness_checks (follow_up_id) WHERE follow_up_id IS NOT NULL;

-- Deferred closure (暂缓关闭, seed 002 §7.4.2): requested by the department
-- working on the case, decided by the coordinator's manager; one request
-- waits at a time.
CREATE TABLE closure_deferrals (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id BIGINT NOT NULL REFERENCES organizations(id),
    complaint_id BIGINT NOT NULL REFERENCES complaints(id),
    state TEXT NOT NULL,
    reason TEXT NOT NULL,
    follow TEXT NOT NULL,
    until_on DATE NOT NULL,
    requested_by BIGINT NOT NULL REFERENCES users(id),
    requested_at TIMESTAMP NOT NULL,
    decided_by BIGINT REFERENCES users(id),
    decided_at TIMESTAMP,
    comment TEXT,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX closure_deferrals_case ON closure_deferrals (complaint_id, id);
CREATE INDEX closure_deferrals_state ON closure_deferrals (org_id, state, id);
CREATE UNIQUE INDEX closure_deferrals_pending ON closure_deferrals (complaint_id) WHERE state = 'requested';
