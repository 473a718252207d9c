-- Production teams (班组): the smallest unit a share of the responsibility
-- names (domain.md §4.7). A share keeps the team's name, so a team is never
-- renamed, only retired.
CREATE TABLE teams (
    id BIGSERIAL PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES organizations(id),
    department_id BIGINT NOT NULL REFERENCES departments(id),
    name TEXT NOT NULL,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX teams_name ON teams (department_id, name);

-- A person's pay basis, kept by HR: the team he works in, his base points
-- (基点数, in hundredths) and his monthly performance bonus.
CREATE TABLE pay_basis (
    user_id BIGINT PRIMARY KEY REFERENCES users(id),
    org_id BIGINT NOT NULL REFERENCES organizations(id),
    team_id BIGINT REFERENCES teams(id),
    base_points BIGINT NOT NULL,
    monthly_bonus_fen BIGINT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    updated_by BIGINT NOT NULL REFERENCES users(id),
    updated_at TIMESTAMP NOT NULL
);

-- Reads of someone else's personal data (pay basis, penalties, ledger):
-- who read whose, through which path, when.
CREATE TABLE personal_data_reads (
    id BIGSERIAL PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES organizations(id),
    reader_id BIGINT NOT NULL REFERENCES users(id),
    path TEXT NOT NULL,
    subject_ids TEXT NOT NULL,
    read_at TIMESTAMP NOT NULL
);
CREATE INDEX personal_data_reads_reader ON personal_data_reads (org_id, read_at, id);
