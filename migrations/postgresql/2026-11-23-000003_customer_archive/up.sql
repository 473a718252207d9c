ALTER TABLE customers ADD COLUMN category TEXT NOT NULL DEFAULT 'general';
ALTER TABLE customers ADD COLUMN customer_class TEXT;
ALTER TABLE customers ADD COLUMN credit_grade TEXT;
ALTER TABLE customers ADD COLUMN credit_limit_fen BIGINT;
ALTER TABLE customers ADD COLUMN payment_term_days BIGINT NOT NULL DEFAULT 0;
ALTER TABLE customers ADD COLUMN region TEXT;
ALTER TABLE customers ADD COLUMN industry TEXT;
ALTER TABLE customers ADD COLUMN company_nature TEXT;
ALTER TABLE customers ADD COLUMN supervising_unit TEXT;
ALTER TABLE customers ADD COLUMN legal_representative TEXT;
ALTER TABLE customers ADD COLUMN tax_id TEXT;
ALTER TABLE customers ADD COLUMN bank_name TEXT;
ALTER TABLE customers ADD COLUMN bank_account TEXT;
ALTER TABLE customers ADD COLUMN confidentiality TEXT NOT NULL DEFAULT 'secret';
ALTER TABLE customers ADD COLUMN supply_hold BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE customers ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN tax_key TEXT;
ALTER TABLE customers ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN first_contact_on DATE;
ALTER TABLE customers ADD COLUMN registration_due DATE;
ALTER TABLE customers ADD COLUMN submitted_by BIGINT REFERENCES users(id);
ALTER TABLE customers ADD COLUMN submitted_at TIMESTAMP;
ALTER TABLE customers ADD COLUMN reviewed_by BIGINT REFERENCES users(id);
ALTER TABLE customers ADD COLUMN reviewed_at TIMESTAMP;
ALTER TABLE customers ADD COLUMN review_reason TEXT;
ALTER TABLE customers ADD COLUMN archived_at TIMESTAMP;
ALTER TABLE customers ADD COLUMN protected_until DATE;
ALTER TABLE customers ADD COLUMN last_deal_on DATE;

-- Customers archived before the archive workflow existed count as archived
-- when they were created; the service fills name_key and search_text.
UPDATE customers SET submitted_at = created_at, archived_at = created_at, submitted_by = owner_id WHERE status = 'active';

CREATE INDEX customers_org_status_name ON customers (org_id, status, name, id);
CREATE INDEX customers_name_key ON customers (org_id, name_key);
CREATE INDEX customers_tax_key ON customers (org_id, tax_key);
CREATE INDEX customers_department ON customers (department_id, status);

CREATE TABLE customer_contacts (
    id BIGSERIAL PRIMARY KEY,
    customer_id BIGINT NOT NULL REFERENCES customers(id),
    position BIGINT NOT NULL,
    name TEXT NOT NULL,
    title TEXT,
    phone TEXT,
    mobile TEXT,
    email TEXT
);
CREATE INDEX customer_contacts_customer ON customer_contacts (customer_id, position);
-- The contact the old single-contact columns held becomes the first of the list.
INSERT INTO customer_contacts (customer_id, position, name, phone)
    SELECT id, 0, contact_name, contact_phone FROM customers WHERE contact_name IS NOT NULL;

CREATE TABLE customer_staff (
    customer_id BIGINT NOT NULL REFERENCES customers(id),
    user_id BIGINT NOT NULL REFERENCES users(id),
    assigned_by BIGINT REFERENCES users(id),
    assigned_at TIMESTAMP NOT NULL,
    PRIMARY KEY (customer_id, user_id)
);
CREATE INDEX customer_staff_user ON customer_staff (user_id);

-- The history of every material change: who, when, old and new.
CREATE TABLE customer_changes (
    id BIGSERIAL PRIMARY KEY,
    customer_id BIGINT NOT NULL REFERENCES customers(id),
    field TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT,
    source TEXT NOT NULL,
    changed_by BIGINT REFERENCES users(id),
    changed_at TIMESTAMP NOT NULL
);
CREATE INDEX customer_changes_customer ON customer_changes (customer_id, id);

-- 档案借阅: reading another owner's customer.
CREATE TABLE customer_access_requests (
    id BIGSERIAL PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES organizations(id),
    customer_id BIGINT NOT NULL REFERENCES customers(id),
    requester_id BIGINT NOT NULL REFERENCES users(id),
    reason TEXT NOT NULL,
    approver_role TEXT NOT NULL,
    approver_department_id BIGINT REFERENCES departments(id),
    status TEXT NOT NULL,
    decided_by BIGINT REFERENCES users(id),
    decided_at TIMESTAMP,
    decision_reason TEXT,
    valid_until TIMESTAMP,
    version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX customer_access_requester ON customer_access_requests (requester_id, customer_id, status);
CREATE INDEX customer_access_pending ON customer_access_requests (org_id, status, approver_role);

-- Every read of a record by someone who is not its owner or assigned staff.
CREATE TABLE customer_reads (
    id BIGSERIAL PRIMARY KEY,
    customer_id BIGINT NOT NULL REFERENCES customers(id),
    user_id BIGINT NOT NULL REFERENCES users(id),
    basis TEXT NOT NULL,
    what TEXT NOT NULL,
    at TIMESTAMP NOT NULL
);
CREATE INDEX customer_reads_customer ON customer_reads (customer_id, id);

-- Substring search over names, codes, contacts and phones, Chinese included:
-- trigrams match CJK characters as word characters.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX customers_search ON customers USING gin (search_text gin_trgm_ops);
