//! Improvement tracking: the effectiveness check the close schedules for a
//! case with corrective actions, reminded when due, a failed one drafting a
//! linked case; the marks that take a case out of the tracking (human
//! negligence) or count it apart (irrational). Everyone else is refused
//! with nothing changed.

use futures_util::future::join;
use kehu_tests::*;
use reqwest::Method;
use serde_json::{json, Value};

/// A general quality case walked to its close, with the responsible
/// unit's permanent actions.
async fn registered(app: &TestApp) -> i64 {
    let id = app.draft().await;
    app.ok("sales", id, "submit", json!({})).await;
    app.ok("coordinator", id, "register", json!({"severity": "general", "kind": "quality", "is_major": false})).await;
    id
}

async fn to_awaiting_close(app: &TestApp, id: i64) {
    let production = app.department_id("production").await;
    let responsible = json!([{"department_id": production, "team": "冲压一班", "ratio_percent": 100}]);
    app.ok("qa", id, "conclude_investigation", json!({"defect_verified": true, "cause": "模具磨损", "responsible": responsible})).await;
    let cm = json!({"cause_analysis": "模具磨损", "containment": "全检", "permanent_actions": "每班点检模具并记录"});
    app.ok("production", id, "submit_countermeasure", cm).await;
    app.ok("coordinator", id, "forward_to_sales", json!({"remarks": "ok"})).await;
    app.ok("sales", id, "propose_resolution", json!({"lines": [{"kind": "compensation", "amount": "800.00"}]})).await;
    app.ok("coordinator", id, "submit_for_approval", json!({"opinion": "同意"})).await;
    app.ok("sales_manager", id, "approve", json!({})).await;
    app.ok("sales", id, "record_outcome", json!({"accepted": true, "answered_on": "2026-11-20"})).await;
    app.ok("supervisor", id, "countersign", json!({})).await;
}

async fn close(app: &TestApp, id: i64) -> Value {
    to_awaiting_close(app, id).await;
    app.ok("coordinator", id, "close", json!({})).await
}

async fn send(app: &TestApp, user: &str, method: Method, path: &str, body: Value, version: i64) -> (u16, Value) {
    let res = app.call(user, method, path, Some(body), Some(version)).await;
    let s = res.status().as_u16();
    (s, res.json().await.unwrap_or(Value::Null))
}

fn notices(app: &TestApp, user: &str, kind: &str) -> i64 {
    app.count(&format!("SELECT COUNT(*) AS n FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = '{user}' AND n.kind = '{kind}'"))
}

async fn history(app: &TestApp, id: i64) -> Vec<String> {
    let (_, h) = app.get("coordinator", &format!("/complaints/{id}/events")).await;
    h["items"].as_array().or(h.as_array()).unwrap().iter().map(|e| e["action"].as_str().unwrap().to_owned()).collect()
}

#[tokio::test]
async fn the_close_schedules_an_effectiveness_check_and_a_failed_one_drafts_a_linked_case() {
    let app = spawn_app().await;
    let id = registered(&app).await;
    let closed = close(&app, id).await;
    assert_eq!(closed["state"], "closed");
    let path = format!("/complaints/{id}/effectiveness-check");
    let (s, c) = app.get("qa", &path).await;
    assert_eq!(s.as_u16(), 200, "{c}");
    assert_eq!((c["state"].as_str(), c["overdue"].as_bool(), c["can_record"].as_bool()), (Some("scheduled"), Some(false), Some(true)), "{c}");
    assert_eq!(c["actions"], json!(["每班点检模具并记录"]));
    let today = chrono::Utc::now().with_timezone(&chrono::FixedOffset::east_opt(8 * 3600).unwrap()).date_naive();
    assert_eq!(c["due_on"].as_str().unwrap(), (today + chrono::Days::new(30)).to_string(), "the 8D policy's 30 days");
    assert!(history(&app, id).await.contains(&"schedule_effectiveness_check".to_owned()));

    // Sales reads it but does not record it; another department's sales does not see it.
    let (_, mine) = app.get("sales", &path).await;
    assert_eq!(mine["can_record"], false);
    let v = c["version"].as_i64().unwrap();
    let result = json!({"works": false, "no_new_problem": true, "prevents_recurrence": false, "evidence": "第 13 批仍有同样的毛刺"});
    assert_eq!(send(&app, "sales", Method::POST, &format!("{path}/result"), result.clone(), v).await.0, 403);
    assert_eq!(send(&app, "sales2", Method::POST, &format!("{path}/result"), result.clone(), v).await.0, 404);
    assert_eq!(app.get("sales2", &path).await.0.as_u16(), 404);

    // Not in QA's box of due checks until its date; then reminded once.
    let (_, due) = app.get("qa", "/effectiveness-checks?due=true").await;
    assert!(due["items"].as_array().unwrap().iter().all(|x| x["complaint"]["id"] != id), "{due}");
    let (_, all) = app.get("qa", "/effectiveness-checks").await;
    assert!(all["items"].as_array().unwrap().iter().any(|x| x["complaint"]["id"] == id), "{all}");
    assert_eq!(kehu_api::worker::scan_overdue(&mut app.conn()).unwrap(), 0, "not due yet");
    app.exec(&format!("UPDATE effectiveness_checks SET due_on = '2026-01-05' WHERE complaint_id = {id}"));
    let before = notices(&app, "qa", "effectiveness_due");
    kehu_api::worker::scan_overdue(&mut app.conn()).unwrap();
    kehu_api::worker::scan_overdue(&mut app.conn()).unwrap();
    assert_eq!(notices(&app, "qa", "effectiveness_due") - before, 1, "reminded once");
    let (_, due) = app.get("qa", "/effectiveness-checks?due=true").await;
    let row = due["items"].as_array().unwrap().iter().find(|x| x["complaint"]["id"] == id).cloned().unwrap();
    assert_eq!(row["overdue"], true);

    // Blank evidence is refused; a failed check drafts the follow-up for sales.
    let blank = json!({"works": true, "no_new_problem": true, "prevents_recurrence": true, "evidence": "  "});
    let (s, e) = send(&app, "qa", Method::POST, &format!("{path}/result"), blank, v).await;
    assert_eq!((s, e["errors"][0]["field"].as_str()), (422, Some("evidence")), "{e}");
    let (s, c) = send(&app, "qa", Method::POST, &format!("{path}/result"), result.clone(), v).await;
    assert_eq!((s, c["state"].as_str()), (200, Some("failed")), "{c}");
    let draft = c["follow_up"]["id"].as_i64().unwrap();
    let d = app.complaint("sales", draft).await;
    assert_eq!((d["state"].as_str(), d["repeat_of_id"].as_i64()), (Some("draft"), Some(id)), "{d}");
    assert_eq!(d["customer"]["id"], closed["customer"]["id"]);
    assert_eq!(d["intake"]["product_number"], closed["intake"]["product_number"]);
    assert_eq!(notices(&app, "sales", "effectiveness_failed"), 1);
    assert!(history(&app, id).await.contains(&"fail_effectiveness_check".to_owned()));
    let (s, _) = send(&app, "qa", Method::POST, &format!("{path}/result"), result, c["version"].as_i64().unwrap()).await;
    assert_eq!(s, 409, "recorded once");
    app.assert_invariants();
}

#[tokio::test]
async fn a_check_passes_when_all_three_hold_and_a_negligence_case_is_not_checked() {
    let app = spawn_app().await;
    let id = registered(&app).await;
    close(&app, id).await;
    let path = format!("/complaints/{id}/effectiveness-check");
    let (_, c) = app.get("qa_manager", &path).await;
    let ok = json!({"works": true, "no_new_problem": true, "prevents_recurrence": true, "evidence": "连续 3 批 0 不良"});
    let (s, c) = send(&app, "qa_manager", Method::POST, &format!("{path}/result"), ok, c["version"].as_i64().unwrap()).await;
    assert_eq!((s, c["state"].as_str(), c["follow_up"].is_null()), (200, Some("passed"), true), "{c}");
    assert_eq!(c["checked_by"]["name"].as_str().map(|n| !n.is_empty()), Some(true));
    let (_, passed) = app.get("qa", "/effectiveness-checks?state=passed").await;
    assert!(passed["items"].as_array().unwrap().iter().any(|x| x["complaint"]["id"] == id));

    // Marked as pure human negligence: closed without a check.
    let other = registered(&app).await;
    let marks = format!("/complaints/{other}/marks");
    let (_, m) = app.get("qa", &marks).await;
    assert_eq!((m["version"].as_i64(), m["can_mark_negligence"].as_bool(), m["can_mark_irrational"].as_bool()), (Some(0), Some(true), Some(false)));
    let body = json!({"human_negligence": {"reason": "作业员漏装垫片"}});
    let (s, m) = send(&app, "qa", Method::PUT, &marks, body, 0).await;
    assert_eq!((s, m["human_negligence"]["reason"].as_str()), (200, Some("作业员漏装垫片")), "{m}");
    close(&app, other).await;
    assert_eq!(app.get("qa", &format!("/complaints/{other}/effectiveness-check")).await.0.as_u16(), 404);
    app.assert_invariants();
}

#[tokio::test]
async fn marks_are_set_by_their_roles_with_a_reason_and_recorded_in_the_history() {
    let app = spawn_app().await;
    let id = registered(&app).await;
    let path = format!("/complaints/{id}/marks");
    let irrational = json!({"irrational": {"follow": "watch", "reason": "客户对保修政策有误解"}});
    let (s, _) = send(&app, "qa", Method::PUT, &path, irrational.clone(), 0).await;
    assert_eq!(s, 403, "the coordinator's to mark");
    let (s, _) = send(&app, "sales2", Method::PUT, &path, irrational.clone(), 0).await;
    assert_eq!(s, 404);
    let (s, e) = send(&app, "coordinator", Method::PUT, &path, json!({"irrational": {"follow": "watch", "reason": " "}}), 0).await;
    assert_eq!((s, e["errors"][0]["field"].as_str()), (422, Some("reason")), "{e}");
    let version = app.version(id).await;
    let (s, m) = send(&app, "coordinator", Method::PUT, &path, irrational.clone(), 0).await;
    assert_eq!((s, m["irrational"]["level"].as_str(), m["irrational"]["follow"].as_str()), (200, Some("first"), Some("watch")), "{m}");
    assert_eq!(app.version(id).await, version + 1, "one history entry");
    let (s, _) = send(&app, "coordinator", Method::PUT, &path, irrational.clone(), 0).await;
    assert_eq!(s, 412, "stale");
    // QA adds negligence and keeps the coordinator's mark as it is: allowed.
    let both = json!({"irrational": {"follow": "watch", "reason": "客户对保修政策有误解"}, "human_negligence": {"reason": "包装员未贴标签"}});
    let (s, m) = send(&app, "qa", Method::PUT, &path, both, m["version"].as_i64().unwrap()).await;
    assert_eq!((s, m["irrational"]["follow"].as_str(), m["human_negligence"].is_null()), (200, Some("watch"), false), "{m}");
    // QA cannot clear the coordinator's mark.
    let (s, _) = send(&app, "qa", Method::PUT, &path, json!({"human_negligence": {"reason": "包装员未贴标签"}}), m["version"].as_i64().unwrap()).await;
    assert_eq!(s, 403);
    let (s, m) = send(&app, "coordinator", Method::PUT, &path, json!({}), m["version"].as_i64().unwrap()).await;
    assert_eq!((s, m["irrational"].is_null(), m["human_negligence"].is_null()), (200, true, true), "{m}");
    let h = history(&app, id).await;
    for e in ["mark_irrational", "mark_negligence", "clear_irrational", "clear_negligence"] {
        assert!(h.contains(&e.to_owned()), "{e}: {h:?}");
    }
    app.assert_invariants();
}

#[tokio::test]
async fn who_may_not_read_the_case_learns_nothing_of_its_tracking_and_the_wrong_roles_change_nothing() {
    let app = spawn_app().await;
    let id = registered(&app).await;
    close(&app, id).await;
    let unknown = 999_999;
    let (_, c) = app.get("qa", &format!("/complaints/{id}/effectiveness-check")).await;
    let v = c["version"].as_i64().unwrap();
    let result = json!({"works": true, "no_new_problem": true, "prevents_recurrence": true, "evidence": "x"});
    let marks = json!({"human_negligence": {"reason": "x"}, "irrational": {"follow": "monitor", "reason": "x"}});
    // The complaint's read rule, written out: its sales department, and every non-sales role.
    let hidden = ["sales2", "sales_manager2"];
    let changes = app.count(&format!("SELECT COUNT(*) AS n FROM complaint_events WHERE complaint_id = {id}"));
    for user in DEMO_USERS {
        for tail in ["marks", "effectiveness-check"] {
            let got = app.call(user, Method::GET, &format!("/complaints/{id}/{tail}"), None, None).await.status().as_u16();
            assert_eq!(got == 404, hidden.contains(&user), "{user} GET {tail}: {got}");
        }
        let (_, list) = app.get(user, "/effectiveness-checks").await;
        let listed = list["items"].as_array().unwrap().iter().any(|x| x["complaint"]["id"] == id);
        assert_eq!(listed, !hidden.contains(&user), "{user}: the list");
        if ["qa", "qa_manager"].contains(&user) {
            continue;
        }
        let calls = [(Method::PUT, "marks", marks.clone(), 0), (Method::POST, "effectiveness-check/result", result.clone(), v)];
        for (method, tail, body, version) in calls {
            let (a, b) = (format!("/complaints/{id}/{tail}"), format!("/complaints/{unknown}/{tail}"));
            let got = send(&app, user, method.clone(), &a, body.clone(), version).await;
            if hidden.contains(&user) {
                let none = send(&app, user, method.clone(), &b, body, version).await;
                assert_eq!((got.0, &got.1["code"]), (none.0, &none.1["code"]), "{user} {method} {tail}");
            } else {
                // Not their part, or (marks) the case is closed: refused, never applied.
                assert!(got.0 == 403 || got.0 == 409, "{user} {method} {tail}: {got:?}");
            }
        }
    }
    assert_eq!(app.count(&format!("SELECT COUNT(*) AS n FROM complaint_events WHERE complaint_id = {id}")), changes, "nothing changed");
    app.assert_invariants();
}

#[tokio::test]
async fn a_close_racing_a_negligence_mark_lets_exactly_one_of_them_through() {
    let app = spawn_app().await;
    for _ in 0..4 {
        let id = registered(&app).await;
        to_awaiting_close(&app, id).await;
        let v = app.version(id).await;
        app.token("qa").await;
        let path = format!("/complaints/{id}/marks");
        let mark = send(&app, "qa", Method::PUT, &path, json!({"human_negligence": {"reason": "漏装垫片"}}), 0);
        let ((closed, _), (marked, _)) = join(app.act_at("coordinator", id, v, "close", json!({})), mark).await;
        // A mark is a new version of the case: whichever commits first makes the other stale or too late.
        let checked = app.count(&format!("SELECT COUNT(*) AS n FROM effectiveness_checks WHERE complaint_id = {id}"));
        let negligence = app.count(&format!("SELECT COUNT(*) AS n FROM case_marks WHERE complaint_id = {id} AND negligence_reason IS NOT NULL"));
        match (closed.as_u16(), marked) {
            (200, 409) => assert_eq!((checked, negligence), (1, 0)),
            (412, 200) => assert_eq!((checked, negligence), (0, 1)),
            other => panic!("close and mark answered {other:?}"),
        }
    }
    app.assert_invariants();
}
