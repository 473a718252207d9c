//! Test harness: a running Kehu service on a random port with a fresh
//! database (SQLite by default, PostgreSQL when KEHU_TEST_DATABASE_URL is set),
//! seeded with the demo factory, and a client per demo user.

pub mod receiver;
pub mod sheets;
pub mod smtp;

use diesel::connection::SimpleConnection;
use diesel::Connection;
use kehu_api::config::Settings;
use reqwest::{Client, Method, Response, StatusCode};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::path::PathBuf;

pub struct TestApp {
    pub base: String,
    pub database_url: String,
    tokens: tokio::sync::Mutex<HashMap<String, String>>,
    pub client: Client,
    cleanup: Cleanup,
}

enum Cleanup {
    File(PathBuf),
    Postgres { admin_url: String, name: String },
}

impl Drop for TestApp {
    fn drop(&mut self) {
        match &self.cleanup {
            Cleanup::File(dir) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            Cleanup::Postgres { admin_url, name } => {
                if let Ok(mut c) = diesel::PgConnection::establish(admin_url) {
                    let _ = c.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
                }
            }
        }
    }
}

/// The URL without TLS unless it asks for it. The service runs inside the
/// test process, and its pool threads outlive each test: once the process
/// aborted with "double free or corruption" after every test had passed, most
/// likely OpenSSL's exit-time cleanup racing a pool thread closing a TLS
/// connection. TLS is not what these tests test.
fn plain(url: String) -> String {
    if url.contains("sslmode=") {
        url
    } else if url.contains('?') {
        format!("{url}&sslmode=disable")
    } else {
        format!("{url}?sslmode=disable")
    }
}

fn fresh_database() -> (String, Cleanup) {
    let id = uuid::Uuid::new_v4().simple().to_string();
    match std::env::var("KEHU_TEST_DATABASE_URL").ok().filter(|v| !v.is_empty()).map(plain) {
        Some(base) => {
            let name = format!("kehu_test_{}", &id[..16]);
            let mut c = diesel::PgConnection::establish(&base).expect("connect to KEHU_TEST_DATABASE_URL");
            c.batch_execute(&format!("CREATE DATABASE {name}")).expect("create test database");
            let (path, query) = base.split_once('?').unwrap_or((&base, ""));
            let (prefix, _) = path.rsplit_once('/').expect("database URL with a path");
            let url = if query.is_empty() { format!("{prefix}/{name}") } else { format!("{prefix}/{name}?{query}") };
            (url, Cleanup::Postgres { admin_url: base, name })
        }
        None => {
            let dir = std::env::temp_dir().join(format!("kehu-test-{id}"));
            (format!("sqlite://{}/kehu.db", dir.display()), Cleanup::File(dir))
        }
    }
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(&[]).await
}

/// A service on a fresh database, configured as the tests' default with
/// `vars` (`KEHU_*` settings) set over it.
pub async fn spawn_app_with(vars: &[(&str, &str)]) -> TestApp {
    let (database_url, cleanup) = fresh_database();
    let mut all: Vec<(String, String)> = [
        ("KEHU_DATABASE_URL", database_url.as_str()),
        ("KEHU_BIND", "127.0.0.1:0"),
        ("KEHU_JWT_SECRET", "test-secret-test-secret-test-secret-123"),
        ("KEHU_STATIC_DIR", "/nonexistent"),
        ("KEHU_COOKIE_SECURE", "false"),
        ("KEHU_DB_POOL_SIZE", "8"),
        ("KEHU_WORKERS", "false"),
        // The tests' webhook receivers listen on this machine.
        ("KEHU_WEBHOOK_NETWORKS", "127.0.0.0/8"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    for (k, v) in vars {
        all.retain(|(name, _)| name != k);
        all.push((k.to_string(), v.to_string()));
    }
    let settings = Settings::from_vars(|k| all.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone())).expect("test settings");
    {
        let pool = kehu_persistence::build_pool(&database_url, 2).expect("pool");
        let mut conn = pool.get().expect("conn");
        kehu_api::app::seed::seed(&mut conn).expect("seed");
    }
    let app = kehu_api::Application::build(settings).expect("build app");
    let base = format!("http://127.0.0.1:{}", app.port);
    tokio::spawn(app.server);
    TestApp { base, database_url, tokens: Default::default(), client: Client::builder().cookie_store(true).build().expect("client"), cleanup }
}

pub const PASSWORD: &str = "kehu-demo-pass";

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}/api/v1{}", self.base, path)
    }

    pub async fn token(&self, user: &str) -> String {
        let mut tokens = self.tokens.lock().await;
        if let Some(t) = tokens.get(user) {
            return t.clone();
        }
        let res = self.client.post(self.url("/auth/login")).json(&json!({"username": user, "password": PASSWORD})).send().await.expect("login");
        assert_eq!(res.status(), 200, "login {user}");
        let body: Value = res.json().await.expect("json");
        let t = body["access_token"].as_str().expect("token").to_owned();
        tokens.insert(user.to_owned(), t.clone());
        t
    }

    pub async fn call(&self, user: &str, method: Method, path: &str, body: Option<Value>, if_match: Option<i64>) -> Response {
        let mut req = self.client.request(method, self.url(path)).bearer_auth(self.token(user).await);
        if let Some(v) = if_match {
            req = req.header("If-Match", format!("\"{v}\""));
        }
        if let Some(b) = body {
            req = req.json(&b);
        }
        req.send().await.expect("request")
    }

    pub async fn get(&self, user: &str, path: &str) -> (StatusCode, Value) {
        let res = self.call(user, Method::GET, path, None, None).await;
        let status = res.status();
        (status, res.json().await.unwrap_or(Value::Null))
    }

    pub async fn post(&self, user: &str, path: &str, body: Value) -> (StatusCode, Value) {
        let res = self.call(user, Method::POST, path, Some(body), None).await;
        let status = res.status();
        (status, res.json().await.unwrap_or(Value::Null))
    }

    pub async fn complaint(&self, user: &str, id: i64) -> Value {
        let (s, v) = self.get(user, &format!("/complaints/{id}")).await;
        assert_eq!(s, 200, "get complaint {id} as {user}: {v}");
        v
    }

    /// Takes an action at the complaint's current version.
    pub async fn act(&self, user: &str, id: i64, action: &str, body: Value) -> (StatusCode, Value) {
        let version = self.version(id).await;
        self.act_at(user, id, version, action, body).await
    }

    /// The current version, read as whoever can see the case.
    pub async fn version(&self, id: i64) -> i64 {
        for u in ["sales", "gm", "sales2"] {
            let (s, v) = self.get(u, &format!("/complaints/{id}")).await;
            if s == 200 {
                return v["version"].as_i64().unwrap_or(0);
            }
        }
        0
    }

    pub async fn act_at(&self, user: &str, id: i64, version: i64, action: &str, body: Value) -> (StatusCode, Value) {
        let res = self.call(user, Method::POST, &format!("/complaints/{id}/actions/{action}"), Some(body), Some(version)).await;
        let status = res.status();
        (status, res.json().await.unwrap_or(Value::Null))
    }

    pub async fn customer_id(&self, user: &str, code: &str) -> i64 {
        let (_, v) = self.get(user, &format!("/customers?q={code}")).await;
        v["items"][0]["id"].as_i64().expect("customer")
    }

    /// A complete draft filed by `sales` for customer C-0001.
    pub async fn draft(&self) -> i64 {
        let customer_id = self.customer_id("sales", "C-0001").await;
        let (s, v) = self.post("sales", "/complaints", intake(customer_id)).await;
        assert_eq!(s, 201, "{v}");
        v["id"].as_i64().expect("id")
    }

    /// Walks a new complaint to `state`-ready points; returns its id.
    pub async fn to_sales_proposal(&self) -> i64 {
        let id = self.draft().await;
        self.ok("sales", id, "submit", json!({})).await;
        self.ok("coordinator", id, "register", json!({"severity": "general", "kind": "quality", "is_major": false})).await;
        let production = self.department_id("production").await;
        self.ok(
            "qa",
            id,
            "conclude_investigation",
            json!({"defect_verified": true, "cause": "模具磨损", "responsible": [{"department_id": production, "team": "冲压一班", "ratio_percent": 100}]}),
        )
        .await;
        self.ok("production", id, "submit_countermeasure", json!({"cause_analysis": "a", "containment": "b", "permanent_actions": "c"})).await;
        self.ok("coordinator", id, "forward_to_sales", json!({"remarks": "ok"})).await;
        id
    }

    /// Proposes a compensation of `amount` and submits it for approval.
    pub async fn to_approval(&self, amount: &str) -> i64 {
        let id = self.to_sales_proposal().await;
        self.ok("sales", id, "propose_resolution", json!({"lines": [{"kind": "compensation", "amount": amount}]})).await;
        self.ok("coordinator", id, "submit_for_approval", json!({"opinion": "同意赔偿"})).await;
        id
    }

    pub async fn ok(&self, user: &str, id: i64, action: &str, body: Value) -> Value {
        let (s, v) = self.act(user, id, action, body).await;
        assert_eq!(s, 200, "{user} {action}: {v}");
        v["complaint"].clone()
    }

    pub async fn department_id(&self, code: &str) -> i64 {
        let (_, v) = self.get("admin", "/departments").await;
        v.as_array().expect("list").iter().find(|d| d["code"] == code).and_then(|d| d["id"].as_i64()).expect("department")
    }

    /// Raw rows in a table for a complaint, to check nothing changed behind the API.
    pub fn count(&self, sql: &str) -> i64 {
        use diesel::prelude::*;
        use diesel::sql_types::BigInt;
        #[derive(QueryableByName)]
        struct N {
            #[diesel(sql_type = BigInt)]
            n: i64,
        }
        let mut c = kehu_persistence::db::connect(&self.database_url).expect("connect");
        diesel::sql_query(sql).get_result::<N>(&mut c).expect("count").n
    }
}

pub fn intake(customer_id: i64) -> Value {
    json!({
        "customer_id": customer_id,
        "order_number": "SO-1",
        "product_number": "BRK-2207",
        "product_spec": "Φ22",
        "ship_date": "2026-11-01",
        "quantity_shipped": 1000,
        "defective_quantity": 25,
        "found_at": "来料检验",
        "description": "边缘毛刺",
        "requests": ["compensation"],
        "claim_amount": "120000.00",
        "channel": "phone",
        "has_sample": true
    })
}

impl TestApp {
    /// Runs SQL against the test database (to age deadlines and the like).
    pub fn exec(&self, sql: &str) {
        use diesel::connection::SimpleConnection;
        let mut c = kehu_persistence::db::connect(&self.database_url).expect("connect");
        c.batch_execute(sql).expect("exec");
    }

    pub fn conn(&self) -> kehu_persistence::DbConn {
        kehu_persistence::db::connect(&self.database_url).expect("connect")
    }
}

/// Every demo user, in the order the seed creates them.
pub const DEMO_USERS: [&str; 22] = [
    "sales",
    "sales_manager",
    "sales3",
    "sales2",
    "sales_manager2",
    "coordinator",
    "qa",
    "production",
    "engineering",
    "deputy_gm",
    "gm",
    "admin",
    "marketing",
    "finance",
    "supervisor",
    "marketing_manager",
    "service",
    "warehouse",
    "pmc",
    "qa_manager",
    "hr",
    "legal",
];

/// The demo users of the complaint route, whom the workflow tests refuse
/// actions to.
pub const USERS: [&str; 11] =
    ["sales", "sales_manager", "sales2", "sales_manager2", "coordinator", "qa", "production", "engineering", "deputy_gm", "gm", "admin"];

impl TestApp {
    /// Everyone outside `allowed` is refused `action` (403 or 404) and the case,
    /// its history and its notifications stay as they were.
    pub async fn assert_refused(&self, id: i64, action: &str, allowed: &[&str], body: &Value) {
        let version = self.version(id).await;
        let events = format!("SELECT COUNT(*) AS n FROM complaint_events WHERE complaint_id = {id}");
        let notes = format!("SELECT COUNT(*) AS n FROM notifications WHERE complaint_id = {id}");
        let (e0, n0) = (self.count(&events), self.count(&notes));
        for user in USERS.iter().filter(|u| !allowed.contains(u)) {
            let (s, v) = self.act_at(user, id, version, action, body.clone()).await;
            assert!(s == 403 || s == 404, "{user} {action}: {s} {v}");
        }
        assert_eq!(self.version(id).await, version, "{action}: a refused call changed the case");
        assert_eq!((self.count(&events), self.count(&notes)), (e0, n0), "{action}: a refused call left records");
    }
}

impl TestApp {
    /// Fails the test if any data invariant is broken.
    pub fn assert_invariants(&self) {
        let results = kehu_persistence::invariants::check(&mut self.conn()).expect("invariants");
        let broken: Vec<_> = results.iter().filter(|(_, n)| *n > 0).collect();
        assert!(broken.is_empty(), "broken invariants: {broken:?}");
    }
}
