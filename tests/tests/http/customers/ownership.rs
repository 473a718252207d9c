//! Who else may read a customer (access requests), and who holds it
//! (claims from the pool, handover when someone leaves).

use super::{codes, record, user};
use kehu_tests::*;
use reqwest::Method;
use serde_json::{json, Value};

async fn ask(app: &TestApp, user: &str, code: &str) -> Value {
    let (s, v) = app.post(user, "/customers/access-requests", json!({"customer_code": code, "reason": "客户来电询价"})).await;
    assert_eq!(s, 201, "{user} asks for {code}: {v}");
    v
}

async fn decide(app: &TestApp, user: &str, r: &Value, approve: bool) -> (reqwest::StatusCode, Value) {
    let path = format!("/customers/access-requests/{}/decision", r["id"]);
    let body = json!({"approve": approve, "reason": if approve { Value::Null } else { json!("不需要") }});
    let res = app.call(user, Method::POST, &path, Some(body), r["version"].as_i64()).await;
    let s = res.status();
    (s, res.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn access_requests_are_approved_by_the_right_manager_and_expire() {
    let app = spawn_app().await;
    let id = app.customer_id("sales", "C-0002").await;
    // A colleague in the same department: the sales manager decides.
    let r = ask(&app, "sales3", "C-0002").await;
    assert_eq!(r["approver_role"], "sales_manager");
    let (s, _) = app.post("sales3", "/customers/access-requests", json!({"customer_code": "C-0002", "reason": "again"})).await;
    assert_eq!(s, 409, "one pending request at a time");
    for user in USERS.iter().filter(|u| **u != "sales_manager") {
        let (s, v) = decide(&app, user, &r, true).await;
        assert!(s == 403 || s == 404, "{user}: {s} {v}");
    }
    let (_, inbox) = app.get("sales_manager", "/customers/access-requests?box=to_decide").await;
    assert_eq!(inbox["items"][0]["id"], r["id"]);
    assert_eq!(inbox["items"][0]["can_decide"], true);
    assert_eq!(record(&app, "sales3", id).await.0, 404);
    let (s, granted) = decide(&app, "sales_manager", &r, true).await;
    assert_eq!(s, 200, "{granted}");
    assert_eq!(granted["status"], "approved");
    let (s, c) = record(&app, "sales3", id).await;
    assert_eq!(s, 200);
    assert_eq!(c["access"], "grant");
    assert_eq!(c["can_edit"], false);
    assert_eq!(codes(&app, "sales3", "").await, vec!["C-0002"]);
    let (_, log) = app.get("sales", &format!("/customers/{id}/reads")).await;
    assert_eq!(log[0]["basis"], "grant");
    assert_eq!(log[0]["user"]["name"], "钱业务");
    let (s, _) = decide(&app, "sales_manager", &granted, false).await;
    assert_eq!(s, 409, "decided once");
    // Another department: the general manager decides.
    let r2 = ask(&app, "sales2", "C-0002").await;
    assert_eq!(r2["approver_role"], "gm");
    assert_eq!(decide(&app, "sales_manager", &r2, true).await.0, 404);
    let (s, refused) = decide(&app, "gm", &r2, false).await;
    assert_eq!(s, 200);
    assert_eq!(refused["status"], "rejected");
    assert_eq!(record(&app, "sales2", id).await.0, 404);
    // The grant lapses after its validity.
    app.exec(&format!("UPDATE customer_access_requests SET valid_until = '2020-01-01 00:00:00' WHERE id = {}", r["id"]));
    assert_eq!(record(&app, "sales3", id).await.0, 404, "expired");
    assert!(codes(&app, "sales3", "").await.is_empty());
    let (_, mine) = app.get("sales3", "/customers/access-requests").await;
    assert_eq!(mine["items"][0]["status"], "expired");
    // What cannot be asked for.
    let (s, _) = app.post("sales", "/customers/access-requests", json!({"customer_code": "C-0002", "reason": "x"})).await;
    assert_eq!(s, 409, "the owner reads it already");
    let (s, _) = app.post("sales3", "/customers/access-requests", json!({"customer_code": "C-9999", "reason": "x"})).await;
    assert_eq!(s, 422);
    let (s, _) = app.post("sales3", "/customers/access-requests", json!({"customer_code": "C-0002", "reason": " "})).await;
    assert_eq!(s, 422);
    app.assert_invariants();
}

#[tokio::test]
async fn a_lapsed_customer_can_be_claimed_and_its_complaints_follow() {
    let app = spawn_app().await;
    let id = app.customer_id("sales", "C-0002").await;
    let complaint = {
        let (s, v) = app.post("sales", "/complaints", intake(id)).await;
        assert_eq!(s, 201, "{v}");
        v["id"].as_i64().unwrap()
    };
    let (_, c) = record(&app, "gm", id).await;
    let claim = |user: &'static str, version: i64| {
        let app = &app;
        async move { app.call(user, Method::POST, &format!("/customers/{id}/claim"), None, Some(version)).await.status() }
    };
    assert_eq!(claim("sales2", c["version"].as_i64().unwrap()).await, 404, "protected customers are not even visible");
    app.exec(&format!("UPDATE customers SET protected_until = '2026-01-01' WHERE id = {id}"));
    assert_eq!(codes(&app, "sales2", "&claimable=true").await, vec!["C-0002"]);
    assert_eq!(claim("qa", c["version"].as_i64().unwrap()).await, 404);
    assert_eq!(claim("sales", c["version"].as_i64().unwrap()).await, 409, "the owner has it");
    assert_eq!(claim("sales2", c["version"].as_i64().unwrap() - 1).await, 412);
    assert_eq!(claim("sales2", c["version"].as_i64().unwrap()).await, 200);
    let (_, now) = record(&app, "sales2", id).await;
    assert_eq!(now["owner_id"], user(&app, "sales2").await["id"]);
    assert_eq!(now["access"], "owner");
    let (_, h) = app.get("sales2", &format!("/customers/{id}/history")).await;
    let owner = h["items"].as_array().unwrap().iter().find(|r| r["field"] == "owner_id").cloned().unwrap();
    assert_eq!((owner["old_label"].as_str(), owner["new_label"].as_str(), owner["source"].as_str()), (Some("张业务"), Some("王业务"), Some("claim")));
    assert!(now["protected_until"].as_str().unwrap() > "2026-01-01");
    assert_eq!(claim("sales", now["version"].as_i64().unwrap()).await, 404, "protected again, and no longer theirs to see");
    // The open complaint moved to the new owner's department with a history event.
    let sales2_dept = app.department_id("sales-2").await;
    assert_eq!(app.complaint("sales2", complaint).await["sales_department"]["id"], sales2_dept);
    let (_, events) = app.get("sales2", &format!("/complaints/{complaint}/events")).await;
    assert!(events["items"].as_array().unwrap().iter().any(|e| e["action"] == "reassign"), "{events}");
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM notifications WHERE kind = 'customer_claimed'"), 1);
    app.assert_invariants();
}

#[tokio::test]
async fn handover_moves_everything_at_once_or_nothing() {
    let app = spawn_app().await;
    let sales = user(&app, "sales").await;
    let sales_id = sales["id"].as_i64().unwrap();
    let sales2_id = user(&app, "sales2").await["id"].as_i64().unwrap();
    let qa_id = user(&app, "qa").await["id"].as_i64().unwrap();
    let open = app.to_sales_proposal().await;
    // Not deactivated while they own customers.
    let res = app.call("admin", Method::PATCH, &format!("/users/{sales_id}"), Some(json!({"active": false})), sales["version"].as_i64()).await;
    assert_eq!(res.status(), 422);
    // Who may hand over.
    for user in ["sales2", "sales_manager2", "qa", "sales3", "sales"] {
        let (s, _) = app.get(user, &format!("/users/{sales_id}/handover")).await;
        assert!(s == 403 || s == 404, "{user}: {s}");
        let (s, _) = app.post(user, &format!("/users/{sales_id}/handover"), json!({"to_user_id": sales2_id})).await;
        assert!(s == 403 || s == 404, "{user}: {s}");
    }
    let (s, preview) = app.get("sales_manager", &format!("/users/{sales_id}/handover")).await;
    assert_eq!(s, 200);
    assert_eq!(preview["customers"].as_array().unwrap().len(), 3);
    assert!(preview["open_complaints"].as_array().unwrap().iter().any(|c| c["id"] == open));
    // Not to someone who is not in sales.
    let (s, _) = app.post("admin", &format!("/users/{sales_id}/handover"), json!({"to_user_id": qa_id})).await;
    assert_eq!(s, 422);
    // A failure half-way (the third customer cannot be written) undoes the first two.
    let fail = if app.database_url.starts_with("postgres") {
        "CREATE FUNCTION boom() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'boom'; END $$ LANGUAGE plpgsql; \
         CREATE TRIGGER boom BEFORE UPDATE ON customers FOR EACH ROW WHEN (NEW.code = 'C-0003' AND NEW.owner_id <> OLD.owner_id) EXECUTE FUNCTION boom();"
    } else {
        "CREATE TRIGGER boom BEFORE UPDATE ON customers WHEN NEW.code = 'C-0003' AND NEW.owner_id <> OLD.owner_id BEGIN SELECT RAISE(ABORT, 'boom'); END;"
    };
    app.exec(fail);
    let changes = app.count("SELECT COUNT(*) AS n FROM customer_changes");
    let (s, _) = app.post("admin", &format!("/users/{sales_id}/handover"), json!({"to_user_id": sales2_id, "deactivate": true})).await;
    assert_eq!(s, 500);
    assert_eq!(app.count(&format!("SELECT COUNT(*) AS n FROM customers WHERE owner_id = {sales_id}")), 3);
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM customer_changes"), changes);
    assert_eq!(app.count(&format!("SELECT COUNT(*) AS n FROM users WHERE id = {sales_id} AND active")), 1);
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM complaint_events WHERE action = 'reassign'"), 0);
    app.exec(if app.database_url.starts_with("postgres") { "DROP TRIGGER boom ON customers; DROP FUNCTION boom();" } else { "DROP TRIGGER boom;" });
    // Now it goes through, all at once.
    let (s, done) = app.post("sales_manager", &format!("/users/{sales_id}/handover"), json!({"to_user_id": sales2_id, "deactivate": true})).await;
    assert_eq!(s, 200, "{done}");
    assert_eq!(done["customers_moved"], 3);
    assert_eq!(done["staff_moved"], 0);
    assert!(done["complaints_moved"].as_u64().unwrap() >= 1);
    assert_eq!(done["deactivated"], true);
    assert_eq!(done["notify"].as_array().unwrap().len(), 3);
    assert_eq!(done["notify"][0]["contact_name"], "王建国");
    assert_eq!(app.count(&format!("SELECT COUNT(*) AS n FROM customers WHERE owner_id = {sales_id}")), 0);
    assert_eq!(app.count(&format!("SELECT COUNT(*) AS n FROM users WHERE id = {sales_id} AND active")), 0);
    assert_eq!(app.complaint("sales2", open).await["sales_department"]["id"], app.department_id("sales-2").await);
    assert_eq!(codes(&app, "sales2", "").await.len(), 4);
    let res = app.client.post(app.url("/auth/login")).json(&json!({"username": "sales", "password": PASSWORD})).send().await.unwrap();
    assert_eq!(res.status(), 401, "a deactivated person cannot sign in");
    app.assert_invariants();
}
