//! The finished-goods return note (成品退货单): issued by the applicant once
//! the goods were inspected and every original is in, checked by the
//! supervisor, received by the warehouse at the actual quantities (a stock
//! ledger line per item), booked by accounting or held for the approver.

use futures_util::future::join_all;
use kehu_tests::*;
use reqwest::Method;
use serde_json::{json, Value};

pub(crate) async fn call(app: &TestApp, user: &str, method: Method, path: &str, body: Value, version: i64) -> (u16, Value) {
    let res = app.call(user, method, path, Some(body), Some(version)).await;
    let s = res.status().as_u16();
    (s, res.json().await.unwrap_or(Value::Null))
}

pub(crate) fn id_v(r: &Value) -> (i64, i64) {
    (r["id"].as_i64().unwrap(), r["version"].as_i64().unwrap())
}

/// An approved sample-unit application of two items (10 and 4 units) with
/// every original collected: ready for its return note.
pub(crate) async fn ready(app: &TestApp) -> Value {
    ready_as(app, "return").await
}

/// The same for an application of `kind` (return, exchange, rework).
pub(crate) async fn ready_as(app: &TestApp, kind: &str) -> Value {
    let customer = app.customer_id("sales", "C-0001").await;
    let body = json!({
        "kind": kind, "customer_id": customer, "reason": "整批退货", "sample_unit": true,
        "lines": [{"product_number": "TV-55", "quantity": 10, "unit_price": "3000.00"}, {"product_number": "TV-32", "quantity": 4, "unit_price": "900.00"}],
        "eligibility": {"within_warranty": "保修期内", "below_standard": "检验不合格"},
    });
    let (_, mut r) = app.post("sales", "/returns", body).await;
    for (user, action) in [("sales", "submit"), ("supervisor", "approve"), ("marketing_manager", "approve"), ("gm", "approve")] {
        let (id, v) = id_v(&r);
        let (s, x) = call(app, user, Method::POST, &format!("/returns/{id}/actions/{action}"), json!({}), v).await;
        assert_eq!(s, 200, "{user} {action}: {x}");
        r = x;
    }
    let (id, v) = id_v(&r);
    let all = json!({"collected": ["contract", "receipt", "delivery_note", "warranty_card", "packing_list"]});
    let (s, r) = call(app, "service", Method::PUT, &format!("/returns/{id}/originals"), all, v).await;
    assert_eq!(s, 200, "{r}");
    r
}

pub(crate) fn note(tolerance_bp: Option<u32>) -> Value {
    json!({"reason": "整批尺寸超差", "handling": "退回成品仓待重修", "basis": "客户退换货申请单", "tolerance_bp": tolerance_bp})
}

async fn prove(app: &TestApp, user: &str, r: &Value, body: Value) -> (u16, Value) {
    let (id, v) = id_v(r);
    call(app, user, Method::PUT, &format!("/returns/{id}/note/proof"), body, v).await
}

/// The warehouse receives `quantities`; sales records the proof.
async fn received(app: &TestApp, r: &Value, quantities: Value) -> Value {
    let r = ok(app, "warehouse", r, "receive", json!({"quantities": quantities})).await;
    let (s, r) = prove(app, "sales", &r, json!({"kind": "invoice_stamped"})).await;
    assert_eq!(s, 200, "{r}");
    r
}

pub(crate) async fn step(app: &TestApp, user: &str, r: &Value, action: &str, body: Value) -> (u16, Value) {
    let (id, v) = id_v(r);
    call(app, user, Method::POST, &format!("/returns/{id}/note/actions/{action}"), body, v).await
}

pub(crate) async fn ok(app: &TestApp, user: &str, r: &Value, action: &str, body: Value) -> Value {
    let (s, x) = step(app, user, r, action, body).await;
    assert_eq!(s, 200, "{user} {action}: {x}");
    x
}

pub(crate) fn in_box(tasks: &Value, id: i64) -> bool {
    tasks["items"].as_array().unwrap().iter().any(|x| x["id"] == id)
}

/// Issued, checked and waiting for the warehouse.
pub(crate) async fn to_receive(app: &TestApp, tolerance_bp: Option<u32>) -> Value {
    to_receive_as(app, tolerance_bp, "return").await
}

pub(crate) async fn to_receive_as(app: &TestApp, tolerance_bp: Option<u32>, kind: &str) -> Value {
    let r = ready_as(app, kind).await;
    let (id, v) = id_v(&r);
    let (s, r) = call(app, "sales", Method::POST, &format!("/returns/{id}/note"), note(tolerance_bp), v).await;
    assert_eq!(s, 200, "{r}");
    ok(app, "supervisor", &r, "verify", json!({})).await
}

#[tokio::test]
async fn a_note_runs_from_sales_to_the_warehouse_and_accounting_and_is_booked_at_the_actual_quantity() {
    let app = spawn_app().await;
    let r = ready(&app).await;
    let (id, v) = id_v(&r);
    let (_, r) = app.get("sales", &format!("/returns/{id}")).await;
    assert_eq!((r["can_issue_note"].as_bool(), r["note"].is_null()), (Some(true), true));
    let (_, mine) = app.get("sales", "/returns?box=to_act").await;
    assert!(in_box(&mine, id), "the applicant's next step: {mine}");
    // Only the applicant issues; the note needs its reason, handling and basis.
    for user in ["supervisor", "service", "warehouse", "gm"] {
        let (s, _) = call(&app, user, Method::POST, &format!("/returns/{id}/note"), note(None), v).await;
        assert!(s == 403 || s == 404, "{user}: {s}");
    }
    let (s, e) =
        call(&app, "sales", Method::POST, &format!("/returns/{id}/note"), json!({"reason": " ", "handling": "x", "basis": "y", "tolerance_bp": 10001}), v)
            .await;
    assert!(s == 400 || s == 422, "{e}");
    let (s, r) = call(&app, "sales", Method::POST, &format!("/returns/{id}/note"), note(None), v).await;
    assert_eq!(s, 200, "{r}");
    let number = r["note"]["number"].as_str().unwrap().to_owned();
    assert!(number.starts_with("CT") && number.ends_with("-0001"), "{number}");
    assert_eq!((r["note"]["state"].as_str(), r["can_issue_note"].as_bool()), (Some("issued"), Some(false)));
    let (s, _) = call(&app, "sales", Method::POST, &format!("/returns/{id}/note"), note(None), r["version"].as_i64().unwrap()).await;
    assert_eq!(s, 409, "issued once");
    // The supervisor checks it, not the issuer, nor another department.
    for user in ["sales", "sales_manager2", "warehouse", "finance"] {
        let (s, _) = step(&app, user, &r, "verify", json!({})).await;
        assert!(s == 403 || s == 404, "{user}: {s}");
    }
    let (_, tasks) = app.get("supervisor", "/returns?box=to_act").await;
    assert!(in_box(&tasks, id), "{tasks}");
    let r = ok(&app, "supervisor", &r, "verify", json!({})).await;
    assert_eq!(r["note"]["available_actions"], json!([]), "nothing more for the supervisor");
    // The warehouse signs what came: one whole, non-negative count per item.
    let (_, tasks) = app.get("warehouse", "/returns?box=to_act").await;
    assert!(in_box(&tasks, id), "{tasks}");
    let (s, _) = step(&app, "finance", &r, "receive", json!({"quantities": [10, 4]})).await;
    assert_eq!(s, 403);
    for (bad, status) in [(json!([10]), 422), (json!([10, -1]), 422), (json!([10, 1.5]), 400), (json!(["10", 4]), 400)] {
        let (s, e) = step(&app, "warehouse", &r, "receive", json!({"quantities": bad})).await;
        assert_eq!(s, status, "{bad}: {e}");
    }
    assert_eq!(app.count(&format!("SELECT COUNT(*) AS n FROM stock_ledger WHERE return_id = {id}")), 0, "bad input changes nothing");
    let r = ok(&app, "warehouse", &r, "receive", json!({"quantities": [9, 4], "comment": "一台外箱破损"})).await;
    assert_eq!((r["note"]["state"].as_str(), r["note"]["lines"][0]["received"].as_i64()), (Some("to_book"), Some(9)));
    assert_eq!(r["note"]["received_by"]["name"], "马仓管");
    assert_eq!(app.count(&format!("SELECT CAST(SUM(quantity) AS BIGINT) AS n FROM stock_ledger WHERE return_id = {id}")), 13);
    // Accounting books once sales has the proof of return.
    let (s, e) = step(&app, "finance", &r, "book", json!({})).await;
    assert_eq!((s, e["errors"][0]["field"].as_str()), (422, Some("proof")), "{e}");
    let (_, tasks) = app.get("finance", "/returns?box=to_act").await;
    assert!(!in_box(&tasks, id), "not before the proof: {tasks}");
    let (_, mine) = app.get("sales", "/returns?box=to_act").await;
    assert!(in_box(&mine, id), "the applicant obtains the proof: {mine}");
    let (_, r) = app.get("sales", &format!("/returns/{id}")).await;
    assert_eq!(r["note"]["can_record_proof"], true);
    let (s, _) = prove(&app, "warehouse", &r, json!({"kind": "invoice_stamped"})).await;
    assert_eq!(s, 403);
    let (s, e) = prove(&app, "sales", &r, json!({"kind": "invoice"})).await;
    assert_eq!((s, e["errors"][0]["field"].as_str()), (422, Some("kind")), "an unknown proof: {e}");
    let (s, r) = prove(&app, "sales", &r, json!({"kind": "return_certificate", "reference": " TH-CERT-01 "})).await;
    assert_eq!((s, r["note"]["proof_kind"].as_str(), r["note"]["proof_reference"].as_str()), (200, Some("return_certificate"), Some("TH-CERT-01")));
    let (_, tasks) = app.get("finance", "/returns?box=to_act").await;
    assert!(in_box(&tasks, id), "{tasks}");
    // At less than approved, at the actual quantity.
    let (_, r) = app.get("finance", &format!("/returns/{id}")).await;
    let r = ok(&app, "finance", &r, "book", json!({})).await;
    assert_eq!(r["note"]["state"], "booked");
    assert_eq!(r["note"]["lines"].as_array().unwrap().iter().map(|l| l["booked"].as_i64().unwrap()).collect::<Vec<_>>(), [9, 4]);
    let actions: Vec<&str> = r["history"].as_array().unwrap().iter().map(|h| h["action"].as_str().unwrap()).collect();
    assert!(actions.ends_with(&["issue_note", "verify_note", "receive", "record_proof", "book"]), "{actions:?}");
    let (s, _) = prove(&app, "sales", &r, json!({"kind": "stamped_copy"})).await;
    assert_eq!(s, 409, "booked: the proof stands");
    let (_, list) = app.get("sales", &format!("/returns?customer_id={}", r["customer"]["id"])).await;
    let row = list["items"].as_array().unwrap().iter().find(|x| x["id"] == id).unwrap().clone();
    assert_eq!((row["note_number"].as_str(), row["note_state"].as_str()), (Some(number.as_str()), Some("booked")));
    let (s, _) = step(&app, "finance", &r, "book", json!({})).await;
    assert_eq!(s, 409);
    app.assert_invariants();
}

#[tokio::test]
async fn the_note_waits_for_the_inspection_and_every_original() {
    let app = spawn_app().await;
    let customer = app.customer_id("sales", "C-0001").await;
    let body = json!({
        "kind": "exchange", "customer_id": customer, "reason": "型号不符",
        "lines": [{"product_number": "TV-55", "quantity": 1, "unit_price": "3000.00"}],
        "eligibility": {"within_warranty": "保修期内", "major_change": "客户转产"},
    });
    let (_, mut r) = app.post("sales", "/returns", body).await;
    let (id, _) = id_v(&r);
    let (s, _) = call(&app, "sales", Method::POST, &format!("/returns/{id}/note"), note(None), r["version"].as_i64().unwrap()).await;
    assert_eq!(s, 409, "a draft has no note");
    for (user, action) in [("sales", "submit"), ("supervisor", "approve"), ("marketing_manager", "approve"), ("gm", "approve")] {
        let (_, x) = call(&app, user, Method::POST, &format!("/returns/{id}/actions/{action}"), json!({}), r["version"].as_i64().unwrap()).await;
        r = x;
    }
    assert_eq!(r["can_issue_note"], false);
    let (s, e) = call(&app, "sales", Method::POST, &format!("/returns/{id}/note"), note(None), r["version"].as_i64().unwrap()).await;
    assert_eq!(s, 422);
    let fields: Vec<&str> = e["errors"].as_array().unwrap().iter().map(|x| x["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["inspection", "originals"], "{e}");
    assert_eq!(app.count(&format!("SELECT COUNT(*) AS n FROM return_applications WHERE id = {id} AND note_number IS NOT NULL")), 0);
    app.assert_invariants();
}

#[tokio::test]
async fn more_than_approved_and_tolerated_waits_for_the_approver() {
    let app = spawn_app().await;
    // The order tolerates 10 %: 10 + 1 and 4 + 0 are booked, one more is not.
    let r = to_receive(&app, Some(1000)).await;
    let r = received(&app, &r, json!([11, 4])).await;
    let r = ok(&app, "finance", &r, "book", json!({})).await;
    assert_eq!((r["note"]["state"].as_str(), r["note"]["applied_tolerance_bp"].as_i64()), (Some("booked"), Some(1000)));

    let r = to_receive(&app, Some(1000)).await;
    let (id, _) = id_v(&r);
    let r = received(&app, &r, json!([12, 5])).await;
    let r = ok(&app, "finance", &r, "book", json!({})).await;
    assert_eq!(r["note"]["state"], "awaits_decision");
    assert!(r["note"]["lines"][0]["booked"].is_null());
    let (_, tasks) = app.get("gm", "/returns?box=to_act").await;
    assert!(in_box(&tasks, id), "the approver decides: {tasks}");
    for user in ["finance", "supervisor", "marketing_manager", "warehouse"] {
        let (s, _) = step(&app, user, &r, "accept_excess", json!({})).await;
        assert!(s == 403 || s == 404, "{user}: {s}");
    }
    let r = ok(&app, "gm", &r, "refuse_excess", json!({"comment": "超出部分退回客户"})).await;
    assert_eq!(r["note"]["state"], "booked");
    assert_eq!(r["note"]["lines"].as_array().unwrap().iter().map(|l| l["booked"].as_i64().unwrap()).collect::<Vec<_>>(), [11, 4]);
    assert_eq!(r["history"].as_array().unwrap().last().unwrap()["note"], "超出部分退回客户");

    // Without the order's tolerance the company's applies (none by default).
    let r = to_receive(&app, None).await;
    let r = received(&app, &r, json!([11, 4])).await;
    let r = ok(&app, "finance", &r, "book", json!({})).await;
    assert_eq!((r["note"]["state"].as_str(), r["note"]["applied_tolerance_bp"].as_i64()), (Some("awaits_decision"), Some(0)));
    let r = ok(&app, "gm", &r, "accept_excess", json!({})).await;
    assert_eq!(r["note"]["lines"][0]["booked"], 11);
    app.assert_invariants();
}

#[tokio::test]
async fn two_racing_receipts_of_one_note_exactly_one_wins() {
    let app = spawn_app().await;
    let r = to_receive(&app, None).await;
    let (id, v) = id_v(&r);
    let path = format!("/returns/{id}/note/actions/receive");
    let results = join_all((0..8).map(|i| call(&app, "warehouse", Method::POST, &path, json!({"quantities": [10 - i, 4]}), v))).await;
    let wins: Vec<&Value> = results.iter().filter(|(s, _)| *s == 200).map(|(_, b)| b).collect();
    assert_eq!(wins.len(), 1, "{results:?}");
    assert!(results.iter().all(|(s, _)| *s == 200 || *s == 412 || *s == 409), "{results:?}");
    let received = wins[0]["note"]["lines"][0]["received"].as_i64().unwrap();
    assert_eq!(app.count(&format!("SELECT CAST(SUM(quantity) AS BIGINT) AS n FROM stock_ledger WHERE return_id = {id}")), received + 4);
    assert_eq!(app.count(&format!("SELECT COUNT(*) AS n FROM stock_ledger WHERE return_id = {id}")), 2);
    app.assert_invariants();
}
