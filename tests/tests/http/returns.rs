//! Return and exchange applications (退换货): raised by sales, approved by
//! the sales supervisor, the marketing manager and the general manager.

use kehu_tests::*;
use reqwest::Method;
use serde_json::{json, Value};

fn grounds() -> Value {
    json!({"within_warranty": "保修卡：2026-03-01 起一年", "below_standard": "来料检验报告 IQC-2611-07 不合格"})
}

fn standalone(customer_id: i64) -> Value {
    json!({
        "kind": "return",
        "customer_id": customer_id,
        "order_number": "SO-8812",
        "reason": "整批尺寸超差，客户要求退货",
        "lines": [{"product_number": "BRK-2207", "description": "Φ22 刹车片", "quantity": 120, "unit_price": "35.50"}],
        "eligibility": grounds(),
    })
}

async fn raise(app: &TestApp, user: &str, body: Value) -> Value {
    let (s, v) = app.post(user, "/returns", body).await;
    assert_eq!(s, 201, "{v}");
    v
}

async fn get(app: &TestApp, user: &str, id: i64) -> (u16, Value) {
    let (s, v) = app.get(user, &format!("/returns/{id}")).await;
    (s.as_u16(), v)
}

async fn act(app: &TestApp, user: &str, r: &Value, action: &str, body: Value) -> (u16, Value) {
    let id = r["id"].as_i64().unwrap();
    let res = app.call(user, Method::POST, &format!("/returns/{id}/actions/{action}"), Some(body), r["version"].as_i64()).await;
    let s = res.status().as_u16();
    (s, res.json().await.unwrap_or(Value::Null))
}

async fn ok(app: &TestApp, user: &str, r: &Value, action: &str, body: Value) -> Value {
    let (s, v) = act(app, user, r, action, body).await;
    assert_eq!(s, 200, "{user} {action}: {v}");
    v
}

fn notices(app: &TestApp, user: &str, kind: &str) -> i64 {
    app.count(&format!("SELECT COUNT(*) AS n FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = '{user}' AND n.kind = '{kind}'"))
}

#[tokio::test]
async fn a_return_walks_the_chain_and_tells_production_and_finance() {
    let app = spawn_app().await;
    let customer = app.customer_id("sales", "C-0001").await;
    let mut body = standalone(customer);
    body["eligibility"] = json!({"within_warranty": "保修期内"});
    let r = raise(&app, "sales", body).await;
    assert_eq!(r["state"], "draft");
    assert!(r["number"].as_str().unwrap().starts_with("TH"), "{r}");
    assert_eq!(r["total"]["amount"], "4260.00");
    assert_eq!(r["eligibility"]["eligible"], false);
    // Only A: it cannot be submitted, and nothing changes.
    let (s, v) = act(&app, "sales", &r, "submit", json!({})).await;
    assert_eq!(s, 422, "{v}");
    assert_eq!(v["errors"][0]["field"], "eligibility");
    assert_eq!(get(&app, "sales", r["id"].as_i64().unwrap()).await.1["version"], r["version"]);
    // Completed, it goes to the supervisor, who tried to keep the sale.
    let id = r["id"].as_i64().unwrap();
    let res = app.call("sales", Method::PATCH, &format!("/returns/{id}"), Some(standalone(customer)), r["version"].as_i64()).await;
    assert_eq!(res.status(), 200);
    let r: Value = res.json().await.unwrap();
    let r = ok(&app, "sales", &r, "submit", json!({})).await;
    assert_eq!(r["state"], "supervisor_review");
    assert!(r["step_due_at"].is_string());
    assert_eq!(notices(&app, "supervisor", "return_task"), 1);
    let (_, tasks) = app.get("supervisor", "/returns?box=to_act").await;
    assert_eq!(tasks["total"], 1, "{tasks}");
    let r = ok(&app, "supervisor", &r, "approve", json!({"retention_note": "已拜访客户，客户坚持退货"})).await;
    assert_eq!((r["state"].as_str(), r["retention_note"].as_str()), (Some("marketing_review"), Some("已拜访客户，客户坚持退货")));
    // The retention note belongs to the supervisor's step only.
    let (s, _) = act(&app, "marketing_manager", &r, "approve", json!({"retention_note": "x"})).await;
    assert_eq!(s, 422);
    let r = ok(&app, "marketing_manager", &r, "approve", json!({})).await;
    assert_eq!(r["state"], "gm_approval");
    let r = ok(&app, "gm", &r, "approve", json!({})).await;
    assert_eq!(r["state"], "approved");
    assert!(r["decided_at"].is_string() && r["step_due_at"].is_null());
    assert!(r["available_actions"].as_array().unwrap().is_empty());
    for user in ["production", "finance", "sales"] {
        assert_eq!(notices(&app, user, "return_decided"), 1, "{user}");
    }
    // Production reads the approved application now.
    assert_eq!(get(&app, "production", id).await.0, 200);
    let history: Vec<&str> = r["history"].as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(history, ["create", "edit", "submit", "approve", "approve", "approve"]);
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM outbox WHERE event_type = 'return.state_changed'"), 4);
    app.assert_invariants();
}

/// An approved complaint with a return line (0) and a compensation line (1).
async fn approved_complaint(app: &TestApp) -> i64 {
    let id = app.to_sales_proposal().await;
    let lines = json!([{"kind": "return", "quantity": 25, "unit_price": "100.00"}, {"kind": "compensation", "amount": "500.00"}]);
    app.ok("sales", id, "propose_resolution", json!({"lines": lines})).await;
    app.ok("coordinator", id, "submit_for_approval", json!({"opinion": "同意"})).await;
    app.ok("sales_manager", id, "approve", json!({})).await;
    id
}

#[tokio::test]
async fn an_application_carries_an_approved_complaint_line_over_once() {
    let app = spawn_app().await;
    let draft = app.to_sales_proposal().await;
    let (s, v) = app.post("sales", "/returns", json!({"complaint_id": draft, "complaint_line": 0, "reason": "x"})).await;
    assert_eq!((s.as_u16(), v["errors"][0]["code"].as_str()), (422, Some("not_approved")), "{v}");
    let id = approved_complaint(&app).await;
    let body = |line: i64| json!({"complaint_id": id, "complaint_line": line, "reason": "退回不良品", "eligibility": grounds()});
    let r = raise(&app, "sales", body(0)).await;
    assert_eq!((r["kind"].as_str(), r["complaint"]["id"].as_i64()), (Some("return"), Some(id)));
    assert_eq!(r["order_number"], "SO-1");
    let line = &r["lines"][0];
    assert_eq!(
        (line["product_number"].as_str(), line["quantity"].as_i64(), line["unit_price"]["amount"].as_str()),
        (Some("BRK-2207"), Some(25), Some("100.00"))
    );
    let (s, v) = app.post("sales", "/returns", body(0)).await;
    assert_eq!((s.as_u16(), v["code"].as_str()), (409, Some("already_applied")), "{v}");
    let (s, v) = app.post("sales", "/returns", body(1)).await;
    assert_eq!((s.as_u16(), v["errors"][0]["code"].as_str()), (422, Some("not_returnable")), "{v}");
    let (s, _) = app.post("sales", "/returns", body(7)).await;
    assert_eq!(s, 422);
    // Withdrawn, the line is free again; the complaint lists its applications.
    ok(&app, "sales", &r, "withdraw", json!({})).await;
    raise(&app, "sales", body(0)).await;
    let (_, list) = app.get("sales", &format!("/returns?complaint_id={id}")).await;
    assert_eq!(list["total"], 2, "{list}");
    // Someone who cannot read the complaint cannot apply on it, and learns nothing.
    let (s, v) = app.post("sales2", "/returns", body(0)).await;
    assert_eq!((s.as_u16(), v["errors"][0]["code"].as_str()), (422, Some("not_found")), "{v}");
    app.assert_invariants();
}

#[tokio::test]
async fn each_approver_may_refuse_with_a_reason() {
    let app = spawn_app().await;
    let customer = app.customer_id("sales", "C-0001").await;
    let approvers = ["supervisor", "marketing_manager", "gm"];
    for (step, refuser) in approvers.iter().enumerate() {
        let mut r = ok(&app, "sales", &raise(&app, "sales", standalone(customer)).await, "submit", json!({})).await;
        for approver in &approvers[..step] {
            r = ok(&app, approver, &r, "approve", json!({})).await;
        }
        let (s, _) = act(&app, refuser, &r, "refuse", json!({})).await;
        assert_eq!(s, 422, "{refuser}: a refusal needs its reason");
        let before = notices(&app, "sales", "return_decided");
        let r = ok(&app, refuser, &r, "refuse", json!({"reason": "客户同意改为折让"})).await;
        assert_eq!((r["state"].as_str(), r["refusal_reason"].as_str()), (Some("refused"), Some("客户同意改为折让")));
        assert_eq!(notices(&app, "sales", "return_decided"), before + 1);
        let (s, _) = act(&app, "sales", &r, "withdraw", json!({})).await;
        assert_eq!(s, 409, "a refused application is over");
    }
    app.assert_invariants();
}

#[tokio::test]
async fn every_action_is_refused_to_the_wrong_people_and_changes_nothing() {
    let app = spawn_app().await;
    let customer = app.customer_id("sales", "C-0001").await;
    let everyone = DEMO_USERS;
    let draft = raise(&app, "sales", standalone(customer)).await;
    let at_supervisor = ok(&app, "sales", &raise(&app, "sales", standalone(customer)).await, "submit", json!({})).await;
    let at_marketing =
        ok(&app, "supervisor", &ok(&app, "sales", &raise(&app, "sales", standalone(customer)).await, "submit", json!({})).await, "approve", json!({})).await;
    let at_gm = ok(&app, "marketing_manager", &at_marketing.clone(), "approve", json!({})).await;
    let at_marketing =
        ok(&app, "supervisor", &ok(&app, "sales", &raise(&app, "sales", standalone(customer)).await, "submit", json!({})).await, "approve", json!({})).await;
    let cases: [(&Value, &str, &[&str]); 5] = [
        (&draft, "submit", &["sales"]),
        (&at_supervisor, "approve", &["supervisor", "sales_manager"]),
        (&at_supervisor, "refuse", &["supervisor", "sales_manager"]),
        (&at_marketing, "approve", &["marketing_manager"]),
        (&at_gm, "approve", &["gm"]),
    ];
    let events = "SELECT COUNT(*) AS n FROM return_events";
    let notes = "SELECT COUNT(*) AS n FROM notifications";
    let (e0, n0) = (app.count(events), app.count(notes));
    for (r, action, allowed) in cases {
        for user in everyone.iter().filter(|u| !allowed.contains(u)) {
            let (s, v) = act(&app, user, r, action, json!({"reason": "x"})).await;
            assert!(s == 403 || s == 404, "{user} {action}: {s} {v}");
        }
    }
    for user in everyone.iter().filter(|u| **u != "sales") {
        let (s, _) = act(&app, user, &at_supervisor, "withdraw", json!({})).await;
        assert!(s == 403 || s == 404, "{user} withdraw");
    }
    assert_eq!((app.count(events), app.count(notes)), (e0, n0), "a refused call left records");
    // Who reads what: the other sales department nothing, the departments downstream only approved ones.
    let id = at_supervisor["id"].as_i64().unwrap();
    for (user, status) in [
        ("sales2", 404),
        ("sales_manager2", 404),
        ("production", 404),
        ("finance", 404),
        ("qa", 404),
        ("supervisor", 200),
        ("marketing_manager", 200),
        ("deputy_gm", 200),
    ] {
        assert_eq!(get(&app, user, id).await.0, status, "{user}");
        let (_, list) = app.get(user, "/returns").await;
        let listed = list["items"].as_array().unwrap().iter().any(|r| r["id"] == id);
        assert_eq!(listed, status == 200, "{user}: the list");
    }
}

#[tokio::test]
async fn bad_input_is_refused_and_changes_nothing() {
    let app = spawn_app().await;
    let customer = app.customer_id("sales", "C-0001").await;
    let rows = "SELECT COUNT(*) AS n FROM return_applications";
    let before = app.count(rows);
    let with = |f: &dyn Fn(&mut Value)| {
        let mut b = standalone(customer);
        f(&mut b);
        b
    };
    for (body, field) in [
        (with(&|b| b["lines"][0]["quantity"] = json!(-3)), "lines[0].quantity"),
        (with(&|b| b["lines"][0]["quantity"] = json!(0)), "lines[0].quantity"),
        (with(&|b| b["lines"][0]["quantity"] = json!(2.5)), "lines[0].quantity"),
        (with(&|b| b["lines"][0]["unit_price"] = json!("abc")), "lines[0].unit_price"),
        (with(&|b| b["lines"] = json!([])), "lines"),
        (with(&|b| b["kind"] = json!("swap")), "kind"),
        (with(&|b| b["reason"] = json!("  ")), "reason"),
        (with(&|b| b["lines"][0]["colour"] = json!("red")), "lines[0].colour"),
    ] {
        let (s, v) = app.post("sales", "/returns", body.clone()).await;
        assert!(s == 400 || s == 422, "{body}: {s} {v}");
        assert_eq!(v["errors"][0]["field"], field, "{body}: {v}");
    }
    let (s, _) = app.post("qa", "/returns", standalone(customer)).await;
    assert_eq!(s, 403, "only sales raise applications");
    assert_eq!(app.count(rows), before);
}

#[tokio::test]
async fn an_overdue_step_is_reminded_once_and_may_be_extended_once_with_a_reason() {
    let app = spawn_app().await;
    let customer = app.customer_id("sales", "C-0001").await;
    let r = ok(&app, "sales", &raise(&app, "sales", standalone(customer)).await, "submit", json!({})).await;
    let id = r["id"].as_i64().unwrap();
    let (s, _) = act(&app, "supervisor", &r, "extend", json!({})).await;
    assert_eq!(s, 422, "an extension needs its reason");
    let r = ok(&app, "supervisor", &r, "extend", json!({"reason": "需要先到客户处协商"})).await;
    assert_eq!((r["extended"].as_bool(), r["state"].as_str()), (Some(true), Some("supervisor_review")));
    let (s, _) = act(&app, "supervisor", &r, "extend", json!({"reason": "again"})).await;
    assert_eq!(s, 409, "once");
    app.exec(&format!("UPDATE return_applications SET step_due_at = '2020-01-01 00:00:00' WHERE id = {id}"));
    assert_eq!(kehu_api::worker::scan_overdue(&mut app.conn()).unwrap(), 1);
    assert_eq!(kehu_api::worker::scan_overdue(&mut app.conn()).unwrap(), 0);
    assert_eq!(notices(&app, "supervisor", "return_reminder"), 1);
    assert_eq!(get(&app, "supervisor", id).await.1["overdue"], true);
    app.assert_invariants();
}

#[tokio::test]
async fn the_time_in_a_department_is_policy() {
    let app = spawn_app().await;
    let (_, p) = app.get("admin", "/policies/returns").await;
    assert_eq!((p["step_working_days"].as_i64(), p["extended_working_days"].as_i64(), p["company_tolerance_bp"].as_i64()), (Some(1), Some(3), Some(0)));
    let v = p["version"].as_i64();
    let body = json!({"step_working_days": 2, "extended_working_days": 1, "company_tolerance_bp": 300});
    let res = app.call("admin", Method::PUT, "/policies/returns", Some(body), v).await;
    assert_eq!(res.status(), 422, "the extended limit is not below the step's");
    let body = json!({"step_working_days": 2, "extended_working_days": 4, "company_tolerance_bp": 300});
    let res = app.call("sales_manager", Method::PUT, "/policies/returns", Some(body.clone()), v).await;
    assert_eq!(res.status(), 403);
    let res = app.call("admin", Method::PUT, "/policies/returns", Some(body), v).await;
    assert_eq!(res.status(), 200);
    let customer = app.customer_id("sales", "C-0001").await;
    let r = ok(&app, "sales", &raise(&app, "sales", standalone(customer)).await, "submit", json!({})).await;
    let at = |k: &str| chrono::DateTime::parse_from_rfc3339(r[k].as_str().unwrap()).unwrap().with_timezone(&chrono::Utc);
    // The company calendar of a fresh database: Asia/Shanghai, no days overridden.
    let calendar = kehu_domain::deadline::Calendar::new(chrono_tz::Asia::Shanghai);
    let policy = kehu_domain::returns::ReturnPolicy { step_working_days: 2, extended_working_days: 4, company_tolerance_bp: 300, ..Default::default() };
    assert_eq!(at("step_due_at"), policy.step_due(&calendar, at("step_entered_at"), false));
    assert_ne!(at("step_due_at"), kehu_domain::returns::ReturnPolicy::default().step_due(&calendar, at("step_entered_at"), false));
}

#[tokio::test]
async fn concurrent_applications_on_one_complaint_line_make_one() {
    let app = spawn_app().await;
    let id = approved_complaint(&app).await;
    let body = json!({"complaint_id": id, "complaint_line": 0, "reason": "退回不良品", "eligibility": grounds()});
    let tries = (0..10).map(|_| app.post("sales", "/returns", body.clone()));
    let answers: Vec<u16> = futures_util::future::join_all(tries).await.into_iter().map(|(s, _)| s.as_u16()).collect();
    assert_eq!(answers.iter().filter(|s| **s == 201).count(), 1, "{answers:?}");
    assert!(answers.iter().all(|s| *s == 201 || *s == 409), "{answers:?}");
    assert_eq!(app.count(&format!("SELECT COUNT(*) AS n FROM return_applications WHERE complaint_id = {id}")), 1);
    app.assert_invariants();
}

#[tokio::test]
async fn the_summary_exports_what_the_list_shows_to_its_reader() {
    let app = spawn_app().await;
    let customer = app.customer_id("sales", "C-0001").await;
    let r = raise(&app, "sales", standalone(customer)).await;
    let number = r["number"].as_str().unwrap();
    let csv = |user: &'static str| {
        let app = &app;
        async move {
            let res = app.client.get(app.url("/returns/export?format=csv&kind=return")).bearer_auth(app.token(user).await).send().await.unwrap();
            assert_eq!(res.status(), 200);
            res.text().await.unwrap()
        }
    };
    let text = csv("sales").await;
    assert!(text.starts_with('\u{feff}') && text.contains("单号,申请日期,客户名称"), "{text}");
    let row = text.lines().find(|l| l.contains(number)).expect("the application's row");
    assert!(row.contains("BRK-2207") && row.contains("4260.00") && row.contains("退货") && row.contains("草稿"), "{row}");
    assert!(!csv("sales2").await.contains(number), "another department's salesperson does not read it");
    let res = app.client.get(app.url("/returns/export?kind=exchange")).bearer_auth(app.token("sales").await).send().await.unwrap();
    let bytes = res.bytes().await.unwrap();
    assert!(bytes.starts_with(b"PK"), "an .xlsx by default");
    let res = app.client.get(app.url("/returns/export?format=pdf")).bearer_auth(app.token("sales").await).send().await.unwrap();
    assert_eq!(res.status(), 422, "an unknown format is a problem, not a file");
}
