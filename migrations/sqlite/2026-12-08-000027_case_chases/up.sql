-- Which escalation of which deadline of a case was sent (domain.md §4.4): one
-- row per case, clock (step, case, containment), deadline and level, so that
-- several workers send each exactly once, and a moved deadline is chased anew.
CREATE TABLE case_chases (
    complaint_id BIGINT NOT NULL REFERENCES complaints(id),
    clock TEXT NOT NULL,
    due_at TIMESTAMP NOT NULL,
    level INTEGER NOT NULL,
    claimed_at TIMESTAMP NOT NULL,
    PRIMARY KEY (complaint_id, clock, level, due_at)
);
-- The worker walks open cases by each deadline (steps: complaints_open_due).
CREATE INDEX complaints_case_due_scan ON complaints (case_due_at) WHERE state <> 'closed';
CREATE INDEX complaints_containment_scan ON complaints (containment_due_at) WHERE containment_recorded_at IS NULL AND state <> 'closed';
