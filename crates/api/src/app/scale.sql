-- Scale data for benchmarks (PostgreSQL): set-based and deterministic. The
-- placeholders :ORG, :CUSTOMERS, :COMPLAINTS and :SEED are substituted first.
-- rnd(i, salt) is a repeatable pseudo-random number in [0, 1).
-- Foreign-key triggers are off for this transaction (the rows are made
-- consistent by construction and `kehu check-invariants` runs after): checking
-- ten million references one by one takes longer than writing them. Needs a
-- superuser, as benchmark databases have.
SET LOCAL session_replication_role = replica;

CREATE OR REPLACE FUNCTION pg_temp.rnd(i BIGINT, salt TEXT) RETURNS DOUBLE PRECISION AS $$
    SELECT ('x' || substr(md5(i::TEXT || ':' || salt || ':' || ':SEED'), 1, 8))::BIT(32)::BIGINT / 4294967296.0
$$ LANGUAGE SQL IMMUTABLE;

-- Salespeople: 10 sales departments of 10 people each, with a manager.
INSERT INTO departments (org_id, code, name, kind, created_at, updated_at)
SELECT :ORG, 'scale-sales-' || d, '业务' || d || '部（规模）', 'sales', now(), now()
FROM generate_series(1, 10) d
ON CONFLICT DO NOTHING;

INSERT INTO users (org_id, username, display_name, password_hash, department_id, created_at, updated_at)
SELECT :ORG, 'scale_sales_' || d || '_' || p, '业务员' || d || '-' || p,
       (SELECT password_hash FROM users WHERE username = 'sales'),
       (SELECT id FROM departments WHERE org_id = :ORG AND code = 'scale-sales-' || d), now(), now()
FROM generate_series(1, 10) d, generate_series(0, 10) p
ON CONFLICT DO NOTHING;

INSERT INTO user_roles (user_id, role)
SELECT id, CASE WHEN username LIKE '%\_0' THEN 'sales_manager' ELSE 'sales' END FROM users WHERE username LIKE 'scale\_sales\_%'
ON CONFLICT DO NOTHING;

CREATE TEMP TABLE scale_sellers AS
SELECT row_number() OVER (ORDER BY u.id) - 1 AS idx, u.id, u.department_id
FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'sales'
WHERE u.org_id = :ORG;

-- Customers with Chinese names from a few regions and trades.
INSERT INTO customers (org_id, code, name, kind, market, owner_id, department_id, contact_name, contact_phone, address, status, created_at, updated_at,
                       category, customer_class, region, confidentiality, submitted_by, submitted_at, archived_at, protected_until)
SELECT :ORG,
       'S' || lpad(i::TEXT, 7, '0'),
       (ARRAY['苏州','宁波','东莞','无锡','佛山','青岛','重庆','天津','合肥','长沙'])[1 + (i % 10)]
         || (ARRAY['精密机械','汽配制造','电子科技','五金制品','模具','电气','新材料','塑胶','轴承','液压'])[1 + ((i / 10) % 10)]
         || (ARRAY['有限公司','股份有限公司','实业有限公司'])[1 + ((i / 100) % 3)] || i,
       CASE WHEN i % 17 = 0 THEN 'natural' ELSE 'legal' END,
       CASE WHEN i % 9 = 0 THEN 'foreign' ELSE 'domestic' END,
       s.id, s.department_id,
       (ARRAY['王','李','张','刘','陈','杨','赵','黄','周','吴'])[1 + (i % 10)] || (ARRAY['建国','娜','伟','芳','磊','静','强','敏','军','丽'])[1 + ((i / 7) % 10)],
       '138' || lpad((i * 7919 % 100000000)::TEXT, 8, '0'),
       '工业园区' || (i % 500) || '号',
       'active', now() - ((i % 1000) || ' days')::INTERVAL, now(),
       (ARRAY['general','general','target','key','potential'])[1 + (i % 5)],
       (ARRAY['A','B','C','C','C'])[1 + ((i / 3) % 5)],
       (ARRAY['华东','华南','华北','西南','华中','欧洲'])[1 + (i % 6)],
       CASE WHEN i % 50 = 0 THEN 'confidential' ELSE 'secret' END,
       s.id, now() - ((i % 1000) || ' days')::INTERVAL, now() - ((i % 1000) || ' days')::INTERVAL,
       (now() - ((i % 1000) || ' days')::INTERVAL + INTERVAL '2 months')::DATE
FROM (SELECT i, i % (SELECT COUNT(*) FROM scale_sellers) AS seller_idx FROM generate_series(1, :CUSTOMERS) i) g
JOIN scale_sellers s ON s.idx = g.seller_idx;

-- The derived keys the service keeps: the folded name and the search text.
UPDATE customers SET name_key = lower(regexp_replace(name, '[^[:alnum:]]', '', 'g')),
                     search_text = lower(name || ' ' || code || ' ' || contact_name || ' ' || contact_phone)
WHERE org_id = :ORG AND code LIKE 'S%';

INSERT INTO customer_contacts (customer_id, position, name, title, phone)
SELECT id, 0, contact_name, '采购经理', contact_phone FROM customers WHERE org_id = :ORG AND code LIKE 'S%';

CREATE TEMP TABLE scale_customers AS
SELECT row_number() OVER (ORDER BY id) - 1 AS idx, id, market, department_id, owner_id FROM customers WHERE org_id = :ORG AND code LIKE 'S%';

-- The route a case has walked, by how far it got (1 = draft ... 12 = closed).
CREATE TEMP TABLE scale_route (step INT PRIMARY KEY, action TEXT, from_state TEXT, to_state TEXT, role TEXT);
INSERT INTO scale_route VALUES
 (1, 'create', NULL, 'draft', 'sales'),
 (2, 'submit', 'draft', 'awaiting_registration', 'sales'),
 (3, 'register', 'awaiting_registration', 'qa_investigation', 'coordinator'),
 (4, 'conclude_investigation', 'qa_investigation', 'production_countermeasure', 'qa'),
 (5, 'submit_countermeasure', 'production_countermeasure', 'coordinator_review', 'production'),
 (6, 'forward_to_sales', 'coordinator_review', 'sales_proposal', 'coordinator'),
 (7, 'propose_resolution', 'sales_proposal', 'consolidation', 'sales'),
 (8, 'submit_for_approval', 'consolidation', 'pending_approval', 'coordinator'),
 (9, 'approve', 'pending_approval', 'customer_negotiation', 'sales_manager'),
 (10, 'record_outcome', 'customer_negotiation', 'awaiting_countersign', 'sales'),
 (11, 'countersign', 'awaiting_countersign', 'awaiting_close', 'sales_supervisor'),
 (12, 'close', 'awaiting_close', 'closed', 'coordinator');

-- Complaints over the last three years; cases older than a month are closed.
CREATE TEMP TABLE scale_plan AS
SELECT i,
       now() - (pg_temp.rnd(i, 'age') * 1095 || ' days')::INTERVAL AS created_at,
       pg_temp.rnd(i, 'state') AS r_state,
       pg_temp.rnd(i, 'amount') AS r_amount,
       pg_temp.rnd(i, 'sev') AS r_sev,
       -- A plain column, so the join below is a hash join, not a nested loop.
       (i * 7) % (SELECT COUNT(*) FROM scale_customers) AS customer_idx
FROM generate_series(1, :COMPLAINTS) i;
CREATE INDEX ON scale_customers (idx);
ANALYZE scale_plan;
ANALYZE scale_customers;

CREATE TEMP TABLE scale_cases AS
SELECT p.i, p.created_at, p.r_amount, p.r_sev,
       CASE WHEN p.created_at < now() - INTERVAL '30 days' THEN 12 ELSE 1 + floor(p.r_state * 11)::INT END AS steps,
       c.id AS customer_id, c.market, c.department_id, c.owner_id
FROM scale_plan p JOIN scale_customers c ON c.idx = p.customer_idx;

INSERT INTO complaints (org_id, state, closure, version, customer_id, sales_department_id, created_by, market,
    order_number, product_number, product_spec, ship_date, quantity_shipped, defective_quantity, found_at, description,
    requests, claim_amount_fen, channel, severity, kind, non_quality_cause, is_major, countermeasure_department_id, investigation, registered_at, step_entered_at, step_due_at, case_due_at,
    settlement_total_fen, loss_total_fen, proposed_by, proposed_at, consolidated_opinion, approval_tier, approver_role,
    approval_policy_version, approved_by, approved_at, outcome, closed_at, first_closure, created_at, updated_at)
SELECT :ORG, r.to_state, CASE WHEN s.steps = 12 THEN 'resolved' END, s.steps, s.customer_id, s.department_id, s.owner_id, s.market,
    'SO-' || s.i, (ARRAY['BRK','SHF','GEAR','PIN','HSG'])[1 + s.i % 5] || '-' || (1000 + s.i % 977), '标准', s.created_at::DATE - 10,
    1000, 1 + (s.i % 200), '来料检验',
    (ARRAY['边缘毛刺，装配卡滞','镀层起泡','尺寸超差','包装破损','标签与规格不符','混料','异响','锈蚀'])[1 + s.i % 8] || '（批次 ' || s.i || '）',
    'compensation', floor(s.r_amount * 20000000)::BIGINT, 'phone',
    CASE WHEN s.steps >= 3 THEN (ARRAY['severe','general','incidental'])[1 + floor(s.r_sev * 3)::INT] END,
    CASE WHEN s.steps >= 3 THEN CASE WHEN s.i % 4 = 0 THEN 'non_quality' ELSE 'quality' END END,
    CASE WHEN s.steps >= 3 AND s.i % 4 = 0 THEN (ARRAY['late_delivery','wrong_shipment','storage_or_transport_damage','label_mismatch'])[1 + (s.i / 4) % 4] END,
    s.i % 97 = 0,
    CASE WHEN s.steps >= 4 THEN CASE WHEN s.i % 5 = 0 THEN (SELECT id FROM departments WHERE org_id = :ORG AND code = 'engineering')
                                      ELSE (SELECT id FROM departments WHERE org_id = :ORG AND code = 'production') END END,
    CASE WHEN s.steps >= 4 THEN '{"defect_verified":true,"cause":"' || (ARRAY['模具磨损','来料不良','工艺参数漂移','包装不当','操作失误'])[1 + s.i % 5] || '"}' END,
    CASE WHEN s.steps >= 3 THEN s.created_at + INTERVAL '4 hours' END,
    s.created_at + (s.steps || ' days')::INTERVAL,
    CASE WHEN s.steps < 12 AND s.steps > 1 THEN s.created_at + ((s.steps + 2) || ' days')::INTERVAL END,
    CASE WHEN s.steps >= 3 THEN s.created_at + INTERVAL '4 hours' + (CASE WHEN s.market = 'foreign' THEN 17 ELSE 13 END || ' days')::INTERVAL END,
    CASE WHEN s.steps >= 7 THEN floor(s.r_amount * 20000000)::BIGINT END,
    CASE WHEN s.steps >= 7 THEN floor(s.r_amount * 20000000)::BIGINT END,
    CASE WHEN s.steps >= 7 THEN s.owner_id END,
    CASE WHEN s.steps >= 7 THEN s.created_at + INTERVAL '6 days' END,
    CASE WHEN s.steps >= 8 THEN '同意' END,
    CASE WHEN s.steps >= 8 THEN CASE WHEN s.r_amount * 200000 <= 100000 THEN 1 WHEN s.r_amount * 200000 <= 150000 THEN 2 ELSE 3 END END,
    CASE WHEN s.steps >= 8 THEN CASE WHEN s.r_amount * 200000 <= 100000 THEN 'sales_manager' WHEN s.r_amount * 200000 <= 150000 THEN 'deputy_gm' ELSE 'gm' END END,
    CASE WHEN s.steps >= 8 THEN 1 END,
    NULL, CASE WHEN s.steps >= 9 THEN s.created_at + INTERVAL '8 days' END,
    CASE WHEN s.steps >= 10 THEN '{"accepted":true}' END,
    CASE WHEN s.steps = 12 THEN s.created_at + INTERVAL '11 days' END,
    CASE WHEN s.steps = 12 THEN s.i % 7 <> 0 END,
    s.created_at, s.created_at + (s.steps || ' days')::INTERVAL
FROM scale_cases s JOIN scale_route r ON r.step = s.steps
ORDER BY s.created_at;

-- Numbers: per month of registration, in registration order; counters to match.
UPDATE complaints c SET number = n.number
FROM (
    SELECT id, to_char(registered_at AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai', 'YYMM') || '-' ||
           -- At least four digits; lpad alone would truncate serials past 9999.
           lpad(serial::TEXT, GREATEST(4, length(serial::TEXT)), '0') AS number
    FROM (
      SELECT id, registered_at,
             row_number() OVER (PARTITION BY to_char(registered_at AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai', 'YYMM') ORDER BY registered_at, id)
               + COALESCE((SELECT last_serial FROM complaint_counters k WHERE k.org_id = :ORG
                   AND k.period = to_char(registered_at AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai', 'YYMM')), 0) AS serial
      FROM complaints WHERE org_id = :ORG AND registered_at IS NOT NULL AND number IS NULL
    ) numbered
) n WHERE c.id = n.id;

INSERT INTO complaint_counters (org_id, period, last_serial)
SELECT :ORG, split_part(number, '-', 1), COUNT(*) FROM complaints WHERE org_id = :ORG AND number IS NOT NULL GROUP BY 2
ON CONFLICT (org_id, period) DO UPDATE SET last_serial = EXCLUDED.last_serial;

-- The rows above were written in this transaction: without fresh statistics
-- the planner takes the table for empty and probes the history per case.
ANALYZE complaints;
ANALYZE complaint_events;

-- History: one event per step walked.
INSERT INTO complaint_events (complaint_id, seq, action, from_state, to_state, actor_id, actor_role, at, body, step_due_at)
SELECT c.id, r.step, r.action, r.from_state, r.to_state,
       CASE WHEN r.role = 'sales' THEN c.created_by END, r.role,
       c.created_at + ((r.step - 1) || ' days')::INTERVAL, '{}',
       CASE WHEN r.step < 12 THEN c.created_at + ((r.step + 2) || ' days')::INTERVAL END
FROM complaints c JOIN scale_route r ON r.step <= c.version
WHERE c.org_id = :ORG AND c.product_spec = '标准' AND c.order_number LIKE 'SO-%'
  AND NOT EXISTS (SELECT 1 FROM complaint_events e WHERE e.complaint_id = c.id);

-- Resolution lines for every proposed case.
INSERT INTO resolution_lines (complaint_id, position, kind, amount_fen, settlement_fen, loss_fen)
SELECT id, 0, 'compensation', settlement_total_fen, settlement_total_fen, settlement_total_fen
FROM complaints c WHERE org_id = :ORG AND settlement_total_fen IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM resolution_lines l WHERE l.complaint_id = c.id);

-- Responsibility for every investigated case: the countermeasure unit, with
-- QA sharing a third of every seventh case.
INSERT INTO complaint_responsibilities (complaint_id, department_id, team, person_id, ratio_percent, supplier)
SELECT c.id, c.countermeasure_department_id, '一班', NULL::BIGINT, CASE WHEN c.id % 7 = 0 THEN 70 ELSE 100 END, NULL
FROM complaints c WHERE c.org_id = :ORG AND c.countermeasure_department_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM complaint_responsibilities r WHERE r.complaint_id = c.id)
UNION ALL
SELECT c.id, (SELECT id FROM departments WHERE org_id = :ORG AND code = 'quality'), NULL, NULL::BIGINT, 30,
       -- Every other one of QA's shares is a supplier's (incoming material).
       CASE WHEN c.id % 14 = 0 THEN (ARRAY['江苏华力铸造有限公司','宏达电镀厂','昆山精工模具','浙江恒泰钢材','苏州联创包装'])[1 + (c.id / 14) % 5] END
FROM complaints c WHERE c.org_id = :ORG AND c.countermeasure_department_id IS NOT NULL AND c.id % 7 = 0
  AND NOT EXISTS (SELECT 1 FROM complaint_responsibilities r WHERE r.complaint_id = c.id);

-- The row's copies of its lines and shares, as the service keeps them.
UPDATE complaints c SET
  lines_json = (SELECT json_agg(json_build_array(l.id, l.position, l.kind, l.quantity, l.unit_price_fen, l.amount_fen,
                  l.transport_cost_fen, l.settlement_fen, l.loss_fen, l.remarks) ORDER BY l.position)::text
                FROM resolution_lines l WHERE l.complaint_id = c.id),
  responsibilities_json = (SELECT json_agg(CASE WHEN r.supplier IS NULL THEN json_build_array(r.id, r.department_id, r.team, r.person_id, r.ratio_percent)
                  ELSE json_build_array(r.id, r.department_id, r.team, r.person_id, r.ratio_percent, r.supplier) END ORDER BY r.id)::text
                FROM complaint_responsibilities r WHERE r.complaint_id = c.id)
WHERE c.org_id = :ORG AND (c.settlement_total_fen IS NOT NULL OR c.countermeasure_department_id IS NOT NULL)
  AND c.lines_json IS NULL AND c.responsibilities_json IS NULL;

-- Search rows, folded as the service folds them; the indexes are built
-- once afterwards rather than row by row.
DROP INDEX IF EXISTS complaint_search_trigrams;
DROP INDEX IF EXISTS complaint_search_bigrams;
INSERT INTO complaint_search (complaint_id, customer_id, case_text, customer_text)
SELECT c.id, c.customer_id,
       concat_ws(' ', kehu_fold(c.number), kehu_fold(c.order_number), kehu_fold(c.product_number), kehu_fold(c.product_spec), kehu_fold(c.description)),
       kehu_fold(cu.name)
FROM complaints c JOIN customers cu ON cu.id = c.customer_id
WHERE c.org_id = :ORG AND NOT EXISTS (SELECT 1 FROM complaint_search s WHERE s.complaint_id = c.id);
CREATE INDEX complaint_search_trigrams ON complaint_search USING gin (search_text gin_trgm_ops);
CREATE INDEX complaint_search_bigrams ON complaint_search USING gin (kehu_bigrams(search_text));

-- Return applications: one for every twentieth complaint, on its customer,
-- raised by its salesperson, in every place of the chain (older ones are
-- decided). Numbered per month as the service numbers them.
CREATE TEMP TABLE scale_return_route (path TEXT, seq INT, action TEXT, from_state TEXT, to_state TEXT);
INSERT INTO scale_return_route VALUES
 ('chain', 1, 'create', NULL, 'draft'),
 ('chain', 2, 'submit', 'draft', 'supervisor_review'),
 ('chain', 3, 'approve', 'supervisor_review', 'marketing_review'),
 ('chain', 4, 'approve', 'marketing_review', 'gm_approval'),
 ('chain', 5, 'approve', 'gm_approval', 'approved'),
 ('refused', 1, 'create', NULL, 'draft'),
 ('refused', 2, 'submit', 'draft', 'supervisor_review'),
 ('refused', 3, 'approve', 'supervisor_review', 'marketing_review'),
 ('refused', 4, 'refuse', 'marketing_review', 'refused'),
 ('withdrawn', 1, 'create', NULL, 'draft'),
 ('withdrawn', 2, 'withdraw', 'draft', 'withdrawn');

CREATE TEMP TABLE scale_returns AS
SELECT c.id AS complaint_id, c.customer_id, c.sales_department_id, c.created_by, c.product_number, c.defective_quantity,
       c.created_at + INTERVAL '9 days' AS created_at, pg_temp.rnd(c.id, 'return') AS r,
       CASE WHEN c.id % 3 = 0 THEN 'exchange' WHEN c.id % 7 = 0 THEN 'rework' ELSE 'return' END AS kind
FROM complaints c WHERE c.org_id = :ORG AND c.id % 20 = 0 AND c.order_number LIKE 'SO-%'
  AND NOT EXISTS (SELECT 1 FROM return_applications a WHERE a.org_id = :ORG AND a.order_number = 'SO-' || c.id);

ALTER TABLE scale_returns ADD COLUMN state TEXT, ADD COLUMN path TEXT, ADD COLUMN steps INT;
UPDATE scale_returns SET
  state = CASE WHEN r < 0.62 OR (created_at < now() - INTERVAL '30 days' AND r < 0.80) THEN 'approved'
               WHEN r < 0.80 THEN (ARRAY['draft','supervisor_review','marketing_review','gm_approval'])[1 + floor((r - 0.62) / 0.045)::INT]
               WHEN r < 0.92 THEN 'refused' ELSE 'withdrawn' END;
UPDATE scale_returns SET
  path = CASE state WHEN 'refused' THEN 'refused' WHEN 'withdrawn' THEN 'withdrawn' ELSE 'chain' END,
  steps = CASE state WHEN 'draft' THEN 1 WHEN 'supervisor_review' THEN 2 WHEN 'marketing_review' THEN 3 WHEN 'gm_approval' THEN 4
                     WHEN 'approved' THEN 5 WHEN 'refused' THEN 4 ELSE 2 END;

INSERT INTO return_applications (org_id, number, kind, state, customer_id, complaint_id, complaint_line, order_number, sales_department_id,
    raised_by, reason, sample_unit, lines_json, total_fen, within_warranty, below_standard, retention_note, step_entered_at, step_due_at,
    refusal_reason, decided_at, created_at, updated_at, version)
SELECT :ORG, 'TH-scale-' || s.complaint_id, s.kind, s.state, s.customer_id, NULL, NULL, 'SO-' || s.complaint_id, s.sales_department_id,
    s.created_by, (ARRAY['整批尺寸超差，客户要求退货','型号选错，要求换货','外观划伤，返厂重修','客户转产，余货退回'])[1 + s.complaint_id % 4],
    s.complaint_id % 50 = 0,
    json_build_array(json_build_object('product_number', s.product_number, 'description', NULL, 'quantity', s.defective_quantity,
                                       'unit_price', 1000 + s.complaint_id % 9000))::TEXT,
    s.defective_quantity * (1000 + s.complaint_id % 9000),
    '保修卡：交货日起一年内', '客户来料检验判定不合格',
    CASE WHEN s.steps >= 3 AND s.path <> 'withdrawn' THEN '已拜访客户，客户坚持退换' END,
    s.created_at + ((s.steps - 1) || ' hours')::INTERVAL,
    CASE WHEN s.state IN ('supervisor_review','marketing_review','gm_approval') THEN s.created_at + ((s.steps - 1) || ' hours')::INTERVAL + INTERVAL '1 day' END,
    CASE WHEN s.state = 'refused' THEN '客户同意改为折让' END,
    CASE WHEN s.state IN ('approved','refused') THEN s.created_at + ((s.steps - 1) || ' hours')::INTERVAL END,
    s.created_at, s.created_at + ((s.steps - 1) || ' hours')::INTERVAL, s.steps
FROM scale_returns s
ORDER BY s.created_at;

UPDATE return_applications a SET number = n.number
FROM (
    SELECT id, 'TH' || to_char(created_at AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai', 'YYMM') || '-' ||
           lpad(serial::TEXT, GREATEST(4, length(serial::TEXT)), '0') AS number
    FROM (
      SELECT id, created_at,
             row_number() OVER (PARTITION BY to_char(created_at AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai', 'YYMM') ORDER BY created_at, id)
               + COALESCE((SELECT last_serial FROM complaint_counters k WHERE k.org_id = :ORG
                   AND k.period = 'TH' || to_char(created_at AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai', 'YYMM')), 0) AS serial
      FROM return_applications WHERE org_id = :ORG AND number LIKE 'TH-scale-%'
    ) numbered
) n WHERE a.id = n.id;

INSERT INTO complaint_counters (org_id, period, last_serial)
SELECT :ORG, split_part(number, '-', 1), COUNT(*) FROM return_applications WHERE org_id = :ORG GROUP BY 2
ON CONFLICT (org_id, period) DO UPDATE SET last_serial = EXCLUDED.last_serial;

INSERT INTO return_events (application_id, seq, action, from_state, to_state, actor_id, at, note)
SELECT a.id, r.seq, r.action, r.from_state, r.to_state, CASE WHEN r.seq <= 2 OR r.action = 'withdraw' THEN a.raised_by END,
       a.created_at + ((r.seq - 1) || ' hours')::INTERVAL, CASE WHEN r.action = 'refuse' THEN a.refusal_reason END
FROM return_applications a
JOIN scale_returns s ON s.complaint_id = substring(a.order_number FROM 4)::BIGINT AND a.order_number LIKE 'SO-%'
JOIN scale_return_route r ON r.path = s.path AND r.seq <= a.version
WHERE a.org_id = :ORG AND NOT EXISTS (SELECT 1 FROM return_events e WHERE e.application_id = a.id);
-- The general manager gave the final approval (the events leave approvers unnamed).
UPDATE return_applications a SET approved_by = (
    SELECT MIN(u.id) FROM users u JOIN user_roles ur ON ur.user_id = u.id AND ur.role = 'gm' WHERE u.org_id = :ORG)
WHERE a.org_id = :ORG AND a.state = 'approved' AND a.approved_by IS NULL;

-- Return notes on approved applications decided at least three days ago:
-- 30 % none yet, then issued, checked, received, proven, booked in
-- proportion. Every step the service would take is an event (and a version):
-- the inspection (not for sample units), the originals, then the note's steps.
CREATE TEMP TABLE scale_notes AS
SELECT a.id, a.version AS v0, a.decided_at, a.raised_by, a.sample_unit,
       (a.lines_json::json -> 0 ->> 'quantity')::BIGINT AS qty, (a.lines_json::json -> 0 ->> 'product_number') AS product,
       CASE WHEN r < 0.30 THEN 0 WHEN r < 0.40 THEN 1 WHEN r < 0.50 THEN 2 WHEN r < 0.58 THEN 3 WHEN r < 0.63 THEN 4 ELSE 5 END AS steps
FROM (SELECT a.*, pg_temp.rnd(a.id, 'note') AS r FROM return_applications a
      WHERE a.org_id = :ORG AND a.state = 'approved' AND a.note_state IS NULL AND a.originals = ''
        AND a.decided_at < now() - INTERVAL '3 days') a;
DELETE FROM scale_notes WHERE steps = 0;

CREATE TEMP TABLE scale_note_route (seq INT, action TEXT);
INSERT INTO scale_note_route VALUES (1, 'inspect'), (2, 'collect_originals'), (3, 'issue_note'), (4, 'verify_note'), (5, 'receive'), (6, 'record_proof'), (7, 'book');

INSERT INTO return_events (application_id, seq, action, from_state, to_state, actor_id, at, note)
SELECT n.id, n.v0 + row_number() OVER (PARTITION BY n.id ORDER BY r.seq), r.action, 'approved', 'approved',
       n.raised_by, n.decided_at + (r.seq || ' hours')::INTERVAL, NULL
FROM scale_notes n JOIN scale_note_route r ON r.seq <= n.steps + 2 AND NOT (r.action = 'inspect' AND n.sample_unit);

UPDATE return_applications a SET
  inspection_json = CASE WHEN n.sample_unit THEN NULL ELSE
    '{"function":"defective","function_note":"抽检不合格","appearance":"good","appearance_note":null,"parts":[],"signed_by":"客户代表","signed_on":"'
    || to_char(n.decided_at + INTERVAL '1 hour', 'YYYY-MM-DD') || '"}' END,
  inspected_by = CASE WHEN n.sample_unit THEN NULL ELSE n.raised_by END,
  inspected_at = CASE WHEN n.sample_unit THEN NULL ELSE n.decided_at + INTERVAL '1 hour' END,
  originals = 'contract,receipt,delivery_note,warranty_card,packing_list',
  note_number = 'CT-scale-' || n.id,
  note_state = (ARRAY['issued', 'to_receive', 'to_book', 'to_book', 'booked'])[n.steps],
  note_json = json_build_object('reason', a.reason, 'handling', '退回成品仓', 'basis', a.number, 'tolerance_bp', NULL)::TEXT,
  note_issued_by = n.raised_by, note_issued_at = n.decided_at + INTERVAL '3 hours',
  received_json = CASE WHEN n.steps >= 3 THEN json_build_array(n.qty)::TEXT END,
  received_quantity = CASE WHEN n.steps >= 3 THEN n.qty END,
  received_by = CASE WHEN n.steps >= 3 THEN n.raised_by END,
  received_at = CASE WHEN n.steps >= 3 THEN n.decided_at + INTERVAL '5 hours' END,
  proof_kind = CASE WHEN n.steps >= 4 THEN 'invoice_stamped' END,
  proof_by = CASE WHEN n.steps >= 4 THEN n.raised_by END,
  proof_at = CASE WHEN n.steps >= 4 THEN n.decided_at + INTERVAL '6 hours' END,
  booked_json = CASE WHEN n.steps >= 5 THEN json_build_array(n.qty)::TEXT END,
  booked_by = CASE WHEN n.steps >= 5 THEN n.raised_by END,
  booked_at = CASE WHEN n.steps >= 5 THEN n.decided_at + INTERVAL '7 hours' END,
  version = (SELECT MAX(e.seq) FROM return_events e WHERE e.application_id = a.id)
FROM scale_notes n WHERE a.id = n.id;

INSERT INTO stock_ledger (org_id, return_id, line_no, movement, document, product_number, quantity, actor_id, at)
SELECT :ORG, n.id, 0, 'return_receipt', 'CT-scale-' || n.id, n.product, n.qty, n.raised_by, n.decided_at + INTERVAL '5 hours'
FROM scale_notes n WHERE n.steps >= 3;

UPDATE return_applications a SET note_number = n.number
FROM (
    SELECT id, 'CT' || to_char(note_issued_at AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai', 'YYMM') || '-' ||
           lpad(serial::TEXT, GREATEST(4, length(serial::TEXT)), '0') AS number
    FROM (
      SELECT id, note_issued_at,
             row_number() OVER (PARTITION BY to_char(note_issued_at AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai', 'YYMM') ORDER BY note_issued_at, id)
               + COALESCE((SELECT last_serial FROM complaint_counters k WHERE k.org_id = :ORG
                   AND k.period = 'CT' || to_char(note_issued_at AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai', 'YYMM')), 0) AS serial
      FROM return_applications WHERE org_id = :ORG AND note_number LIKE 'CT-scale-%'
    ) numbered
) n WHERE a.id = n.id;
UPDATE stock_ledger l SET document = a.note_number FROM return_applications a WHERE l.return_id = a.id AND l.document LIKE 'CT-scale-%';

INSERT INTO complaint_counters (org_id, period, last_serial)
SELECT :ORG, split_part(note_number, '-', 1), COUNT(*) FROM return_applications WHERE org_id = :ORG AND note_number IS NOT NULL GROUP BY 2
ON CONFLICT (org_id, period) DO UPDATE SET last_serial = EXCLUDED.last_serial;

-- The received goods' handling, in proportion: most done, the rest along
-- the route; every step an event, the record its parts, the ledger its
-- rework lines.
CREATE TEMP TABLE scale_handling AS
SELECT n.id, n.raised_by, n.qty, n.product, n.decided_at + INTERVAL '5 hours' AS received_at, a.version AS v0,
       CASE WHEN r < 0.10 THEN 0 WHEN r < 0.20 THEN 1 WHEN r < 0.25 THEN 2 WHEN r < 0.30 THEN 3 WHEN r < 0.35 THEN 4 WHEN r < 0.40 THEN 5 ELSE 6 END AS steps
FROM (SELECT n.*, pg_temp.rnd(n.id, 'handling') AS r FROM scale_notes n WHERE n.steps >= 3) n
JOIN return_applications a ON a.id = n.id;

CREATE TEMP TABLE scale_handling_route (seq INT, action TEXT, state TEXT);
INSERT INTO scale_handling_route VALUES (1, 'qa_inspect', 'analysis'), (2, 'plan', 'plan_approval'), (3, 'approve_plan', 'scheduling'),
    (4, 'schedule', 'rework'), (5, 'complete_rework', 're_receipt'), (6, 're_receive', 'done');

INSERT INTO return_events (application_id, seq, action, from_state, to_state, actor_id, at, note)
SELECT h.id, h.v0 + r.seq, r.action, 'approved', 'approved', h.raised_by, h.received_at + (r.seq || ' hours')::INTERVAL, NULL
FROM scale_handling h JOIN scale_handling_route r ON r.seq <= h.steps;

UPDATE return_applications a SET
  handling_state = (ARRAY['qa_inspection', 'analysis', 'plan_approval', 'scheduling', 'rework', 're_receipt', 'done'])[h.steps + 1],
  handling_json = json_build_object(
      'qa', CASE WHEN h.steps >= 1 THEN json_build_object('finding', '外观检验不良', 'label', '待整改') END,
      'plan', CASE WHEN h.steps >= 2 THEN json_build_object('analysis', '不良件分析', 'disposition', 'rework', 'plan', '更换不良件', 'cost', 50000) END,
      'rejection', NULL,
      'schedule', CASE WHEN h.steps >= 4 THEN json_build_object('start_on', to_char(h.received_at + INTERVAL '1 day', 'YYYY-MM-DD'),
          'finish_on', to_char(h.received_at + INTERVAL '2 days', 'YYYY-MM-DD'), 'production_unit', '返修线', 'material_issue', NULL) END,
      'reworked', CASE WHEN h.steps >= 5 THEN json_build_array(h.qty) END,
      're_received', CASE WHEN h.steps >= 6 THEN json_build_array(h.qty) END)::TEXT,
  version = h.v0 + h.steps
FROM scale_handling h WHERE a.id = h.id;

INSERT INTO stock_ledger (org_id, return_id, line_no, movement, document, product_number, quantity, actor_id, at)
SELECT :ORG, h.id, 0, m.movement, a.note_number, h.product, m.sign * h.qty, h.raised_by, h.received_at + (m.at || ' hours')::INTERVAL
FROM scale_handling h JOIN return_applications a ON a.id = h.id
JOIN (VALUES ('rework_issue', -1, 5, 5), ('rework_receipt', 1, 6, 6)) m(movement, sign, from_step, at) ON h.steps >= m.from_step;

-- Allowance certificates: one for every tenth settled complaint (its
-- compensation line), raised by its salesperson, in every state.
CREATE TEMP TABLE scale_allowances AS
SELECT c.id AS complaint_id, c.customer_id, c.sales_department_id, c.created_by, c.settlement_total_fen AS amount,
       c.approved_at AS at, pg_temp.rnd(c.id, 'allowance') AS r
FROM complaints c WHERE c.org_id = :ORG AND c.approved_at IS NOT NULL AND c.settlement_total_fen IS NOT NULL AND c.id % 10 = 3
  AND EXISTS (SELECT 1 FROM resolution_lines l WHERE l.complaint_id = c.id AND l.position = 0 AND l.kind = 'compensation')
  AND NOT EXISTS (SELECT 1 FROM allowances a WHERE a.complaint_id = c.id);
ALTER TABLE scale_allowances ADD COLUMN state TEXT, ADD COLUMN steps INT;
UPDATE scale_allowances SET state = CASE WHEN r < 0.05 THEN 'manager_review' WHEN r < 0.10 THEN 'gm_review' WHEN r < 0.20 THEN 'approved'
    WHEN r < 0.30 THEN 'signed' WHEN r < 0.93 THEN 'booked' WHEN r < 0.97 THEN 'refused' ELSE 'withdrawn' END;
UPDATE scale_allowances SET steps = CASE state WHEN 'manager_review' THEN 1 WHEN 'gm_review' THEN 2 WHEN 'approved' THEN 3 WHEN 'signed' THEN 4
    WHEN 'booked' THEN 5 WHEN 'refused' THEN 2 ELSE 2 END;

INSERT INTO allowances (org_id, number, state, kind, complaint_id, complaint_line, customer_id, sales_department_id, raised_by, amount_fen,
    invoice_number, reason, refusal_reason, decided_at, signer, signed_on, proof_kind, proof_reference, voucher, booked_by, booked_at,
    created_at, updated_at, version)
SELECT :ORG, 'ZR-scale-' || s.complaint_id, s.state, 'compensation', s.complaint_id, 0, s.customer_id, s.sales_department_id, s.created_by, s.amount,
    'INV-' || s.complaint_id, '依客户抱怨处理单核决赔偿',
    CASE WHEN s.state = 'refused' THEN '改为下批货款抵扣' END,
    CASE WHEN s.state IN ('approved', 'signed', 'booked', 'refused') THEN s.at + INTERVAL '2 hours' END,
    CASE WHEN s.steps >= 4 THEN '客户代表' END,
    CASE WHEN s.steps >= 4 THEN (s.at + INTERVAL '1 day')::DATE END,
    CASE WHEN s.steps >= 4 THEN 'return_certificate' END, NULL,
    CASE WHEN s.steps >= 5 THEN '记-' || s.complaint_id END,
    CASE WHEN s.steps >= 5 THEN s.created_by END,
    CASE WHEN s.steps >= 5 THEN s.at + INTERVAL '2 days' END,
    s.at, s.at + (s.steps || ' hours')::INTERVAL, s.steps
FROM scale_allowances s ORDER BY s.at;

INSERT INTO allowance_events (allowance_id, seq, action, from_state, to_state, actor_id, at, note)
SELECT a.id, g.seq,
       CASE WHEN g.seq = 1 THEN 'create' WHEN a.state = 'refused' THEN 'refuse' WHEN a.state = 'withdrawn' THEN 'withdraw'
            WHEN g.seq <= 3 THEN 'approve' WHEN g.seq = 4 THEN 'sign' ELSE 'book' END,
       CASE WHEN g.seq = 1 THEN NULL ELSE (ARRAY['manager_review', 'gm_review', 'approved', 'signed'])[g.seq - 1] END,
       CASE WHEN g.seq = a.version THEN a.state ELSE (ARRAY['manager_review', 'gm_review', 'approved', 'signed', 'booked'])[g.seq] END,
       a.raised_by, a.created_at + ((g.seq - 1) || ' hours')::INTERVAL, CASE WHEN a.state = 'refused' AND g.seq = 2 THEN a.refusal_reason END
FROM allowances a JOIN generate_series(1, 5) g(seq) ON g.seq <= a.version
WHERE a.org_id = :ORG AND a.number LIKE 'ZR-scale-%';

UPDATE allowances a SET number = n.number
FROM (
    SELECT id, 'ZR' || to_char(created_at AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai', 'YYMM') || '-' ||
           lpad(serial::TEXT, GREATEST(4, length(serial::TEXT)), '0') AS number
    FROM (
      SELECT id, created_at,
             row_number() OVER (PARTITION BY to_char(created_at AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai', 'YYMM') ORDER BY created_at, id)
               + COALESCE((SELECT last_serial FROM complaint_counters k WHERE k.org_id = :ORG
                   AND k.period = 'ZR' || to_char(created_at AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai', 'YYMM')), 0) AS serial
      FROM allowances WHERE org_id = :ORG AND number LIKE 'ZR-scale-%'
    ) numbered
) n WHERE a.id = n.id;

INSERT INTO complaint_counters (org_id, period, last_serial)
SELECT :ORG, split_part(number, '-', 1), COUNT(*) FROM allowances WHERE org_id = :ORG GROUP BY 2
ON CONFLICT (org_id, period) DO UPDATE SET last_serial = EXCLUDED.last_serial;
-- 8D reports: every tenth severe quality case past QA's conclusion needs
-- one; closed cases had theirs approved, open ones are written, in review or
-- approved. Each step is an event and a version of the case, as the service
-- writes them (open, submit, approve).
CREATE TEMP TABLE scale_8d AS
SELECT c.id, c.org_id, c.number, c.product_number, c.state, c.version, c.updated_at,
       CASE WHEN c.state = 'closed' THEN 3 ELSE 1 + c.id % 3 END AS steps
FROM complaints c
WHERE c.org_id = :ORG AND c.severity = 'severe' AND c.kind = 'quality' AND c.version >= 4 AND c.number IS NOT NULL AND c.id % 10 = 0;

INSERT INTO eight_d_reports (org_id, complaint_id, name, state, report_json, prefilled, created_by,
    submitted_by, submitted_at, approved_by, approved_at, created_at, updated_at, version)
SELECT e.org_id, e.id, e.number || '-' || e.product_number, (ARRAY['draft', 'in_review', 'approved'])[e.steps],
       '{"team":[],"problem":"","containment":[],"root_cause":{"methods":[],"cause":""},"actions":[],"verification":{},"prevention":{"documents":[]},"closure":null}',
       '', q.id,
       CASE WHEN e.steps >= 2 THEN q.id END, CASE WHEN e.steps >= 2 THEN e.updated_at END,
       CASE WHEN e.steps = 3 THEN m.id END, CASE WHEN e.steps = 3 THEN e.updated_at END,
       e.updated_at, e.updated_at, e.steps
FROM scale_8d e
CROSS JOIN (SELECT id FROM users WHERE org_id = :ORG AND username = 'qa') q
CROSS JOIN (SELECT id FROM users WHERE org_id = :ORG AND username = 'qa_manager') m;

INSERT INTO complaint_events (complaint_id, seq, action, from_state, to_state, actor_id, actor_role, at, body, step_due_at)
SELECT e.id, e.version + k, (ARRAY['open_8d', 'submit_8d', 'approve_8d'])[k], e.state, e.state, NULL,
       CASE WHEN k = 3 THEN 'qa_manager' ELSE 'qa' END, e.updated_at, '{}', NULL
FROM scale_8d e CROSS JOIN generate_series(1, 3) k WHERE k <= e.steps;

UPDATE complaints c SET eight_d_required = TRUE, eight_d_state = (ARRAY['draft', 'in_review', 'approved'])[e.steps], version = c.version + e.steps
FROM scale_8d e WHERE c.id = e.id;
ANALYZE eight_d_reports;

-- Improvement tracking. Every fourth case closed resolved with the
-- responsible unit's actions (a quality case) has its effectiveness check: scheduled
-- 30 days after the close, passed by QA when that day is behind. Every 40th
-- registered case is marked irrational (the coordinator) and every 60th
-- pure human negligence (QA); every 200th open registered case has a
-- deferral request waiting. Each is an event and a version of the case.
CREATE TEMP TABLE scale_checks AS
SELECT c.id, c.org_id, c.version, c.closed_at, (c.closed_at + INTERVAL '30 days')::date AS due_on,
       CASE WHEN c.closed_at + INTERVAL '30 days' < now() THEN 2 ELSE 1 END AS steps
FROM complaints c
WHERE c.org_id = :ORG AND c.state = 'closed' AND c.closure = 'resolved' AND c.kind = 'quality' AND c.id % 4 = 1;

INSERT INTO effectiveness_checks (org_id, complaint_id, state, due_on, actions, works, no_new_problem, prevents_recurrence,
    evidence, checked_by, checked_at, reminded_at, created_at, updated_at, version)
SELECT k.org_id, k.id, CASE WHEN k.steps = 2 THEN 'passed' ELSE 'scheduled' END, k.due_on, '["刃口每 5 万冲次检查一次"]',
       CASE WHEN k.steps = 2 THEN TRUE END, CASE WHEN k.steps = 2 THEN TRUE END, CASE WHEN k.steps = 2 THEN TRUE END,
       CASE WHEN k.steps = 2 THEN '后续 3 批无同类不良' END, CASE WHEN k.steps = 2 THEN q.id END,
       CASE WHEN k.steps = 2 THEN k.closed_at + INTERVAL '30 days' END,
       CASE WHEN k.steps = 2 THEN k.closed_at + INTERVAL '30 days' END,
       k.closed_at, k.closed_at + (k.steps - 1) * INTERVAL '30 days', k.steps
FROM scale_checks k CROSS JOIN (SELECT id FROM users WHERE org_id = :ORG AND username = 'qa') q;

INSERT INTO complaint_events (complaint_id, seq, action, from_state, to_state, actor_id, actor_role, at, body, step_due_at)
SELECT k.id, k.version + n, (ARRAY['schedule_effectiveness_check', 'pass_effectiveness_check'])[n], 'closed', 'closed', NULL,
       CASE WHEN n = 1 THEN 'coordinator' ELSE 'qa' END, k.closed_at + (n - 1) * INTERVAL '30 days', '{}', NULL
FROM scale_checks k CROSS JOIN generate_series(1, 2) n WHERE n <= k.steps;

UPDATE complaints c SET version = c.version + k.steps FROM scale_checks k WHERE c.id = k.id;
ANALYZE effectiveness_checks;

CREATE TEMP TABLE scale_marks AS
SELECT c.id, c.org_id, c.version, c.registered_at, c.id % 40 = 0 AS irrational, c.id % 60 = 0 AS negligence
FROM complaints c
WHERE c.org_id = :ORG AND c.number IS NOT NULL AND c.registered_at IS NOT NULL AND (c.id % 40 = 0 OR c.id % 60 = 0);

INSERT INTO case_marks (complaint_id, org_id, negligence_reason, negligence_by, negligence_at,
    irrational_level, irrational_follow, irrational_reason, irrational_by, irrational_at, updated_at, version)
SELECT m.id, m.org_id,
       CASE WHEN m.negligence THEN '作业员漏检' END, CASE WHEN m.negligence THEN q.id END, CASE WHEN m.negligence THEN m.registered_at END,
       CASE WHEN m.irrational THEN 'first' END, CASE WHEN m.irrational THEN (ARRAY['watch', 'monitor'])[1 + m.id % 2] END,
       CASE WHEN m.irrational THEN '客户期望值过高' END, CASE WHEN m.irrational THEN co.id END, CASE WHEN m.irrational THEN m.registered_at END,
       m.registered_at, 1
FROM scale_marks m
CROSS JOIN (SELECT id FROM users WHERE org_id = :ORG AND username = 'qa') q
CROSS JOIN (SELECT id FROM users WHERE org_id = :ORG AND username = 'coordinator') co;

INSERT INTO complaint_events (complaint_id, seq, action, from_state, to_state, actor_id, actor_role, at, body, step_due_at)
SELECT c.id, c.version + e.n, e.action, c.state, c.state, NULL, e.role, m.registered_at, '{}', NULL
FROM scale_marks m JOIN complaints c ON c.id = m.id
CROSS JOIN LATERAL (
    SELECT ROW_NUMBER() OVER () AS n, x.action, x.role FROM (VALUES
        ('mark_irrational', 'coordinator', m.irrational), ('mark_negligence', 'qa', m.negligence)) AS x(action, role, wanted)
    WHERE x.wanted) e;

UPDATE complaints c SET version = c.version + (CASE WHEN m.irrational THEN 1 ELSE 0 END) + (CASE WHEN m.negligence THEN 1 ELSE 0 END)
FROM scale_marks m WHERE c.id = m.id;
ANALYZE case_marks;

CREATE TEMP TABLE scale_deferrals AS
SELECT c.id, c.org_id, c.version, c.state, c.updated_at
FROM complaints c
WHERE c.org_id = :ORG AND c.state NOT IN ('draft', 'awaiting_registration', 'closed') AND c.number IS NOT NULL AND c.id % 200 = 7;

INSERT INTO closure_deferrals (org_id, complaint_id, state, reason, follow, until_on, requested_by, requested_at, version)
SELECT d.org_id, d.id, 'requested', '等待客户下一批来料验证', 'monitor', (d.updated_at + INTERVAL '60 days')::date, co.id, d.updated_at, 1
FROM scale_deferrals d CROSS JOIN (SELECT id FROM users WHERE org_id = :ORG AND username = 'coordinator') co;

INSERT INTO complaint_events (complaint_id, seq, action, from_state, to_state, actor_id, actor_role, at, body, step_due_at)
SELECT d.id, d.version + 1, 'request_deferral', d.state, d.state, NULL, 'coordinator', d.updated_at, '{}', NULL FROM scale_deferrals d;

UPDATE complaints c SET version = c.version + 1 FROM scale_deferrals d WHERE c.id = d.id;
ANALYZE closure_deferrals;

-- The step clocks of the open documents: each step entered when the
-- document last changed, due a day later; past ones were reminded then.
INSERT INTO document_deadlines (org_id, document, document_id, step, entered_at, due_at, reminded_at)
SELECT org_id, 'return_note', id, note_state, updated_at, updated_at + INTERVAL '1 day',
       CASE WHEN updated_at < now() - INTERVAL '2 days' THEN updated_at + INTERVAL '25 hours' END
FROM return_applications WHERE org_id = :ORG AND note_state IN ('issued', 'to_receive', 'to_book', 'awaits_decision')
UNION ALL
SELECT org_id, 'return_handling', id, handling_state, updated_at, updated_at + INTERVAL '1 day',
       CASE WHEN updated_at < now() - INTERVAL '2 days' THEN updated_at + INTERVAL '25 hours' END
FROM return_applications WHERE org_id = :ORG AND handling_state IS NOT NULL AND handling_state <> 'done'
UNION ALL
SELECT org_id, 'allowance', id, state, updated_at, updated_at + INTERVAL '1 day',
       CASE WHEN updated_at < now() - INTERVAL '2 days' THEN updated_at + INTERVAL '25 hours' END
FROM allowances WHERE org_id = :ORG AND state IN ('manager_review', 'gm_review', 'approved', 'signed')
ON CONFLICT (document, document_id) DO NOTHING;
ANALYZE document_deadlines;
ANALYZE allowances;
ANALYZE allowance_events;
ANALYZE stock_ledger;
ANALYZE return_applications;
ANALYZE return_events;

-- Petitions (签呈): the QA manager petitions on every 250th open case (waiting
-- for the general manager); every 500th closed case had one, upheld. Each is
-- an event and a version of the case.
CREATE TEMP TABLE scale_petitions AS
SELECT c.id, c.org_id, c.version, c.state, c.updated_at, c.state = 'closed' AS decided
FROM complaints c
WHERE c.org_id = :ORG AND c.number IS NOT NULL AND c.state NOT IN ('draft', 'awaiting_registration')
  AND ((c.state <> 'closed' AND c.id % 250 = 11) OR (c.state = 'closed' AND c.id % 500 = 13));

INSERT INTO petitions (org_id, complaint_id, department_id, state, subject, content, return_to, raised_by, raised_at,
    decided_by, decided_at, decision, returned_to, version)
SELECT p.org_id, p.id, qm.department_id, CASE WHEN p.decided THEN 'decided' ELSE 'pending' END, '责任判定异议',
       '不良源于来料，请重新判定责任', NULL, qm.id, p.updated_at,
       CASE WHEN p.decided THEN gm.id END, CASE WHEN p.decided THEN p.updated_at END, CASE WHEN p.decided THEN '维持原判' END, NULL,
       CASE WHEN p.decided THEN 2 ELSE 1 END
FROM scale_petitions p
CROSS JOIN (SELECT id, department_id FROM users WHERE org_id = :ORG AND username = 'qa_manager') qm
CROSS JOIN (SELECT id FROM users WHERE org_id = :ORG AND username = 'gm') gm;

INSERT INTO complaint_events (complaint_id, seq, action, from_state, to_state, actor_id, actor_role, at, body, step_due_at)
SELECT p.id, p.version + e.n, e.action, p.state, p.state, NULL, e.role, p.updated_at, '{}', NULL
FROM scale_petitions p
CROSS JOIN LATERAL (
    SELECT ROW_NUMBER() OVER () AS n, x.action, x.role FROM (VALUES
        ('raise_petition', 'qa_manager', TRUE), ('decide_petition', 'gm', p.decided)) AS x(action, role, wanted)
    WHERE x.wanted) e;

UPDATE complaints c SET version = c.version + CASE WHEN p.decided THEN 2 ELSE 1 END FROM scale_petitions p WHERE c.id = p.id;
ANALYZE petitions;

-- Supplier corrective-action requests for every share naming a supplier:
-- accepted on closed cases, answered on every third open one, else waiting
-- (due a week after the conclusion). Each is an event and a version of the case.
CREATE TEMP TABLE scale_suppliers AS
SELECT c.id, c.org_id, c.version, c.state, c.updated_at, c.registered_at + INTERVAL '2 days' AS raised_at, r.supplier, r.ratio_percent,
       CASE WHEN c.state = 'closed' THEN 'accepted' WHEN c.id % 3 = 0 THEN 'answered' ELSE 'requested' END AS target
FROM complaints c JOIN complaint_responsibilities r ON r.complaint_id = c.id
WHERE c.org_id = :ORG AND r.supplier IS NOT NULL AND c.number IS NOT NULL;

INSERT INTO supplier_requests (org_id, complaint_id, supplier, state, problem, ratio_percent, due_on, root_cause, actions, answered_on,
    answered_by, decided_by, decided_at, comment, raised_by, raised_at, updated_at, version)
SELECT s.org_id, s.id, s.supplier, s.target, '铸件气孔，加工后渗漏', s.ratio_percent, (s.raised_at + INTERVAL '7 days')::date,
       CASE WHEN s.target <> 'requested' THEN '浇注温度偏低' END, CASE WHEN s.target <> 'requested' THEN '增加炉温在线监控' END,
       CASE WHEN s.target <> 'requested' THEN (s.raised_at + INTERVAL '5 days')::date END,
       CASE WHEN s.target <> 'requested' THEN co.id END,
       CASE WHEN s.target = 'accepted' THEN qm.id END, CASE WHEN s.target = 'accepted' THEN s.raised_at + INTERVAL '6 days' END,
       NULL, qa.id, s.raised_at, s.raised_at, CASE s.target WHEN 'requested' THEN 1 WHEN 'answered' THEN 2 ELSE 3 END
FROM scale_suppliers s
CROSS JOIN (SELECT id FROM users WHERE org_id = :ORG AND username = 'coordinator') co
CROSS JOIN (SELECT id FROM users WHERE org_id = :ORG AND username = 'qa_manager') qm
CROSS JOIN (SELECT id FROM users WHERE org_id = :ORG AND username = 'qa') qa;

INSERT INTO complaint_events (complaint_id, seq, action, from_state, to_state, actor_id, actor_role, at, body, step_due_at)
SELECT s.id, s.version + e.n, e.action, s.state, s.state, NULL, e.role, s.raised_at, '{}', NULL
FROM scale_suppliers s
CROSS JOIN LATERAL (
    SELECT ROW_NUMBER() OVER () AS n, x.action, x.role FROM (VALUES
        ('raise_supplier_request', 'qa', TRUE), ('answer_supplier_request', 'coordinator', s.target <> 'requested'),
        ('accept_supplier_request', 'qa_manager', s.target = 'accepted')) AS x(action, role, wanted)
    WHERE x.wanted) e;

UPDATE complaints c SET version = c.version + CASE s.target WHEN 'requested' THEN 1 WHEN 'answered' THEN 2 ELSE 3 END
FROM scale_suppliers s WHERE c.id = s.id;
ANALYZE supplier_requests;

-- The customer's contacts: a first reply per registered case and a close
-- confirmation per case closed resolved, long since reminded, so the table
-- has its size while the worker's walk (due and unreminded) finds only what
-- the last minutes opened — none here. The demo cases of the seed opened
-- theirs through the workflow already.
INSERT INTO case_contacts (org_id, complaint_id, kind, opened_at, due_at, reminded_at, version)
SELECT org_id, id, 'first_reply', registered_at, registered_at + INTERVAL '24 hours', registered_at + INTERVAL '25 hours', 1
FROM complaints WHERE org_id = :ORG AND registered_at IS NOT NULL
ON CONFLICT (complaint_id, kind) DO NOTHING;

INSERT INTO case_contacts (org_id, complaint_id, kind, opened_at, due_at, reminded_at, version)
SELECT org_id, id, 'close_confirmation', closed_at, closed_at + INTERVAL '12 hours', closed_at + INTERVAL '13 hours', 1
FROM complaints WHERE org_id = :ORG AND state = 'closed' AND closure = 'resolved'
ON CONFLICT (complaint_id, kind) DO NOTHING;
ANALYZE case_contacts;
