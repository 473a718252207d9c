DROP TABLE robot_deliveries;
DROP TABLE notice_robots;
