-- The customer told in time (seed 003 §5.3.1, seed 002 §7.4.1): the first
-- reply to the customer, due within the follow-up policy's hours of the
-- registration, and the contact confirming a resolved close, due within its
-- hours of the close. Opened by the action that starts the clock, recorded
-- once by sales, reminded once by the worker when late.
CREATE TABLE case_contacts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id BIGINT NOT NULL REFERENCES organizations(id),
    complaint_id BIGINT NOT NULL REFERENCES complaints(id),
    kind TEXT NOT NULL,
    opened_at TIMESTAMP NOT NULL,
    due_at TIMESTAMP NOT NULL,
    contacted_at TIMESTAMP,
    method TEXT,
    summary TEXT,
    -- First reply: the date the answer was promised to the customer.
    promised_on DATE,
    -- Close confirmation: whether the customer confirmed the outcome.
    confirmed BOOLEAN,
    -- Close confirmation: the satisfaction survey link sent with it.
    survey_id BIGINT REFERENCES surveys(id),
    recorded_by BIGINT REFERENCES users(id),
    recorded_at TIMESTAMP,
    reminded_at TIMESTAMP,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX case_contacts_case ON case_contacts (complaint_id, kind);
-- The worker's walk: contacts not made nor reminded, by deadline.
CREATE INDEX case_contacts_due ON case_contacts (due_at) WHERE contacted_at IS NULL AND reminded_at IS NULL;
-- A survey raised for a case's close confirmation names the case.
ALTER TABLE surveys ADD COLUMN complaint_id BIGINT REFERENCES complaints(id);
