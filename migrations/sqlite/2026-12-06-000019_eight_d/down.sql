DROP TABLE eight_d_reports;
ALTER TABLE complaints DROP COLUMN eight_d_state;
ALTER TABLE complaints DROP COLUMN eight_d_required;
