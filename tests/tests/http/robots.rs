//! Group robots against a local receiver: WeCom, DingTalk and Feishu each get
//! their documented message, DingTalk's and Feishu's signed, worded in the
//! robot's language, once even with two senders; a platform that fails and
//! then recovers gets each post once; only the administrator manages robots.

use chrono::{Duration, Utc};
use kehu_api::robots::{dingtalk_sign, feishu_sign};
use kehu_tests::receiver::Receiver;
use kehu_tests::*;
use reqwest::Method;
use serde_json::{json, Value};

const OK: &str = r#"{"errcode":0,"errmsg":"ok","code":0,"msg":"success"}"#;

/// Two senders at `hours` from now at once.
async fn post_twice(app: &TestApp, hours: i64) {
    let pool = kehu_persistence::build_pool(&app.database_url, 4).unwrap();
    let now = Utc::now().naive_utc() + Duration::hours(hours);
    let senders = [0, 1].map(|_| kehu_api::delivery::Sender::new(vec!["127.0.0.0/8".parse().unwrap()]).unwrap());
    let [a, b] = senders;
    let (x, y) = futures_util::future::join(
        kehu_api::robots::pass(&pool, &a, Some("https://kehu.factory.example"), now),
        kehu_api::robots::pass(&pool, &b, Some("https://kehu.factory.example"), now),
    )
    .await;
    x.unwrap();
    y.unwrap();
}

async fn robot(app: &TestApp, body: Value) -> Value {
    let (s, v) = app.post("admin", "/notice-robots", body).await;
    assert_eq!(s, 201, "{v}");
    v
}

async fn posts(app: &TestApp, id: i64) -> Vec<Value> {
    let (s, v) = app.get("admin", &format!("/notice-robots/{id}/posts")).await;
    assert_eq!(s, 200, "{v}");
    v["items"].as_array().unwrap().clone()
}

fn query(target: &str, name: &str) -> Option<String> {
    let url = reqwest::Url::parse(&format!("http://x{target}")).ok()?;
    url.query_pairs().find(|(k, _)| k == name).map(|(_, v)| v.into_owned())
}

#[tokio::test]
async fn each_platform_gets_its_documented_message_signed_in_its_language_once() {
    let app = spawn_app().await;
    let chat = Receiver::start().await;
    chat.reply_with(OK);
    let wecom =
        robot(&app, json!({"name": "品保部群", "platform": "wecom", "url": format!("{}?key=wk", chat.url), "language": "zh-CN", "kinds": ["task"]})).await;
    assert!(!wecom["url_hint"].as_str().unwrap().contains("key=wk"), "the token is not shown: {wecom}");
    let ding = json!({"name": "Sales group", "platform": "dingtalk", "url": format!("{}?access_token=dt", chat.url), "secret": "SECd", "language": "en", "kinds": ["task"]});
    let ding = robot(&app, ding).await;
    assert_eq!(ding["has_secret"], true);
    let feishu = json!({"name": "總經辦群", "platform": "feishu", "url": format!("{}/feishu", chat.url), "secret": "SECf", "language": "zh-TW", "kinds": ["task", "major_alert"]});
    robot(&app, feishu).await;
    robot(&app, json!({"name": "只收预警", "platform": "wecom", "url": format!("{}?key=other", chat.url), "language": "zh-CN", "kinds": ["major_alert"]}))
        .await;

    let id = app.draft().await;
    app.ok("sales", id, "submit", json!({})).await;
    post_twice(&app, 0).await;
    post_twice(&app, 1).await;
    let got = chat.all();
    assert_eq!(got.len(), 3, "one post per robot that takes the kind: {got:?}");
    let link = format!("https://kehu.factory.example/complaints/{id}");

    let w = got.iter().find(|r| r.target.contains("key=wk")).expect("wecom");
    let w: Value = serde_json::from_str(&w.body).unwrap();
    assert_eq!(w["msgtype"], "markdown");
    let content = w["markdown"]["content"].as_str().unwrap();
    assert!(content.starts_with("**待办") && content.contains(&link), "{content}");

    let d = got.iter().find(|r| r.target.contains("access_token=dt")).expect("dingtalk");
    let ts: i64 = query(&d.target, "timestamp").unwrap().parse().unwrap();
    assert_eq!(query(&d.target, "sign").unwrap(), dingtalk_sign("SECd", ts));
    assert!((Utc::now().timestamp_millis() - ts).abs() < 60_000, "milliseconds, now");
    let body: Value = serde_json::from_str(&d.body).unwrap();
    assert_eq!((body["msgtype"].as_str(), body["markdown"]["title"].as_str().map(|t| t.starts_with("To do"))), (Some("markdown"), Some(true)), "{body}");

    let f = got.iter().find(|r| r.target.ends_with("/feishu")).expect("feishu");
    let body: Value = serde_json::from_str(&f.body).unwrap();
    let ts: i64 = body["timestamp"].as_str().unwrap().parse().unwrap();
    assert_eq!(body["sign"].as_str().unwrap(), feishu_sign("SECf", ts));
    assert_eq!(body["msg_type"], "text");
    assert!(body["content"]["text"].as_str().unwrap().starts_with("待辦"), "{body}");

    let log = posts(&app, ding["id"].as_i64().unwrap()).await;
    assert_eq!((log.len(), log[0]["status"].as_str(), log[0]["complaint_id"].as_i64()), (1, Some("delivered"), Some(id)));
}

#[tokio::test]
async fn a_platform_that_fails_then_recovers_gets_each_post_once() {
    let app = spawn_app().await;
    let chat = Receiver::start().await;
    chat.answer(500);
    let r =
        robot(&app, json!({"name": "协调群", "platform": "dingtalk", "url": format!("{}?access_token=t", chat.url), "language": "zh-CN", "kinds": ["task"]}))
            .await;
    let rid = r["id"].as_i64().unwrap();
    let id = app.draft().await;
    app.ok("sales", id, "submit", json!({})).await;
    post_twice(&app, 0).await;
    let log = posts(&app, rid).await;
    assert_eq!((log[0]["status"].as_str(), log[0]["attempts"].as_i64(), log[0]["last_status_code"].as_i64()), (Some("pending"), Some(1), Some(500)), "{log:?}");
    // The platform answers, but refuses the message (DingTalk's keyword check): tried again.
    chat.answer(200);
    chat.reply_with(r#"{"errcode":310000,"errmsg":"keywords not in content"}"#);
    post_twice(&app, 1).await;
    let log = posts(&app, rid).await;
    assert_eq!((log[0]["status"].as_str(), log[0]["attempts"].as_i64()), (Some("pending"), Some(2)), "{log:?}");
    assert!(log[0]["last_error"].as_str().unwrap().contains("310000"));
    chat.reply_with(OK);
    post_twice(&app, 2).await;
    post_twice(&app, 3).await;
    let log = posts(&app, rid).await;
    assert_eq!((log.len(), log[0]["status"].as_str(), log[0]["attempts"].as_i64()), (1, Some("delivered"), Some(3)));
    // The receiver kept the two 200 answers: the refused one and the accepted one.
    assert_eq!(chat.all().len(), 2);
}

#[tokio::test]
async fn only_the_administrator_manages_robots_and_bad_settings_change_nothing() {
    let app = spawn_app().await;
    let chat = Receiver::start().await;
    let body = json!({"name": "品保部群", "platform": "feishu", "url": format!("{}/f", chat.url), "secret": "s1", "language": "zh-CN", "kinds": ["task"]});
    for user in DEMO_USERS.iter().filter(|u| **u != "admin") {
        assert_eq!(app.post(user, "/notice-robots", body.clone()).await.0, 403, "{user}");
        assert_eq!(app.get(user, "/notice-robots").await.0, 403, "{user}");
    }
    for bad in [
        json!({"name": " ", "platform": "feishu", "url": format!("{}/f", chat.url), "language": "zh-CN", "kinds": []}),
        json!({"name": "x", "platform": "slack", "url": format!("{}/f", chat.url), "language": "zh-CN", "kinds": []}),
        json!({"name": "x", "platform": "feishu", "language": "zh-CN", "kinds": []}),
        json!({"name": "x", "platform": "feishu", "url": "ftp://example.com/x", "language": "zh-CN", "kinds": []}),
        json!({"name": "x", "platform": "feishu", "url": format!("{}/f", chat.url), "language": "zh-CN", "kinds": ["nonsense"]}),
    ] {
        let (s, v) = app.post("admin", "/notice-robots", bad).await;
        assert_eq!(s, 422, "{v}");
    }
    assert_eq!(app.get("admin", "/notice-robots").await.1["items"].as_array().unwrap().len(), 0, "nothing stored");
    let r = robot(&app, body).await;
    let path = format!("/notice-robots/{}", r["id"]);
    // A change without url or secret keeps both; an empty secret removes it.
    let change = json!({"name": "品保部群（新）", "platform": "feishu", "language": "en", "kinds": ["major_alert"], "active": false});
    let res = app.call("admin", Method::PUT, &path, Some(change.clone()), r["version"].as_i64()).await;
    assert_eq!(res.status(), 200);
    let changed: Value = res.json().await.unwrap();
    assert_eq!((changed["has_secret"].as_bool(), changed["url_hint"].clone(), changed["active"].as_bool()), (Some(true), r["url_hint"].clone(), Some(false)));
    assert_eq!(app.call("admin", Method::PUT, &path, Some(change.clone()), r["version"].as_i64()).await.status(), 412);
    let mut clear = change;
    clear["secret"] = json!("");
    let res = app.call("admin", Method::PUT, &path, Some(clear), changed["version"].as_i64()).await;
    assert_eq!(res.json::<Value>().await.unwrap()["has_secret"], false);
    let theirs = json!({"name": "x", "platform": "wecom", "language": "zh-CN", "kinds": []});
    assert_eq!(app.call("sales", Method::PUT, &path, Some(theirs), Some(3)).await.status(), 403);
}
