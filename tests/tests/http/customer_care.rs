//! Credit, supply hold and deregistration; quarterly verification; visits;
//! satisfaction surveys.

use kehu_tests::*;
use reqwest::Method;
use serde_json::{json, Value};

async fn send(app: &TestApp, user: &str, method: Method, path: &str, body: Option<Value>, version: Option<i64>) -> (reqwest::StatusCode, Value) {
    let res = app.call(user, method, path, body, version).await;
    let s = res.status();
    (s, res.json().await.unwrap_or(Value::Null))
}

async fn customer(app: &TestApp, user: &str, code: &str) -> Value {
    let id = app.customer_id("gm", code).await;
    let (s, v) = app.get(user, &format!("/customers/{id}")).await;
    assert_eq!(s, 200, "{user} reads {code}: {v}");
    v
}

#[tokio::test]
async fn payment_terms_need_a_credit_investigation_and_the_managers_approval() {
    let app = spawn_app().await;
    let c = customer(&app, "sales", "C-0002").await;
    let id = c["id"].as_i64().unwrap();
    let ask_path = format!("/customers/{id}/requests");
    let ask = |body: Value| app.post("sales", &ask_path, body);
    let (s, v) = ask(json!({"kind": "credit", "payment_term_days": 30, "reason": "月结"})).await;
    assert_eq!((s.as_u16(), v["errors"][0]["field"].as_str()), (422, Some("credit_check_id")), "{v}");
    let (s, v) = ask(json!({"kind": "credit", "payment_term_days": 45, "reason": "月结"})).await;
    assert_eq!((s.as_u16(), v["errors"][0]["code"].as_str()), (422, Some("too_long")), "at most one month");
    let (s, v) = ask(json!({"kind": "credit", "reason": "nothing"})).await;
    assert_eq!(s, 422, "{v}");
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM customer_requests"), 0);
    let (s, check) = app
        .post(
            "sales",
            &format!("/customers/{id}/credit-checks"),
            json!({"investigated_on": "2026-11-20", "summary": "注册资本 5000 万，近三年付款准时", "recommended_grade": "AA", "recommended_limit": "500000"}),
        )
        .await;
    assert_eq!(s, 201, "{check}");
    assert_eq!(check["recommended_limit"], "500000.00");
    let (s, _) = app.post("qa", &format!("/customers/{id}/credit-checks"), json!({"investigated_on": "2026-11-20", "summary": "x"})).await;
    assert_eq!(s, 404);
    let (s, r) = ask(json!({"kind": "credit", "credit_grade": "AA", "credit_limit": "500000.00", "payment_term_days": 30, "credit_check_id": check["id"], "reason": "月结 30 天"})).await;
    assert_eq!(s, 201, "{r}");
    let (s, _) = ask(json!({"kind": "credit", "credit_grade": "A", "reason": "again"})).await;
    assert_eq!(s, 409, "one pending credit request at a time");
    // Only the department's sales manager decides; the requester never.
    let path = format!("/customers/requests/{}/decision", r["id"]);
    for user in USERS.iter().filter(|u| **u != "sales_manager") {
        let (s, v) = send(&app, user, Method::POST, &path, Some(json!({"approve": true})), r["version"].as_i64()).await;
        assert!(s == 403 || s == 404, "{user}: {s} {v}");
    }
    assert_eq!(customer(&app, "sales", "C-0002").await["payment_term_days"], 0, "nothing applied by refused calls");
    let (_, inbox) = app.get("sales_manager", "/customers/requests").await;
    assert_eq!(inbox[0]["id"], r["id"]);
    let (s, done) = send(&app, "sales_manager", Method::POST, &path, Some(json!({"approve": true})), r["version"].as_i64()).await;
    assert_eq!(s, 200, "{done}");
    let after = customer(&app, "sales", "C-0002").await;
    assert_eq!(
        (after["credit_grade"].as_str(), after["credit_limit"].as_str(), after["payment_term_days"].as_i64()),
        (Some("AA"), Some("500000.00"), Some(30))
    );
    let (_, h) = app.get("sales", &format!("/customers/{id}/history")).await;
    let credit: Vec<&Value> = h["items"].as_array().unwrap().iter().filter(|r| r["source"] == "credit_approval").collect();
    assert_eq!(credit.len(), 3, "{h}");
    assert!(credit.iter().all(|r| r["changed_by"]["name"] == "李经理"));
    app.assert_invariants();
}

#[tokio::test]
async fn supply_hold_shows_on_the_customer_and_its_new_complaints() {
    let app = spawn_app().await;
    let c = customer(&app, "sales", "C-0002").await;
    let id = c["id"].as_i64().unwrap();
    let hold = |user: &'static str, on: bool, version: i64| {
        let app = &app;
        async move {
            send(app, user, Method::POST, &format!("/customers/{id}/supply-hold"), Some(json!({"hold": on, "reason": "货款逾期 45 天"})), Some(version)).await
        }
    };
    let v = c["version"].as_i64().unwrap();
    assert_eq!(hold("qa", true, v).await.0, 404);
    assert_eq!(hold("sales2", true, v).await.0, 404);
    let (s, held) = hold("sales", true, v).await;
    assert_eq!(s, 200, "{held}");
    assert_eq!((held["supply_hold"].as_bool(), held["supply_hold_reason"].as_str()), (Some(true), Some("货款逾期 45 天")));
    assert_eq!(hold("sales", true, v).await.0, 409, "already on hold");
    let (s, complaint) = app.post("sales", "/complaints", intake(id)).await;
    assert_eq!(s, 201);
    assert_eq!(complaint["customer_supply_hold"], true);
    let v = held["version"].as_i64().unwrap();
    assert_eq!(hold("sales", false, v).await.0, 403, "the salesperson reports; the manager lifts");
    let (s, lifted) = hold("sales_manager", false, v).await;
    assert_eq!(s, 200);
    assert_eq!(lifted["supply_hold"], false);
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM notifications WHERE kind = 'customer_supply_hold'"), 2);
    app.assert_invariants();
}

#[tokio::test]
async fn a_deregistered_customer_is_kept_read_only() {
    let app = spawn_app().await;
    let c = customer(&app, "sales", "C-0003").await;
    let id = c["id"].as_i64().unwrap();
    let (s, r) = app.post("sales", &format!("/customers/{id}/requests"), json!({"kind": "deregister", "reason": "客户已倒闭"})).await;
    assert_eq!(s, 201, "{r}");
    let (s, _) =
        send(&app, "sales_manager", Method::POST, &format!("/customers/requests/{}/decision", r["id"]), Some(json!({"approve": false})), r["version"].as_i64())
            .await;
    assert_eq!(s, 422, "a refusal needs a reason");
    let (s, _) =
        send(&app, "sales_manager", Method::POST, &format!("/customers/requests/{}/decision", r["id"]), Some(json!({"approve": true})), r["version"].as_i64())
            .await;
    assert_eq!(s, 200);
    let after = app.get("sales", &format!("/customers/{id}")).await.1;
    assert_eq!(after["status"], "deregistered");
    assert_eq!(after["can_edit"], false);
    let (s, _) = send(&app, "sales", Method::PATCH, &format!("/customers/{id}"), Some(json!({"region": "x"})), after["version"].as_i64()).await;
    assert_eq!(s, 403);
    let (s, v) = app.post("sales", "/complaints", intake(id)).await;
    assert_eq!((s.as_u16(), v["errors"][0]["code"].as_str()), (422, Some("not_archived")));
    let (_, list) = app.get("sales", "/customers?status=deregistered").await;
    assert_eq!(list["items"][0]["code"], "C-0003");
    app.assert_invariants();
}

#[tokio::test]
async fn every_active_customer_is_verified_each_quarter() {
    let app = spawn_app().await;
    let (s, _) = app.post("sales", "/customers/verifications/raise", json!({})).await;
    assert_eq!(s, 403);
    let (s, v) = app.post("admin", "/customers/verifications/raise", json!({})).await;
    assert_eq!(s, 200);
    assert_eq!(v["raised"], 4);
    let (_, again) = app.post("marketing", "/customers/verifications/raise", json!({})).await;
    assert_eq!(again["raised"], 0, "once per customer and quarter");
    let (_, mine) = app.get("sales", "/customers/verifications").await;
    assert_eq!(mine.as_array().unwrap().len(), 3);
    let task = mine[0].clone();
    assert_eq!(task["can_complete"], true);
    let path = format!("/customers/verifications/{}/complete", task["id"]);
    for user in ["sales2", "qa", "sales3", "sales_manager2"] {
        let (s, _) = send(&app, user, Method::POST, &path, Some(json!({"confirmed_via": "phone"})), task["version"].as_i64()).await;
        assert!(s == 403 || s == 404, "{user}: {s}");
    }
    let (s, _) = send(&app, "sales", Method::POST, &path, Some(json!({"confirmed_via": "pigeon"})), task["version"].as_i64()).await;
    assert_eq!(s, 422);
    let (s, done) =
        send(&app, "sales", Method::POST, &path, Some(json!({"confirmed_via": "phone", "changes": "采购经理换人"})), task["version"].as_i64()).await;
    assert_eq!(s, 200, "{done}");
    assert_eq!(done["status"], "done");
    // Past the due day, the open ones are listed as overdue for the manager.
    app.exec("UPDATE customer_verifications SET due_on = '2026-01-01'");
    let (_, overdue) = app.get("sales_manager", "/customers/verifications?box=overdue").await;
    assert_eq!(overdue.as_array().unwrap().len(), 2, "{overdue}");
    assert!(overdue.as_array().unwrap().iter().all(|t| t["overdue"] == true));
    let (_, all) = app.get("gm", "/customers/verifications?box=overdue").await;
    assert_eq!(all.as_array().unwrap().len(), 3);
    app.assert_invariants();
}

#[tokio::test]
async fn a_visit_goes_from_plan_to_review_and_counts_toward_the_minimums() {
    let app = spawn_app().await;
    let c = customer(&app, "sales", "C-0002").await;
    let id = c["id"].as_i64().unwrap();
    let sales3 = app.get("admin", "/users?q=sales3").await.1["items"][0]["id"].as_i64().unwrap();
    let (s, plan) = app.post("sales", &format!("/customers/{id}/visits"), json!({"planned_on": "2026-11-20", "purpose": "季度回访", "method": "onsite"})).await;
    assert_eq!(s, 201, "{plan}");
    assert_eq!(plan["can_record"], true);
    assert_eq!(app.post("qa", &format!("/customers/{id}/visits"), json!({"planned_on": "2026-11-20", "purpose": "x", "method": "onsite"})).await.0, 404);
    let vid = plan["id"].as_i64().unwrap();
    let rec_path = format!("/customers/visits/{vid}/record");
    let rec = |body: Value, version: i64| send(&app, "sales", Method::POST, &rec_path, Some(body), Some(version));
    let (s, v) = rec(json!({"visited_on": "2026-11-20", "record": "拜访采购部", "participant_ids": []}), 1).await;
    assert_eq!((s.as_u16(), v["errors"][0]["code"].as_str()), (422, Some("first_visit_two_sales")), "{v}");
    let (s, v) = rec(json!({"visited_on": "2026-11-20", "record": "拜访采购部", "participant_ids": [sales3], "expense": "5000.00"}), 1).await;
    assert_eq!((s.as_u16(), v["errors"][0]["code"].as_str()), (422, Some("over_limit")));
    let (s, recorded) = rec(json!({"visited_on": "2026-11-20", "record": "拜访采购部", "participant_ids": [sales3], "expense": "350.00"}), 1).await;
    assert_eq!(s, 200, "{recorded}");
    assert_eq!(recorded["report_due_on"], "2026-11-23", "the next working day after a Friday");
    assert_eq!(recorded["participants"].as_array().unwrap().len(), 2);
    assert_eq!((recorded["can_report"].as_bool(), recorded["can_review"].as_bool()), (Some(true), Some(false)));
    let report_path = format!("/customers/visits/{vid}/report");
    let report = |user: &'static str, version: i64| send(&app, user, Method::POST, &report_path, Some(json!({"text": "客户计划扩产"})), Some(version));
    assert_eq!(report("qa", 2).await.0, 404);
    assert_eq!(report("sales_manager", 2).await.0, 403, "only someone who went reports");
    let (s, reported) = report("sales3", 2).await;
    assert_eq!(s, 200, "{reported}");
    assert_eq!(reported["status"], "reported");
    let (_, queue) = app.get("sales_manager", "/customers/visits?box=to_review").await;
    assert_eq!(queue[0]["id"], vid);
    assert_eq!(queue[0]["can_review"], true);
    let review_path = format!("/customers/visits/{vid}/review");
    let review = |user: &'static str| send(&app, user, Method::POST, &review_path, Some(json!({"text": "跟进扩产项目"})), Some(3));
    assert_eq!(review("sales").await.0, 403, "not by someone who went");
    assert_eq!(review("sales_manager2").await.0, 404);
    let (s, reviewed) = review("sales_manager").await;
    assert_eq!(s, 200, "{reviewed}");
    assert_eq!(reviewed["review_comment"], "跟进扩产项目");
    // The quarter is covered for C-0002 now, not for the others.
    let (_, cov) = app.get("sales", "/customers/visit-coverage").await;
    let row = |code: &str| cov.as_array().unwrap().iter().find(|r| r["code"] == code).cloned().unwrap();
    assert_eq!(row("C-0002")["quarter_done"], 1);
    assert_eq!(row("C-0002")["behind_quarter"], false);
    assert_eq!(row("C-0001")["behind_quarter"], true);
    let (_, behind) = app.get("gm", "/customers/visit-coverage?behind=true").await;
    assert!(behind.as_array().unwrap().iter().all(|r| r["code"] != "C-0002" || r["behind_year"] == true));
    app.assert_invariants();
}

#[tokio::test]
async fn surveys_by_staff_and_by_link_open_follow_ups_on_poor_scores() {
    let app = spawn_app().await;
    let c = customer(&app, "sales", "C-0001").await;
    let id = c["id"].as_i64().unwrap();
    let scores = |quality: i64| json!({"quality": quality, "delivery": 4, "price": 3, "service": 5, "comparison": 4, "other": 4});
    let (s, v) = app.post("sales", &format!("/customers/{id}/surveys"), json!({"scores": scores(6)})).await;
    assert_eq!((s.as_u16(), v["errors"][0]["field"].as_str()), (422, Some("scores.quality")));
    let (s, entered) =
        app.post("sales", &format!("/customers/{id}/surveys"), json!({"product": "BRK-2207", "scores": scores(2), "remarks": {"quality": "毛刺多"}})).await;
    assert_eq!(s, 201, "{entered}");
    assert_eq!(entered["followups"], 1);
    let (_, fu) = app.get("qa", "/customers/survey-followups").await;
    assert_eq!(fu.as_array().unwrap().len(), 1, "quality follows up product quality: {fu}");
    assert_eq!(fu[0]["dimension"], "quality");
    assert_eq!(fu[0]["can_close"], true);
    let (_, none) = app.get("production", "/customers/survey-followups").await;
    assert!(none.as_array().unwrap().is_empty());
    let close = format!("/customers/survey-followups/{}/close", fu[0]["id"]);
    assert_eq!(send(&app, "production", Method::POST, &close, Some(json!({"resolution": "x"})), fu[0]["version"].as_i64()).await.0, 403);
    let (s, closed) = send(&app, "qa", Method::POST, &close, Some(json!({"resolution": "更换模具，8D 已发"})), fu[0]["version"].as_i64()).await;
    assert_eq!(s, 200, "{closed}");
    // The customer answers through a link, with no login.
    let (s, link) = app.post("sales", &format!("/customers/{id}/survey-links"), json!({"product": "BRK-2207"})).await;
    assert_eq!(s, 201, "{link}");
    let token = link["token"].as_str().unwrap();
    let public = reqwest::Client::new();
    let page: Value = public.get(app.url(&format!("/survey-responses/{token}"))).send().await.unwrap().json().await.unwrap();
    assert_eq!(page["customer_name"], "苏州精密机械有限公司");
    assert_eq!(page["submitted"], false);
    let answer = json!({"scores": scores(5), "respondent": "王建国"});
    assert_eq!(public.post(app.url("/survey-responses/not-a-token")).json(&answer).send().await.unwrap().status(), 404);
    assert_eq!(public.post(app.url(&format!("/survey-responses/{token}"))).json(&json!({"scores": {"quality": 0}})).send().await.unwrap().status(), 422);
    assert_eq!(public.post(app.url(&format!("/survey-responses/{token}"))).json(&answer).send().await.unwrap().status(), 204);
    assert_eq!(public.post(app.url(&format!("/survey-responses/{token}"))).json(&answer).send().await.unwrap().status(), 409, "answered once");
    // Aggregated per customer and product.
    let (_, by_customer) = app.get("sales", "/customers/survey-summary").await;
    assert_eq!(by_customer[0]["surveys"], 2);
    assert_eq!(by_customer[0]["quality"], 3.5);
    assert_eq!(by_customer[0]["poor"], 1);
    let (_, by_product) = app.get("gm", "/customers/survey-summary?group_by=product").await;
    assert_eq!(by_product[0]["key"], "BRK-2207");
    let (_, hidden) = app.get("sales2", "/customers/survey-summary").await;
    assert!(hidden.as_array().unwrap().is_empty(), "another department's surveys stay hidden");
    app.assert_invariants();
}

#[tokio::test]
async fn an_administrator_changes_the_archive_and_care_numbers() {
    let app = spawn_app().await;
    let (s, a) = app.get("sales", "/policies/customer-archive").await;
    assert_eq!(s, 200);
    assert_eq!((a["registration_working_days"].as_u64(), a["protection_months"].as_u64(), a["access_days"].as_u64()), (Some(5), Some(2), Some(7)));
    let mut body = a.clone();
    body.as_object_mut().unwrap().remove("version");
    body["access_days"] = json!(1);
    let v = a["version"].as_i64();
    assert_eq!(send(&app, "gm", Method::PUT, "/policies/customer-archive", Some(body.clone()), v).await.0, 403);
    let mut bad = body.clone();
    bad["max_payment_term_days"] = json!(60);
    assert_eq!(send(&app, "admin", Method::PUT, "/policies/customer-archive", Some(bad), v).await.0, 422);
    let (s, put) = send(&app, "admin", Method::PUT, "/policies/customer-archive", Some(body.clone()), v).await;
    assert_eq!(s, 200, "{put}");
    assert_eq!(put["access_days"], 1);
    assert_eq!(send(&app, "admin", Method::PUT, "/policies/customer-archive", Some(body), v).await.0, 412);
    // A grant now lasts one day.
    let (_, r) = app.post("sales3", "/customers/access-requests", json!({"customer_code": "C-0002", "reason": "询价"})).await;
    let (_, ok) = send(
        &app,
        "sales_manager",
        Method::POST,
        &format!("/customers/access-requests/{}/decision", r["id"]),
        Some(json!({"approve": true})),
        r["version"].as_i64(),
    )
    .await;
    let until = chrono::DateTime::parse_from_rfc3339(ok["valid_until"].as_str().unwrap()).unwrap();
    assert!(until < chrono::Utc::now() + chrono::Duration::hours(25));
    // The visit expense limit.
    let (_, care) = app.get("admin", "/policies/customer-care").await;
    assert_eq!(care["visit_expense_limit"], "2000.00");
    assert_eq!(care["followup_department_kinds"]["delivery"], "production");
    let mut cb = care.clone();
    cb.as_object_mut().unwrap().remove("version");
    cb["visit_expense_limit"] = json!("100.00");
    let (s, v) = send(&app, "admin", Method::PUT, "/policies/customer-care", Some(cb), care["version"].as_i64()).await;
    assert_eq!(s, 200, "{v}");
    let id = app.customer_id("sales", "C-0002").await;
    let (_, plan) = app.post("sales", &format!("/customers/{id}/visits"), json!({"planned_on": "2026-11-20", "purpose": "回访", "method": "phone"})).await;
    let sales3 = app.get("admin", "/users?q=sales3").await.1["items"][0]["id"].as_i64().unwrap();
    let body = json!({"visited_on": "2026-11-20", "record": "电话回访", "participant_ids": [sales3], "expense": "150.00"});
    let (s, v) = send(&app, "sales", Method::POST, &format!("/customers/visits/{}/record", plan["id"]), Some(body), plan["version"].as_i64()).await;
    assert_eq!((s.as_u16(), v["errors"][0]["message"].as_str()), (422, Some("at most 100.00 per visit")));
    app.assert_invariants();
}
