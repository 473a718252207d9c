-- The single-complaint read is the service's hottest statement. Its lines and
-- shares are kept as JSON copies on the complaint row (written with them, in
-- the same transaction), and people's and departments' names come from an
-- in-process cache that is reloaded whenever name_generation moves: the read
-- is one row and its customer instead of seven subqueries.
ALTER TABLE complaints ADD COLUMN lines_json TEXT, ADD COLUMN responsibilities_json TEXT;

UPDATE complaints c SET
  lines_json = (SELECT json_agg(json_build_array(l.id, l.position, l.kind, l.quantity, l.unit_price_fen, l.amount_fen,
                  l.transport_cost_fen, l.settlement_fen, l.loss_fen, l.remarks) ORDER BY l.position)::text
                FROM resolution_lines l WHERE l.complaint_id = c.id),
  responsibilities_json = (SELECT json_agg(json_build_array(r.id, r.department_id, r.team, r.person_id, r.ratio_percent) ORDER BY r.id)::text
                FROM complaint_responsibilities r WHERE r.complaint_id = c.id)
WHERE EXISTS (SELECT 1 FROM resolution_lines l WHERE l.complaint_id = c.id)
   OR EXISTS (SELECT 1 FROM complaint_responsibilities r WHERE r.complaint_id = c.id);

CREATE TABLE name_generation (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  generation BIGINT NOT NULL
);
INSERT INTO name_generation (id, generation) VALUES (1, 1);

-- A fresh value on every change, never an earlier one again: a cache labelled
-- with a generation a rolled-back change wrote can never match a later one.
CREATE SEQUENCE name_generation_seq START 2;
CREATE FUNCTION bump_name_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE name_generation SET generation = nextval('name_generation_seq') WHERE id = 1;
  RETURN NULL;
END
$$;
CREATE TRIGGER users_names AFTER INSERT OR DELETE OR UPDATE OF display_name ON users
  FOR EACH STATEMENT EXECUTE FUNCTION bump_name_generation();
CREATE TRIGGER departments_names AFTER INSERT OR DELETE OR UPDATE OF name ON departments
  FOR EACH STATEMENT EXECUTE FUNCTION bump_name_generation();
