-- The finished-goods return note (成品退货单) of an approved application:
-- issued by sales, checked by the supervisor or manager, received by the
-- warehouse at the actual quantities, booked by accounting (or by the
-- approver of the application when more came back than tolerated).
ALTER TABLE return_applications ADD COLUMN approved_by BIGINT REFERENCES users(id);
ALTER TABLE return_applications ADD COLUMN note_number TEXT;
ALTER TABLE return_applications ADD COLUMN note_state TEXT;
-- Reason, handling, basis and the order's over-delivery tolerance.
ALTER TABLE return_applications ADD COLUMN note_json TEXT;
ALTER TABLE return_applications ADD COLUMN note_issued_by BIGINT REFERENCES users(id);
ALTER TABLE return_applications ADD COLUMN note_issued_at TIMESTAMP;
-- Quantities per item, as JSON arrays in the order of lines_json.
ALTER TABLE return_applications ADD COLUMN received_json TEXT;
-- Their sum, checked against the ledger.
ALTER TABLE return_applications ADD COLUMN received_quantity BIGINT;
ALTER TABLE return_applications ADD COLUMN received_by BIGINT REFERENCES users(id);
ALTER TABLE return_applications ADD COLUMN received_at TIMESTAMP;
-- The proof of return sales obtains from the buyer before accounting books
-- it: the original invoice stamped, a stamped copy, or a signed and stamped
-- return certificate; with its reference.
ALTER TABLE return_applications ADD COLUMN proof_kind TEXT;
ALTER TABLE return_applications ADD COLUMN proof_reference TEXT;
ALTER TABLE return_applications ADD COLUMN proof_by BIGINT REFERENCES users(id);
ALTER TABLE return_applications ADD COLUMN proof_at TIMESTAMP;
ALTER TABLE return_applications ADD COLUMN booked_json TEXT;
ALTER TABLE return_applications ADD COLUMN booked_by BIGINT REFERENCES users(id);
ALTER TABLE return_applications ADD COLUMN booked_at TIMESTAMP;

UPDATE return_applications SET approved_by = (
    SELECT e.actor_id FROM return_events e
    WHERE e.application_id = return_applications.id AND e.to_state = 'approved' AND e.action = 'approve'
    ORDER BY e.seq DESC LIMIT 1
) WHERE state = 'approved';

CREATE UNIQUE INDEX return_applications_note_number ON return_applications (org_id, note_number) WHERE note_number IS NOT NULL;
CREATE INDEX return_applications_note_state ON return_applications (org_id, note_state, id) WHERE note_state IS NOT NULL;

-- The finished-goods store's ledger (成品仓台账): one line per item and
-- movement of a document; a second receipt of the same note cannot land.
CREATE TABLE stock_ledger (
    id BIGSERIAL PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES organizations(id),
    return_id BIGINT NOT NULL REFERENCES return_applications(id),
    line_no INTEGER NOT NULL,
    movement TEXT NOT NULL,
    document TEXT NOT NULL,
    product_number TEXT NOT NULL,
    quantity BIGINT NOT NULL,
    actor_id BIGINT NOT NULL REFERENCES users(id),
    at TIMESTAMP NOT NULL,
    UNIQUE (return_id, line_no, movement)
);
CREATE INDEX stock_ledger_product ON stock_ledger (org_id, product_number, id);
