-- Group robots (群机器人) of WeCom, DingTalk and Feishu that post notices of
-- the kinds they take to a department's group chat, and one delivery per
-- notice and robot, leased and retried like the webhooks'.
CREATE TABLE notice_robots (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id BIGINT NOT NULL REFERENCES organizations(id),
    name TEXT NOT NULL,
    -- wecom, dingtalk or feishu: the message format and the signature.
    platform TEXT NOT NULL,
    url TEXT NOT NULL,
    -- DingTalk's and Feishu's signing secret (加签), when the robot has one.
    secret TEXT,
    language TEXT NOT NULL DEFAULT 'zh-CN',
    -- A JSON array of notice kinds the robot posts.
    kinds TEXT NOT NULL DEFAULT '[]',
    active BOOLEAN NOT NULL DEFAULT TRUE,
    version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE TABLE robot_deliveries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id BIGINT NOT NULL REFERENCES organizations(id),
    robot_id BIGINT NOT NULL REFERENCES notice_robots(id),
    kind TEXT NOT NULL,
    complaint_id BIGINT REFERENCES complaints(id),
    params TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    leased_until TIMESTAMP,
    last_status_code INTEGER,
    last_error TEXT,
    sent_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX robot_deliveries_due ON robot_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX robot_deliveries_robot ON robot_deliveries (robot_id, id);
