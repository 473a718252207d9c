//! The 8D report of a complaint: opened by QA prefilled from the case,
//! written section by section, submitted complete, approved by the QA
//! manager or sent back; a case that needs one closes only after the
//! approval. Everyone who may not read the case gets the answer of a case
//! that does not exist, and nothing changes.

use kehu_tests::*;
use reqwest::Method;
use serde_json::{json, Value};

/// A complaint registered with `register`, walked through QA, production
/// and the coordinator to sales' proposal.
async fn case(app: &TestApp, register: Value) -> i64 {
    let id = app.draft().await;
    app.ok("sales", id, "submit", json!({})).await;
    app.ok("coordinator", id, "register", register).await;
    let production = app.department_id("production").await;
    let responsible = json!([{"department_id": production, "team": "冲压一班", "ratio_percent": 100}]);
    app.ok("qa", id, "record_containment", json!({"measures": ["quarantine", "reinspection"], "description": "库存隔离并全检"})).await;
    app.ok("qa", id, "conclude_investigation", json!({"defect_verified": true, "cause": "模具磨损", "responsible": responsible})).await;
    app.ok("production", id, "submit_countermeasure", json!({"cause_analysis": "a", "containment": "b", "permanent_actions": "c"})).await;
    app.ok("coordinator", id, "forward_to_sales", json!({"remarks": "ok"})).await;
    id
}

/// The same case, approved and accepted by the customer: waiting to close.
async fn awaiting_close(app: &TestApp, id: i64) {
    app.ok("sales", id, "propose_resolution", json!({"lines": [{"kind": "compensation", "amount": "800.00"}]})).await;
    app.ok("coordinator", id, "submit_for_approval", json!({"opinion": "同意"})).await;
    app.ok("sales_manager", id, "approve", json!({})).await;
    app.ok("sales", id, "record_outcome", json!({"accepted": true, "answered_on": "2026-11-20"})).await;
    app.ok("supervisor", id, "countersign", json!({})).await;
}

async fn step(app: &TestApp, user: &str, id: i64, r: &Value, action: &str, body: Value) -> (u16, Value) {
    let res = app.call(user, Method::POST, &format!("/complaints/{id}/8d/actions/{action}"), Some(body), r["version"].as_i64()).await;
    let s = res.status().as_u16();
    (s, res.json().await.unwrap_or(Value::Null))
}

async fn save(app: &TestApp, user: &str, id: i64, r: &Value, report: Value) -> (u16, Value) {
    let res = app.call(user, Method::PUT, &format!("/complaints/{id}/8d"), Some(report), r["version"].as_i64()).await;
    let s = res.status().as_u16();
    (s, res.json().await.unwrap_or(Value::Null))
}

async fn user(app: &TestApp, name: &str) -> i64 {
    app.get("admin", &format!("/users?q={name}")).await.1["items"][0]["id"].as_i64().unwrap()
}

/// Every section complete, on the team the opener started.
async fn complete(app: &TestApp, r: &Value) -> Value {
    let mut report = r["report"].clone();
    let engineering = user(app, "engineering").await;
    report["team"].as_array_mut().unwrap().push(json!({"user_id": engineering, "role": "engineering"}));
    report["root_cause"] = json!({"methods": ["fishbone", "swap_test"], "cause": "回流焊温区 3 温度偏低"});
    report["actions"] = json!([{"action": "调整炉温曲线并加 AOI 检查", "owner_id": engineering, "due_on": "2026-11-30", "done_on": "2026-11-28"}]);
    let check = |e: &str| json!({"passed": true, "evidence": e});
    report["verification"] = json!({"works": check("连续 3 批 0 不良"), "no_new_problem": check("全检合格"), "prevents_recurrence": check("炉温纳入点检")});
    report["prevention"] = json!({"documents": ["fmea", "control_plan"], "note": null});
    report["closure"] = json!({"summary": "措施有效, 结案", "closed_on": "2026-12-01"});
    report
}

/// Status, problem code and the fields named: what an answer tells.
async fn answer(app: &TestApp, user: &str, method: Method, path: &str, body: Value, version: i64) -> (u16, Value, Value) {
    let res = app.call(user, method, path, Some(body), Some(version)).await;
    let status = res.status().as_u16();
    let v: Value = res.json().await.unwrap_or(Value::Null);
    (status, v["code"].clone(), v["errors"].clone())
}

fn notices(app: &TestApp, user: &str, kind: &str) -> i64 {
    app.count(&format!("SELECT COUNT(*) AS n FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = '{user}' AND n.kind = '{kind}'"))
}

#[tokio::test]
async fn a_severe_quality_case_closes_only_after_the_qa_manager_approved_its_8d_report() {
    let app = spawn_app().await;
    let id = case(&app, json!({"severity": "severe", "kind": "quality", "is_major": false})).await;
    let (_, c) = app.get("coordinator", &format!("/complaints/{id}")).await;
    assert_eq!((c["eight_d"]["required"].as_bool(), c["eight_d"]["state"].is_null()), (Some(true), true), "{c}");
    assert_eq!(c["eight_d"]["can_open"], true);
    let (_, c) = app.get("sales", &format!("/complaints/{id}")).await;
    assert_eq!(c["eight_d"]["can_open"], false, "QA's part, not sales'");
    awaiting_close(&app, id).await;
    let (s, e) = app.act("coordinator", id, "close", json!({})).await;
    assert_eq!((s.as_u16(), e["errors"][0]["field"].as_str(), e["errors"][0]["code"].as_str()), (422, Some("eight_d"), Some("not_approved")), "{e}");

    // Opened by QA, once, prefilled from the case.
    let (s, _) = app.post("sales", &format!("/complaints/{id}/8d"), json!({})).await;
    assert_eq!(s.as_u16(), 403);
    let (s, r) = app.post("qa", &format!("/complaints/{id}/8d"), json!({})).await;
    assert_eq!(s.as_u16(), 201, "{r}");
    let (s, _) = app.post("qa", &format!("/complaints/{id}/8d"), json!({})).await;
    assert_eq!(s.as_u16(), 409);
    let number = c["number"].as_str().unwrap();
    assert_eq!(r["name"].as_str().unwrap(), format!("{number}-{}", c["intake"]["product_number"].as_str().unwrap()));
    assert_eq!((r["state"].as_str(), r["required"].as_bool()), (Some("draft"), Some(true)));
    assert_eq!(r["report"]["problem"], c["intake"]["description"]);
    let measures: Vec<&str> = r["report"]["containment"].as_array().unwrap().iter().map(|s| s["measure"].as_str().unwrap()).collect();
    assert_eq!(measures, ["quarantine", "reinspection"]);
    let prefilled: Vec<&str> = r["sections"].as_array().unwrap().iter().filter(|s| s["prefilled"] == true).map(|s| s["section"].as_str().unwrap()).collect();
    assert_eq!(prefilled, ["problem", "containment"]);
    let roles: Vec<&str> = r["report"]["team"].as_array().unwrap().iter().map(|m| m["role"].as_str().unwrap()).collect();
    assert_eq!(roles, ["sales_rep", "quality"]);

    // An incomplete report is not submitted; the answer names what is missing.
    let (s, e) = step(&app, "qa", id, &r, "submit", json!({})).await;
    assert_eq!(s, 422);
    let missing: Vec<&str> = e["errors"].as_array().unwrap().iter().map(|x| x["field"].as_str().unwrap()).collect();
    assert!(missing.contains(&"team") && missing.contains(&"root_cause.cause") && missing.contains(&"closure.summary"), "{missing:?}");
    // Bad people and future dates are refused; nothing changes.
    let mut bad = complete(&app, &r).await;
    bad["actions"][0]["owner_id"] = json!(999_999);
    bad["closure"]["closed_on"] = json!("2099-01-01");
    let (s, e) = save(&app, "qa", id, &r, bad).await;
    assert_eq!(s, 422, "{e}");
    let (s, e) = save(&app, "sales2", id, &r, complete(&app, &r).await).await;
    assert_eq!(s, 404, "sales of another department do not see the case: {e}");
    let (s, r) = save(&app, "engineering", id, &r, complete(&app, &r).await).await;
    assert_eq!(s, 200, "{r}");
    assert!(r["sections"].as_array().unwrap().iter().all(|s| s["complete"] == true), "{r}");

    // Submitted to the QA manager, who sends it back with comments, then approves.
    let (s, r) = step(&app, "qa", id, &r, "submit", json!({})).await;
    assert_eq!((s, r["state"].as_str()), (200, Some("in_review")), "{r}");
    assert_eq!(notices(&app, "qa_manager", "eight_d_review"), 1);
    let (_, boxed) = app.get("qa_manager", "/8d-reports").await;
    assert!(boxed["items"].as_array().unwrap().iter().any(|x| x["complaint"]["id"] == id), "{boxed}");
    let (s, _) = save(&app, "qa", id, &r, complete(&app, &r).await).await;
    assert_eq!(s, 409, "a report in review does not change");
    let (s, _) = step(&app, "qa", id, &r, "approve", json!({})).await;
    assert_eq!(s, 403);
    let (s, e) = step(&app, "qa_manager", id, &r, "send_back", json!({})).await;
    assert_eq!((s, e["errors"][0]["field"].as_str()), (422, Some("comment")));
    let (s, r) = step(&app, "qa_manager", id, &r, "send_back", json!({"comment": "D4 证据不足, 补充交换试验数据"})).await;
    assert_eq!((s, r["state"].as_str(), r["review_comment"].as_str()), (200, Some("draft"), Some("D4 证据不足, 补充交换试验数据")));
    assert_eq!(notices(&app, "qa", "eight_d_decided"), 1);
    let (_, r) = step(&app, "qa", id, &r, "submit", json!({})).await;
    let (s, r) = step(&app, "qa_manager", id, &r, "approve", json!({})).await;
    assert_eq!((s, r["state"].as_str(), r["can_edit"].as_bool()), (200, Some("approved"), Some(false)), "{r}");
    assert!(r["available_actions"].as_array().unwrap().is_empty());

    let (_, history) = app.get("coordinator", &format!("/complaints/{id}/events")).await;
    let actions: Vec<&str> =
        history["items"].as_array().or(history.as_array()).unwrap().iter().filter_map(|e| e["action"].as_str()).filter(|a| a.ends_with("_8d")).collect();
    assert_eq!(actions, ["open_8d", "submit_8d", "send_back_8d", "submit_8d", "approve_8d"]);
    let (s, c) = app.act("coordinator", id, "close", json!({})).await;
    assert_eq!((s.as_u16(), c["complaint"]["state"].as_str()), (200, Some("closed")), "{c}");
    app.assert_invariants();
}

#[tokio::test]
async fn a_customer_asking_for_an_8d_report_makes_the_case_need_one() {
    let app = spawn_app().await;
    let general = case(&app, json!({"severity": "general", "kind": "quality", "is_major": false})).await;
    let (_, c) = app.get("qa", &format!("/complaints/{general}")).await;
    assert_eq!(c["eight_d"]["required"], false);
    let (_, r) = app.post("qa", &format!("/complaints/{general}/8d"), json!({"customer_requested": true})).await;
    assert_eq!(r["required"], true, "{r}");
    let asked = case(&app, json!({"severity": "incidental", "kind": "quality", "is_major": false, "eight_d_requested": true})).await;
    let (_, c) = app.get("qa", &format!("/complaints/{asked}")).await;
    assert_eq!(c["eight_d"]["required"], true);
    // Without the policy's rule, asking changes nothing.
    let (_, p) = app.get("admin", "/policies/8d").await;
    let res = app
        .call(
            "admin",
            Method::PUT,
            "/policies/8d",
            Some(json!({"severe_quality": true, "customer_request": false, "recurrence_window_days": 180})),
            p["version"].as_i64(),
        )
        .await;
    assert_eq!(res.status(), 200);
    let later = case(&app, json!({"severity": "incidental", "kind": "quality", "is_major": false, "eight_d_requested": true})).await;
    let (_, c) = app.get("qa", &format!("/complaints/{later}")).await;
    assert_eq!(c["eight_d"]["required"], false);
    let res = app
        .call(
            "qa",
            Method::PUT,
            "/policies/8d",
            Some(json!({"severe_quality": false, "customer_request": false, "recurrence_window_days": 180})),
            Some(p["version"].as_i64().unwrap() + 1),
        )
        .await;
    assert_eq!(res.status(), 403, "the policy is the administrator's");
    app.assert_invariants();
}

#[tokio::test]
async fn who_may_not_read_the_case_learns_nothing_of_its_8d_report_and_changes_nothing() {
    let app = spawn_app().await;
    let id = case(&app, json!({"severity": "general", "kind": "quality", "is_major": false})).await;
    let (_, r) = app.post("qa", &format!("/complaints/{id}/8d"), json!({})).await;
    let unknown = 999_999;
    let v = r["version"].as_i64().unwrap();
    // The complaint's read rule, written out: its sales department, and every non-sales role.
    let hidden = ["sales2", "sales_manager2"];
    for user in DEMO_USERS {
        let got = app.call(user, Method::GET, &format!("/complaints/{id}/8d"), None, None).await.status().as_u16();
        if hidden.contains(&user) {
            assert_eq!(got, 404, "{user}");
            let report = r["report"].clone();
            for (method, tail, body) in [
                (Method::PUT, "8d".to_owned(), report),
                (Method::POST, "8d".to_owned(), json!({})),
                (Method::POST, "8d/actions/submit".to_owned(), json!({})),
                (Method::POST, "8d/actions/approve".to_owned(), json!({})),
                (Method::POST, "8d/actions/send_back".to_owned(), json!({"comment": "x"})),
            ] {
                let a = answer(&app, user, method.clone(), &format!("/complaints/{id}/{tail}"), body.clone(), v).await;
                let b = answer(&app, user, method.clone(), &format!("/complaints/{unknown}/{tail}"), body, v).await;
                assert_eq!(a, b, "{user} {method} {tail}");
            }
            let (_, list) = app.get(user, "/8d-reports?state=draft").await;
            assert!(list["items"].as_array().unwrap().is_empty(), "{user}: {list}");
        } else {
            assert_eq!(got, 200, "{user}");
        }
    }
    // The wrong roles are refused and change nothing.
    for user in ["sales", "production", "finance", "warehouse"] {
        let (s, _) = step(&app, user, id, &r, "approve", json!({})).await;
        assert!(s == 403 || s == 409, "{user}: {s}");
    }
    let (_, again) = app.get("qa", &format!("/complaints/{id}/8d")).await;
    assert_eq!(again["version"].as_i64(), Some(v));
    app.assert_invariants();
}

/// Filed by `user` for `customer` (a code), with `product`, and submitted.
async fn submitted(app: &TestApp, user: &str, customer: &str, product: &str) -> i64 {
    let customer = app.customer_id(user, customer).await;
    let mut body = intake(customer);
    body["product_number"] = json!(product);
    let (s, v) = app.post(user, "/complaints", body).await;
    assert_eq!(s, 201, "{v}");
    let id = v["id"].as_i64().unwrap();
    app.ok(user, id, "submit", json!({})).await;
    id
}

#[tokio::test]
async fn the_coordinator_sees_earlier_complaints_of_the_product_and_links_the_repeat() {
    let app = spawn_app().await;
    let general = json!({"severity": "general", "kind": "quality", "is_major": false});
    let first = submitted(&app, "sales", "C-0001", "BRK-2300").await;
    app.ok("coordinator", first, "register", general.clone()).await;
    let elsewhere = submitted(&app, "sales2", "C-0004", "BRK-2300").await;
    app.ok("coordinator", elsewhere, "register", general.clone()).await;
    let other_product = submitted(&app, "sales", "C-0001", "SHF-9").await;
    app.ok("coordinator", other_product, "register", general.clone()).await;
    let again = submitted(&app, "sales", "C-0001", "BRK-2300").await;

    let (s, r) = app.get("coordinator", &format!("/complaints/{again}/recurrence")).await;
    assert_eq!(s, 200, "{r}");
    let ids = |list: &Value| list.as_array().unwrap().iter().map(|c| c["id"].as_i64().unwrap()).collect::<Vec<_>>();
    assert_eq!((ids(&r["same_customer"]), ids(&r["other_customers"])), (vec![first], vec![elsewhere]));
    assert_eq!((r["suggests_severe"].as_bool(), r["window_days"].as_u64()), (Some(true), Some(180)));
    // Sales of another department read neither the case nor, through it, the other one.
    let (s, _) = app.get("sales2", &format!("/complaints/{again}/recurrence")).await;
    assert_eq!(s, 404);
    let (_, r) = app.get("sales", &format!("/complaints/{again}/recurrence")).await;
    assert!(ids(&r["other_customers"]).is_empty(), "sales see only their own department's cases: {r}");

    // The link must be an earlier registered case of the same product.
    for (bad, code) in [(other_product, "invalid"), (999_999, "not_found"), (again, "invalid")] {
        let mut body = general.clone();
        body["repeat_of"] = json!(bad);
        let (s, e) = app.act("coordinator", again, "register", body).await;
        assert_eq!((s.as_u16(), e["errors"][0]["field"].as_str(), e["errors"][0]["code"].as_str()), (422, Some("repeat_of"), Some(code)), "{e}");
    }
    let mut body = json!({"severity": "severe", "kind": "quality", "is_major": false});
    body["repeat_of"] = json!(first);
    let c = app.ok("coordinator", again, "register", body).await;
    assert_eq!((c["repeat_of_id"].as_i64(), c["eight_d"]["required"].as_bool()), (Some(first), Some(true)));
    let (_, r) = app.get("qa", &format!("/complaints/{again}/recurrence")).await;
    assert_eq!(r["repeat_of"]["id"].as_i64(), Some(first));

    // Outside the policy's window the earlier case no longer counts.
    app.exec(&format!("UPDATE complaints SET created_at = '2020-01-01 00:00:00' WHERE id = {first}"));
    let (_, r) = app.get("coordinator", &format!("/complaints/{again}/recurrence")).await;
    assert!(ids(&r["same_customer"]).is_empty() && r["suggests_severe"] == false, "{r}");
    app.assert_invariants();
}
