//! API keys, idempotent retries, policies, deadlines and background work.

use kehu_tests::*;
use reqwest::Method;
use serde_json::{json, Value};

#[tokio::test]
async fn idempotent_posts_replay_and_refuse_a_different_body() {
    let app = spawn_app().await;
    let customer = app.customer_id("sales", "C-0001").await;
    let token = app.token("sales").await;
    let post = |body: Value| app.client.post(app.url("/complaints")).bearer_auth(&token).header("Idempotency-Key", "intake-42").json(&body).send();
    let before = app.count("SELECT COUNT(*) AS n FROM complaints");
    let first = post(intake(customer)).await.unwrap();
    assert_eq!(first.status(), 201);
    let etag = first.headers()["etag"].clone();
    let first: Value = first.json().await.unwrap();
    let again = post(intake(customer)).await.unwrap();
    assert_eq!(again.status(), 201);
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    assert_eq!(again.headers()["etag"], etag);
    assert_eq!(again.json::<Value>().await.unwrap()["id"], first["id"]);
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM complaints"), before + 1);
    let mut other = intake(customer);
    other["description"] = json!("another problem");
    let res = post(other).await.unwrap();
    assert_eq!(res.status(), 422);
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM complaints"), before + 1);
    // Workflow actions too: a retried approval is not applied twice.
    let id = app.to_approval("100.00").await;
    let v = app.version(id).await;
    let approve = || {
        let app = &app;
        async move {
            app.client
                .post(app.url(&format!("/complaints/{id}/actions/approve")))
                .bearer_auth(app.token("sales_manager").await)
                .header("If-Match", format!("\"{v}\""))
                .header("Idempotency-Key", "approve-once")
                .json(&json!({}))
                .send()
                .await
                .unwrap()
        }
    };
    assert_eq!(approve().await.status(), 200);
    assert_eq!(approve().await.status(), 200, "the retry replays instead of answering 412");
    assert_eq!(app.count(&format!("SELECT COUNT(*) AS n FROM complaint_events WHERE complaint_id = {id} AND action = 'approve'")), 1);

    // The first create committed but its answer was never kept (the process
    // died in between): the retry is sent to what it created, at once or
    // after any wait, and nothing is created again.
    app.exec("UPDATE idempotency_keys SET status = NULL, response_body = NULL WHERE idem_key = 'intake-42'");
    let manual = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let lost = || manual.post(app.url("/complaints")).bearer_auth(&token).header("Idempotency-Key", "intake-42").json(&intake(customer)).send();
    let minute_ago = (chrono::Utc::now() - chrono::Duration::seconds(60)).format("%Y-%m-%d %H:%M:%S");
    for _ in 0..2 {
        let res = lost().await.unwrap();
        assert_eq!(res.status(), 303);
        assert_eq!(res.headers()["location"], format!("/api/v1/complaints/{}", first["id"]).as_str());
        app.exec(&format!("UPDATE idempotency_keys SET created_at = '{minute_ago}' WHERE idem_key = 'intake-42'"));
    }
    let followed = post(intake(customer)).await.unwrap();
    assert_eq!((followed.status().as_u16(), followed.json::<Value>().await.unwrap()["id"].clone()), (200, first["id"].clone()));
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM complaints"), before + 2, "the first draft and the approval case only");
    // A reservation whose request has not committed blocks the key (409)...
    let now = chrono::Utc::now().format("%Y-%m-%d %H:%M:%S");
    app.exec(&format!("UPDATE idempotency_keys SET applied_location = NULL, created_at = '{now}' WHERE idem_key = 'intake-42'"));
    assert_eq!(post(intake(customer)).await.unwrap().status(), 409);
    // ...until it has been abandoned (its process died): then a retry runs.
    app.exec(&format!("UPDATE idempotency_keys SET created_at = '{minute_ago}' WHERE idem_key = 'intake-42'"));
    let retried = post(intake(customer)).await.unwrap();
    assert_eq!(retried.status(), 201);
    assert_eq!(retried.headers()["idempotent-replayed"], "false");
    assert_eq!(post(intake(customer)).await.unwrap().headers()["idempotent-replayed"], "true");
    app.assert_invariants();
}

#[tokio::test]
async fn api_keys_are_scoped_and_revocable() {
    let app = spawn_app().await;
    let it = app.department_id("it").await;
    let (s, user) = app
        .post(
            "admin",
            "/users",
            json!({"username": "erp", "display_name": "ERP", "password": "erp-Lantern-quarry-7", "department_id": it, "roles": ["integration"]}),
        )
        .await;
    assert_eq!(s, 201, "{user}");
    let uid = user["id"].as_i64().unwrap();
    let (s, v) = app.post("qa", &format!("/users/{uid}/api-keys"), json!({"name": "x", "scopes": ["complaints:read"]})).await;
    assert_eq!(s, 403, "{v}");
    let (s, v) = app.post("admin", &format!("/users/{uid}/api-keys"), json!({"name": "ERP sync", "scopes": ["complaints:read", "bogus:read"]})).await;
    assert_eq!(s, 422, "{v}");
    let (s, created) = app.post("admin", &format!("/users/{uid}/api-keys"), json!({"name": "ERP sync", "scopes": ["complaints:read"]})).await;
    assert_eq!(s, 201, "{created}");
    let key = created["key"].as_str().unwrap().to_owned();
    let get = |path: &str| app.client.get(app.url(path)).bearer_auth(&key).send();
    assert_eq!(get("/complaints").await.unwrap().status(), 200);
    assert_eq!(get("/customers").await.unwrap().status(), 403, "no customers scope");
    let res = app.client.post(app.url("/complaints")).bearer_auth(&key).json(&json!({})).send().await.unwrap();
    assert_eq!(res.status(), 403, "read-only key");
    let (_, listed) = app.get("admin", &format!("/users/{uid}/api-keys")).await;
    assert!(listed[0]["last_used_at"].is_string());
    assert!(listed[0].get("key").is_none(), "the secret is shown once only");
    let kid = created["id"].as_i64().unwrap();
    let res = app.call("admin", Method::POST, &format!("/api-keys/{kid}/revoke"), Some(json!({})), None).await;
    assert_eq!(res.status(), 204);
    assert_eq!(get("/complaints").await.unwrap().status(), 401);
    assert_eq!(app.client.get(app.url("/complaints")).bearer_auth("kehu_000000000000_nope").send().await.unwrap().status(), 401);
    app.assert_invariants();
}

#[tokio::test]
async fn a_policy_change_routes_new_cases_and_leaves_routed_ones() {
    let app = spawn_app().await;
    let routed = app.to_approval("90000.00").await;
    let (s, p) = app.get("admin", "/policies/approval-tiers").await;
    assert_eq!(s, 200);
    assert_eq!(p["version"], 1);
    let tiers = json!({"tiers": [{"up_to": "50000.00", "approver_role": "sales_manager"}, {"up_to": null, "approver_role": "gm"}]});
    let res = app.call("admin", Method::PUT, "/policies/approval-tiers", Some(tiers.clone()), None).await;
    assert_eq!(res.status(), 428);
    let res = app.call("sales_manager", Method::PUT, "/policies/approval-tiers", Some(tiers.clone()), Some(1)).await;
    assert_eq!(res.status(), 403);
    let bad = json!({"tiers": [{"up_to": "50000.00", "approver_role": "gm"}]});
    assert_eq!(app.call("admin", Method::PUT, "/policies/approval-tiers", Some(bad), Some(1)).await.status(), 422);
    let res = app.call("admin", Method::PUT, "/policies/approval-tiers", Some(tiers.clone()), Some(1)).await;
    assert_eq!(res.status(), 200);
    assert_eq!(app.call("admin", Method::PUT, "/policies/approval-tiers", Some(tiers), Some(1)).await.status(), 412);
    let fresh = app.to_approval("90000.00").await;
    let c = app.complaint("gm", fresh).await;
    assert_eq!((c["approval"]["approver_role"].as_str(), c["approval"]["policy_version"].as_i64()), (Some("gm"), Some(2)));
    let c = app.complaint("gm", routed).await;
    assert_eq!((c["approval"]["approver_role"].as_str(), c["approval"]["policy_version"].as_i64()), (Some("sales_manager"), Some(1)));
    app.assert_invariants();
}

#[tokio::test]
async fn holidays_push_working_day_deadlines() {
    let app = spawn_app().await;
    let today = chrono::Utc::now().with_timezone(&chrono_tz_shanghai()).date_naive();
    for d in 1..=20 {
        let day = today + chrono::Duration::days(d);
        let res = app.call("admin", Method::PUT, &format!("/calendar/days/{day}"), Some(json!({"working": d == 20, "name": "测试假期"})), None).await;
        assert_eq!(res.status(), 200);
    }
    // Today off too, so the count starts at the next working day: day 20.
    app.call("admin", Method::PUT, &format!("/calendar/days/{today}"), Some(json!({"working": false})), None).await;
    let id = app.draft().await;
    app.ok("sales", id, "submit", json!({})).await;
    let c = app.ok("coordinator", id, "register", json!({"severity": "general", "kind": "quality"})).await;
    let due = chrono::DateTime::parse_from_rfc3339(c["step_due_at"].as_str().unwrap()).unwrap().with_timezone(&chrono_tz_shanghai()).date_naive();
    // Two working days from a day off: all of day 20 and the first weekday after it.
    assert!(due > today + chrono::Duration::days(20), "QA due {due}");
    let (_, days) = app.get("qa", &format!("/calendar/days?from={today}")).await;
    assert_eq!(days.as_array().unwrap().len(), 21);
    app.assert_invariants();
}

fn chrono_tz_shanghai() -> chrono::FixedOffset {
    chrono::FixedOffset::east_opt(8 * 3600).unwrap()
}

#[tokio::test]
async fn overdue_steps_get_one_reminder_even_with_two_workers() {
    let app = spawn_app().await;
    let id = app.to_sales_proposal().await;
    app.exec(&format!("UPDATE complaints SET step_due_at = step_entered_at WHERE id = {id}"));
    let (_, list) = app.get("coordinator", "/complaints?overdue=true").await;
    assert!(list["items"].as_array().unwrap().iter().any(|c| c["id"] == id && c["step_overdue"] == true));
    let (a, b) = (app.conn(), app.conn());
    let workers = [a, b].map(|mut c| std::thread::spawn(move || kehu_api::worker::scan_overdue(&mut c).unwrap()));
    let issued: usize = workers.into_iter().map(|w| w.join().unwrap()).sum();
    assert!(issued >= 1);
    let reminders = app.count(&format!("SELECT COUNT(*) AS n FROM outbox WHERE aggregate_id = {id} AND event_type = 'complaint.overdue'"));
    assert_eq!(reminders, 1);
    let (_, n) = app.get("sales", "/me/notifications").await;
    assert_eq!(n["items"].as_array().unwrap().iter().filter(|n| n["kind"] == "reminder" && n["complaint_id"] == id).count(), 1);
    // A later scan sends nothing more for the same step.
    assert_eq!(kehu_api::worker::scan_overdue(&mut app.conn()).unwrap(), 0);
    app.assert_invariants();
}

#[tokio::test]
async fn a_late_close_sends_an_inquiry_to_the_late_steps() {
    let app = spawn_app().await;
    let id = app.to_approval("100.00").await;
    // Pretend the proposal step overran and the whole case is past due.
    app.exec(&format!("UPDATE complaint_events SET step_due_at = at WHERE complaint_id = {id} AND action = 'forward_to_sales'"));
    app.exec(&format!("UPDATE complaints SET case_due_at = created_at WHERE id = {id}"));
    app.ok("sales_manager", id, "approve", json!({})).await;
    app.ok("sales", id, "record_outcome", json!({"accepted": true, "answered_on": "2026-11-20"})).await;
    app.ok("supervisor", id, "countersign", json!({})).await;
    let c = app.ok("coordinator", id, "close", json!({})).await;
    assert_eq!(c["first_closure"], false);
    let (_, n) = app.get("sales", "/me/notifications").await;
    assert!(n["items"].as_array().unwrap().iter().any(|n| n["kind"] == "late_inquiry" && n["complaint_id"] == id));
    let (_, n) = app.get("qa", "/me/notifications").await;
    assert!(!n["items"].as_array().unwrap().iter().any(|n| n["kind"] == "late_inquiry"), "QA was on time");
    app.assert_invariants();
}

#[tokio::test]
async fn people_are_deactivated_not_deleted_and_owners_must_hand_over_first() {
    let app = spawn_app().await;
    let (_, users) = app.get("admin", "/users?q=sales2").await;
    let sales2 = users["items"].as_array().unwrap().iter().find(|u| u["username"] == "sales2").unwrap().clone();
    let (id, v) = (sales2["id"].as_i64().unwrap(), sales2["version"].as_i64().unwrap());
    let res = app.call("admin", Method::PATCH, &format!("/users/{id}"), Some(json!({"active": false})), Some(v)).await;
    assert_eq!(res.status(), 422);
    assert_eq!(res.json::<Value>().await.unwrap()["errors"][0]["code"], "owns_customers");
    let (_, dept) = app.get("admin", "/departments").await;
    assert!(dept.as_array().unwrap().len() >= 9);
    let (s, _) = app.post("sales", "/departments", json!({"code": "x", "name": "x", "kind": "sales"})).await;
    assert_eq!(s, 403);
    app.assert_invariants();
}

#[tokio::test]
async fn operations_endpoints_and_the_served_spec() {
    let app = spawn_app().await;
    assert_eq!(app.client.get(format!("{}/healthz", app.base)).send().await.unwrap().status(), 200);
    assert_eq!(app.client.get(format!("{}/readyz", app.base)).send().await.unwrap().status(), 200);
    let metrics = app.client.get(format!("{}/metrics", app.base)).send().await.unwrap().text().await.unwrap();
    assert!(metrics.contains("kehu_http_requests_total"), "{metrics}");
    let spec: Value = app.client.get(app.url("/openapi.json")).send().await.unwrap().json().await.unwrap();
    assert_eq!(spec["openapi"], "3.1.0");
    assert!(spec["paths"]["/api/v1/complaints/{id}/actions/{action}"]["post"]["operationId"].is_string());
    let docs = app.client.get(format!("{}/api/docs/", app.base)).send().await.unwrap();
    assert_eq!(docs.status(), 200);
    // Conditional GET: an unchanged complaint is 304.
    let id = app.draft().await;
    let token = app.token("sales").await;
    let first = app.client.get(app.url(&format!("/complaints/{id}"))).bearer_auth(&token).send().await.unwrap();
    assert_eq!(first.headers()["vary"], "Authorization");
    assert!(first.headers()["cache-control"].to_str().unwrap().contains("private"));
    let etag = first.headers()["etag"].clone();
    let again = app.client.get(app.url(&format!("/complaints/{id}"))).bearer_auth(&token).header("If-None-Match", etag).send().await.unwrap();
    assert_eq!(again.status(), 304);
    app.assert_invariants();
}

#[tokio::test]
async fn every_answer_carries_the_security_headers() {
    let app = spawn_app().await;
    let token = app.token("sales").await;
    for res in [
        app.client.get(app.url("/me")).bearer_auth(&token).send().await.unwrap(),
        app.client.get(app.url("/nowhere")).send().await.unwrap(),
        app.client.get(format!("{}/healthz", app.base)).send().await.unwrap(),
    ] {
        let h = res.headers();
        assert_eq!(h["x-content-type-options"], "nosniff");
        assert_eq!(h["x-frame-options"], "DENY");
        assert_eq!(h["referrer-policy"], "no-referrer");
        let csp = h["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'") && !csp.contains("script-src 'self' 'unsafe-inline'"), "{csp}");
    }
    let me = app.client.get(app.url("/me")).bearer_auth(&token).send().await.unwrap();
    assert_eq!(me.headers()["cache-control"], "no-store", "customer data is not cached");
    let export = app.client.get(app.url("/customers/export?format=csv")).bearer_auth(&token).send().await.unwrap();
    assert_eq!(export.headers()["cache-control"], "no-store");
}

#[tokio::test]
async fn nul_characters_and_duplicates_get_clear_answers_without_database_text() {
    let app = spawn_app().await;
    let res = app.client.post(app.url("/auth/login")).json(&json!({"username": "sales\u{0}", "password": "x"})).send().await.unwrap();
    assert_eq!(res.status(), 422);
    let v: Value = res.json().await.unwrap();
    assert_eq!(v["errors"][0]["field"], "username", "{v}");
    let (s, v) = app.get("sales", "/customers?q=%00abc").await;
    assert_eq!(s, 422, "{v}");
    let mut form = intake(app.customer_id("sales", "C-0001").await);
    form["description"] = json!("毛刺\u{0}卡滞");
    let (s, v) = app.post("sales", "/complaints", form).await;
    assert_eq!((s.as_u16(), v["errors"][0]["field"].as_str()), (422, Some("description")), "{v}");
    let body = json!({"code": "quality", "name": "质量二部", "kind": "quality"});
    let (s, v) = app.post("admin", "/departments", body).await;
    assert_eq!(s, 422, "{v}");
    assert_eq!(v["errors"][0]["field"], "code");
    let text = v.to_string().to_lowercase();
    assert!(!text.contains("unique") && !text.contains("constraint") && !text.contains("departments_"), "{v}");
}

/// `seed-scale` (PostgreSQL only) on top of the seed's own cases, small: the
/// benchmarks' database is made by the same script, so a statement that
/// breaks it is caught here rather than before a benchmark run.
#[tokio::test]
async fn the_scale_seed_fills_a_small_database_on_postgresql_and_every_invariant_holds() {
    let app = spawn_app().await;
    if !app.database_url.starts_with("postgres") {
        return;
    }
    let report = kehu_api::app::scale::generate(&mut app.conn(), 300, 3000, 7).unwrap();
    assert!(report.complaints >= 3000, "{report:?}");
    assert!(app.count("SELECT COUNT(*) AS n FROM case_contacts") > 1000);
    app.assert_invariants();
}
