DROP TABLE report_runs;
DROP INDEX complaints_org_registered;
