DROP TRIGGER departments_names ON departments;
DROP TRIGGER users_names ON users;
DROP FUNCTION bump_name_generation();
DROP TABLE name_generation;
DROP SEQUENCE name_generation_seq;
ALTER TABLE complaints DROP COLUMN responsibilities_json, DROP COLUMN lines_json;
