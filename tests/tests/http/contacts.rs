//! The customer told in time: the first reply opens at the registration and
//! the close confirmation at a resolved close; sales records each once into
//! the history; a late one is reminded once even with two workers; the
//! confirmation sends a satisfaction survey link. Everyone else is refused
//! with nothing changed.

use chrono::{Duration, Utc};
use kehu_tests::*;
use reqwest::Method;
use serde_json::{json, Value};

async fn send(app: &TestApp, user: &str, path: &str, body: Value, version: i64) -> (u16, Value) {
    let res = app.call(user, Method::POST, path, Some(body), Some(version)).await;
    let s = res.status().as_u16();
    (s, res.json().await.unwrap_or(Value::Null))
}

async fn contacts(app: &TestApp, user: &str, id: i64) -> Vec<Value> {
    let (s, v) = app.get(user, &format!("/complaints/{id}/customer-contacts")).await;
    assert_eq!(s, 200, "{v}");
    v["items"].as_array().unwrap().clone()
}

async fn contact(app: &TestApp, user: &str, id: i64, kind: &str) -> Value {
    contacts(app, user, id).await.into_iter().find(|c| c["kind"] == kind).unwrap_or(Value::Null)
}

fn told(app: &TestApp, user: &str, kind: &str, id: i64) -> i64 {
    app.count(&format!(
        "SELECT COUNT(*) AS n FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = '{user}' AND n.kind = '{kind}' AND n.complaint_id = {id}"
    ))
}

async fn history(app: &TestApp, id: i64) -> Vec<Value> {
    let (_, h) = app.get("coordinator", &format!("/complaints/{id}/events")).await;
    h["items"].as_array().or(h.as_array()).unwrap().clone()
}

async fn registered(app: &TestApp) -> i64 {
    let id = app.draft().await;
    app.ok("sales", id, "submit", json!({})).await;
    app.ok("coordinator", id, "register", json!({"severity": "general", "kind": "quality", "is_major": false})).await;
    id
}

fn reply(promised_on: Option<&str>) -> Value {
    json!({"contacted_at": Utc::now().to_rfc3339(), "method": "phone", "summary": "已告知客户立案, 三天内答复", "promised_on": promised_on})
}

fn scan_twice(app: &TestApp, hours: i64) -> usize {
    let now = Utc::now().naive_utc() + Duration::hours(hours);
    let workers = [app.conn(), app.conn()].map(|mut c| std::thread::spawn(move || kehu_api::app::contacts::chase::scan(&mut c, now).unwrap()));
    workers.into_iter().map(|w| w.join().unwrap()).sum()
}

#[tokio::test]
async fn the_first_reply_opens_at_registration_and_is_recorded_once_into_the_history() {
    let app = spawn_app().await;
    let id = app.draft().await;
    app.ok("sales", id, "submit", json!({})).await;
    assert!(contacts(&app, "coordinator", id).await.is_empty(), "no clock before the registration");
    app.ok("coordinator", id, "register", json!({"severity": "general", "kind": "quality", "is_major": false})).await;
    let open = contact(&app, "sales", id, "first_reply").await;
    assert_eq!((open["status"].as_str(), open["can_record"].as_bool()), (Some("open"), Some(true)), "{open}");
    let (opened, due) = (open["opened_at"].as_str().unwrap(), open["due_at"].as_str().unwrap());
    let hours = chrono::DateTime::parse_from_rfc3339(due).unwrap() - chrono::DateTime::parse_from_rfc3339(opened).unwrap();
    assert_eq!(hours, Duration::hours(24), "the policy's 24 hours");
    assert_eq!(contact(&app, "coordinator", id, "first_reply").await["can_record"], false);
    let version = open["version"].as_i64().unwrap();
    let path = format!("/complaints/{id}/customer-contacts/first_reply");
    let today = Utc::now().date_naive();
    let promised = (today + Duration::days(3)).to_string();

    let before = app.version(id).await;
    for (user, body, status) in [
        ("coordinator", reply(Some(&promised)), 403),
        ("qa", reply(Some(&promised)), 403),
        ("sales2", reply(Some(&promised)), 404),
        ("sales", reply(None), 422),
        ("sales", reply(Some(&(today - Duration::days(2)).to_string())), 422),
        ("sales", json!({"contacted_at": (Utc::now() + Duration::hours(2)).to_rfc3339(), "method": "phone", "summary": "x", "promised_on": promised}), 422),
        ("sales", json!({"contacted_at": Utc::now().to_rfc3339(), "method": "pigeon", "summary": "x", "promised_on": promised}), 422),
        ("sales", json!({"contacted_at": Utc::now().to_rfc3339(), "method": "phone", "summary": "x", "promised_on": promised, "confirmed": true}), 422),
    ] {
        let (s, v) = send(&app, user, &path, body, version).await;
        assert_eq!(s, status, "{user}: {v}");
    }
    assert_eq!(send(&app, "sales", &path, reply(Some(&promised)), version + 1).await.0, 412);
    assert_eq!(send(&app, "sales", &format!("/complaints/{id}/customer-contacts/by_fax"), reply(Some(&promised)), version).await.0, 404);
    assert_eq!(app.version(id).await, before, "refusals change nothing");
    assert_eq!(contact(&app, "sales", id, "first_reply").await["version"], version);

    let (s, done) = send(&app, "sales", &path, reply(Some(&promised)), version).await;
    assert_eq!(s, 200, "{done}");
    assert_eq!((done["status"].as_str(), done["promised_on"].as_str(), done["can_record"].as_bool()), (Some("done"), Some(promised.as_str()), Some(false)));
    assert_eq!(done["recorded_by"]["name"], "张业务");
    let last = history(&app, id).await.pop().unwrap();
    assert_eq!(last["action"], "record_first_reply", "{last}");
    assert_eq!(app.version(id).await, before + 1);
    let (s, again) = send(&app, "service", &path, reply(Some(&promised)), done["version"].as_i64().unwrap()).await;
    assert_eq!((s, again["code"].as_str()), (409, Some("already_done")), "{again}");
    app.assert_invariants();
}

#[tokio::test]
async fn a_late_first_reply_is_reminded_once_to_sales_and_their_heads_even_with_two_workers() {
    let app = spawn_app().await;
    let id = registered(&app).await;
    scan_twice(&app, 23);
    assert_eq!(told(&app, "sales", "first_reply_late", id), 0, "not due yet");
    scan_twice(&app, 25);
    scan_twice(&app, 100);
    let who = ["sales", "supervisor", "sales_manager", "qa", "coordinator", "sales2"].map(|u| told(&app, u, "first_reply_late", id));
    assert_eq!(who, [1, 1, 1, 0, 0, 0]);
    let late = contact(&app, "service", id, "first_reply").await;
    assert!(late["reminded_at"].is_string(), "{late}");
    // Customer service answers for sales; made past the deadline, it shows as late.
    app.exec(&format!("UPDATE case_contacts SET due_at = opened_at WHERE complaint_id = {id}"));
    let promised = (Utc::now().date_naive() + Duration::days(1)).to_string();
    let (s, done) =
        send(&app, "service", &format!("/complaints/{id}/customer-contacts/first_reply"), reply(Some(&promised)), late["version"].as_i64().unwrap()).await;
    assert_eq!((s, done["status"].as_str()), (200, Some("done_late")), "{done}");
    // A case that closed before its first reply is not chased for it.
    let other = registered(&app).await;
    app.ok("coordinator", other, "withdraw", json!({"reason": "客户撤回投诉"})).await;
    scan_twice(&app, 48);
    assert_eq!(told(&app, "sales", "first_reply_late", other), 0);
}

/// A general quality case walked to a resolved close.
async fn closed(app: &TestApp) -> i64 {
    let id = app.to_approval("800.00").await;
    app.ok("sales_manager", id, "approve", json!({})).await;
    app.ok("sales", id, "record_outcome", json!({"accepted": true, "answered_on": Utc::now().date_naive().to_string()})).await;
    app.ok("supervisor", id, "countersign", json!({})).await;
    app.ok("coordinator", id, "close", json!({})).await;
    id
}

#[tokio::test]
async fn a_resolved_close_asks_sales_to_confirm_it_with_the_customer_and_send_a_survey() {
    let app = spawn_app().await;
    let id = closed(&app).await;
    assert_eq!(told(&app, "sales", "close_confirmation_due", id), 1);
    assert_eq!(told(&app, "qa", "close_confirmation_due", id), 0);
    let open = contact(&app, "sales", id, "close_confirmation").await;
    let span = chrono::DateTime::parse_from_rfc3339(open["due_at"].as_str().unwrap()).unwrap()
        - chrono::DateTime::parse_from_rfc3339(open["opened_at"].as_str().unwrap()).unwrap();
    assert_eq!((open["status"].as_str(), span), (Some("open"), Duration::hours(12)), "{open}");
    assert_eq!(open["can_send_survey"], true);
    let link_path = format!("/complaints/{id}/customer-contacts/close_confirmation/survey-link");
    assert_eq!(app.post("qa", &link_path, json!({})).await.0, 403);
    assert_eq!(app.post("sales2", &link_path, json!({})).await.0, 404);

    // The survey: a second link ends the first; answered, no third.
    let (s, first) = app.post("sales", &link_path, json!({})).await;
    assert_eq!(s, 201, "{first}");
    let (s, second) = app.post("supervisor", &link_path, json!({})).await;
    assert_eq!(s, 201, "{second}");
    let public = reqwest::Client::new();
    let page: Value = public.get(app.url(&format!("/survey-responses/{}", second["token"].as_str().unwrap()))).send().await.unwrap().json().await.unwrap();
    let number = app.complaint("sales", id).await["number"].clone();
    assert_eq!((page["complaint_number"].clone(), page["submitted"].clone()), (number, json!(false)), "{page}");
    let scores = json!({"quality": 4, "delivery": 5, "price": 3, "service": 5, "comparison": 4, "other": 4});
    let answer = json!({"scores": scores, "respondent": "王建国"});
    let old = public.post(app.url(&format!("/survey-responses/{}", first["token"].as_str().unwrap()))).json(&answer).send().await.unwrap();
    assert_eq!(old.status(), 409, "the first link ended");
    let new = public.post(app.url(&format!("/survey-responses/{}", second["token"].as_str().unwrap()))).json(&answer).send().await.unwrap();
    assert_eq!(new.status(), 204);
    let (s, third) = app.post("sales", &link_path, json!({})).await;
    assert_eq!((s.as_u16(), third["code"].as_str()), (409, Some("already_answered")), "{third}");
    let c = contact(&app, "sales", id, "close_confirmation").await;
    assert_eq!((c["survey"]["scores"]["quality"].as_i64(), c["can_send_survey"].as_bool()), (Some(4), Some(false)), "{c}");

    // The customer did not confirm: the coordinators and the sales heads hear of it.
    let path = format!("/complaints/{id}/customer-contacts/close_confirmation");
    let body = json!({"contacted_at": Utc::now().to_rfc3339(), "method": "visit", "summary": "客户认为补货数量不足", "confirmed": false});
    let bad = json!({"contacted_at": Utc::now().to_rfc3339(), "method": "visit", "summary": "x", "promised_on": "2030-01-01"});
    assert_eq!(send(&app, "sales", &path, bad, c["version"].as_i64().unwrap()).await.0, 422);
    let (s, done) = send(&app, "sales", &path, body, c["version"].as_i64().unwrap()).await;
    assert_eq!((s, done["confirmed"].as_bool(), done["status"].as_str()), (200, Some(false), Some("done")), "{done}");
    let who = ["coordinator", "supervisor", "sales_manager", "qa"].map(|u| told(&app, u, "close_not_confirmed", id));
    assert_eq!(who, [1, 1, 1, 0]);
    assert_eq!(history(&app, id).await.pop().unwrap()["action"], "confirm_close");
    // Made: nothing to remind.
    scan_twice(&app, 48);
    assert_eq!(told(&app, "sales", "close_confirmation_late", id), 0);
    app.assert_invariants();
}

#[tokio::test]
async fn a_late_close_confirmation_is_reminded_once_and_other_closes_open_none() {
    let app = spawn_app().await;
    let id = closed(&app).await;
    scan_twice(&app, 11);
    assert_eq!(told(&app, "sales", "close_confirmation_late", id), 0);
    scan_twice(&app, 13);
    scan_twice(&app, 14);
    let who = ["sales", "supervisor", "sales_manager", "coordinator"].map(|u| told(&app, u, "close_confirmation_late", id));
    assert_eq!(who, [1, 1, 1, 0]);
    assert!(contact(&app, "sales", id, "close_confirmation").await["reminded_at"].is_string());
    let other = registered(&app).await;
    app.ok("coordinator", other, "withdraw", json!({"reason": "客户撤回投诉"})).await;
    assert!(contact(&app, "sales", other, "close_confirmation").await.is_null(), "a withdrawn case is not confirmed");
    assert_eq!(app.post("sales", &format!("/complaints/{other}/customer-contacts/close_confirmation/survey-link"), json!({})).await.0, 409);
}

#[tokio::test]
async fn every_role_against_the_contact_endpoints() {
    let app = spawn_app().await;
    let id = closed(&app).await;
    let hidden = ["sales2", "sales_manager2"];
    let writers = ["sales", "sales_manager", "sales3", "supervisor", "service"];
    let version = contact(&app, "sales", id, "close_confirmation").await["version"].as_i64().unwrap();
    for user in DEMO_USERS {
        let expect = |ok: u16| {
            if hidden.contains(&user) {
                404
            } else if writers.contains(&user) {
                ok
            } else {
                403
            }
        };
        let (s, _) = app.get(user, &format!("/complaints/{id}/customer-contacts")).await;
        assert_eq!(s.as_u16(), if hidden.contains(&user) { 404 } else { 200 }, "{user} reads");
        // A body without its summary: a writer gets as far as the field rules.
        let body = json!({"contacted_at": Utc::now().to_rfc3339(), "method": "phone", "summary": " ", "confirmed": true});
        let (s, v) = send(&app, user, &format!("/complaints/{id}/customer-contacts/close_confirmation"), body, version).await;
        assert_eq!(s, expect(422), "{user} records: {v}");
        let (s, v) = app.post(user, &format!("/complaints/{id}/customer-contacts/close_confirmation/survey-link"), json!({})).await;
        assert_eq!(s.as_u16(), expect(201), "{user} sends the survey: {v}");
    }
    assert_eq!(contact(&app, "sales", id, "close_confirmation").await["contacted_at"], Value::Null, "nothing recorded");
}
