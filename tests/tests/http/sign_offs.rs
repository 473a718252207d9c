//! The sign-offs and side routes of §4.3: the sales supervisor countersigns
//! the customer's outcome before the case waits to close; a department head
//! petitions the general manager (签呈), whose decision is recorded and may
//! send the case back to a named step, and holds the close while it waits.

use kehu_tests::*;
use reqwest::Method;
use serde_json::{json, Value};

async fn send(app: &TestApp, user: &str, method: Method, path: &str, body: Value, version: Option<i64>) -> (u16, Value) {
    let res = app.call(user, method, path, Some(body), version).await;
    let s = res.status().as_u16();
    (s, res.json().await.unwrap_or(Value::Null))
}

fn notices(app: &TestApp, user: &str, kind: &str) -> i64 {
    app.count(&format!("SELECT COUNT(*) AS n FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = '{user}' AND n.kind = '{kind}'"))
}

async fn history(app: &TestApp, id: i64) -> Vec<Value> {
    let (_, h) = app.get("coordinator", &format!("/complaints/{id}/events")).await;
    h["items"].as_array().or(h.as_array()).unwrap().clone()
}

/// An approved case the customer accepted: waiting for the countersign.
async fn accepted(app: &TestApp) -> i64 {
    let id = app.to_approval("800.00").await;
    app.ok("sales_manager", id, "approve", json!({})).await;
    let c = app.ok("sales", id, "record_outcome", json!({"accepted": true, "answered_on": "2026-11-20"})).await;
    assert_eq!(c["state"], "awaiting_countersign", "{c}");
    id
}

#[tokio::test]
async fn the_sales_supervisor_countersigns_the_outcome_before_the_case_waits_to_close() {
    let app = spawn_app().await;
    let id = accepted(&app).await;
    let c = app.complaint("supervisor", id).await;
    let offered: Vec<&str> = c["available_actions"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
    assert!(offered.contains(&"countersign") && offered.contains(&"send_back"), "{offered:?}");
    assert!(c["step_due_at"].is_string(), "the countersign has a deadline: {c}");
    assert!(notices(&app, "supervisor", "task") >= 1 && notices(&app, "sales_manager", "task") >= 1);
    let (_, tasks) = app.get("supervisor", "/me/tasks").await;
    assert!(tasks.as_array().unwrap().iter().any(|t| t["id"] == id), "{tasks}");
    let before = app.version(id).await;
    for (user, status) in [("sales", 403), ("coordinator", 403), ("sales_manager2", 404), ("qa", 403), ("gm", 403)] {
        let (s, v) = app.act(user, id, "countersign", json!({})).await;
        assert_eq!(s.as_u16(), status, "{user}: {v}");
    }
    let (s, _) = app.act("coordinator", id, "close", json!({})).await;
    assert_eq!(s, 409, "no close before the countersign");
    assert_eq!(app.version(id).await, before, "refused calls change nothing");

    // Sent back: the supervisor takes the customer's answer himself, so the manager signs.
    let back = app.ok("supervisor", id, "send_back", json!({"reason": "客户签收单未附"})).await;
    assert_eq!(back["state"], "customer_negotiation");
    assert!(back["approval"]["approved_by"].is_object() || back["approval"]["approved_at"].is_string(), "the approval stands: {back}");
    let again = app.ok("supervisor", id, "record_outcome", json!({"accepted": true, "answered_on": "2026-11-21", "remarks": "已附签收单"})).await;
    assert!(!again["available_actions"].as_array().unwrap().iter().any(|a| a == "countersign"), "{again}");
    let (s, _) = app.act("supervisor", id, "countersign", json!({})).await;
    assert_eq!(s, 403, "not the one who recorded it");
    let signed = app.ok("sales_manager", id, "countersign", json!({"remarks": "同意结案"})).await;
    assert_eq!(signed["state"], "awaiting_close");
    let events = history(&app, id).await;
    let last = events.last().unwrap();
    assert_eq!(
        (last["action"].as_str(), last["from_state"].as_str(), last["to_state"].as_str()),
        (Some("countersign"), Some("awaiting_countersign"), Some("awaiting_close")),
        "{last}"
    );
    let closed = app.ok("coordinator", id, "close", json!({})).await;
    assert_eq!(closed["closure"], "resolved");
    app.assert_invariants();
}

#[tokio::test]
async fn the_general_managers_decision_on_a_petition_sends_the_case_back_to_the_named_step() {
    let app = spawn_app().await;
    let id = app.to_sales_proposal().await;
    let path = format!("/complaints/{id}/petitions");
    let (_, v) = app.get("qa_manager", &path).await;
    assert_eq!(v["can_raise"], true, "{v}");
    assert_eq!(v["return_targets"], json!(["coordinator_review", "production_countermeasure", "qa_investigation"]));
    let (_, v) = app.get("qa", &path).await;
    assert_eq!(v["can_raise"], false, "only department heads petition");
    let body = |to: &str| json!({"subject": "责任判定异议", "content": "模具磨损属设备部保养责任, 请重新判定", "return_to": to});
    assert_eq!(send(&app, "qa", Method::POST, &path, body("qa_investigation"), None).await.0, 403);
    let (s, e) = send(&app, "qa_manager", Method::POST, &path, json!({"subject": " ", "content": "x", "return_to": "consolidation"}), None).await;
    let fields: Vec<&str> = e["errors"].as_array().unwrap().iter().map(|x| x["field"].as_str().unwrap()).collect();
    assert_eq!((s, fields), (422, vec!["subject", "return_to"]), "{e}");
    let before = app.version(id).await;
    let (s, p) = send(&app, "qa_manager", Method::POST, &path, body("qa_investigation"), None).await;
    assert_eq!((s, p["state"].as_str(), p["department"]["name"].is_string()), (201, Some("pending"), true), "{p}");
    assert_eq!(app.version(id).await, before + 1, "one history entry");
    assert_eq!(notices(&app, "gm", "petition_raised"), 1);
    assert_eq!(send(&app, "qa_manager", Method::POST, &path, body("qa_investigation"), None).await.0, 409, "one of a department at a time");
    // Another department's head petitions too, and withdraws.
    let (s, other) = send(&app, "pmc", Method::POST, &path, json!({"subject": "不同意", "content": "保养记录齐全"}), None).await;
    assert_eq!(s, 201, "{other}");
    let w = format!("{path}/{}/actions/withdraw", other["id"]);
    assert_eq!(send(&app, "qa_manager", Method::POST, &w, json!({}), other["version"].as_i64()).await.0, 403, "only its author withdraws");
    let (s, gone) = send(&app, "pmc", Method::POST, &w, json!({}), other["version"].as_i64()).await;
    assert_eq!((s, gone["state"].as_str()), (200, Some("withdrawn")), "{gone}");

    let (_, boxed) = app.get("gm", "/petitions").await;
    let ids: Vec<&Value> = boxed["items"].as_array().unwrap().iter().map(|x| &x["id"]).collect();
    assert_eq!(ids, [&p["id"]], "the box holds the pending one: {boxed}");
    let decide = format!("{path}/{}/actions/decide", p["id"]);
    let v = p["version"].as_i64();
    assert_eq!(send(&app, "deputy_gm", Method::POST, &decide, json!({"decision": "同意"}), v).await.0, 403);
    let (s, e) = send(&app, "gm", Method::POST, &decide, json!({"return_to": "qa_investigation"}), v).await;
    assert_eq!((s, e["errors"][0]["field"].as_str()), (422, Some("decision")), "{e}");
    assert_eq!(send(&app, "gm", Method::POST, &decide, json!({"decision": "同意"}), Some(v.unwrap() + 7)).await.0, 412);
    let (s, d) = send(&app, "gm", Method::POST, &decide, json!({"decision": "同意品保意见, 退回重新判定责任", "return_to": "qa_investigation"}), v).await;
    assert_eq!((s, d["state"].as_str(), d["returned_to"].as_str()), (200, Some("decided"), Some("qa_investigation")), "{d}");
    assert_eq!(send(&app, "gm", Method::POST, &decide, json!({"decision": "再议"}), d["version"].as_i64()).await.0, 409, "decided once");

    let c = app.complaint("qa", id).await;
    assert_eq!(c["state"], "qa_investigation");
    assert!(c["step_due_at"].is_string());
    assert!(c["available_actions"].as_array().unwrap().iter().any(|a| a == "conclude_investigation"), "{c}");
    assert_eq!(notices(&app, "qa_manager", "petition_decided"), 1);
    assert_eq!(notices(&app, "coordinator", "petition_decided"), 2, "the withdrawal and the decision");
    let events = history(&app, id).await;
    let last = events.last().unwrap();
    assert_eq!(
        (last["action"].as_str(), last["from_state"].as_str(), last["to_state"].as_str()),
        (Some("decide_petition"), Some("sales_proposal"), Some("qa_investigation")),
        "{last}"
    );
    app.assert_invariants();
}

#[tokio::test]
async fn a_waiting_petition_holds_the_close_and_only_the_case_readers_see_it() {
    let app = spawn_app().await;
    let id = accepted(&app).await;
    app.ok("supervisor", id, "countersign", json!({})).await;
    let path = format!("/complaints/{id}/petitions");
    let (s, p) = send(&app, "sales_manager", Method::POST, &path, json!({"subject": "赔偿金额异议", "content": "品保判定的损失偏高"}), None).await;
    assert_eq!(s, 201, "{p}");
    let (s, e) = app.act("coordinator", id, "close", json!({})).await;
    assert_eq!(s, 409, "{e}");
    let pid = p["id"].as_i64().unwrap();
    let hidden = ["sales2", "sales_manager2"];
    for user in DEMO_USERS {
        let (s, _) = app.get(user, &path).await;
        assert_eq!(s.as_u16() == 404, hidden.contains(&user), "{user}: GET {s}");
        let (_, boxed) = app.get(user, "/petitions").await;
        let listed = boxed["items"].as_array().unwrap().iter().any(|x| x["id"] == pid);
        assert_eq!(listed, !hidden.contains(&user), "{user}: the box");
        if user != "gm" {
            let (s, _) = send(&app, user, Method::POST, &format!("{path}/{pid}/actions/decide"), json!({"decision": "x"}), p["version"].as_i64()).await;
            assert_eq!(s, if hidden.contains(&user) { 404 } else { 403 }, "{user}: decide");
        }
        if !["sales_manager", "qa_manager", "pmc", "marketing_manager"].contains(&user) {
            let (s, _) = send(&app, user, Method::POST, &path, json!({"subject": "x", "content": "y"}), None).await;
            assert_eq!(s, if hidden.contains(&user) { 404 } else { 403 }, "{user}: raise");
        }
    }
    let (s, d) = send(&app, "gm", Method::POST, &format!("{path}/{pid}/actions/decide"), json!({"decision": "维持原判"}), p["version"].as_i64()).await;
    assert_eq!((s, d["returned_to"].is_null()), (200, true), "{d}");
    assert_eq!(app.complaint("coordinator", id).await["state"], "awaiting_close", "upheld: the case stays");
    app.ok("coordinator", id, "close", json!({})).await;
    let (s, _) = send(&app, "sales_manager", Method::POST, &path, json!({"subject": "x", "content": "y"}), None).await;
    assert_eq!(s, 409, "no petition on a closed case");
    app.assert_invariants();
}
