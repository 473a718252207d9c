DROP TRIGGER departments_names_delete;
DROP TRIGGER departments_names_update;
DROP TRIGGER departments_names_insert;
DROP TRIGGER users_names_delete;
DROP TRIGGER users_names_update;
DROP TRIGGER users_names_insert;
DROP TABLE name_generation;
ALTER TABLE complaints DROP COLUMN responsibilities_json;
ALTER TABLE complaints DROP COLUMN lines_json;
