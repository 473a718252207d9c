//! Deferred closure (暂缓关闭): the department working on a case asks; the
//! coordinator's manager approves — the step's and the case's deadlines
//! move to the date asked for, and the case becomes a second-level
//! irrational complaint — or refuses, saying why. Everyone else is refused
//! with nothing changed.

use kehu_tests::*;
use reqwest::Method;
use serde_json::{json, Value};

/// A registered quality case at the production unit's countermeasure.
async fn at_production(app: &TestApp) -> i64 {
    let id = app.draft().await;
    app.ok("sales", id, "submit", json!({})).await;
    app.ok("coordinator", id, "register", json!({"severity": "general", "kind": "quality", "is_major": false})).await;
    let production = app.department_id("production").await;
    let responsible = json!([{"department_id": production, "team": "冲压一班", "ratio_percent": 100}]);
    app.ok("qa", id, "conclude_investigation", json!({"defect_verified": true, "cause": "模具磨损", "responsible": responsible})).await;
    id
}

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

fn body(days: u64) -> Value {
    json!({"reason": "需等客户下一批来料验证改善效果", "follow": "monitor", "until_on": (today() + chrono::Days::new(days)).to_string()})
}

#[tokio::test]
async fn an_approved_deferral_moves_the_deadlines_and_makes_the_case_a_second_level_irrational_one() {
    let app = spawn_app().await;
    let id = at_production(&app).await;
    let path = format!("/complaints/{id}/deferrals");
    let (_, v) = app.get("production", &path).await;
    assert_eq!((v["can_request"].as_bool(), v["items"].as_array().map(Vec::len)), (Some(true), Some(0)), "{v}");
    let (_, v) = app.get("sales", &path).await;
    assert_eq!(v["can_request"], false, "sales does not work on this step");
    assert_eq!(send(&app, "sales", Method::POST, &path, body(30), None).await.0, 403);
    let (s, e) = send(&app, "production", Method::POST, &path, json!({"reason": " ", "follow": "watch", "until_on": today().to_string()}), None).await;
    let fields: Vec<&str> = e["errors"].as_array().unwrap().iter().map(|x| x["field"].as_str().unwrap()).collect();
    assert_eq!((s, fields), (422, vec!["reason", "until"]), "{e}");
    let versions = app.version(id).await;
    let (s, d) = send(&app, "production", Method::POST, &path, body(30), None).await;
    assert_eq!((s, d["state"].as_str()), (201, Some("requested")), "{d}");
    assert_eq!(app.version(id).await, versions + 1, "one history entry");
    assert_eq!((notices(&app, "deputy_gm", "deferral_request"), notices(&app, "gm", "deferral_request")), (1, 1));
    assert_eq!(send(&app, "coordinator", Method::POST, &path, body(20), None).await.0, 409, "one at a time");
    let (_, boxed) = app.get("deputy_gm", "/deferrals").await;
    assert!(boxed["items"].as_array().unwrap().iter().any(|x| x["id"] == d["id"]), "{boxed}");

    let act = |a: &str| format!("{path}/{}/actions/{a}", d["id"]);
    let v = d["version"].as_i64();
    assert_eq!(send(&app, "coordinator", Method::POST, &act("approve"), json!({}), v).await.0, 403);
    let (s, e) = send(&app, "deputy_gm", Method::POST, &act("refuse"), json!({}), v).await;
    assert_eq!((s, e["errors"][0]["field"].as_str()), (422, Some("comment")));
    let (s, a) = send(&app, "deputy_gm", Method::POST, &act("approve"), json!({}), v).await;
    assert_eq!((s, a["state"].as_str(), a["decided_by"]["name"].is_string()), (200, Some("approved"), true), "{a}");
    assert_eq!(send(&app, "gm", Method::POST, &act("approve"), json!({}), a["version"].as_i64()).await.0, 409, "decided once");

    let c = app.complaint("coordinator", id).await;
    let until = today() + chrono::Days::new(31);
    let due = format!("{}T16:00:00Z", until - chrono::Days::new(1));
    assert_eq!(
        (c["step_due_at"].as_str(), c["case_due_at"].as_str()),
        (Some(due.as_str()), Some(due.as_str())),
        "the end of the day asked for, company time: {c}"
    );
    let (_, m) = app.get("coordinator", &format!("/complaints/{id}/marks")).await;
    assert_eq!((m["irrational"]["level"].as_str(), m["irrational"]["follow"].as_str()), (Some("second"), Some("monitor")), "{m}");
    assert_eq!(notices(&app, "production", "deferral_decided"), 1);
    let (_, h) = app.get("coordinator", &format!("/complaints/{id}/events")).await;
    let actions: Vec<&str> = h["items"].as_array().or(h.as_array()).unwrap().iter().filter_map(|e| e["action"].as_str()).collect();
    assert!(actions.ends_with(&["request_deferral", "approve_deferral"]), "{actions:?}");
    app.assert_invariants();
}

#[tokio::test]
async fn a_refused_deferral_says_why_and_who_may_not_read_the_case_learns_nothing() {
    let app = spawn_app().await;
    let id = at_production(&app).await;
    let path = format!("/complaints/{id}/deferrals");
    let (_, d) = send(&app, "coordinator", Method::POST, &path, body(10), None).await;
    let before = app.complaint("coordinator", id).await;
    let unknown = 999_999;
    let did = d["id"].as_i64().unwrap();
    for user in ["sales2", "sales_manager2"] {
        let calls =
            [(Method::GET, String::new(), Value::Null), (Method::POST, String::new(), body(10)), (Method::POST, format!("/{did}/actions/approve"), json!({}))];
        for (method, tail, b) in calls {
            let got = send(&app, user, method.clone(), &format!("/complaints/{id}/deferrals{tail}"), b.clone(), d["version"].as_i64()).await;
            let none = send(&app, user, method.clone(), &format!("/complaints/{unknown}/deferrals{tail}"), b, d["version"].as_i64()).await;
            assert_eq!((got.0, &got.1["code"]), (none.0, &none.1["code"]), "{user} {method} {tail}");
        }
        let (_, boxed) = app.get(user, "/deferrals").await;
        assert!(boxed["items"].as_array().unwrap().is_empty(), "{user}");
    }
    // Every role: the case's read rule (its sales department, every non-sales role) decides
    // who sees the requests, the box and the decision; only the deputy GM and the GM decide.
    let hidden = ["sales2", "sales_manager2"];
    for user in DEMO_USERS {
        let (s, _) = app.get(user, &path).await;
        assert_eq!(s.as_u16() == 404, hidden.contains(&user), "{user}: GET {s}");
        let (_, boxed) = app.get(user, "/deferrals").await;
        let listed = boxed["items"].as_array().unwrap().iter().any(|x| x["id"] == did);
        assert_eq!(listed, !hidden.contains(&user), "{user}: the box");
        if !["deputy_gm", "gm"].contains(&user) {
            let (s, _) = send(&app, user, Method::POST, &format!("{path}/{did}/actions/approve"), json!({}), d["version"].as_i64()).await;
            assert_eq!(s, if hidden.contains(&user) { 404 } else { 403 }, "{user}: approve");
        }
    }
    let (s, r) = send(&app, "gm", Method::POST, &format!("{path}/{did}/actions/refuse"), json!({"comment": "可以按期关闭"}), d["version"].as_i64()).await;
    assert_eq!((s, r["state"].as_str(), r["comment"].as_str()), (200, Some("refused"), Some("可以按期关闭")), "{r}");
    let after = app.complaint("coordinator", id).await;
    assert_eq!(after["step_due_at"], before["step_due_at"], "a refusal moves nothing");
    let (_, m) = app.get("coordinator", &format!("/complaints/{id}/marks")).await;
    assert!(m["irrational"].is_null());
    assert_eq!(notices(&app, "coordinator", "deferral_decided"), 1);
    let (_, v) = app.get("production", &path).await;
    assert_eq!((v["can_request"].as_bool(), v["items"].as_array().map(Vec::len)), (Some(true), Some(1)), "asked again after a refusal");
    app.assert_invariants();
}
