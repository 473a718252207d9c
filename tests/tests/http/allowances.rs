//! Allowance certificates (销货折让证明单): raised for an approved
//! complaint's discount or compensation line, countersigned by the sales
//! manager and the general manager (or a deputy), signed by the customer with
//! the proof, booked by accounting.

use kehu_tests::*;
use reqwest::Method;
use serde_json::{json, Value};

/// An approved complaint with a return line (0), a compensation line (1) and a discount line (2).
async fn approved_complaint(app: &TestApp) -> i64 {
    let id = app.to_sales_proposal().await;
    let lines = json!([
        {"kind": "return", "quantity": 25, "unit_price": "100.00"},
        {"kind": "compensation", "amount": "500.00"},
        {"kind": "discount", "amount": "1200.00"},
    ]);
    app.ok("sales", id, "propose_resolution", json!({"lines": lines})).await;
    app.ok("coordinator", id, "submit_for_approval", json!({"opinion": "同意"})).await;
    app.ok("sales_manager", id, "approve", json!({})).await;
    id
}

async fn act(app: &TestApp, user: &str, r: &Value, action: &str, body: Value) -> (u16, Value) {
    let (id, v) = (r["id"].as_i64().unwrap(), r["version"].as_i64().unwrap());
    let res = app.call(user, Method::POST, &format!("/allowances/{id}/actions/{action}"), Some(body), Some(v)).await;
    let s = res.status().as_u16();
    (s, res.json().await.unwrap_or(Value::Null))
}

async fn ok(app: &TestApp, user: &str, r: &Value, action: &str, body: Value) -> Value {
    let (s, x) = act(app, user, r, action, body).await;
    assert_eq!(s, 200, "{user} {action}: {x}");
    x
}

fn in_box(page: &Value, id: &Value) -> bool {
    page["items"].as_array().unwrap().iter().any(|x| x["id"] == *id)
}

fn signed() -> Value {
    json!({"signer": "王建国", "signed_on": "2026-12-01", "proof_kind": "return_certificate", "proof_reference": "ZR-CERT-1"})
}

#[tokio::test]
async fn a_certificate_is_countersigned_signed_by_the_customer_and_booked() {
    let app = spawn_app().await;
    let complaint = approved_complaint(&app).await;
    // Only for a discount or compensation line of an approved complaint, by sales.
    let (s, e) = app.post("sales", "/allowances", json!({"complaint_id": complaint, "complaint_line": 0, "reason": "x"})).await;
    assert_eq!((s.as_u16(), e["errors"][0]["code"].as_str()), (422, Some("not_allowance")), "{e}");
    let (s, _) = app.post("finance", "/allowances", json!({"complaint_id": complaint, "complaint_line": 2, "reason": "x"})).await;
    assert_eq!(s.as_u16(), 403);
    let body = json!({"complaint_id": complaint, "complaint_line": 2, "invoice_number": " 04512231 ", "reason": "依核决折让"});
    let (s, r) = app.post("sales", "/allowances", body.clone()).await;
    assert_eq!(s.as_u16(), 201, "{r}");
    assert_eq!((r["state"].as_str(), r["kind"].as_str(), r["amount"]["amount"].as_str()), (Some("manager_review"), Some("discount"), Some("1200.00")));
    assert!(r["number"].as_str().unwrap().starts_with("ZR"), "{r}");
    assert_eq!(r["invoice_number"], "04512231");
    let (s, e) = app.post("sales", "/allowances", body).await;
    assert_eq!((s.as_u16(), e["code"].as_str()), (409, Some("already_applied")), "one live per line");
    let id = r["id"].clone();
    // The manager countersigns, then the general manager or a deputy.
    let (_, tasks) = app.get("sales_manager", "/allowances?box=to_act").await;
    assert!(in_box(&tasks, &id), "{tasks}");
    for user in ["sales", "sales_manager2", "gm", "finance"] {
        let (s, _) = act(&app, user, &r, "approve", json!({})).await;
        assert!(s == 403 || s == 404, "{user}: {s}");
    }
    let r = ok(&app, "sales_manager", &r, "approve", json!({})).await;
    let (_, tasks) = app.get("deputy_gm", "/allowances?box=to_act").await;
    assert!(in_box(&tasks, &id), "{tasks}");
    let (_, before) = app.get("finance", &format!("/allowances/{id}")).await;
    assert_eq!(before["status"], 404, "accounting reads it once approved");
    let r = ok(&app, "deputy_gm", &r, "approve", json!({})).await;
    assert_eq!(r["state"], "approved");
    // The applicant records the customer's signature and the proof.
    let (_, mine) = app.get("sales", "/allowances?box=to_act").await;
    assert!(in_box(&mine, &id), "{mine}");
    let (s, e) = act(&app, "sales", &r, "sign", json!({"signer": "王建国", "signed_on": "2026-12-01", "proof_kind": "invoice"})).await;
    assert_eq!((s, e["errors"][0]["field"].as_str()), (422, Some("proof_kind")), "an unknown proof: {e}");
    let (s, e) = act(&app, "sales", &r, "sign", json!({"signer": " "})).await;
    assert_eq!(s, 422, "{e}");
    let r = ok(&app, "sales", &r, "sign", signed()).await;
    assert_eq!((r["state"].as_str(), r["proof_kind"].as_str(), r["signer"].as_str()), (Some("signed"), Some("return_certificate"), Some("王建国")));
    // Accounting books it under a voucher.
    let (_, tasks) = app.get("finance", "/allowances?box=to_act").await;
    assert!(in_box(&tasks, &id), "{tasks}");
    let (s, e) = act(&app, "finance", &r, "book", json!({})).await;
    assert_eq!((s, e["errors"][0]["field"].as_str()), (422, Some("voucher")));
    let r = ok(&app, "finance", &r, "book", json!({"voucher": "记-1206-015"})).await;
    assert_eq!((r["state"].as_str(), r["booked_by"]["name"].as_str()), (Some("booked"), Some("何会计")));
    let actions: Vec<&str> = r["history"].as_array().unwrap().iter().map(|h| h["action"].as_str().unwrap()).collect();
    assert_eq!(actions, ["create", "approve", "approve", "sign", "book"]);
    let (_, list) = app.get("sales", &format!("/allowances?complaint_id={complaint}")).await;
    assert_eq!(list["total"], 1);
    app.assert_invariants();
}

#[tokio::test]
async fn each_signatory_refuses_with_a_reason_and_the_wrong_people_change_nothing() {
    let app = spawn_app().await;
    let complaint = approved_complaint(&app).await;
    let raise = || app.post("sales", "/allowances", json!({"complaint_id": complaint, "complaint_line": 1, "reason": "赔款"}));
    let (_, r) = raise().await;
    let (s, e) = act(&app, "sales_manager", &r, "refuse", json!({})).await;
    assert_eq!((s, e["errors"][0]["field"].as_str()), (422, Some("reason")));
    let r = ok(&app, "sales_manager", &r, "refuse", json!({"reason": "金额与核决不符"})).await;
    assert_eq!((r["state"].as_str(), r["refusal_reason"].as_str()), (Some("refused"), Some("金额与核决不符")));
    // A refused certificate does not block another on the line.
    let (s, r) = raise().await;
    assert_eq!(s.as_u16(), 201, "{r}");
    let r = ok(&app, "supervisor", &r, "approve", json!({})).await;
    let version = r["version"].as_i64().unwrap();
    for user in DEMO_USERS.iter().filter(|u| !["gm", "deputy_gm", "sales"].contains(u)) {
        for action in ["approve", "refuse", "sign", "book", "withdraw"] {
            let (s, _) = act(&app, user, &r, action, json!({"reason": "x", "voucher": "v"})).await;
            assert!(s == 403 || s == 404 || s == 409, "{user} {action}: {s}");
        }
    }
    let id = r["id"].as_i64().unwrap();
    assert_eq!(app.count(&format!("SELECT version AS n FROM allowances WHERE id = {id}")), version, "nothing changed");
    let r = ok(&app, "gm", &r, "refuse", json!({"reason": "改为下批货款抵扣"})).await;
    assert_eq!(r["state"], "refused");
    let (_, r) = raise().await;
    let r = ok(&app, "sales", &r, "withdraw", json!({})).await;
    assert_eq!(r["state"], "withdrawn");
    app.assert_invariants();
}

#[tokio::test]
async fn each_step_of_a_certificate_has_its_working_day_and_an_overdue_one_is_reminded_once() {
    let app = spawn_app().await;
    let complaint = approved_complaint(&app).await;
    let (_, r) = app.post("sales", "/allowances", json!({"complaint_id": complaint, "complaint_line": 1, "reason": "依核决赔偿"})).await;
    assert!(r["step_due_at"].is_string() && r["overdue"] == false, "{r}");
    let id = r["id"].as_i64().unwrap();
    app.exec(&format!("UPDATE document_deadlines SET due_at = '2020-01-01 00:00:00' WHERE document = 'allowance' AND document_id = {id}"));
    assert_eq!(kehu_api::worker::scan_overdue(&mut app.conn()).unwrap(), 1);
    assert_eq!(kehu_api::worker::scan_overdue(&mut app.conn()).unwrap(), 0, "once");
    let reminded =
        "SELECT COUNT(*) AS n FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = 'sales_manager' AND n.kind = 'allowance_reminder'";
    assert_eq!(app.count(reminded), 1);
    let (_, r) = app.get("sales_manager", &format!("/allowances/{id}")).await;
    assert_eq!(r["overdue"], true);
    // The next step starts its own day; a withdrawn certificate has none.
    let r = ok(&app, "sales_manager", &r, "approve", json!({})).await;
    assert_eq!(r["overdue"], false);
    let r = ok(&app, "sales", &r, "withdraw", json!({})).await;
    assert!(r["step_due_at"].is_null(), "{r}");
    app.assert_invariants();
}

#[tokio::test]
async fn a_certificate_step_is_kept_longer_once_by_its_own_people_with_a_reason() {
    let app = spawn_app().await;
    let complaint = approved_complaint(&app).await;
    let (_, r) = app.post("sales", "/allowances", json!({"complaint_id": complaint, "complaint_line": 1, "reason": "依核决赔偿"})).await;
    let due = r["step_due_at"].as_str().unwrap().to_owned();
    assert!(!r["available_actions"].as_array().unwrap().contains(&json!("extend")), "the applicant does not take this step: {r}");
    let (_, r) = app.get("sales_manager", &format!("/allowances/{}", r["id"])).await;
    assert!(r["available_actions"].as_array().unwrap().contains(&json!("extend")), "{r}");
    let (s, _) = act(&app, "sales", &r, "extend", json!({"reason": "x"})).await;
    assert_eq!(s, 403);
    let (s, e) = act(&app, "sales_manager", &r, "extend", json!({})).await;
    assert_eq!((s, e["errors"][0]["field"].as_str()), (422, Some("reason")), "{e}");
    let r = ok(&app, "sales_manager", &r, "extend", json!({"reason": "待核对原发票"})).await;
    assert_eq!((r["state"].as_str(), r["step_extended"].as_bool()), (Some("manager_review"), Some(true)));
    assert!(r["step_due_at"].as_str().unwrap() > due.as_str(), "{r}");
    assert_eq!(r["history"].as_array().unwrap().last().unwrap()["action"], "extend");
    let (s, _) = act(&app, "sales_manager", &r, "extend", json!({"reason": "again"})).await;
    assert_eq!(s, 409);
    // Approved: the applicant takes it to the customer, and may keep that step longer.
    let r = ok(&app, "sales_manager", &r, "approve", json!({})).await;
    assert_eq!(r["step_extended"], false);
    let r = ok(&app, "gm", &r, "approve", json!({})).await;
    let r = ok(&app, "sales", &r, "extend", json!({"reason": "客户负责人出差"})).await;
    assert_eq!((r["state"].as_str(), r["step_extended"].as_bool(), r["decided_at"].is_string()), (Some("approved"), Some(true), true));
    app.assert_invariants();
}
