-- Lists filtered to one state, newest first, without walking past the others.
CREATE INDEX complaints_org_state_created ON complaints (org_id, state, created_at, id);
-- The task inbox and the overdue filter: open cases in deadline order. It
-- replaces (org, state, due), one index less for every action to update.
DROP INDEX complaints_org_state_due;
CREATE INDEX complaints_open_due ON complaints (org_id, step_due_at, id) WHERE state <> 'closed';
-- Statistics over the cases closed in a period.
CREATE INDEX complaints_org_closed ON complaints (org_id, closed_at) WHERE closed_at IS NOT NULL;

-- Free-text search beside the complaint (see the PostgreSQL migration); here
-- a LIKE over the folded text.
CREATE TABLE complaint_search (
    complaint_id INTEGER PRIMARY KEY REFERENCES complaints (id) ON DELETE CASCADE,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    case_text TEXT NOT NULL,
    customer_text TEXT NOT NULL,
    search_text TEXT GENERATED ALWAYS AS (case_text || ' ' || customer_text) VIRTUAL
);

-- Backfill: lower() folds ASCII only here; the service rewrites a row
-- exactly whenever its complaint's intake changes.
INSERT INTO complaint_search (complaint_id, customer_id, case_text, customer_text)
SELECT c.id, c.customer_id,
       replace(lower(coalesce(c.number, '')), ' ', '') || ' ' || replace(lower(coalesce(c.order_number, '')), ' ', '') || ' ' || replace(lower(coalesce(c.product_number, '')), ' ', '') || ' ' || replace(lower(coalesce(c.product_spec, '')), ' ', '') || ' ' || replace(lower(coalesce(c.description, '')), ' ', ''),
       replace(lower(cu.name), ' ', '')
FROM complaints c JOIN customers cu ON cu.id = c.customer_id;

CREATE INDEX complaint_search_customer ON complaint_search (customer_id);
