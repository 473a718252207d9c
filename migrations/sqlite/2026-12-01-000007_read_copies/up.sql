-- See the PostgreSQL migration: JSON copies of a complaint's lines and shares
-- on its row, and a generation that moves with every name change (a random
-- value: one a rolled-back change wrote never comes back).
ALTER TABLE complaints ADD COLUMN lines_json TEXT;
ALTER TABLE complaints ADD COLUMN responsibilities_json TEXT;

UPDATE complaints SET
  lines_json = (SELECT json_group_array(json_array(l.id, l.position, l.kind, l.quantity, l.unit_price_fen, l.amount_fen,
                  l.transport_cost_fen, l.settlement_fen, l.loss_fen, l.remarks) ORDER BY l.position)
                FROM resolution_lines l WHERE l.complaint_id = complaints.id),
  responsibilities_json = (SELECT json_group_array(json_array(r.id, r.department_id, r.team, r.person_id, r.ratio_percent) ORDER BY r.id)
                FROM complaint_responsibilities r WHERE r.complaint_id = complaints.id)
WHERE EXISTS (SELECT 1 FROM resolution_lines l WHERE l.complaint_id = complaints.id)
   OR EXISTS (SELECT 1 FROM complaint_responsibilities r WHERE r.complaint_id = complaints.id);

CREATE TABLE name_generation (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  generation BIGINT NOT NULL
);
INSERT INTO name_generation (id, generation) VALUES (1, 1);

CREATE TRIGGER users_names_insert AFTER INSERT ON users
  BEGIN UPDATE name_generation SET generation = random() WHERE id = 1; END;
CREATE TRIGGER users_names_update AFTER UPDATE OF display_name ON users
  BEGIN UPDATE name_generation SET generation = random() WHERE id = 1; END;
CREATE TRIGGER users_names_delete AFTER DELETE ON users
  BEGIN UPDATE name_generation SET generation = random() WHERE id = 1; END;
CREATE TRIGGER departments_names_insert AFTER INSERT ON departments
  BEGIN UPDATE name_generation SET generation = random() WHERE id = 1; END;
CREATE TRIGGER departments_names_update AFTER UPDATE OF name ON departments
  BEGIN UPDATE name_generation SET generation = random() WHERE id = 1; END;
CREATE TRIGGER departments_names_delete AFTER DELETE ON departments
  BEGIN UPDATE name_generation SET generation = random() WHERE id = 1; END;
