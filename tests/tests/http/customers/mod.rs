//! The customer archive: registration and review, duplicates, history,
//! ownership and claims, access requests and secrecy, handover.

use kehu_tests::*;
use reqwest::Method;
use serde_json::{json, Value};

mod archive_rules;
mod ownership;

fn form(name: &str) -> Value {
    json!({
        "name": name,
        "kind": "legal",
        "market": "domestic",
        "category": "general",
        "customer_class": "C",
        "region": "华东",
        "tax_id": "91320500MA1XXXXX0X",
        "first_contact_on": "2026-11-02",
        "contacts": [{"name": "周采购", "title": "采购主管", "phone": "0512-1111 2222", "email": "zhou@example.com"}]
    })
}

async fn register(app: &TestApp, user: &str, body: Value) -> Value {
    let (s, v) = app.post(user, "/customers", body).await;
    assert_eq!(s, 201, "register as {user}: {v}");
    v
}

async fn review(app: &TestApp, user: &str, c: &Value, decision: &str, reason: Option<&str>) -> (reqwest::StatusCode, Value) {
    let path = format!("/customers/{}/review", c["id"]);
    let res = app.call(user, Method::POST, &path, Some(json!({"decision": decision, "reason": reason})), c["version"].as_i64()).await;
    let s = res.status();
    (s, res.json().await.unwrap_or(Value::Null))
}

async fn patch(app: &TestApp, user: &str, id: i64, version: i64, body: Value) -> (reqwest::StatusCode, Value) {
    let res = app.call(user, Method::PATCH, &format!("/customers/{id}"), Some(body), Some(version)).await;
    let s = res.status();
    (s, res.json().await.unwrap_or(Value::Null))
}

async fn record(app: &TestApp, user: &str, id: i64) -> (reqwest::StatusCode, Value) {
    app.get(user, &format!("/customers/{id}")).await
}

async fn user(app: &TestApp, username: &str) -> Value {
    let (_, v) = app.get("admin", &format!("/users?q={username}&limit=200")).await;
    v["items"].as_array().unwrap().iter().find(|u| u["username"] == username).cloned().expect("user")
}

/// The codes a caller lists, sorted (the list's own order is by name, which
/// depends on the database's collation).
async fn codes(app: &TestApp, user: &str, query: &str) -> Vec<String> {
    let (s, v) = app.get(user, &format!("/customers?limit=200{query}")).await;
    assert_eq!(s, 200, "{v}");
    let mut c: Vec<String> = v["items"].as_array().unwrap().iter().map(|c| c["code"].as_str().unwrap().to_owned()).collect();
    c.sort();
    c
}

#[tokio::test]
async fn a_registration_is_archived_only_after_the_managers_review() {
    let app = spawn_app().await;
    let c = register(&app, "sales", form("常州新材料有限公司")).await;
    assert_eq!(c["status"], "pending_review");
    assert_eq!(c["registration_due"], "2026-11-09", "5 working days after Monday 2 Nov");
    assert_eq!(c["registration_late"], true);
    assert_eq!(c["contacts"][0]["name"], "周采购");
    assert!(c["code"].as_str().unwrap().starts_with("C-"));
    // Not in the customer list yet; in the review queue.
    assert!(!codes(&app, "sales", "").await.contains(&c["code"].as_str().unwrap().to_owned()));
    assert_eq!(codes(&app, "sales_manager", "&status=pending_review").await, vec![c["code"].as_str().unwrap().to_owned()]);
    // Nobody but the department's manager (or the GM) reviews; the submitter never.
    for user in USERS.iter().filter(|u| !["sales_manager", "gm"].contains(u)) {
        let (s, v) = review(&app, user, &c, "approve", None).await;
        assert!(s == 403 || s == 404, "{user}: {s} {v}");
    }
    // A rejection needs a reason and goes back to the salesperson.
    let (s, v) = review(&app, "sales_manager", &c, "reject", None).await;
    assert_eq!(s, 422, "{v}");
    let (s, rejected) = review(&app, "sales_manager", &c, "reject", Some("缺少税号核实")).await;
    assert_eq!(s, 200, "{rejected}");
    assert_eq!(rejected["status"], "rejected");
    assert_eq!(rejected["review_reason"], "缺少税号核实");
    let (s, _) = review(&app, "sales_manager", &rejected, "approve", None).await;
    assert_eq!(s, 409, "a rejected registration is resubmitted first");
    let id = c["id"].as_i64().unwrap();
    let res = app.call("sales", Method::POST, &format!("/customers/{id}/resubmit"), None, rejected["version"].as_i64()).await;
    assert_eq!(res.status(), 200);
    let again: Value = res.json().await.unwrap();
    assert_eq!(again["status"], "pending_review");
    let (s, archived) = review(&app, "sales_manager", &again, "approve", Some("同意建档")).await;
    assert_eq!(s, 200, "{archived}");
    assert_eq!(archived["status"], "active");
    assert!(archived["archived_at"].is_string() && archived["protected_until"].is_string());
    assert!(codes(&app, "sales", "").await.contains(&c["code"].as_str().unwrap().to_owned()));
    // The history tells the story, each step with who did it.
    let (_, h) = app.get("sales", &format!("/customers/{id}/history")).await;
    let statuses: Vec<&str> = h["items"].as_array().unwrap().iter().filter(|r| r["field"] == "status").map(|r| r["new_value"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["pending_review", "rejected", "pending_review", "active"]);
    assert!(h["items"].as_array().unwrap().iter().all(|r| r["changed_by"]["name"].is_string()));
    // The submitter got the decisions; the manager got the filings.
    assert!(app.count("SELECT COUNT(*) AS n FROM notifications WHERE kind = 'customer_reviewed'") >= 2);
    assert!(app.count("SELECT COUNT(*) AS n FROM notifications WHERE kind = 'customer_review'") >= 2);
    app.assert_invariants();
}

#[tokio::test]
async fn only_sales_register_and_bad_forms_change_nothing() {
    let app = spawn_app().await;
    for user in ["qa", "coordinator", "admin", "gm", "marketing"] {
        let (s, _) = app.post(user, "/customers", form("某公司")).await;
        assert_eq!(s, 403, "{user}");
    }
    let before = app.count("SELECT COUNT(*) AS n FROM customers");
    let bad = [
        (json!({"name": ""}), "name"),
        (json!({"tax_id": "123"}), "tax_id"),
        (json!({"kind": "natural"}), "tax_id"),
        (json!({"first_contact_on": "2099-01-01"}), "first_contact_on"),
        (json!({"contacts": [{"name": ""}]}), "contacts[0].name"),
        (json!({"contacts": [{"name": "x", "email": "not-mail"}]}), "contacts[0].email"),
        (json!({"category": "key"}), "staff_ids"),
        (json!({"staff_ids": [999999]}), "staff_ids[0]"),
    ];
    for (change, field) in bad {
        let mut body = form("无锡测试有限公司");
        for (k, v) in change.as_object().unwrap() {
            body[k] = v.clone();
        }
        let (s, v) = app.post("sales", "/customers", body).await;
        assert_eq!(s, 422, "{change}: {v}");
        assert!(v["errors"].as_array().unwrap().iter().any(|e| e["field"] == field), "{change}: {v}");
    }
    let mut unknown = form("无锡测试有限公司");
    unknown["kind"] = json!("company");
    let (s, v) = app.post("sales", "/customers", unknown).await;
    assert_eq!(s, 422, "{v}");
    assert_eq!(v["errors"][0]["field"], "kind");
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM customers"), before);
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM customer_contacts WHERE name = '周采购'"), 0);
    // A key customer is accepted with a second person on it.
    let colleague = user(&app, "sales3").await["id"].as_i64().unwrap();
    let mut key = form("无锡重点客户有限公司");
    key["category"] = json!("key");
    key["staff_ids"] = json!([colleague]);
    let c = register(&app, "sales", key).await;
    assert_eq!(c["staff"][0]["id"], colleague);
    app.assert_invariants();
}

#[tokio::test]
async fn duplicates_are_flagged_and_the_first_registration_wins() {
    let app = spawn_app().await;
    // Full-width letters, spaces and another 有限公司 variant are the same name.
    let (s, d) = app
        .get(
            "sales2",
            "/customers/duplicates?name=%E8%8B%8F%E5%B7%9E%20%E7%B2%BE%E5%AF%86%E6%9C%BA%E6%A2%B0%E8%82%A1%E4%BB%BD%E6%9C%89%E9%99%90%E5%85%AC%E5%8F%B8",
        )
        .await;
    assert_eq!(s, 200);
    assert_eq!(d[0]["code"], "C-0001", "{d}");
    assert_eq!(d[0]["owner"]["name"], "张业务");
    assert_eq!(d[0]["matched"], json!(["name"]));
    let (s, _) = app.get("qa", "/customers/duplicates?name=x").await;
    assert_eq!(s, 403);
    // sales2 files it anyway: flagged on the record, and the manager cannot archive it.
    let mut f = form("苏州 精密机械（股份有限公司）");
    f["tax_id"] = json!("９１３２０５００ＭＡ１ＸＸＸＸＸ０Ｘ");
    let dup = register(&app, "sales2", f).await;
    assert_eq!(dup["duplicates"][0]["code"], "C-0001", "{dup}");
    let (s, v) = review(&app, "sales_manager2", &dup, "approve", None).await;
    assert_eq!((s.as_u16(), v["code"].as_str()), (409, Some("registered_first")), "{v}");
    assert!(v["detail"].as_str().unwrap().contains("C-0001"));
    // A second registration with the same tax id is flagged by tax id.
    let mut f2 = form("另一个名字有限公司");
    f2["tax_id"] = json!("91320500MA1XXXXX0X");
    let second = register(&app, "sales", f2).await;
    assert_eq!(second["duplicates"][0]["id"], dup["id"]);
    assert_eq!(second["duplicates"][0]["matched"], json!(["tax_id"]));
    let (s, _) = review(&app, "sales_manager", &second, "approve", None).await;
    assert_eq!(s, 409, "the earlier pending registration wins");
    app.assert_invariants();
}

#[tokio::test]
async fn every_change_is_kept_and_stale_edits_are_refused() {
    let app = spawn_app().await;
    let id = app.customer_id("sales", "C-0002").await;
    let (_, c) = record(&app, "sales", id).await;
    let v = c["version"].as_i64().unwrap();
    let (s, updated) = patch(
        &app,
        "sales",
        id,
        v,
        json!({"address": "宁波市北仑区 88 号", "customer_class": "A", "contacts": [{"name": "李娜", "mobile": "139 0000 1111"}, {"name": "新联系人"}]}),
    )
    .await;
    assert_eq!(s, 200, "{updated}");
    assert_eq!(updated["contact_phone"], "139 0000 1111", "the first contact is the record's phone");
    // A second writer with the old ETag loses: nothing of theirs is applied.
    let (s, _) = patch(&app, "sales_manager", id, v, json!({"address": "覆盖"})).await;
    assert_eq!(s, 412);
    let res = app.call("sales", Method::PATCH, &format!("/customers/{id}"), Some(json!({"address": "x"})), None).await;
    assert_eq!(res.status(), 428);
    // Others may not edit; clearing a field with null is a change too.
    for user in ["sales2", "sales_manager2", "qa", "sales3"] {
        let (s, _) = patch(&app, user, id, v + 1, json!({"region": "x"})).await;
        assert!(s == 403 || s == 404, "{user}: {s}");
    }
    let (s, cleared) = patch(&app, "sales_manager", id, v + 1, json!({"region": null})).await;
    assert_eq!(s, 200);
    assert!(cleared["region"].is_null());
    let (_, h) = app.get("sales", &format!("/customers/{id}/history")).await;
    let rows: Vec<(String, Value, Value, String)> = h["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (r["field"].as_str().unwrap().to_owned(), r["old_value"].clone(), r["new_value"].clone(), r["changed_by"]["name"].as_str().unwrap().to_owned())
        })
        .collect();
    assert!(rows.contains(&("address".into(), Value::Null, json!("宁波市北仑区 88 号"), "张业务".into())), "{rows:?}");
    assert!(rows.contains(&("customer_class".into(), json!("B"), json!("A"), "张业务".into())));
    assert!(rows.contains(&("region".into(), json!("华东"), Value::Null, "李经理".into())));
    assert!(rows.iter().any(|r| r.0 == "contacts" && r.2.as_str().unwrap().contains("新联系人")));
    assert!(!rows.iter().any(|r| r.2 == json!("覆盖")));
    // Search finds the new contact's phone, ignoring spaces.
    assert_eq!(codes(&app, "sales", "&q=13900001111").await, vec!["C-0002"]);
    app.assert_invariants();
}

#[tokio::test]
async fn who_sees_which_customers() {
    let app = spawn_app().await;
    assert_eq!(codes(&app, "sales", "").await, ["C-0001", "C-0002", "C-0003"]);
    assert_eq!(codes(&app, "sales2", "").await, vec!["C-0004"]);
    assert_eq!(codes(&app, "sales3", "").await, Vec::<String>::new(), "a colleague sees nothing without a grant");
    assert_eq!(codes(&app, "sales_manager", "").await.len(), 3);
    assert_eq!(codes(&app, "gm", "").await.len(), 4);
    assert_eq!(codes(&app, "marketing", "").await.len(), 4, "the archive keeps 秘密 records");
    for user in ["qa", "coordinator", "production", "admin"] {
        assert!(codes(&app, user, "").await.is_empty(), "{user}");
    }
    let ids: Vec<i64> = {
        let mut v = Vec::new();
        for code in ["C-0001", "C-0002", "C-0003", "C-0004"] {
            v.push(app.customer_id("gm", code).await);
        }
        v
    };
    for user in ["qa", "sales3", "sales2", "admin"] {
        let (s, _) = record(&app, user, ids[0]).await;
        assert_eq!(s, 404, "{user}");
    }
    // Raising C-0001 to 绝密 leaves only its owner, its staff and the GM.
    let (_, c) = record(&app, "sales", ids[0]).await;
    let (s, v) = patch(&app, "sales", ids[0], c["version"].as_i64().unwrap(), json!({"confidentiality": "top_secret"})).await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(record(&app, "gm", ids[0]).await.0, 200);
    assert_eq!(record(&app, "sales_manager", ids[0]).await.0, 200, "assigned staff on the key customer");
    for user in ["deputy_gm", "marketing", "sales_manager2"] {
        assert_eq!(record(&app, user, ids[0]).await.0, 404, "{user}");
    }
    assert!(!codes(&app, "marketing", "").await.contains(&"C-0001".to_owned()));
    // Reads by non-owners are logged, the owner's are not.
    let reads = |id: i64| app.count(&format!("SELECT COUNT(*) AS n FROM customer_reads WHERE customer_id = {id}"));
    let before = reads(ids[1]);
    record(&app, "sales", ids[1]).await;
    assert_eq!(reads(ids[1]), before);
    record(&app, "marketing", ids[1]).await;
    record(&app, "gm", ids[1]).await;
    assert_eq!(reads(ids[1]), before + 2);
    let (s, log) = app.get("sales", &format!("/customers/{}/reads", ids[1])).await;
    assert_eq!(s, 200);
    assert_eq!(log[0]["user"]["name"], "郑总");
    assert_eq!(log[1]["basis"], "archive");
    assert_eq!(app.get("marketing", &format!("/customers/{}/reads", ids[1])).await.0, 403);
    app.assert_invariants();
}

#[tokio::test]
async fn a_registration_whose_answer_was_lost_is_not_filed_twice() {
    let app = spawn_app().await;
    let token = app.token("sales").await;
    let manual = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let post = || manual.post(app.url("/customers")).bearer_auth(&token).header("Idempotency-Key", "reg-7").json(&form("无锡精工轴承有限公司")).send();
    let first = post().await.unwrap();
    assert_eq!(first.status(), 201);
    let first: Value = first.json().await.unwrap();
    let before = app.count("SELECT COUNT(*) AS n FROM customers");
    // Committed, but the process died before the answer was kept.
    app.exec("UPDATE idempotency_keys SET status = NULL, response_body = NULL WHERE idem_key = 'reg-7'");
    let retry = post().await.unwrap();
    assert_eq!(retry.status(), 303);
    assert_eq!(retry.headers()["location"], format!("/api/v1/customers/{}", first["id"]).as_str());
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM customers"), before);
    app.assert_invariants();
}
