-- The consumer rule set (退换货零售规则) as an alternative to the contract
-- grounds A–D: which rules judge an application, the consumer's facts
-- (purchase date, invoice, package, defect, shelf life) and, once approved,
-- when a return must be refunded.
ALTER TABLE return_applications ADD COLUMN rule_set TEXT NOT NULL DEFAULT 'business';
ALTER TABLE return_applications ADD COLUMN retail_json TEXT;
ALTER TABLE return_applications ADD COLUMN refund_due_on DATE;
