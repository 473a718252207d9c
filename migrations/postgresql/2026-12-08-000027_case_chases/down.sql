DROP INDEX complaints_containment_scan;
DROP INDEX complaints_case_due_scan;
DROP TABLE case_chases;
