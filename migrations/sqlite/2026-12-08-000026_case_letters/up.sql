-- The letters that chase a case (domain.md §4.4): reminders (催办单) to the
-- department holding an overdue step, inquiries (洽办单) to each department
-- whose step overran its deadline on a case closed late. Numbered per month
-- (CB2612-0001, QB2612-0001); an inquiry is answered once.
CREATE TABLE case_letters (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id BIGINT NOT NULL REFERENCES organizations(id),
    complaint_id BIGINT NOT NULL REFERENCES complaints(id),
    kind TEXT NOT NULL,
    number TEXT NOT NULL,
    -- The deadline chased: the step's, the whole case's or the containment's.
    clock TEXT NOT NULL DEFAULT 'step',
    -- The escalation level it was raised at (1: the step's people).
    level INTEGER NOT NULL DEFAULT 1,
    -- The state the case waited in, and the department holding it.
    step TEXT NOT NULL,
    department_id BIGINT REFERENCES departments(id),
    due_at TIMESTAMP NOT NULL,
    -- Reminders: when issued; inquiries: when the late step was left.
    late_at TIMESTAMP NOT NULL,
    issued_by BIGINT REFERENCES users(id),
    issued_at TIMESTAMP NOT NULL,
    answer TEXT,
    answered_by BIGINT REFERENCES users(id),
    answered_at TIMESTAMP,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX case_letters_number ON case_letters (org_id, number);
CREATE INDEX case_letters_complaint ON case_letters (complaint_id, id);
