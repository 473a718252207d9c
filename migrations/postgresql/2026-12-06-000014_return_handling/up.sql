-- The internal handling of returned goods (客户退换货处理单): QA inspects and
-- labels them, engineering plans, the general manager approves, PMC
-- schedules, production reworks, the warehouse receives them back. It starts
-- when the warehouse receives the return note.
ALTER TABLE return_applications ADD COLUMN handling_state TEXT;
-- Each step's record: QA's finding and label, the plan and its cost, the
-- schedule, the reworked and re-received quantities per item.
ALTER TABLE return_applications ADD COLUMN handling_json TEXT;
-- An approved exchange's new order (换货按新合同处理).
ALTER TABLE return_applications ADD COLUMN exchange_order_id BIGINT REFERENCES customer_orders(id);

UPDATE return_applications SET handling_state = 'qa_inspection', handling_json = '{}' WHERE received_at IS NOT NULL;

CREATE INDEX return_applications_handling_state ON return_applications (org_id, handling_state, id) WHERE handling_state IS NOT NULL;
