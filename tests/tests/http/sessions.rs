//! Sessions: login limits, refresh tokens, password changes, and the audit
//! of every authentication decision.

use kehu_tests::*;
use reqwest::Method;
use serde_json::{json, Value};

/// Logs in as a client without cookies (mobile, integrations): the answer
/// carries the refresh token.
async fn login_in_body(app: &TestApp, client: &reqwest::Client, user: &str) -> Value {
    let body = json!({"username": user, "password": PASSWORD, "refresh_in_body": true});
    client.post(app.url("/auth/login")).json(&body).send().await.unwrap().json().await.unwrap()
}

#[tokio::test]
async fn refresh_rotates_and_a_reused_token_ends_the_session() {
    let app = spawn_app().await;
    let login = login_in_body(&app, &app.client, "qa").await;
    let first = login["refresh_token"].as_str().unwrap().to_owned();
    let res = app.client.post(app.url("/auth/refresh")).json(&json!({"refresh_token": first})).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let second = res.json::<Value>().await.unwrap()["refresh_token"].as_str().unwrap().to_owned();
    assert_ne!(first, second);
    // Reusing the first token is theft or a bug: the whole family ends.
    let res = app.client.post(app.url("/auth/refresh")).json(&json!({"refresh_token": first})).send().await.unwrap();
    assert_eq!(res.status(), 401);
    let res = app.client.post(app.url("/auth/refresh")).json(&json!({"refresh_token": second})).send().await.unwrap();
    assert_eq!(res.status(), 401);
    // The browser path: the cookie alone refreshes, and logout clears it.
    let cookies = reqwest::Client::builder().cookie_store(true).build().unwrap();
    cookies.post(app.url("/auth/login")).json(&json!({"username": "qa", "password": PASSWORD})).send().await.unwrap();
    assert_eq!(cookies.post(app.url("/auth/refresh")).json(&json!({})).send().await.unwrap().status(), 200);
    assert_eq!(cookies.post(app.url("/auth/logout")).json(&json!({})).send().await.unwrap().status(), 204);
    assert_eq!(cookies.post(app.url("/auth/refresh")).json(&json!({})).send().await.unwrap().status(), 401);
    app.assert_invariants();
}

#[tokio::test]
async fn failed_logins_are_rate_limited_per_account() {
    let app = spawn_app().await;
    for _ in 0..5 {
        let res = app.client.post(app.url("/auth/login")).json(&json!({"username": "gm", "password": "wrong-password"})).send().await.unwrap();
        assert_eq!(res.status(), 401);
    }
    let res = app.client.post(app.url("/auth/login")).json(&json!({"username": "gm", "password": PASSWORD})).send().await.unwrap();
    assert_eq!(res.status(), 429);
    assert!(res.headers().get("retry-after").is_some());
    // Other accounts are not affected.
    let res = app.client.post(app.url("/auth/login")).json(&json!({"username": "qa", "password": PASSWORD})).send().await.unwrap();
    assert_eq!(res.status(), 200);
    app.assert_invariants();
}

#[tokio::test]
async fn a_password_reset_or_a_role_change_ends_the_persons_sessions() {
    let app = spawn_app().await;
    let login = |user: &'static str| {
        let app = &app;
        async move {
            let res =
                app.client.post(app.url("/auth/login")).json(&json!({"username": user, "password": PASSWORD, "refresh_in_body": true})).send().await.unwrap();
            res.json::<Value>().await.unwrap()["refresh_token"].as_str().unwrap().to_owned()
        }
    };
    let refresh = |token: String| {
        let app = &app;
        async move { app.client.post(app.url("/auth/refresh")).json(&json!({"refresh_token": token})).send().await.unwrap().status() }
    };
    let user = |name: &'static str| {
        let app = &app;
        async move { app.get("admin", &format!("/users?q={name}")).await.1["items"].as_array().unwrap().iter().find(|u| u["username"] == name).cloned().unwrap() }
    };
    let sales = user("sales").await;
    let token = login("sales").await;
    let body = json!({"password": "a much longer secret phrase 42 Quarry"});
    let res = app.call("admin", Method::PATCH, &format!("/users/{}", sales["id"]), Some(body), sales["version"].as_i64()).await;
    assert_eq!(res.status(), 200);
    assert_eq!(refresh(token).await, 401, "the session opened before the reset is over");
    let qa = user("qa").await;
    let token = login("qa").await;
    let res = app.call("admin", Method::PATCH, &format!("/users/{}", qa["id"]), Some(json!({"roles": ["qa", "qa_manager"]})), qa["version"].as_i64()).await;
    assert_eq!(res.status(), 200);
    assert_eq!(refresh(token).await, 401, "a role change ends the sessions that carry the old roles");
    // An administrator does not change his own roles.
    let admin = user("admin").await;
    let res = app.call("admin", Method::PATCH, &format!("/users/{}", admin["id"]), Some(json!({"roles": ["admin", "gm"]})), admin["version"].as_i64()).await;
    assert_eq!(res.status(), 422);
    app.assert_invariants();
}

/// The audit rows of `action`: user id and details, oldest first.
fn audit(app: &TestApp, action: &str) -> Vec<(Option<i64>, Value)> {
    use diesel::prelude::*;
    use diesel::sql_types::{BigInt, Nullable, Text};
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = Nullable<BigInt>)]
        user_id: Option<i64>,
        #[diesel(sql_type = Text)]
        details: String,
    }
    let sql = format!("SELECT user_id, details FROM audit_log WHERE action = '{action}' ORDER BY id");
    let rows: Vec<Row> = diesel::sql_query(sql).load(&mut app.conn()).unwrap();
    rows.into_iter().map(|r| (r.user_id, serde_json::from_str(&r.details).unwrap())).collect()
}

async fn login(app: &TestApp, body: Value) -> reqwest::Response {
    app.client.post(app.url("/auth/login")).json(&body).send().await.unwrap()
}

#[tokio::test]
async fn browsers_get_the_refresh_token_only_as_a_cookie() {
    let app = spawn_app().await;
    let res = login(&app, json!({"username": "qa", "password": PASSWORD})).await;
    assert!(res.headers().get_all("set-cookie").iter().any(|c| c.to_str().unwrap().starts_with("kehu_refresh=")));
    let body: Value = res.json().await.unwrap();
    assert!(body["access_token"].is_string() && body.get("refresh_token").is_none(), "{body}");
    // The cookie refreshes, and the answer still keeps the token out of the body.
    let res = app.client.post(app.url("/auth/refresh")).json(&json!({})).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.json::<Value>().await.unwrap().get("refresh_token").is_none());
    // A client without cookies asks, and gets the next one in each answer.
    let fresh = reqwest::Client::new();
    let body = login_in_body(&app, &fresh, "qa").await;
    let token = body["refresh_token"].as_str().unwrap();
    let res = fresh.post(app.url("/auth/refresh")).json(&json!({"refresh_token": token})).send().await.unwrap();
    assert!(res.json::<Value>().await.unwrap()["refresh_token"].is_string());
}

#[tokio::test]
async fn parallel_wrong_passwords_are_counted_exactly_to_the_limit() {
    let app = spawn_app().await;
    let attempts = (0..40).map(|_| login(&app, json!({"username": "gm", "password": "wrong-password"})));
    let statuses: Vec<u16> = futures_util::future::join_all(attempts).await.iter().map(|r| r.status().as_u16()).collect();
    assert_eq!(statuses.iter().filter(|s| **s == 401).count(), 5, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 429).count(), 35, "{statuses:?}");
    assert_eq!(audit(&app, "auth.login_failed").len(), 5);
    let refused = audit(&app, "auth.login_refused");
    assert_eq!(refused.len(), 35);
    assert_eq!((refused[0].1["username"].as_str(), refused[0].1["address"].as_str()), (Some("gm"), Some("127.0.0.1")));
    assert!(refused[0].0.is_some(), "the account is named by its id");
}

#[tokio::test]
async fn parallel_right_passwords_all_get_in() {
    let app = spawn_app().await;
    let attempts = (0..20).map(|_| login(&app, json!({"username": "qa", "password": PASSWORD})));
    let statuses: Vec<u16> = futures_util::future::join_all(attempts).await.iter().map(|r| r.status().as_u16()).collect();
    assert!(statuses.iter().all(|s| *s == 200), "attempts in flight are not failures: {statuses:?}");
}

#[tokio::test]
async fn an_address_with_many_failures_is_slowed_not_refused() {
    let app = spawn_app_with(&[("KEHU_LOGIN_SLOWDOWN_AFTER", "3")]).await;
    for n in 0..4 {
        let res = login(&app, json!({"username": format!("nobody{n}"), "password": "guess"})).await;
        assert_eq!(res.status(), 401);
    }
    let started = std::time::Instant::now();
    let res = login(&app, json!({"username": "qa", "password": PASSWORD})).await;
    assert_eq!(res.status(), 200, "the right password gets in from a busy address");
    assert!(started.elapsed() >= std::time::Duration::from_secs(1), "but after a pause");
    // Another account's limit is its own: five wrong guesses still lock only it.
    for _ in 0..5 {
        login(&app, json!({"username": "gm", "password": "wrong"})).await;
    }
    assert_eq!(login(&app, json!({"username": "gm", "password": PASSWORD})).await.status(), 429);
}

#[tokio::test]
async fn the_forwarded_address_counts_only_from_a_trusted_proxy() {
    let proxied = spawn_app_with(&[("KEHU_TRUSTED_PROXIES", "127.0.0.1")]).await;
    let direct = spawn_app().await;
    for app in [&proxied, &direct] {
        let res = app
            .client
            .post(app.url("/auth/login"))
            .header("X-Forwarded-For", "6.6.6.6, 198.51.100.7")
            .json(&json!({"username": "qa", "password": "wrong"}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 401);
    }
    assert_eq!(audit(&proxied, "auth.login_failed")[0].1["address"], "198.51.100.7");
    assert_eq!(audit(&direct, "auth.login_failed")[0].1["address"], "127.0.0.1", "a client does not choose its address");
}

#[tokio::test]
async fn people_change_their_own_password_and_every_other_session_ends() {
    let app = spawn_app().await;
    let other = login_in_body(&app, &reqwest::Client::new(), "qa").await;
    let change = |current: &str, new: &str| app.post("qa", "/me/password", json!({"current_password": current, "new_password": new}));
    for (current, new, field, code) in [
        ("not-my-password", "Lantern-Quarry-47-Tide", "current_password", "wrong_password"),
        (PASSWORD, "password1234", "new_password", "weak_password"),
        (PASSWORD, "qa-qa-qa-qa-qa", "new_password", "weak_password"),
        (PASSWORD, "Tide-47", "new_password", "length"),
        (PASSWORD, PASSWORD, "new_password", "reused"),
    ] {
        let (s, v) = change(current, new).await;
        assert_eq!((s.as_u16(), v["errors"][0]["field"].as_str(), v["errors"][0]["code"].as_str()), (422, Some(field), Some(code)), "{new}: {v}");
    }
    let (s, v) = change(PASSWORD, "Lantern-Quarry-47-Tide").await;
    assert_eq!(s, 200, "{v}");
    assert!(v["access_token"].is_string() && v.get("refresh_token").is_none());
    let res = app.client.post(app.url("/auth/refresh")).json(&json!({"refresh_token": other["refresh_token"]})).send().await.unwrap();
    assert_eq!(res.status(), 401, "the other device's session ended");
    assert_eq!(login(&app, json!({"username": "qa", "password": PASSWORD})).await.status(), 401);
    assert_eq!(login(&app, json!({"username": "qa", "password": "Lantern-Quarry-47-Tide"})).await.status(), 200);
    assert_eq!(audit(&app, "auth.password_changed").len(), 1);
    assert_eq!(audit(&app, "auth.password_change_failed").len(), 1);
    // An administrator's new user gets no guessable password either.
    let it = app.department_id("it").await;
    let body = json!({"username": "erp2", "display_name": "ERP", "password": "erp2erp2erp2", "department_id": it, "roles": ["integration"]});
    let (s, v) = app.post("admin", "/users", body).await;
    assert_eq!((s.as_u16(), v["errors"][0]["code"].as_str()), (422, Some("weak_password")), "{v}");
}

#[tokio::test]
async fn refusals_logins_and_stolen_refresh_tokens_are_audited() {
    let app = spawn_app().await;
    let (s, _) = app.get("sales", "/webhooks").await;
    assert_eq!(s, 403);
    let denied = audit(&app, "auth.denied");
    assert_eq!(denied.len(), 1);
    let (_, sales) = app.get("sales", "/me").await;
    assert_eq!(denied[0].0, sales["id"].as_i64());
    // The company's name, which heads the printed forms.
    assert!(sales["org_name"].as_str().is_some_and(|n| !n.trim().is_empty()), "{sales}");
    assert_eq!((denied[0].1["method"].as_str(), denied[0].1["path"].as_str()), (Some("GET"), Some("/api/v1/webhooks")));
    assert!(audit(&app, "auth.login").iter().any(|(u, _)| *u == sales["id"].as_i64()));
    let body = login_in_body(&app, &app.client, "qa").await;
    let token = body["refresh_token"].clone();
    for _ in 0..2 {
        app.client.post(app.url("/auth/refresh")).json(&json!({"refresh_token": token})).send().await.unwrap();
    }
    assert_eq!(audit(&app, "auth.refresh_reused").len(), 1);
    assert_eq!(audit(&app, "auth.refresh").len(), 1, "the first exchange");
    let res = app.client.post(app.url("/auth/refresh")).json(&json!({"refresh_token": "made-up"})).send().await.unwrap();
    assert_eq!(res.status(), 401);
    assert_eq!(audit(&app, "auth.refresh_refused")[0].1["reason"], "unknown_token");
    let res = app.client.get(app.url("/me")).bearer_auth("kehu_abcdefghijkl_not-a-real-key").send().await.unwrap();
    assert_eq!(res.status(), 401);
    assert_eq!(audit(&app, "auth.api_key_refused").len(), 1);
    let login = login_in_body(&app, &reqwest::Client::new(), "qa").await;
    let res = app.client.post(app.url("/auth/logout")).json(&json!({"refresh_token": login["refresh_token"]})).send().await.unwrap();
    assert_eq!(res.status(), 204);
    assert_eq!(audit(&app, "auth.logout").len(), 1);
}
