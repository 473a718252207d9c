DROP TABLE allowance_events;
DROP TABLE allowances;
