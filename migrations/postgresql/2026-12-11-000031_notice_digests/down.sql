DROP TABLE notice_digests;
ALTER TABLE notice_preferences DROP COLUMN digest_after_id;
ALTER TABLE notice_preferences DROP COLUMN digest_cut_at;
ALTER TABLE notice_preferences DROP COLUMN digest_hour;
ALTER TABLE notice_preferences DROP COLUMN digest_kinds;
