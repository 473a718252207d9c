DROP TABLE customer_orders;
DROP TABLE survey_followups;
DROP TABLE surveys;
DROP TABLE visit_participants;
DROP TABLE visits;
DROP TABLE customer_verifications;
DROP TABLE customer_requests;
DROP TABLE customer_credit_checks;
ALTER TABLE customers DROP COLUMN supply_hold_reason;
