//! Webhooks: registered by an admin, fed from the outbox, signed, retried,
//! logged, and sent once even by two senders at a time.

use kehu_tests::receiver::Receiver;
use kehu_tests::*;
use reqwest::Method;
use serde_json::{json, Value};

/// One delivery pass, allowed to reach the tests' receivers on this machine.
async fn pass(app: &TestApp) -> usize {
    pass_reaching(app, &["127.0.0.0/8"]).await
}

async fn pass_reaching(app: &TestApp, networks: &[&str]) -> usize {
    let pool = kehu_persistence::build_pool(&app.database_url, 2).expect("pool");
    let sender = kehu_api::delivery::Sender::new(networks.iter().map(|n| n.parse().expect("network")).collect()).expect("sender");
    kehu_api::delivery::pass(&pool, &sender).await.expect("delivery pass")
}

async fn hook(app: &TestApp, url: &str, types: Value) -> Value {
    let (s, v) = app.post("admin", "/webhooks", json!({"url": url, "event_types": types, "description": "ERP"})).await;
    assert_eq!(s, 201, "{v}");
    v
}

#[tokio::test]
async fn events_reach_the_hook_signed_once_each_and_logged() {
    let app = spawn_app().await;
    let rx = Receiver::start().await;
    let h = hook(&app, &rx.url, json!(["*"])).await;
    let secret = h["secret"].as_str().unwrap().to_owned();
    let narrow = Receiver::start().await;
    hook(&app, &narrow.url, json!(["complaint.submitted"])).await;
    pass(&app).await; // the seed's earlier events predate the hooks' first pass
    let (before, before_narrow) = (rx.all().len(), narrow.all().len());

    let id = app.draft().await;
    app.ok("sales", id, "submit", json!({})).await;
    app.ok("coordinator", id, "register", json!({"severity": "general", "kind": "quality"})).await;
    assert!(pass(&app).await >= 4);
    let got: Vec<_> = rx.all().into_iter().skip(before).collect();
    let types: Vec<String> = got.iter().map(|r| r.headers["kehu-event-type"].clone()).collect();
    assert_eq!(types, ["complaint.created", "complaint.submitted", "complaint.state_changed"], "{got:?}");
    for r in &got {
        let t: i64 = r.headers["kehu-signature"].split(',').next().unwrap().trim_start_matches("t=").parse().unwrap();
        assert_eq!(r.headers["kehu-signature"], kehu_api::delivery::signature(&secret, t, r.body.as_bytes()));
        let body: Value = serde_json::from_str(&r.body).unwrap();
        assert_eq!(body["id"].to_string(), r.headers["kehu-event-id"]);
        assert_eq!(body["data"]["complaint_id"], id);
    }
    let narrow_got: Vec<_> = narrow.all().into_iter().skip(before_narrow).collect();
    assert_eq!(narrow_got.len(), 1, "the narrow hook takes submissions only");
    // Nothing is sent twice.
    assert_eq!(pass(&app).await, 0);
    assert_eq!(rx.all().len(), before + 3);

    let (s, log) = app.get("admin", &format!("/webhooks/{}/deliveries?limit=2", h["id"])).await;
    assert_eq!(s, 200);
    assert_eq!(log["items"].as_array().unwrap().len(), 2);
    assert_eq!((log["items"][0]["status"].as_str(), log["items"][0]["attempts"].as_i64()), (Some("delivered"), Some(1)));
    assert!(log["next_cursor"].is_string());
    app.assert_invariants();
}

#[tokio::test]
async fn a_failing_hook_is_retried_later_and_a_switched_off_one_gets_nothing_new() {
    let app = spawn_app().await;
    let rx = Receiver::start().await;
    let h = hook(&app, &rx.url, json!(["*"])).await;
    pass(&app).await;
    rx.answer(500);
    let id = app.draft().await;
    pass(&app).await;
    let (_, log) = app.get("admin", &format!("/webhooks/{}/deliveries", h["id"])).await;
    let d = &log["items"][0];
    assert_eq!((d["status"].as_str(), d["attempts"].as_i64(), d["last_status_code"].as_i64()), (Some("pending"), Some(1), Some(500)), "{d}");
    let next = chrono::DateTime::parse_from_rfc3339(d["next_attempt_at"].as_str().unwrap()).unwrap();
    assert!(next > chrono::Utc::now() + chrono::Duration::seconds(5), "backs off: {next}");
    // Not due yet: nothing is tried.
    rx.answer(200);
    assert_eq!(pass(&app).await, 0);
    app.exec(&format!("UPDATE webhook_deliveries SET next_attempt_at = created_at WHERE id = {}", d["id"]));
    assert_eq!(pass(&app).await, 1);
    let got = rx.all();
    assert_eq!(got.last().unwrap().headers["kehu-event-type"], "complaint.created");
    let (_, log) = app.get("admin", &format!("/webhooks/{}/deliveries", h["id"])).await;
    assert_eq!((log["items"][0]["status"].as_str(), log["items"][0]["attempts"].as_i64()), (Some("delivered"), Some(2)));

    // Switched off: later events are not queued for it.
    let res = app.call("admin", Method::PATCH, &format!("/webhooks/{}", h["id"]), Some(json!({"active": false})), h["version"].as_i64()).await;
    assert_eq!(res.status(), 200);
    app.ok("sales", id, "submit", json!({})).await;
    pass(&app).await;
    assert_eq!(rx.all().len(), got.len());
    app.assert_invariants();
}

#[tokio::test]
async fn two_senders_at_once_send_each_event_once() {
    let app = spawn_app().await;
    let rx = Receiver::start().await;
    hook(&app, &rx.url, json!(["*"])).await;
    pass(&app).await;
    let before = rx.all().len();
    for _ in 0..10 {
        let id = app.draft().await;
        app.ok("sales", id, "submit", json!({})).await;
    }
    let (a, b) = tokio::join!(pass(&app), pass(&app));
    assert_eq!(a + b, 20, "{a} + {b}");
    let ids: Vec<String> = rx.all().into_iter().skip(before).map(|r| r.headers["kehu-event-id"].clone()).collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!((ids.len(), unique.len()), (20, 20));
    app.assert_invariants();
}

#[tokio::test]
async fn only_admins_register_hooks_and_addresses_are_checked() {
    let app = spawn_app().await;
    for user in ["sales", "coordinator", "gm"] {
        let (s, _) = app.post(user, "/webhooks", json!({"url": "https://example.com/h"})).await;
        assert_eq!(s, 403, "{user}");
    }
    for (body, field) in [
        (json!({"url": "ftp://example.com/h"}), "url"),
        (json!({"url": "https://example.com/h", "event_types": []}), "event_types"),
        (json!({"url": "https://example.com/h", "event_types": ["DROP TABLE"]}), "event_types"),
    ] {
        let (s, v) = app.post("admin", "/webhooks", body).await;
        assert_eq!(s, 422, "{v}");
        assert_eq!(v["errors"][0]["field"], field);
    }
    let (s, v) = app.post("admin", "/webhooks", json!({"url": "https://example.com/h", "extra": 1})).await;
    assert_eq!(s, 400, "{v}");
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM webhooks"), 0);
    let (s, list) = app.get("admin", "/webhooks").await;
    assert_eq!((s.as_u16(), list.as_array().map(Vec::len)), (200, Some(0)));
}

#[tokio::test]
async fn internal_addresses_are_refused_unless_the_configuration_allows_them() {
    let app = spawn_app_with(&[("KEHU_WEBHOOK_NETWORKS", "")]).await;
    for url in [
        "http://169.254.169.254/latest/meta-data/",
        "http://127.0.0.1:9/h",
        "http://localhost/h",
        "http://[::1]/h",
        "http://0.0.0.0/h",
        "http://2130706433/h",
        "http://0x7f000001/h",
        "http://10.0.0.5/erp",
    ] {
        let (s, v) = app.post("admin", "/webhooks", json!({"url": url})).await;
        assert_eq!((s.as_u16(), v["errors"][0]["code"].as_str()), (422, Some("forbidden_address")), "{url}: {v}");
    }
    let (s, v) = app.post("admin", "/webhooks", json!({"url": "http://erp:secret@93.184.216.34/h"})).await;
    assert_eq!((s.as_u16(), v["errors"][0]["field"].as_str()), (422, Some("url")), "{v}");
    let (s, v) = app.post("admin", "/webhooks", json!({"url": "http://metadata.google.internal/"})).await;
    assert_eq!(s, 422, "{v}");
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM webhooks"), 0);
    // The factory's network, once listed, is reachable.
    let erp = spawn_app_with(&[("KEHU_WEBHOOK_NETWORKS", "10.0.0.0/8")]).await;
    let (s, v) = erp.post("admin", "/webhooks", json!({"url": "http://10.0.0.5/erp"})).await;
    assert_eq!(s, 201, "{v}");
}

#[tokio::test]
async fn redirects_are_not_followed_and_the_address_is_checked_again_when_sending() {
    let app = spawn_app().await;
    let (rx, elsewhere) = (Receiver::start().await, Receiver::start().await);
    let h = hook(&app, &rx.url, json!(["*"])).await;
    pass(&app).await;
    rx.redirect(&elsewhere.url);
    app.draft().await;
    pass(&app).await;
    let (_, log) = app.get("admin", &format!("/webhooks/{}/deliveries", h["id"])).await;
    assert_eq!((log["items"][0]["status"].as_str(), log["items"][0]["last_status_code"].as_i64()), (Some("pending"), Some(302)), "{log}");
    assert!(elsewhere.all().is_empty(), "the redirect was followed");
    // The configuration no longer lists this machine: nothing reaches it.
    rx.answer(200);
    app.exec("UPDATE webhook_deliveries SET next_attempt_at = created_at");
    let before = rx.all().len();
    pass_reaching(&app, &[]).await;
    assert_eq!(rx.all().len(), before);
    let (_, log) = app.get("admin", &format!("/webhooks/{}/deliveries", h["id"])).await;
    assert_eq!(log["items"][0]["status"], "failed", "{log}");
}

#[tokio::test]
async fn a_switched_off_hook_sends_nothing_more_not_even_what_was_pending() {
    let app = spawn_app().await;
    let rx = Receiver::start().await;
    let h = hook(&app, &rx.url, json!(["*"])).await;
    pass(&app).await;
    let before = rx.all().len();
    rx.answer(500);
    app.draft().await;
    pass(&app).await;
    rx.answer(200);
    let res = app.call("admin", Method::PATCH, &format!("/webhooks/{}", h["id"]), Some(json!({"active": false})), h["version"].as_i64()).await;
    assert_eq!(res.status(), 200);
    app.exec("UPDATE webhook_deliveries SET next_attempt_at = created_at");
    assert_eq!(pass(&app).await, 0);
    assert_eq!(rx.all().len(), before);
    let (_, log) = app.get("admin", &format!("/webhooks/{}/deliveries", h["id"])).await;
    assert_eq!(log["items"][0]["status"], "pending", "{log}");
}
