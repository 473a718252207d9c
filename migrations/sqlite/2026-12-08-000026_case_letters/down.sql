DROP TABLE case_letters;
