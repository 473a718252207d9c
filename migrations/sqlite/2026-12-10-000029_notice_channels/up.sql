-- Notices beyond the bell (issue 16): each person's language and the kinds
-- they also want by e-mail; one delivery per notice and channel, sent
-- through the outbox pattern of the webhooks (leased, retried, logged).
CREATE TABLE notice_preferences (
    user_id BIGINT PRIMARY KEY REFERENCES users(id),
    -- zh-CN, zh-TW or en: the language of what is sent to them.
    language TEXT NOT NULL DEFAULT 'zh-CN',
    -- A JSON array of notice kinds sent by e-mail as they happen.
    email_kinds TEXT NOT NULL DEFAULT '[]',
    version BIGINT NOT NULL DEFAULT 1,
    updated_at TIMESTAMP NOT NULL
);
CREATE TABLE notice_deliveries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id BIGINT NOT NULL REFERENCES organizations(id),
    notification_id BIGINT NOT NULL REFERENCES notifications(id),
    user_id BIGINT NOT NULL REFERENCES users(id),
    channel TEXT NOT NULL,
    -- Where it goes: the e-mail address at the time of the notice.
    address TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    leased_until TIMESTAMP,
    last_error TEXT,
    sent_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX notice_deliveries_once ON notice_deliveries (notification_id, channel);
CREATE INDEX notice_deliveries_due ON notice_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX notice_deliveries_user ON notice_deliveries (user_id, id);
