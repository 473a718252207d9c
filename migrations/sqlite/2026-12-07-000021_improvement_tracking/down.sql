DROP TABLE closure_deferrals;
DROP TABLE effectiveness_checks;
DROP TABLE case_marks;
