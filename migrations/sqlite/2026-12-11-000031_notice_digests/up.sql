-- The daily digest (issue 16): the kinds a person wants gathered into one
-- e-mail a day, at an hour of the organisation's clock. A cut claims the
-- person's notices since the last one (digest_cut_at and digest_after_id
-- move by a conditional update, so two instances cut once) and stores one
-- digest to send when it holds any: the notices with ids after after_id up
-- to through_id, read by the (user_id, id) index.
ALTER TABLE notice_preferences ADD COLUMN digest_kinds TEXT NOT NULL DEFAULT '[]';
ALTER TABLE notice_preferences ADD COLUMN digest_hour INTEGER NOT NULL DEFAULT 8;
ALTER TABLE notice_preferences ADD COLUMN digest_cut_at TIMESTAMP;
ALTER TABLE notice_preferences ADD COLUMN digest_after_id BIGINT NOT NULL DEFAULT 0;
CREATE TABLE notice_digests (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id BIGINT NOT NULL REFERENCES organizations(id),
    user_id BIGINT NOT NULL REFERENCES users(id),
    -- The time the digest covers, as shown, and the notices it holds.
    covers_from TIMESTAMP NOT NULL,
    covers_until TIMESTAMP NOT NULL,
    after_id BIGINT NOT NULL,
    through_id BIGINT NOT NULL,
    kinds TEXT NOT NULL,
    item_count INTEGER NOT NULL,
    address TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    leased_until TIMESTAMP,
    last_error TEXT,
    sent_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX notice_digests_once ON notice_digests (user_id, covers_until);
CREATE INDEX notice_digests_due ON notice_digests (next_attempt_at) WHERE status = 'pending';
