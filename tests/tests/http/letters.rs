//! The letters that chase a case: numbered reminders (催办单) from the worker
//! or the coordinator, and late-close inquiries (洽办单) the late department
//! answers once, into the case's history. Who reads the case reads them.

use kehu_tests::*;
use reqwest::Method;
use serde_json::{json, Value};

async fn send(app: &TestApp, user: &str, method: Method, path: &str, body: Value, version: Option<i64>) -> (u16, Value) {
    let res = app.call(user, method, path, Some(body), version).await;
    let s = res.status().as_u16();
    (s, res.json().await.unwrap_or(Value::Null))
}

/// The notices of `kind` the user holds about case `id`.
async fn notices(app: &TestApp, user: &str, kind: &str, id: i64) -> Vec<Value> {
    let (s, n) = app.get(user, &format!("/me/notifications?kind={kind}")).await;
    assert_eq!(s, 200, "{n}");
    n["items"].as_array().unwrap().iter().filter(|n| n["complaint_id"] == id).cloned().collect()
}

/// A case closed late whose sales-proposal step overran its deadline.
async fn closed_late(app: &TestApp) -> i64 {
    let id = app.to_approval("100.00").await;
    app.exec(&format!("UPDATE complaint_events SET step_due_at = at WHERE complaint_id = {id} AND action = 'forward_to_sales'"));
    app.exec(&format!("UPDATE complaints SET case_due_at = created_at WHERE id = {id}"));
    app.ok("sales_manager", id, "approve", json!({})).await;
    app.ok("sales", id, "record_outcome", json!({"accepted": true, "answered_on": "2026-11-20"})).await;
    app.ok("supervisor", id, "countersign", json!({})).await;
    app.ok("coordinator", id, "close", json!({})).await;
    id
}

#[tokio::test]
async fn a_late_close_inquiry_is_a_numbered_letter_the_late_department_answers_once_into_the_history() {
    let app = spawn_app().await;
    let id = closed_late(&app).await;
    let notice = notices(&app, "sales", "late_inquiry", id).await.pop().expect("the late step's people are asked");
    let lid: i64 = notice["params"]["letter_id"].as_str().unwrap().parse().unwrap();
    let (s, letter) = app.get("sales", &format!("/letters/{lid}")).await;
    assert_eq!(s, 200, "{letter}");
    assert_eq!((letter["kind"].as_str(), letter["step"].as_str(), letter["complaint"]["id"].as_i64()), (Some("inquiry"), Some("sales_proposal"), Some(id)));
    assert!(letter["number"].as_str().unwrap().starts_with("QB"), "{letter}");
    assert_eq!(letter["number"], notice["params"]["letter"]);
    assert_eq!(letter["department"]["id"].as_i64(), Some(app.department_id("sales-1").await));
    assert_eq!((letter["pending"].as_bool(), letter["can_answer"].as_bool()), (Some(true), Some(true)));
    assert!(letter["late_minutes"].as_i64().unwrap() >= 0);
    let version = letter["version"].as_i64();
    // Who reads the case reads its letters; nobody else learns they exist.
    let path = format!("/letters/{lid}/answer");
    for user in DEMO_USERS {
        let case = app.get(user, &format!("/complaints/{id}")).await.0.as_u16();
        let (s, _) = app.get(user, &format!("/letters/{lid}")).await;
        assert_eq!(s.as_u16(), if case == 200 { 200 } else { 404 }, "{user}");
        if !["sales", "sales3", "sales_manager", "supervisor"].contains(&user) {
            let (s, _) = send(&app, user, Method::POST, &path, json!({"answer": "x"}), version).await;
            assert_eq!(s, if case == 200 { 403 } else { 404 }, "{user}: answer");
        }
    }
    let (s, _) = send(&app, "sales", Method::POST, &path, json!({"answer": "x"}), None).await;
    assert_eq!(s, 428);
    let (s, e) = send(&app, "sales", Method::POST, &path, json!({"answer": "  "}), version).await;
    assert_eq!((s, e["errors"][0]["field"].as_str()), (422, Some("answer")), "{e}");
    let (s, e) = send(&app, "sales", Method::POST, &path, json!({"answer": "x", "extra": 1}), version).await;
    assert_eq!(s, 400, "{e}");
    let case_version = app.version(id).await;
    let reason = "客户春节停工, 方案确认晚了两天";
    let (s, answered) = send(&app, "sales", Method::POST, &path, json!({"answer": reason}), version).await;
    assert_eq!(s, 200, "{answered}");
    assert_eq!((answered["answer"].as_str(), answered["pending"].as_bool(), answered["can_answer"].as_bool()), (Some(reason), Some(false), Some(false)));
    assert_eq!(app.version(id).await, case_version + 1, "the answer is a new version of the case");
    let (_, h) = app.get("coordinator", &format!("/complaints/{id}/events")).await;
    let entry = h["items"].as_array().or(h.as_array()).unwrap().iter().find(|e| e["action"] == "answer_late_inquiry").cloned().expect("in the history");
    assert_eq!(entry["body"]["answer"].as_str(), Some(reason), "{entry}");
    assert_eq!(entry["body"]["letter"], letter["number"]);
    let told = notices(&app, "coordinator", "late_inquiry_answered", id).await;
    assert_eq!(told.len(), 1);
    assert_eq!(told[0]["params"]["answer"].as_str(), Some(reason));
    // Once: a second answer, even at the new version, is refused.
    let (s, _) = send(&app, "sales_manager", Method::POST, &path, json!({"answer": "again"}), answered["version"].as_i64()).await;
    assert_eq!(s, 409);
    let (_, listed) = app.get("gm", &format!("/complaints/{id}/letters")).await;
    assert_eq!(listed["items"].as_array().unwrap().len(), 1, "{listed}");
    app.assert_invariants();
}

#[tokio::test]
async fn overdue_and_urged_steps_get_numbered_reminders_that_say_who_urged_and_how_late() {
    let app = spawn_app().await;
    let id = app.to_sales_proposal().await;
    app.exec(&format!("UPDATE complaints SET step_due_at = step_entered_at WHERE id = {id}"));
    assert!(kehu_api::worker::scan_overdue(&mut app.conn()).unwrap() >= 1);
    app.ok("coordinator", id, "remind", json!({})).await;
    let (s, listed) = app.get("sales", &format!("/complaints/{id}/letters")).await;
    assert_eq!(s, 200, "{listed}");
    let items = listed["items"].as_array().unwrap();
    assert_eq!(items.len(), 2, "{listed}");
    let (worker, urged) = (&items[0], &items[1]);
    assert!(worker["issued_by"].is_null() && urged["issued_by"]["name"].as_str().is_some_and(|n| !n.is_empty()), "{listed}");
    let serial = |l: &Value| l["number"].as_str().unwrap().split('-').nth(1).unwrap().parse::<i64>().unwrap();
    assert_eq!(serial(urged), serial(worker) + 1, "numbers follow each other");
    for l in items {
        assert_eq!(
            (l["kind"].as_str(), l["step"].as_str(), l["pending"].as_bool(), l["can_answer"].as_bool()),
            (Some("reminder"), Some("sales_proposal"), Some(true), Some(false))
        );
        assert!(l["number"].as_str().unwrap().starts_with("CB"));
    }
    let reminders = notices(&app, "sales", "reminder", id).await;
    assert_eq!(reminders.len(), 2);
    assert!(reminders.iter().all(|n| n["params"]["letter_id"].is_string()));
    // Nothing but reminders under that filter; an unknown kind is refused.
    let (_, all) = app.get("sales", "/me/notifications?kind=reminder,late_inquiry").await;
    assert!(all["items"].as_array().unwrap().iter().all(|n| n["kind"] == "reminder" || n["kind"] == "late_inquiry"));
    let (s, e) = app.get("sales", "/me/notifications?kind=reminder,nonsense").await;
    assert_eq!((s.as_u16(), e["errors"][0]["field"].as_str()), (422, Some("kind")), "{e}");
    // A reminder takes no answer; the step moved on, it is no longer pending.
    let lid = worker["id"].as_i64().unwrap();
    let (s, _) = send(&app, "sales", Method::POST, &format!("/letters/{lid}/answer"), json!({"answer": "x"}), worker["version"].as_i64()).await;
    assert_eq!(s, 409);
    app.ok("sales", id, "propose_resolution", json!({"lines": [{"kind": "compensation", "amount": "100.00"}]})).await;
    let (_, after) = app.get("sales", &format!("/letters/{lid}")).await;
    assert_eq!(after["pending"], false, "{after}");
    app.assert_invariants();
}

#[tokio::test]
async fn nobody_marks_anothers_notification_read() {
    let app = spawn_app().await;
    let id = app.to_sales_proposal().await;
    let mine = notices(&app, "sales", "task", id).await.pop().expect("sales was told");
    let nid = mine["id"].as_i64().unwrap();
    let (s, _) = app.post("sales2", &format!("/me/notifications/{nid}/read"), json!({})).await;
    assert_eq!(s, 404);
    let (s, _) = app.post("sales2", "/me/notifications/read-all", json!({})).await;
    assert_eq!(s, 204);
    assert!(notices(&app, "sales", "task", id).await.iter().any(|n| n["id"] == nid && n["read_at"].is_null()), "still unread");
    let (s, _) = app.post("sales", &format!("/me/notifications/{nid}/read"), json!({})).await;
    assert_eq!(s, 204);
    assert!(notices(&app, "sales", "task", id).await.iter().any(|n| n["id"] == nid && !n["read_at"].is_null()));
}
