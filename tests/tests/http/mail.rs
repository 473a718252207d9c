//! Notices by e-mail, against a real SMTP server (aiosmtpd) on 127.0.0.1:
//! each reaches whoever asked for its kind, worded in their language, once
//! even with two senders; a relay that refuses and then recovers gets each
//! e-mail once; preferences are the caller's own and versioned.

use chrono::{Duration, Timelike, Utc};
use kehu_api::mail::{Mailer, SmtpSettings, SmtpTls};
use kehu_tests::smtp::SmtpSink;
use kehu_tests::*;
use reqwest::Method;
use serde_json::{json, Value};

const SITE: &str = "https://kehu.factory.example";

fn mailer(sink: &SmtpSink) -> Mailer {
    let s =
        SmtpSettings { host: "127.0.0.1".into(), port: sink.port, tls: SmtpTls::None, credentials: None, from: "客诉系统 <kehu@factory.example>".into() };
    Mailer::new(&s, Some(SITE.into())).unwrap()
}

/// Two senders at `hours` from now at once.
fn send_twice(app: &TestApp, sink: &SmtpSink, hours: i64) {
    let now = Utc::now().naive_utc() + Duration::hours(hours);
    let senders = [app.conn(), app.conn()].map(|mut c| {
        let m = mailer(sink);
        std::thread::spawn(move || kehu_api::mail::pass(&mut c, &m, now).unwrap())
    });
    for s in senders {
        s.join().unwrap();
    }
}

async fn prefer(app: &TestApp, user: &str, language: &str, kinds: &[&str]) -> Value {
    let (_, now) = app.get(user, "/me/notice-preferences").await;
    let res = app.call(user, Method::PUT, "/me/notice-preferences", Some(json!({"language": language, "email_kinds": kinds})), now["version"].as_i64()).await;
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

async fn registered(app: &TestApp) -> i64 {
    let id = app.draft().await;
    app.ok("sales", id, "submit", json!({})).await;
    app.ok("coordinator", id, "register", json!({"severity": "general", "kind": "quality", "is_major": false})).await;
    id
}

/// The e-mails about case `id`: they link the case, or a section of it.
fn about(sink: &SmtpSink, id: i64) -> Vec<Value> {
    let link = format!("{SITE}/complaints/{id}");
    let section = format!("{link}#");
    sink.messages().into_iter().filter(|m| m["body"].as_str().is_some_and(|b| b.lines().any(|l| l == link || l.starts_with(&section)))).collect()
}

#[tokio::test]
async fn an_email_reaches_whoever_asked_for_its_kind_in_their_language_once() {
    let app = spawn_app().await;
    let sink = SmtpSink::start(0);
    app.exec("UPDATE users SET email = username || '@factory.example' WHERE username IN ('sales', 'supervisor', 'sales_manager')");
    let mine = prefer(&app, "sales", "zh-CN", &["first_reply_late", "task"]).await;
    assert_eq!((mine["email_address"].as_str(), mine["email_available"].as_bool()), (Some("sales@factory.example"), Some(false)), "{mine}");
    prefer(&app, "supervisor", "en", &["first_reply_late"]).await;
    prefer(&app, "sales_manager", "zh-TW", &["major_alert"]).await;
    let id = registered(&app).await;
    kehu_api::app::contacts::chase::scan(&mut app.conn(), Utc::now().naive_utc() + Duration::hours(25)).unwrap();
    send_twice(&app, &sink, 25);
    send_twice(&app, &sink, 26);
    let mut mails = about(&sink, id);
    mails.sort_by_key(|m| m["to"][0].as_str().unwrap_or_default().to_owned());
    let to: Vec<&str> = mails.iter().map(|m| m["to"][0].as_str().unwrap()).collect();
    assert_eq!(to, ["sales@factory.example", "supervisor@factory.example"], "{mails:?}");
    let number = app.complaint("sales", id).await["number"].as_str().unwrap().to_owned();
    assert!(mails[0]["subject"].as_str().unwrap().contains("首次回复"), "{}", mails[0]["subject"]);
    assert!(
        mails[1]["subject"].as_str().unwrap().contains("first reply") || mails[1]["subject"].as_str().unwrap().contains("First reply"),
        "{}",
        mails[1]["subject"]
    );
    assert!(mails.iter().all(|m| m["body"].as_str().unwrap().contains(&number) && m["from"] == "kehu@factory.example"));
    assert!(mails[0]["message_id"].as_str().unwrap().starts_with("<kehu-notice-"));
    let contacts = format!("{SITE}/complaints/{id}#section-contacts");
    assert!(mails.iter().all(|m| m["body"].as_str().unwrap().lines().any(|l| l == contacts)), "the link opens the case at its contacts");
    let (_, log) = app.get("sales", "/me/notice-deliveries").await;
    let sent: Vec<&Value> = log["items"].as_array().unwrap().iter().filter(|d| d["kind"] == "first_reply_late").collect();
    assert!(!sent.is_empty() && sent.iter().all(|d| d["status"] == "delivered" && d["channel"] == "email"), "{log}");
    let (_, theirs) = app.get("qa", "/me/notice-deliveries").await;
    assert_eq!(theirs["items"].as_array().unwrap().len(), 0, "a log of one's own only");
}

#[tokio::test]
async fn a_relay_that_refuses_then_recovers_gets_each_email_once() {
    let app = spawn_app().await;
    let sink = SmtpSink::start(1);
    app.exec("UPDATE users SET email = 'coordinator@factory.example' WHERE username = 'coordinator'");
    prefer(&app, "coordinator", "zh-CN", &["task"]).await;
    let id = app.draft().await;
    app.ok("sales", id, "submit", json!({})).await;
    send_twice(&app, &sink, 0);
    assert!(sink.messages().is_empty(), "refused once");
    let (_, log) = app.get("coordinator", "/me/notice-deliveries").await;
    let first = &log["items"][0];
    assert_eq!((first["status"].as_str(), first["attempts"].as_i64()), (Some("pending"), Some(1)), "{log}");
    assert!(first["last_error"].as_str().unwrap().contains("451"), "{first}");
    send_twice(&app, &sink, 0);
    assert!(sink.messages().is_empty(), "not before its retry time");
    send_twice(&app, &sink, 1);
    send_twice(&app, &sink, 2);
    let mails = sink.messages();
    assert_eq!(mails.len(), 1, "{mails:?}");
    assert!(mails[0]["subject"].as_str().unwrap().contains("待"), "{}", mails[0]["subject"]);
    let (_, log) = app.get("coordinator", "/me/notice-deliveries").await;
    assert_eq!((log["items"][0]["status"].as_str(), log["items"][0]["attempts"].as_i64()), (Some("delivered"), Some(2)));
}

#[tokio::test]
async fn preferences_are_versioned_checked_and_ones_own() {
    let app = spawn_app().await;
    let (s, fresh) = app.get("qa", "/me/notice-preferences").await;
    assert_eq!((s.as_u16(), fresh["version"].as_i64(), fresh["language"].as_str()), (200, Some(0), Some("zh-CN")));
    let qa = &app;
    let put =
        |body: Value, version: Option<i64>| async move { qa.call("qa", Method::PUT, "/me/notice-preferences", Some(body), version).await.status().as_u16() };
    assert_eq!(put(json!({"language": "en", "email_kinds": ["task"]}), None).await, 428);
    assert_eq!(put(json!({"language": "fr", "email_kinds": []}), Some(0)).await, 422);
    assert_eq!(put(json!({"language": "en", "email_kinds": ["nonsense"]}), Some(0)).await, 422);
    assert_eq!(put(json!({"language": "en", "email_kinds": ["task", "task", "major_alert"]}), Some(0)).await, 200);
    assert_eq!(put(json!({"language": "en", "email_kinds": []}), Some(0)).await, 412, "saved since");
    let (_, saved) = app.get("qa", "/me/notice-preferences").await;
    assert_eq!((saved["version"].as_i64(), saved["email_kinds"].clone()), (Some(1), json!(["task", "major_alert"])));
    let (_, other) = app.get("production", "/me/notice-preferences").await;
    assert_eq!(other["version"], 0, "another person's are untouched");
}

#[tokio::test]
async fn a_daily_digest_gathers_the_chosen_kinds_into_one_email_at_the_chosen_hour_once() {
    let app = spawn_app().await;
    let sink = SmtpSink::start(0);
    app.exec("UPDATE users SET email = 'coordinator@factory.example' WHERE username = 'coordinator'");
    let before = app.draft().await;
    app.ok("sales", before, "submit", json!({})).await;
    // Two hours on from now on the organisation's clock: due between 3 and 4 hours from now.
    let hour = (Utc::now().with_timezone(&chrono_tz::Asia::Shanghai) + Duration::hours(2)).hour();
    let (_, fresh) = app.get("coordinator", "/me/notice-preferences").await;
    assert_eq!(fresh["digest_hour"], 8);
    let both = json!({"language": "en", "email_kinds": ["task"], "digest_kinds": ["major_alert", "task"], "digest_hour": hour});
    let res = app.call("coordinator", Method::PUT, "/me/notice-preferences", Some(both), Some(0)).await;
    assert_eq!(res.status(), 422);
    let problem: Value = res.json().await.unwrap();
    assert_eq!(problem["errors"][0]["field"], "digest_kinds[1]", "{problem}");
    let late = json!({"language": "en", "email_kinds": [], "digest_kinds": ["task"], "digest_hour": 24});
    assert_eq!(app.call("coordinator", Method::PUT, "/me/notice-preferences", Some(late), Some(0)).await.status(), 422);
    let mine = json!({"language": "en", "email_kinds": ["major_alert"], "digest_kinds": ["task"], "digest_hour": hour});
    let res = app.call("coordinator", Method::PUT, "/me/notice-preferences", Some(mine), Some(0)).await;
    assert_eq!(res.status(), 200);
    let saved: Value = res.json().await.unwrap();
    assert_eq!((saved["digest_kinds"].clone(), saved["digest_hour"].as_u64()), (json!(["task"]), Some(u64::from(hour))));

    let (first, second) = (app.draft().await, app.draft().await);
    for id in [first, second] {
        app.ok("sales", id, "submit", json!({})).await;
    }
    let tasks = |after: i64| {
        app.count(&format!(
            "SELECT count(*) AS n FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = 'coordinator' AND n.kind = 'task' AND n.complaint_id >= {after}"
        ))
    };
    let gathered = tasks(first);
    assert!(gathered >= 2, "{gathered}");
    send_twice(&app, &sink, 1);
    assert!(sink.messages().is_empty(), "not before the hour");
    send_twice(&app, &sink, 3);
    send_twice(&app, &sink, 4);
    let mails = sink.messages();
    assert_eq!(mails.len(), 1, "{mails:?}");
    let (subject, body) = (mails[0]["subject"].as_str().unwrap(), mails[0]["body"].as_str().unwrap());
    assert!(subject.starts_with("Kehu daily digest") && subject.contains(&format!("{gathered} notices")), "{subject}");
    assert!(mails[0]["message_id"].as_str().unwrap().starts_with("<kehu-digest-"));
    for id in [first, second] {
        assert!(body.lines().any(|l| l == format!("{SITE}/complaints/{id}")), "case {id} in {body}");
    }
    assert!(!body.lines().any(|l| l == format!("{SITE}/complaints/{before}")), "a notice from before the digest began is not in it");
    let (_, log) = app.get("coordinator", "/me/notice-digests").await;
    let digest = &log["items"][0];
    assert_eq!(
        (digest["status"].as_str(), digest["item_count"].as_i64(), log["items"].as_array().unwrap().len()),
        (Some("delivered"), Some(gathered), 1),
        "{log}"
    );
    let (_, theirs) = app.get("qa", "/me/notice-digests").await;
    assert_eq!(theirs["items"].as_array().unwrap().len(), 0, "a log of one's own only");
    let (_, deliveries) = app.get("coordinator", "/me/notice-deliveries").await;
    assert!(deliveries["items"].as_array().unwrap().iter().all(|d| d["kind"] != "task"), "a digest kind is not also sent as it happens");

    let next = app.draft().await;
    app.ok("sales", next, "submit", json!({})).await;
    send_twice(&app, &sink, 27);
    send_twice(&app, &sink, 28);
    let mails = sink.messages();
    assert_eq!(mails.len(), 2, "{mails:?}");
    let body = mails[1]["body"].as_str().unwrap();
    assert!(body.lines().any(|l| l == format!("{SITE}/complaints/{next}")), "{body}");
    assert!(!body.lines().any(|l| l == format!("{SITE}/complaints/{first}")), "the next day holds only what came since");
    assert!(mails[1]["subject"].as_str().unwrap().contains(&format!("{} notices", tasks(next))), "{}", mails[1]["subject"]);
}
