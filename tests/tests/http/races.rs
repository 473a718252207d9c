//! Concurrent writers: identical actions apply once, registrations get
//! unique gapless numbers, stale edits are refused and no update is lost.

use futures_util::future::join_all;
use kehu_tests::*;
use reqwest::Method;
use serde_json::{json, Value};

#[tokio::test]
async fn a_hundred_identical_actions_apply_once() {
    let app = spawn_app().await;
    let id = app.to_approval("200000.00").await;
    let v = app.version(id).await;
    app.token("gm").await;
    let notes = format!("SELECT COUNT(*) AS n FROM notifications WHERE complaint_id = {id}");
    let outbox = format!("SELECT COUNT(*) AS n FROM outbox WHERE aggregate_id = {id}");
    let (n0, o0) = (app.count(&notes), app.count(&outbox));
    let results = join_all((0..100).map(|_| app.act_at("gm", id, v, "approve", json!({"comment": "同意"})))).await;
    let applied = results.iter().filter(|(s, _)| *s == 200).count();
    assert_eq!(applied, 1, "{:?}", results.iter().map(|(s, _)| s.as_u16()).collect::<Vec<_>>());
    for (s, body) in &results {
        assert!(matches!(s.as_u16(), 200 | 409 | 412), "{s} {body}");
        if *s != 200 {
            assert!(body["code"].is_string(), "a refusal is a problem: {body}");
        }
    }
    assert_eq!(app.count(&format!("SELECT COUNT(*) AS n FROM complaint_events WHERE complaint_id = {id} AND action = 'approve'")), 1);
    assert_eq!(app.version(id).await, v + 1);
    // One action's notices and outbox event, not a hundred.
    assert_eq!(app.count(&outbox), o0 + 1);
    assert!(app.count(&notes) - n0 <= 5, "{} notices", app.count(&notes) - n0);
    app.assert_invariants();
}

#[tokio::test]
async fn two_hundred_concurrent_registrations_get_unique_gapless_numbers() {
    let app = spawn_app().await;
    let mut ids = Vec::new();
    for _ in 0..200 {
        let id = app.draft().await;
        app.ok("sales", id, "submit", json!({})).await;
        ids.push(id);
    }
    app.token("coordinator").await;
    let mut versions = Vec::new();
    for id in &ids {
        versions.push(app.version(*id).await);
    }
    // Registrations queue on the month's counter (numbers are gapless), so a
    // burst this size can outwait the pool's 3 s: such callers get 503 with
    // Retry-After and, like any client, try again.
    let app = &app;
    let register = |id: i64, v: i64| async move {
        loop {
            let (s, body) = app.act_at("coordinator", id, v, "register", json!({"severity": "general", "kind": "quality"})).await;
            if s != 503 {
                return (s, body);
            }
            assert_eq!(body["code"], "service_unavailable");
            tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        }
    };
    let results = join_all(ids.iter().zip(versions).map(|(id, v)| register(*id, v))).await;
    let mut serials: Vec<u32> = results
        .iter()
        .map(|(s, v)| {
            assert_eq!(*s, 200, "{v}");
            v["complaint"]["number"].as_str().unwrap().split('-').nth(1).unwrap().parse().unwrap()
        })
        .collect();
    serials.sort();
    // The demo seed registered three cases this month before these.
    assert_eq!(serials, (4..204).collect::<Vec<_>>());
    app.assert_invariants();
}

async fn patch(app: &TestApp, user: &str, path: &str, version: i64, body: Value) -> (u16, Value) {
    let res = app.call(user, Method::PATCH, path, Some(body), Some(version)).await;
    let s = res.status().as_u16();
    (s, res.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn stale_edits_are_refused_and_no_update_is_lost() {
    let app = spawn_app().await;
    let id = app.draft().await;
    let customer = app.customer_id("sales", "C-0001").await;
    let path = format!("/complaints/{id}");
    let v = app.version(id).await;
    // Twenty editors who all read version v: one wins, the others are told.
    let edits = (0..20).map(|i| {
        let mut body = intake(customer);
        body["description"] = json!(format!("编辑 {i}"));
        patch(&app, "sales", &path, v, body)
    });
    let results = join_all(edits).await;
    let winners: Vec<&Value> = results.iter().filter(|(s, _)| *s == 200).map(|(_, b)| b).collect();
    assert_eq!(winners.len(), 1);
    assert!(results.iter().all(|(s, b)| *s == 200 || (*s == 412 && b["code"].is_string())), "{results:?}");
    let now = app.complaint("sales", id).await;
    assert_eq!(now["intake"]["description"], winners[0]["intake"]["description"]);
    assert_eq!(now["version"], v + 1);
    // Editors who re-read before writing all land, in turn.
    for i in 0..3 {
        let mut body = intake(customer);
        body["description"] = json!(format!("重读后编辑 {i}"));
        let v = app.version(id).await;
        assert_eq!(patch(&app, "sales", &path, v, body).await.0, 200);
    }
    assert_eq!(app.complaint("sales", id).await["version"], v + 4);

    // The same for a customer record.
    let cpath = format!("/customers/{customer}");
    let cv = app.get("sales", &cpath).await.1["version"].as_i64().unwrap();
    let results = join_all((0..20).map(|i| patch(&app, "sales", &cpath, cv, json!({"address": format!("地址 {i}")})))).await;
    assert_eq!(results.iter().filter(|(s, _)| *s == 200).count(), 1, "{results:?}");
    assert!(results.iter().all(|(s, _)| *s == 200 || *s == 412));
    assert_eq!(app.get("sales", &cpath).await.1["version"], cv + 1);
    app.assert_invariants();
}
