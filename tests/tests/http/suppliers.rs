//! Supplier corrective-action requests: QA's conclusion names a supplier on
//! a share, which raises a request due within the policy's days; the
//! coordinator records the supplier's answer, QA sends it back or accepts
//! it, also after the case closed. Everyone else is refused with nothing
//! changed, and who may not read the case learns nothing.

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

fn today() -> chrono::NaiveDate {
    chrono::Utc::now().with_timezone(&chrono::FixedOffset::east_opt(8 * 3600).unwrap()).date_naive()
}

/// A registered case concluded with 70 % on a casting supplier (through QA) and 30 % on production.
async fn concluded(app: &TestApp, supplier: &str) -> i64 {
    let id = app.draft().await;
    app.ok("sales", id, "submit", json!({})).await;
    app.ok("coordinator", id, "register", json!({"severity": "general", "kind": "quality"})).await;
    let (quality, production) = (app.department_id("quality").await, app.department_id("production").await);
    let responsible = json!([
        {"department_id": quality, "ratio_percent": 70, "supplier": supplier},
        {"department_id": production, "team": "压铸一班", "ratio_percent": 30},
    ]);
    app.ok("qa", id, "conclude_investigation", json!({"defect_verified": true, "cause": "铸件气孔", "responsible": responsible})).await;
    id
}

#[tokio::test]
async fn naming_a_supplier_raises_a_request_whose_answer_is_recorded_sent_back_and_accepted() {
    let app = spawn_app().await;
    let (s, e) = {
        let id = app.draft().await;
        app.ok("sales", id, "submit", json!({})).await;
        app.ok("coordinator", id, "register", json!({"severity": "general", "kind": "quality"})).await;
        let quality = app.department_id("quality").await;
        let responsible = json!([{"department_id": quality, "ratio_percent": 100, "supplier": "  "}]);
        app.act("qa", id, "conclude_investigation", json!({"defect_verified": true, "cause": "x", "responsible": responsible})).await
    };
    assert_eq!((s.as_u16(), e["errors"][0]["field"].as_str()), (422, Some("responsible[0].supplier")), "{e}");

    let id = concluded(&app, " 江苏华力铸造有限公司 ").await;
    let c = app.complaint("qa", id).await;
    assert_eq!(c["responsibilities"][0]["supplier"], "江苏华力铸造有限公司", "{c}");
    assert!(c["responsibilities"][1]["supplier"].is_null());
    let path = format!("/complaints/{id}/supplier-requests");
    let (_, v) = app.get("coordinator", &path).await;
    let r = v["items"][0].clone();
    assert_eq!(v["items"].as_array().unwrap().len(), 1, "{v}");
    let due = (today() + chrono::Days::new(7)).to_string();
    assert_eq!(
        (r["supplier"].as_str(), r["state"].as_str(), r["ratio_percent"].as_i64(), r["due_on"].as_str()),
        (Some("江苏华力铸造有限公司"), Some("requested"), Some(70), Some(due.as_str())),
        "{r}"
    );
    assert_eq!(r["available_actions"], json!(["record_answer", "cancel"]));
    assert_eq!((notices(&app, "coordinator", "supplier_request"), notices(&app, "qa_manager", "supplier_request")), (1, 1));
    let (_, boxed) = app.get("coordinator", "/supplier-requests").await;
    assert!(boxed["items"].as_array().unwrap().iter().any(|x| x["id"] == r["id"]), "{boxed}");

    let act = |a: &str| format!("{path}/{}/actions/{a}", r["id"]);
    let answer = json!({"root_cause": "浇注温度偏低导致气孔", "actions": "增加炉温在线监控，首件 X 光检验", "answered_on": today().to_string()});
    let before = app.version(id).await;
    assert_eq!(send(&app, "sales", Method::POST, &act("record_answer"), answer.clone(), r["version"].as_i64()).await.0, 403);
    assert_eq!(send(&app, "sales2", Method::POST, &act("record_answer"), answer.clone(), r["version"].as_i64()).await.0, 404);
    let (s, e) = send(&app, "coordinator", Method::POST, &act("record_answer"), json!({"actions": "x"}), r["version"].as_i64()).await;
    assert_eq!((s, e["errors"][0]["field"].as_str()), (422, Some("root_cause")), "{e}");
    assert_eq!(app.version(id).await, before, "refused calls change nothing");
    let (s, a) = send(&app, "coordinator", Method::POST, &act("record_answer"), answer.clone(), r["version"].as_i64()).await;
    assert_eq!((s, a["state"].as_str(), a["answered_by"]["name"].is_string()), (200, Some("answered"), true), "{a}");
    assert_eq!(notices(&app, "qa_manager", "supplier_answered"), 1);
    assert_eq!(send(&app, "coordinator", Method::POST, &act("accept"), json!({}), a["version"].as_i64()).await.0, 403, "QA accepts");
    let back = json!({"comment": "未附 X 光检验记录", "due_on": (today() + chrono::Days::new(10)).to_string()});
    let (s, b) = send(&app, "qa_manager", Method::POST, &act("reject"), back, a["version"].as_i64()).await;
    assert_eq!((s, b["state"].as_str(), b["comment"].as_str()), (200, Some("requested"), Some("未附 X 光检验记录")), "{b}");
    assert_eq!(b["due_on"].as_str(), Some((today() + chrono::Days::new(10)).to_string().as_str()));

    // The case closes meanwhile; the supplier's second answer is still tracked.
    let cm = json!({"cause_analysis": "来料气孔", "containment": "来料全检", "permanent_actions": "供应商首件 X 光检验"});
    app.ok("qa", id, "submit_countermeasure", cm).await;
    app.ok("coordinator", id, "forward_to_sales", json!({})).await;
    app.ok("sales", id, "propose_resolution", json!({"lines": [{"kind": "compensation", "amount": "500.00"}]})).await;
    app.ok("coordinator", id, "submit_for_approval", json!({"opinion": "同意"})).await;
    app.ok("sales_manager", id, "approve", json!({})).await;
    app.ok("sales", id, "record_outcome", json!({"accepted": true, "answered_on": today().to_string()})).await;
    app.ok("supervisor", id, "countersign", json!({})).await;
    assert_eq!(app.ok("coordinator", id, "close", json!({})).await["state"], "closed");
    let (s, a2) = send(&app, "qa", Method::POST, &act("record_answer"), answer, b["version"].as_i64()).await;
    assert_eq!((s, a2["state"].as_str()), (200, Some("answered")), "{a2}");
    let (s, ok) = send(&app, "qa", Method::POST, &act("accept"), json!({}), a2["version"].as_i64()).await;
    assert_eq!((s, ok["state"].as_str(), ok["available_actions"].as_array().map(Vec::len)), (200, Some("accepted"), Some(0)), "{ok}");
    let (_, h) = app.get("coordinator", &format!("/complaints/{id}/events")).await;
    let actions: Vec<&str> = h["items"].as_array().or(h.as_array()).unwrap().iter().filter_map(|e| e["action"].as_str()).collect();
    for a in ["raise_supplier_request", "answer_supplier_request", "reject_supplier_request", "accept_supplier_request"] {
        assert!(actions.contains(&a), "{a} in {actions:?}");
    }
    app.assert_invariants();
}

#[tokio::test]
async fn a_new_conclusion_cancels_the_request_to_a_supplier_it_no_longer_names_and_only_case_readers_see_them() {
    let app = spawn_app().await;
    let id = concluded(&app, "宏达电镀厂").await;
    let path = format!("/complaints/{id}/supplier-requests");
    let (_, v) = app.get("qa", &path).await;
    let rid = v["items"][0]["id"].as_i64().unwrap();
    let version = v["items"][0]["version"].as_i64();
    let hidden = ["sales2", "sales_manager2"];
    for user in DEMO_USERS {
        let (s, _) = app.get(user, &path).await;
        assert_eq!(s.as_u16() == 404, hidden.contains(&user), "{user}: GET {s}");
        let (_, boxed) = app.get(user, "/supplier-requests").await;
        let listed = boxed["items"].as_array().unwrap().iter().any(|x| x["id"] == rid);
        assert_eq!(listed, !hidden.contains(&user), "{user}: the box");
        if user != "coordinator" {
            let (s, _) = send(&app, user, Method::POST, &format!("{path}/{rid}/actions/cancel"), json!({"comment": "x"}), version).await;
            assert_eq!(s, if hidden.contains(&user) { 404 } else { 403 }, "{user}: cancel");
        }
    }
    // Sent back to QA, who now holds production alone responsible.
    app.ok("coordinator", id, "send_back", json!({"reason": "责任判定有误"})).await;
    let production = app.department_id("production").await;
    let responsible = json!([{"department_id": production, "ratio_percent": 100}]);
    app.ok("qa", id, "conclude_investigation", json!({"defect_verified": true, "cause": "压铸参数", "responsible": responsible})).await;
    let (_, v) = app.get("qa", &path).await;
    assert_eq!(v["items"][0]["state"], "cancelled", "{v}");
    assert!(v["items"][0]["comment"].is_string());
    // Named again: a new request, the cancelled one stays.
    app.ok("coordinator", id, "send_back", json!({"reason": "仍有来料问题"})).await;
    let quality = app.department_id("quality").await;
    let responsible = json!([{"department_id": quality, "ratio_percent": 50, "supplier": "宏达电镀厂"}, {"department_id": production, "ratio_percent": 50}]);
    app.ok("qa", id, "conclude_investigation", json!({"defect_verified": true, "cause": "来料镀层", "responsible": responsible})).await;
    let (_, v) = app.get("qa", &path).await;
    let states: Vec<&str> = v["items"].as_array().unwrap().iter().filter_map(|x| x["state"].as_str()).collect();
    assert_eq!(states, ["requested", "cancelled"], "{v}");
    app.assert_invariants();
}
