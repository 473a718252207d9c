-- Petitions (签呈, domain.md §4.3): a department head disputes a decision on
-- a case in writing; the general manager decides, and may send the case back
-- to an earlier step (returned_to). One petition of a department waits at a
-- time; the case does not close while one waits.
CREATE TABLE petitions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id BIGINT NOT NULL REFERENCES organizations(id),
    complaint_id BIGINT NOT NULL REFERENCES complaints(id),
    department_id BIGINT NOT NULL REFERENCES departments(id),
    state TEXT NOT NULL,
    subject TEXT NOT NULL,
    content TEXT NOT NULL,
    -- The step the head asks the case to go back to.
    return_to TEXT,
    raised_by BIGINT NOT NULL REFERENCES users(id),
    raised_at TIMESTAMP NOT NULL,
    decided_by BIGINT REFERENCES users(id),
    decided_at TIMESTAMP,
    decision TEXT,
    -- The step the general manager sent the case back to.
    returned_to TEXT,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX petitions_case ON petitions (complaint_id, id);
CREATE INDEX petitions_state ON petitions (org_id, state, id);
CREATE UNIQUE INDEX petitions_pending ON petitions (complaint_id, department_id) WHERE state = 'pending';
