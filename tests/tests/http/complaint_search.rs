//! Free-text search over complaints: intake fields, number and customer name,
//! folded like customer search, on both databases.

use kehu_tests::*;
use reqwest::Method;
use serde_json::json;

async fn found(app: &TestApp, user: &str, q: &str) -> Vec<i64> {
    let url = format!("/complaints?limit=200&q={}", urlencode(q));
    let (s, v) = app.get(user, &url).await;
    assert_eq!(s, 200, "{q}: {v}");
    v["items"].as_array().unwrap().iter().map(|i| i["id"].as_i64().unwrap()).collect()
}

fn urlencode(s: &str) -> String {
    s.bytes().map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") }).collect()
}

#[tokio::test]
async fn complaints_are_found_by_their_text_number_and_customer() {
    let app = spawn_app().await;
    let customer = app.customer_id("sales", "C-0001").await;
    let mut body = intake(customer);
    body["description"] = json!("漆面橘皮（批次 ＡＢ-７７）");
    body["product_number"] = json!("GEAR-4711");
    let (s, v) = app.post("sales", "/complaints", body).await;
    assert_eq!(s, 201, "{v}");
    let id = v["id"].as_i64().unwrap();
    let other = app.draft().await;

    for q in ["橘皮", "漆面橘皮", "ab-77", "批次 AB-77", "gear-4711", "GEAR", "苏州精密"] {
        assert!(found(&app, "sales", q).await.contains(&id), "{q}");
    }
    assert_eq!(found(&app, "sales", "橘皮").await, vec![id]);
    assert!(found(&app, "sales", "不存在的问题").await.is_empty());
    assert!(found(&app, "sales", "100%").await.is_empty(), "LIKE wildcards match literally");

    // The number given at registration is searchable.
    app.ok("sales", id, "submit", json!({})).await;
    let c = app.ok("coordinator", id, "register", json!({"severity": "general", "kind": "quality"})).await;
    let number = c["number"].as_str().unwrap().to_owned();
    assert_eq!(found(&app, "coordinator", &number).await, vec![id]);
    // Drafts stay out of others' searches.
    assert!(!found(&app, "coordinator", "苏州精密").await.contains(&other));

    // A renamed customer's complaints are found by the new name only.
    let (_, rec) = app.get("sales", &format!("/customers/{customer}")).await;
    let res = app.call("sales", Method::PATCH, &format!("/customers/{customer}"), Some(json!({"name": "姑苏精工有限公司"})), rec["version"].as_i64()).await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap_or_default());
    assert!(found(&app, "coordinator", "姑苏精工").await.contains(&id));
    assert!(!found(&app, "coordinator", "苏州精密").await.contains(&id));
    app.assert_invariants();
}

/// Every search plan gives the same page: the probe of the newest
/// candidates, the walk and the index (forced here with a probe of one).
#[tokio::test]
async fn every_search_plan_finds_the_same_page() {
    use kehu_persistence::complaint_lists::{page_tuned, ComplaintFilter, ComplaintScope, SearchTuning, Sort, SortKey};
    let app = spawn_app().await;
    let customer = app.customer_id("sales", "C-0001").await;
    let mut ids = Vec::new();
    for (i, text) in ["裂纹，尺寸超差", "表面裂纹", "包装破损", "裂", "轴承异响 AB-12", "异响"].iter().enumerate() {
        let mut body = intake(customer);
        body["description"] = json!(text);
        body["order_number"] = json!(format!("SO-{i}"));
        let (s, v) = app.post("sales", "/complaints", body).await;
        assert_eq!(s, 201, "{v}");
        ids.push(v["id"].as_i64().unwrap());
    }
    let scope = ComplaintScope {
        user_id: 0,
        department_id: 0,
        visibility: kehu_domain::permission::ListVisibility { sales: true, awaiting_registration: true, registered: true },
    };
    let (_, me) = app.get("sales", "/me").await;
    let scope = ComplaintScope { user_id: me["id"].as_i64().unwrap(), department_id: me["department_id"].as_i64().unwrap(), ..scope };
    for q in ["裂纹", "裂", "异响", "ab-12", "轴承异响", "苏州精密", "无此"] {
        let filter = ComplaintFilter { q: Some(q.into()), ..Default::default() };
        let sort = Sort { key: SortKey::CreatedAt, descending: true };
        let by = |probe, walk_from_hits| -> Vec<i64> {
            let mut c = app.conn();
            page_tuned(&mut c, 1, &scope, &filter, &sort, None, 50, SearchTuning { probe, walk_from_hits }).unwrap().into_iter().map(|(r, _)| r.id).collect()
        };
        let (window, walk, index) = (by(10_000, 4), by(1, 0), by(1, usize::MAX));
        assert_eq!(window, walk, "{q}");
        assert_eq!(window, index, "{q}");
        let expected = match q {
            "裂纹" => 2,
            "裂" => 3,
            "异响" => 2,
            "ab-12" | "轴承异响" => 1,
            "无此" => 0,
            _ => window.len().max(6),
        };
        assert_eq!(window.len(), expected, "{q}: {window:?}");
    }
}
