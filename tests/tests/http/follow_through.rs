//! The worker follows cases through (domain.md §4.4): the whole case's and a
//! severe case's containment deadline are chased with reminders that reach
//! the step's people, then their manager, then the general manager's office,
//! once per threshold even with two workers; major complaints reach legal.

use chrono::{Duration, Utc};
use kehu_tests::*;
use reqwest::Method;
use serde_json::{json, Value};

/// Two workers scanning at `hours` from now at once.
fn scan_twice(app: &TestApp, hours: i64) -> usize {
    let now = Utc::now().naive_utc() + Duration::hours(hours);
    let workers = [app.conn(), app.conn()].map(|mut c| std::thread::spawn(move || kehu_api::app::letters::chase::scan(&mut c, now).unwrap()));
    workers.into_iter().map(|w| w.join().unwrap()).sum()
}

/// The case's letters on `clock`, as (level, kind).
async fn letters(app: &TestApp, id: i64, clock: &str) -> Vec<Value> {
    let (s, l) = app.get("coordinator", &format!("/complaints/{id}/letters")).await;
    assert_eq!(s, 200, "{l}");
    l["items"].as_array().unwrap().iter().filter(|x| x["clock"] == clock).cloned().collect()
}

fn told(app: &TestApp, user: &str, kind: &str, id: i64) -> i64 {
    app.count(&format!(
        "SELECT COUNT(*) AS n FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = '{user}' AND n.kind = '{kind}' AND n.complaint_id = {id}"
    ))
}

#[tokio::test]
async fn a_case_past_its_whole_deadline_is_chased_once_per_threshold_up_to_the_gm_office() {
    let app = spawn_app().await;
    let id = app.to_sales_proposal().await;
    app.exec(&format!("UPDATE complaints SET case_due_at = step_entered_at WHERE id = {id}"));
    scan_twice(&app, 0);
    scan_twice(&app, 1);
    let first = letters(&app, id, "case").await;
    assert_eq!(first.len(), 1);
    assert_eq!((first[0]["kind"].as_str(), first[0]["level"].as_i64(), first[0]["pending"].as_bool()), (Some("reminder"), Some(1), Some(true)), "{first:?}");
    assert_eq!(first[0]["department"]["id"].as_i64(), Some(app.department_id("sales-1").await));
    assert_eq!((told(&app, "sales", "case_reminder", id), told(&app, "sales_manager", "case_reminder", id), told(&app, "gm", "case_reminder", id)), (1, 0, 0));

    scan_twice(&app, 25);
    assert_eq!(letters(&app, id, "case").await.len(), 2, "a day late: the manager too");
    assert_eq!((told(&app, "sales", "case_reminder", id), told(&app, "sales_manager", "case_reminder", id), told(&app, "gm", "case_reminder", id)), (2, 1, 0));
    scan_twice(&app, 73);
    assert_eq!(letters(&app, id, "case").await.len(), 3, "three days late: the GM office too");
    assert_eq!(
        (told(&app, "sales_manager", "case_reminder", id), told(&app, "deputy_gm", "case_reminder", id), told(&app, "gm", "case_reminder", id)),
        (2, 1, 1)
    );
    scan_twice(&app, 200);
    let all = letters(&app, id, "case").await;
    assert_eq!(all.iter().map(|l| l["level"].as_i64().unwrap()).collect::<Vec<_>>(), vec![1, 2, 3]);
    let events = app.count(&format!(
        "SELECT COUNT(*) AS n FROM outbox WHERE aggregate_id = {id} AND event_type = 'complaint.overdue' AND payload LIKE '%\"clock\":\"case\"%'"
    ));
    assert_eq!(events, 3);
    // A deadline that moves (a deferral, here by hand) is chased anew.
    app.exec(&format!("UPDATE complaints SET case_due_at = created_at WHERE id = {id}"));
    scan_twice(&app, 200);
    assert_eq!(letters(&app, id, "case").await.len(), 4);
    app.assert_invariants();
}

#[tokio::test]
async fn a_case_found_long_overdue_is_told_once_at_the_level_it_reached() {
    let app = spawn_app().await;
    let id = app.to_sales_proposal().await;
    app.exec(&format!("UPDATE complaints SET case_due_at = step_entered_at WHERE id = {id}"));
    scan_twice(&app, 100);
    let all = letters(&app, id, "case").await;
    assert_eq!(all.len(), 1);
    assert_eq!(all[0]["level"], 3);
    assert_eq!((told(&app, "sales", "case_reminder", id), told(&app, "sales_manager", "case_reminder", id), told(&app, "gm", "case_reminder", id)), (1, 1, 1));
    scan_twice(&app, 101);
    assert_eq!(letters(&app, id, "case").await.len(), 1, "the lower levels count as sent");
}

#[tokio::test]
async fn a_severe_case_without_containment_is_chased_until_containment_is_recorded() {
    let app = spawn_app().await;
    let id = app.draft().await;
    app.ok("sales", id, "submit", json!({})).await;
    let c = app.ok("coordinator", id, "register", json!({"severity": "severe", "kind": "quality", "is_major": false})).await;
    assert!(c["containment_due_at"].is_string(), "{c}");
    scan_twice(&app, 1);
    assert!(letters(&app, id, "containment").await.is_empty(), "24 hours to contain");
    scan_twice(&app, 25);
    let l = letters(&app, id, "containment").await;
    assert_eq!((l.len(), l[0]["department"]["id"].as_i64()), (1, Some(app.department_id("quality").await)));
    assert_eq!(
        (told(&app, "qa", "containment_reminder", id), told(&app, "qa_manager", "containment_reminder", id), told(&app, "sales", "containment_reminder", id)),
        (1, 1, 0)
    );
    app.ok("qa", id, "record_containment", json!({"measures": ["quarantine"], "description": "库存隔离并全检"})).await;
    let (_, after) = app.get("qa", &format!("/letters/{}", l[0]["id"])).await;
    assert_eq!(after["pending"], false, "contained: settled");
    scan_twice(&app, 200);
    assert_eq!(letters(&app, id, "containment").await.len(), 1, "contained: nothing more on that clock");
    app.assert_invariants();
}

#[tokio::test]
async fn major_complaint_alerts_reach_legal_who_reads_the_case() {
    let app = spawn_app().await;
    let id = app.draft().await;
    app.ok("sales", id, "submit", json!({})).await;
    app.ok("coordinator", id, "register", json!({"severity": "general", "kind": "quality", "is_major": true})).await;
    for user in ["legal", "gm", "deputy_gm", "sales_manager"] {
        assert_eq!(told(&app, user, "major_alert", id), 1, "{user}");
    }
    assert_eq!(told(&app, "qa", "major_alert", id), 0);
    assert_eq!(app.complaint("legal", id).await["is_major"], true);
}

#[tokio::test]
async fn the_follow_up_policy_is_the_administrators_and_the_next_scan_follows_it() {
    let app = spawn_app().await;
    let (s, p) = app.get("sales", "/policies/follow-up").await;
    assert_eq!(s, 200);
    assert_eq!(
        (p["manager_after_hours"].as_i64(), p["gm_office_after_hours"].as_i64(), p["first_reply_hours"].as_i64(), p["close_confirmation_hours"].as_i64()),
        (Some(24), Some(72), Some(24), Some(12))
    );
    let v = p["version"].as_i64();
    let body =
        |manager: i64, gm: i64| json!({"manager_after_hours": manager, "gm_office_after_hours": gm, "first_reply_hours": 24, "close_confirmation_hours": 12});
    let put = |user: &'static str, b: Value, v: Option<i64>| {
        let app = &app;
        async move {
            let res = app.call(user, Method::PUT, "/policies/follow-up", Some(b), v).await;
            let s = res.status().as_u16();
            (s, res.json::<Value>().await.unwrap_or(Value::Null))
        }
    };
    assert_eq!(put("coordinator", body(2, 4), v).await.0, 403);
    let (s, e) = put("admin", body(4, 4), v).await;
    assert_eq!((s, e["errors"][0]["field"].as_str()), (422, Some("gm_office_after_hours")), "{e}");
    assert_eq!(put("admin", body(0, 4), v).await.0, 422);
    assert_eq!(put("admin", body(2, 4), None).await.0, 428);
    let (s, saved) = put("admin", body(2, 4), v).await;
    assert_eq!((s, saved["version"].as_i64()), (200, v.map(|v| v + 1)), "{saved}");
    let id = app.to_sales_proposal().await;
    app.exec(&format!("UPDATE complaints SET case_due_at = step_entered_at WHERE id = {id}"));
    scan_twice(&app, 3);
    assert_eq!(letters(&app, id, "case").await[0]["level"], 2, "two hours late reaches the manager now");
}
