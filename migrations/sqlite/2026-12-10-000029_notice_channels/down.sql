DROP TABLE notice_deliveries;
DROP TABLE notice_preferences;
