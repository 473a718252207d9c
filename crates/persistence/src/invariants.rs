//! The invariants every scenario must leave true, stated once: after races,
//! crashes and outages alike.

use crate::db::DbConn;
use crate::error::DbResult;
use diesel::prelude::*;
use diesel::sql_types::BigInt;

#[derive(QueryableByName)]
struct Bad {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// Each invariant: a name and a query counting the rows that break it.
pub const CHECKS: [(&str, &str); 47] = [
    (
        "every version has exactly one history event",
        "SELECT COUNT(*) AS n FROM complaints c WHERE c.version <> (SELECT COUNT(*) FROM complaint_events e WHERE e.complaint_id = c.id) \
         OR c.version <> (SELECT MAX(e.seq) FROM complaint_events e WHERE e.complaint_id = c.id)",
    ),
    (
        "the state is where the last event left it",
        "SELECT COUNT(*) AS n FROM complaints c JOIN complaint_events e ON e.complaint_id = c.id AND e.seq = c.version WHERE e.to_state <> c.state",
    ),
    (
        "closed cases say how, open ones do not",
        "SELECT COUNT(*) AS n FROM complaints WHERE (state = 'closed') <> (closure IS NOT NULL AND closed_at IS NOT NULL)",
    ),
    (
        "numbers are unique",
        "SELECT COUNT(*) AS n FROM (SELECT org_id, number FROM complaints WHERE number IS NOT NULL GROUP BY org_id, number HAVING COUNT(*) > 1) d",
    ),
    (
        "numbers are gapless: each month's count equals its counter",
        "SELECT COUNT(*) AS n FROM complaint_counters k WHERE k.period <> 'customer' AND k.period NOT LIKE 'TH%' AND k.period NOT LIKE 'CT%' AND k.period NOT LIKE 'ZR%' AND k.period NOT LIKE 'CB%' AND k.period NOT LIKE 'QB%' \
         AND k.last_serial <> (SELECT COUNT(*) FROM complaints c WHERE c.org_id = k.org_id AND c.number LIKE k.period || '-%')",
    ),
    (
        "letter numbers (催办单, 洽办单) are gapless: each month's count equals its counter",
        "SELECT COUNT(*) AS n FROM complaint_counters k WHERE (k.period LIKE 'CB%' OR k.period LIKE 'QB%') AND k.last_serial <> \
         (SELECT COUNT(*) FROM case_letters l WHERE l.org_id = k.org_id AND l.number LIKE k.period || '-%')",
    ),
    (
        "only inquiries are answered, each saying who and when, and the answer is in the case's history",
        "SELECT COUNT(*) AS n FROM case_letters l WHERE (l.answer IS NOT NULL) <> (l.answered_by IS NOT NULL AND l.answered_at IS NOT NULL) \
         OR (l.kind <> 'inquiry' AND l.answer IS NOT NULL) OR (l.answered_at IS NOT NULL AND NOT EXISTS \
         (SELECT 1 FROM complaint_events e WHERE e.complaint_id = l.complaint_id AND e.action = 'answer_late_inquiry' AND e.at = l.answered_at))",
    ),
    (
        "customer contacts: a close confirmation only on a case closed resolved, each record complete and in the history",
        "SELECT COUNT(*) AS n FROM case_contacts k JOIN complaints c ON c.id = k.complaint_id WHERE \
         (k.kind = 'close_confirmation' AND (c.state <> 'closed' OR c.closure <> 'resolved')) \
         OR (k.contacted_at IS NULL) <> (k.recorded_by IS NULL OR k.method IS NULL OR k.summary IS NULL) \
         OR (k.contacted_at IS NOT NULL AND (k.kind = 'first_reply') <> (k.promised_on IS NOT NULL)) \
         OR (k.contacted_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM complaint_events e WHERE e.complaint_id = k.complaint_id \
         AND e.action = CASE k.kind WHEN 'first_reply' THEN 'record_first_reply' ELSE 'confirm_close' END AND e.at = k.recorded_at))",
    ),
    (
        "return application numbers are gapless: each month's count equals its counter",
        "SELECT COUNT(*) AS n FROM complaint_counters k WHERE k.period LIKE 'TH%' AND k.last_serial <> \
         (SELECT COUNT(*) FROM return_applications r WHERE r.org_id = k.org_id AND r.number LIKE k.period || '-%')",
    ),
    (
        "one history row per change of a return application",
        "SELECT COUNT(*) AS n FROM return_applications r WHERE r.version <> (SELECT COUNT(*) FROM return_events e WHERE e.application_id = r.id)",
    ),
    (
        "decided return applications say when, refused ones why, approved ones by whom",
        "SELECT COUNT(*) AS n FROM return_applications WHERE (state IN ('approved', 'refused')) <> (decided_at IS NOT NULL) \
         OR (state = 'refused' AND refusal_reason IS NULL) OR (state = 'approved') <> (approved_by IS NOT NULL)",
    ),
    (
        "only approved applications that are not sample units are inspected, by someone, when",
        "SELECT COUNT(*) AS n FROM return_applications WHERE inspection_json IS NOT NULL \
         AND (state <> 'approved' OR sample_unit OR inspected_by IS NULL OR inspected_at IS NULL)",
    ),
    (
        "return note numbers are gapless: each month's count equals its counter",
        "SELECT COUNT(*) AS n FROM complaint_counters k WHERE k.period LIKE 'CT%' AND k.last_serial <> \
         (SELECT COUNT(*) FROM return_applications r WHERE r.org_id = k.org_id AND r.note_number LIKE k.period || '-%')",
    ),
    (
        "return notes belong to approved applications and say who issued them, when and why",
        "SELECT COUNT(*) AS n FROM return_applications WHERE (note_state IS NOT NULL) <> \
         (note_number IS NOT NULL AND note_json IS NOT NULL AND note_issued_by IS NOT NULL AND note_issued_at IS NOT NULL) \
         OR (note_state IS NOT NULL AND state <> 'approved')",
    ),
    (
        "received notes say what, who and when; booked ones too, and their proof of return",
        "SELECT COUNT(*) AS n FROM return_applications WHERE \
         (COALESCE(note_state, '') IN ('to_book', 'awaits_decision', 'booked')) <> \
         (received_json IS NOT NULL AND received_quantity IS NOT NULL AND received_by IS NOT NULL AND received_at IS NOT NULL) \
         OR (COALESCE(note_state, '') = 'booked') <> (booked_json IS NOT NULL AND booked_by IS NOT NULL AND booked_at IS NOT NULL) \
         OR (COALESCE(note_state, '') IN ('awaits_decision', 'booked') AND proof_kind IS NULL) \
         OR (proof_kind IS NOT NULL) <> (proof_by IS NOT NULL AND proof_at IS NOT NULL)",
    ),
    (
        "the stock ledger adds up to what each return note received",
        "SELECT COUNT(*) AS n FROM return_applications r WHERE COALESCE(r.received_quantity, 0) <> \
         COALESCE((SELECT SUM(l.quantity) FROM stock_ledger l WHERE l.return_id = r.id AND l.movement = 'return_receipt'), 0) \
         OR (r.received_quantity IS NULL AND EXISTS (SELECT 1 FROM stock_ledger l WHERE l.return_id = r.id))",
    ),
    (
        "returned goods are handled once the warehouse received them, and only then",
        "SELECT COUNT(*) AS n FROM return_applications WHERE (handling_state IS NOT NULL) <> (received_at IS NOT NULL) \
         OR (handling_state IS NOT NULL AND handling_json IS NULL)",
    ),
    (
        "the ledger moves reworked or scrapped goods only when their handling got there",
        "SELECT COUNT(*) AS n FROM return_applications r WHERE \
         (EXISTS (SELECT 1 FROM stock_ledger l WHERE l.return_id = r.id AND l.movement IN ('rework_receipt', 'scrapped')) \
          AND COALESCE(r.handling_state, '') <> 'done') \
         OR (EXISTS (SELECT 1 FROM stock_ledger l WHERE l.return_id = r.id AND l.movement = 'rework_issue') \
          AND COALESCE(r.handling_state, '') NOT IN ('re_receipt', 'done'))",
    ),
    (
        "consumer-rule applications carry the consumer's facts, and only they; refund dates only on approved consumer returns",
        "SELECT COUNT(*) AS n FROM return_applications WHERE (rule_set = 'retail') <> (retail_json IS NOT NULL) \
         OR rule_set NOT IN ('business', 'retail') \
         OR (refund_due_on IS NOT NULL AND (rule_set <> 'retail' OR state <> 'approved' OR kind <> 'return'))",
    ),
    (
        "a step clock runs only for a document still in a department's hands",
        "SELECT COUNT(*) AS n FROM document_deadlines d WHERE \
         (d.document = 'return_note' AND NOT EXISTS (SELECT 1 FROM return_applications r WHERE r.id = d.document_id \
            AND r.note_state IN ('issued', 'to_receive', 'to_book', 'awaits_decision') AND r.note_state = d.step)) \
         OR (d.document = 'return_handling' AND NOT EXISTS (SELECT 1 FROM return_applications r WHERE r.id = d.document_id \
            AND r.handling_state <> 'done' AND r.handling_state = d.step)) \
         OR (d.document = 'allowance' AND NOT EXISTS (SELECT 1 FROM allowances a WHERE a.id = d.document_id \
            AND a.state IN ('manager_review', 'gm_review', 'approved', 'signed') AND a.state = d.step)) \
         OR d.document NOT IN ('return_note', 'return_handling', 'allowance')",
    ),
    (
        "a complaint's copy of its 8D report's state is the report's; a closed case that needs one had it approved",
        "SELECT COUNT(*) AS n FROM complaints c LEFT JOIN eight_d_reports e ON e.complaint_id = c.id \
         WHERE COALESCE(c.eight_d_state, '') <> COALESCE(e.state, '') \
         OR COALESCE(e.state, 'draft') NOT IN ('draft', 'in_review', 'approved') \
         OR (c.eight_d_required AND c.state = 'closed' AND c.closure = 'resolved' AND COALESCE(e.state, '') <> 'approved') \
         OR (e.id IS NOT NULL AND (e.org_id <> c.org_id OR c.number IS NULL))",
    ),
    (
        "an approved 8D report names who approved it and when; one in review, who submitted it",
        "SELECT COUNT(*) AS n FROM eight_d_reports WHERE (state = 'approved' AND (approved_by IS NULL OR approved_at IS NULL)) \
         OR (state = 'in_review' AND (submitted_by IS NULL OR submitted_at IS NULL))",
    ),
    (
        "effectiveness checks are of closed, resolved cases; a recorded one has its evidence and checker; a failed one, and only it, its linked draft",
        "SELECT COUNT(*) AS n FROM effectiveness_checks e JOIN complaints c ON c.id = e.complaint_id \
         WHERE c.state <> 'closed' OR c.closure <> 'resolved' OR e.org_id <> c.org_id \
         OR (e.state <> 'scheduled' AND (e.evidence IS NULL OR e.checked_by IS NULL OR e.checked_at IS NULL)) \
         OR (e.state = 'failed' AND e.follow_up_id IS NULL) OR (e.state <> 'failed' AND e.follow_up_id IS NOT NULL)",
    ),
    (
        "a failed check's follow-up is a case of the same customer",
        "SELECT COUNT(*) AS n FROM effectiveness_checks e JOIN complaints c ON c.id = e.complaint_id JOIN complaints f ON f.id = e.follow_up_id \
         WHERE f.customer_id <> c.customer_id OR f.org_id <> c.org_id",
    ),
    (
        "a case's marks are whole: each set mark has its reason, author and time",
        "SELECT COUNT(*) AS n FROM case_marks m JOIN complaints c ON c.id = m.complaint_id \
         WHERE m.org_id <> c.org_id \
         OR (m.negligence_reason IS NULL) <> (m.negligence_by IS NULL) OR (m.negligence_reason IS NULL) <> (m.negligence_at IS NULL) \
         OR (m.irrational_level IS NULL) <> (m.irrational_follow IS NULL) OR (m.irrational_level IS NULL) <> (m.irrational_reason IS NULL) \
         OR (m.irrational_level IS NULL) <> (m.irrational_by IS NULL) OR (m.irrational_level IS NULL) <> (m.irrational_at IS NULL)",
    ),
    (
        "a decided deferral names who decided and when, a refused one why; a waiting one nobody",
        "SELECT COUNT(*) AS n FROM closure_deferrals d JOIN complaints c ON c.id = d.complaint_id \
         WHERE d.org_id <> c.org_id OR c.number IS NULL \
         OR (d.state = 'requested' AND (d.decided_by IS NOT NULL OR d.decided_at IS NOT NULL)) \
         OR (d.state <> 'requested' AND (d.decided_by IS NULL OR d.decided_at IS NULL)) \
         OR (d.state = 'refused' AND d.comment IS NULL)",
    ),
    (
        "a petition waits only on an open, numbered case; a decided one says who, when and what; a withdrawn one decides nothing",
        "SELECT COUNT(*) AS n FROM petitions p JOIN complaints c ON c.id = p.complaint_id \
         WHERE p.org_id <> c.org_id OR c.number IS NULL \
         OR (p.state = 'pending' AND (c.state = 'closed' OR p.decided_by IS NOT NULL OR p.decided_at IS NOT NULL OR p.decision IS NOT NULL)) \
         OR (p.state <> 'pending' AND (p.decided_by IS NULL OR p.decided_at IS NULL)) \
         OR (p.state = 'decided' AND p.decision IS NULL) \
         OR (p.state = 'withdrawn' AND (p.decision IS NOT NULL OR p.returned_to IS NOT NULL))",
    ),
    (
        "a supplier request's answer is whole, a settled one says who and when, an open one's supplier is named on its case",
        "SELECT COUNT(*) AS n FROM supplier_requests s JOIN complaints c ON c.id = s.complaint_id \
         WHERE s.org_id <> c.org_id OR c.number IS NULL \
         OR (s.state IN ('answered', 'accepted') AND (s.root_cause IS NULL OR s.actions IS NULL OR s.answered_on IS NULL OR s.answered_by IS NULL)) \
         OR (s.state IN ('accepted', 'cancelled') AND (s.decided_by IS NULL OR s.decided_at IS NULL)) \
         OR (s.state = 'cancelled' AND s.comment IS NULL) \
         OR (s.state IN ('requested', 'answered') AND NOT EXISTS \
             (SELECT 1 FROM complaint_responsibilities r WHERE r.complaint_id = s.complaint_id AND r.supplier = s.supplier))",
    ),
    (
        "a case waiting for the countersign, or to close after it, has an approved resolution the customer accepted",
        "SELECT COUNT(*) AS n FROM complaints WHERE state IN ('awaiting_countersign', 'awaiting_close') \
         AND (approved_at IS NULL OR outcome IS NULL)",
    ),
    (
        "only approved exchanges have a new order",
        "SELECT COUNT(*) AS n FROM return_applications WHERE exchange_order_id IS NOT NULL AND (kind <> 'exchange' OR state <> 'approved')",
    ),
    (
        "allowance certificate numbers are gapless: each month's count equals its counter",
        "SELECT COUNT(*) AS n FROM complaint_counters k WHERE k.period LIKE 'ZR%' AND k.last_serial <> \
         (SELECT COUNT(*) FROM allowances a WHERE a.org_id = k.org_id AND a.number LIKE k.period || '-%')",
    ),
    (
        "one history row per change of an allowance certificate, the last in its state",
        "SELECT COUNT(*) AS n FROM allowances a WHERE a.version <> (SELECT COUNT(*) FROM allowance_events e WHERE e.allowance_id = a.id) \
         OR a.state <> (SELECT e.to_state FROM allowance_events e WHERE e.allowance_id = a.id AND e.seq = a.version)",
    ),
    (
        "allowance certificates: decided say when, refused why, signed by whom with a proof, booked under a voucher",
        "SELECT COUNT(*) AS n FROM allowances WHERE \
         (state IN ('approved', 'signed', 'booked', 'refused')) <> (decided_at IS NOT NULL) \
         OR (state = 'refused' AND refusal_reason IS NULL) \
         OR (state IN ('signed', 'booked')) <> (signer IS NOT NULL AND signed_on IS NOT NULL AND proof_kind IS NOT NULL) \
         OR (state = 'booked') <> (voucher IS NOT NULL AND booked_by IS NOT NULL AND booked_at IS NOT NULL) \
         OR kind NOT IN ('discount', 'compensation')",
    ),
    (
        "archived customers have an archive date and a protection period",
        "SELECT COUNT(*) AS n FROM customers WHERE status = 'active' AND (archived_at IS NULL OR protected_until IS NULL)",
    ),
    (
        "nobody who left owns a live customer",
        "SELECT COUNT(*) AS n FROM customers c JOIN users u ON u.id = c.owner_id WHERE NOT u.active AND c.status IN ('active', 'pending_review')",
    ),
    (
        "every ledger month balances: carried in + charged = deducted + carried on, none negative",
        "SELECT COUNT(*) AS n FROM bonus_ledger WHERE carried_in_fen + charged_fen <> deducted_fen + carried_on_fen \
         OR carried_in_fen < 0 OR charged_fen < 0 OR deducted_fen < 0 OR carried_on_fen < 0 OR deducted_fen > bonus_fen",
    ),
    (
        "a ledger month charges what its run charged the person, and carries in what the month before carried on",
        "SELECT COUNT(*) AS n FROM bonus_ledger l WHERE l.charged_fen <> (SELECT COALESCE(SUM(c.amount_fen), 0) FROM penalty_charges c \
         WHERE c.run_id = l.run_id AND c.user_id = l.user_id) \
         OR l.carried_in_fen <> COALESCE((SELECT p.carried_on_fen FROM bonus_ledger p WHERE p.user_id = l.user_id AND p.month < l.month \
         ORDER BY p.month DESC LIMIT 1), 0)",
    ),
    (
        "only approved runs charge anyone",
        "SELECT COUNT(*) AS n FROM penalty_runs r WHERE r.state IN ('confirming', 'submitted') \
         AND (EXISTS (SELECT 1 FROM penalty_charges c WHERE c.run_id = r.id) OR EXISTS (SELECT 1 FROM bonus_ledger l WHERE l.run_id = r.id))",
    ),
    ("approved access requests expire", "SELECT COUNT(*) AS n FROM customer_access_requests WHERE status = 'approved' AND valid_until IS NULL"),
    (
        "cases awaiting approval are routed",
        "SELECT COUNT(*) AS n FROM complaints WHERE state = 'pending_approval' AND (approver_role IS NULL OR approval_tier IS NULL)",
    ),
    (
        "every complaint can be searched",
        "SELECT COUNT(*) AS n FROM complaints c WHERE NOT EXISTS (SELECT 1 FROM complaint_search s WHERE s.complaint_id = c.id)",
    ),
    (
        "each overdue step got at most one reminder",
        "SELECT COUNT(*) AS n FROM (SELECT entity_id, details FROM audit_log WHERE action = 'complaint.overdue_reminder' \
         GROUP BY entity_id, details HAVING COUNT(*) > 1) d",
    ),
    (
        "every claimed reminder was sent",
        "SELECT COUNT(*) AS n FROM complaints c WHERE c.reminded_at IS NOT NULL AND NOT EXISTS \
         (SELECT 1 FROM audit_log a WHERE a.action = 'complaint.overdue_reminder' AND a.entity_id = c.id AND a.at = c.reminded_at)",
    ),
    (
        "every fanned-out event is queued for each hook (taking all events, unchanged since)",
        "SELECT COUNT(*) AS n FROM outbox o JOIN webhooks w ON w.org_id = o.org_id AND w.active AND w.event_types = '*' AND w.updated_at < o.delivered_at \
         WHERE o.delivered_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.outbox_id = o.id AND d.webhook_id = w.id)",
    ),
    (
        "deliveries are delivered, failed after every try, or pending",
        "SELECT COUNT(*) AS n FROM webhook_deliveries WHERE NOT ((status = 'delivered' AND delivered_at IS NOT NULL AND attempts >= 1) \
         OR (status = 'failed' AND attempts >= 10) OR (status = 'pending' AND delivered_at IS NULL))",
    ),
    (
        "resolution totals match their lines",
        "SELECT COUNT(*) AS n FROM complaints c WHERE c.settlement_total_fen IS NOT NULL AND c.settlement_total_fen <> \
         (SELECT COALESCE(SUM(l.settlement_fen), 0) FROM resolution_lines l WHERE l.complaint_id = c.id)",
    ),
    (
        "a digest holds notices its reader's mark has passed, and no two digests hold the same notice",
        "SELECT COUNT(*) AS n FROM notice_digests d JOIN notice_preferences p ON p.user_id = d.user_id \
         WHERE d.through_id <= d.after_id OR d.item_count < 1 OR d.covers_until <= d.covers_from OR p.digest_after_id < d.through_id \
         OR EXISTS (SELECT 1 FROM notice_digests e WHERE e.user_id = d.user_id AND e.id <> d.id AND e.after_id < d.through_id AND d.after_id < e.through_id)",
    ),
];

/// The row's copies of its lines and shares (the read's source) equal the
/// rows, compared as JSON values; the JSON functions differ by database.
const COPIES: &str = "every case's copy of its lines and shares matches them";
const COPIES_PG: &str = "SELECT COUNT(*) AS n FROM complaints c WHERE \
     COALESCE(c.lines_json, '[]')::jsonb <> COALESCE((SELECT jsonb_agg(jsonb_build_array(l.id, l.position, l.kind, l.quantity, l.unit_price_fen, \
       l.amount_fen, l.transport_cost_fen, l.settlement_fen, l.loss_fen, l.remarks) ORDER BY l.position) FROM resolution_lines l WHERE l.complaint_id = c.id), '[]') \
  OR COALESCE(c.responsibilities_json, '[]')::jsonb <> COALESCE((SELECT jsonb_agg(CASE WHEN r.supplier IS NULL \
       THEN jsonb_build_array(r.id, r.department_id, r.team, r.person_id, r.ratio_percent) \
       ELSE jsonb_build_array(r.id, r.department_id, r.team, r.person_id, r.ratio_percent, r.supplier) END ORDER BY r.id) FROM complaint_responsibilities r WHERE r.complaint_id = c.id), '[]')";
const COPIES_SQLITE: &str = "SELECT COUNT(*) AS n FROM complaints c WHERE \
     json(COALESCE(c.lines_json, '[]')) <> (SELECT json_group_array(json_array(l.id, l.position, l.kind, l.quantity, l.unit_price_fen, \
       l.amount_fen, l.transport_cost_fen, l.settlement_fen, l.loss_fen, l.remarks) ORDER BY l.position) FROM resolution_lines l WHERE l.complaint_id = c.id) \
  OR json(COALESCE(c.responsibilities_json, '[]')) <> (SELECT json_group_array(json(CASE WHEN r.supplier IS NULL \
       THEN json_array(r.id, r.department_id, r.team, r.person_id, r.ratio_percent) \
       ELSE json_array(r.id, r.department_id, r.team, r.person_id, r.ratio_percent, r.supplier) END) ORDER BY r.id) FROM complaint_responsibilities r WHERE r.complaint_id = c.id)";

/// Every invariant with the number of rows breaking it (0 = holds).
pub fn check(conn: &mut DbConn) -> DbResult<Vec<(&'static str, i64)>> {
    let mut out = Vec::new();
    let copies = match conn.backend() {
        crate::Backend::Postgres => COPIES_PG,
        crate::Backend::Sqlite => COPIES_SQLITE,
    };
    for (name, sql) in CHECKS.into_iter().chain([(COPIES, copies)]) {
        let bad: Bad = diesel::sql_query(sql).get_result(conn)?;
        out.push((name, bad.n));
    }
    Ok(out)
}
