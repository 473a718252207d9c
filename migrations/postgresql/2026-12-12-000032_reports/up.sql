-- The weekly statistics count the cases registered (受理) in a week, and the
-- list filters on the registration date.
CREATE INDEX complaints_org_registered ON complaints (org_id, registered_at) WHERE registered_at IS NOT NULL;

-- Each prepared report once: the worker that inserts the row tells the
-- coordinator and the managers; another instance finds it there.
CREATE TABLE report_runs (
    id BIGSERIAL PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES organizations (id),
    kind TEXT NOT NULL,
    period TEXT NOT NULL,
    prepared_at TIMESTAMP NOT NULL,
    UNIQUE (org_id, kind, period)
);
