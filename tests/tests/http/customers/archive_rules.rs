//! Archive rules on the paths besides registration: edits flag duplicates,
//! an import records only what changed, a handover counts what it moved.

use super::{patch, record, user};
use kehu_tests::*;
use serde_json::json;

#[tokio::test]
async fn an_edit_into_another_records_name_is_flagged_as_a_registration_is() {
    let app = spawn_app().await;
    let id = app.customer_id("sales", "C-0002").await;
    let (_, before) = record(&app, "sales", id).await;
    assert_eq!(before["duplicates"].as_array().map(Vec::len), Some(0), "{before}");
    let (s, after) = patch(&app, "sales", id, before["version"].as_i64().unwrap(), json!({"name": "苏州精密机械有限公司"})).await;
    assert_eq!(s, 200, "{after}");
    let dups = after["duplicates"].as_array().unwrap();
    assert_eq!((dups.len(), dups[0]["code"].as_str(), dups[0]["matched"][0].as_str()), (1, Some("C-0001"), Some("name")), "{after}");
    // Read later, the flag is still there.
    assert_eq!(record(&app, "sales", id).await.1["duplicates"][0]["code"], "C-0001");
}

#[tokio::test]
async fn an_import_that_changes_only_the_region_records_only_the_region() {
    let app = spawn_app().await;
    let id = app.customer_id("sales", "C-0002").await;
    let history = |field: &str| app.count(&format!("SELECT COUNT(*) AS n FROM customer_changes WHERE customer_id = {id} AND field = '{field}'"));
    let contacts_before = history("contacts");
    let csv = "客户编号,客户名称,客户性质,内外销,客户类别,区域,税号,联系人,联系电话,业务员账号\n\
               C-0002,宁波汽配制造有限公司,法人,内销,一般,华北,,李娜,0574-8800 0002,sales\n";
    let res = app
        .client
        .post(app.url("/customers/import"))
        .bearer_auth(app.token("marketing").await)
        .header("content-type", "text/csv")
        .body(csv)
        .send()
        .await
        .unwrap();
    let status = res.status();
    let v: serde_json::Value = res.json().await.unwrap();
    assert_eq!((status.as_u16(), v["updated"].as_u64()), (200, Some(1)), "{v}");
    assert_eq!(history("region"), 1);
    assert_eq!(history("contacts"), contacts_before, "the contact did not change");
    app.assert_invariants();
}

#[tokio::test]
async fn a_handover_within_one_department_counts_the_complaints_its_preview_listed() {
    let app = spawn_app().await;
    let open = app.to_sales_proposal().await;
    let sales_id = user(&app, "sales").await["id"].as_i64().unwrap();
    let sales3_id = user(&app, "sales3").await["id"].as_i64().unwrap();
    let (_, preview) = app.get("admin", &format!("/users/{sales_id}/handover")).await;
    let listed = preview["open_complaints"].as_array().unwrap().len();
    assert!(preview["open_complaints"].as_array().unwrap().iter().any(|c| c["id"] == open), "{preview}");
    let (s, done) = app.post("admin", &format!("/users/{sales_id}/handover"), json!({"to_user_id": sales3_id})).await;
    assert_eq!(s, 200, "{done}");
    assert_eq!(done["complaints_moved"].as_u64(), Some(listed as u64), "{done}");
    // The receiver now holds the case through its customer.
    assert_eq!(app.complaint("sales3", open).await["id"], open);
    app.assert_invariants();
}

/// The usernames serving a customer beside its owner.
async fn staff(app: &TestApp, id: i64) -> Vec<String> {
    let (_, c) = record(app, "gm", id).await;
    let mut names: Vec<String> = c["staff"].as_array().unwrap().iter().map(|s| s["id"].as_i64().unwrap().to_string()).collect();
    names.sort();
    names
}

#[tokio::test]
async fn a_key_customer_keeps_two_people_when_it_changes_hands() {
    let app = spawn_app().await;
    let key = app.customer_id("sales", "C-0001").await;
    let id_of = |u: serde_json::Value| u["id"].as_i64().unwrap().to_string();
    let (sales, manager, sales3) = (id_of(user(&app, "sales").await), id_of(user(&app, "sales_manager").await), id_of(user(&app, "sales3").await));
    assert_eq!(staff(&app, key).await, vec![manager.clone()]);
    // Its only further staff becomes the owner: the previous owner stays on.
    let (_, c) = record(&app, "gm", key).await;
    let body = json!({"to_user_id": manager.parse::<i64>().unwrap(), "reason": "调整分工"});
    let res = app.call("gm", reqwest::Method::POST, &format!("/customers/{key}/transfer"), Some(body), c["version"].as_i64()).await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    assert_eq!(staff(&app, key).await, vec![sales.clone()]);
    // Handing the new owner's customers over to the one staff member needs a second person.
    let to = sales.parse::<i64>().unwrap();
    let (s, v) = app.post("admin", &format!("/users/{manager}/handover"), json!({"to_user_id": to})).await;
    assert_eq!(
        (s.as_u16(), v["errors"][0]["field"].as_str(), v["errors"][0]["code"].as_str()),
        (422, Some("key_staff_user_id"), Some("key_customer_staff")),
        "{v}"
    );
    let (_, preview) = app.get("admin", &format!("/users/{manager}/handover")).await;
    assert_eq!(preview["key_customers"][0]["id"], key);
    let (s, v) = app.post("admin", &format!("/users/{manager}/handover"), json!({"to_user_id": to, "key_staff_user_id": sales3.parse::<i64>().unwrap()})).await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(staff(&app, key).await, vec![sales3]);
    // And the record stays editable by its owner.
    let (_, c) = record(&app, "sales", key).await;
    let (s, v) = patch(&app, "sales", key, c["version"].as_i64().unwrap(), json!({"address": "苏州工业园区星湖街 1 号"})).await;
    assert_eq!(s, 200, "{v}");
    app.assert_invariants();
}

#[tokio::test]
async fn nobody_names_himself_to_serve_a_colleagues_key_customer() {
    let app = spawn_app().await;
    let key = app.customer_id("sales", "C-0001").await;
    let id_of = |u: serde_json::Value| u["id"].as_i64().unwrap();
    let (sales, manager, sales3) = (id_of(user(&app, "sales").await), id_of(user(&app, "sales_manager").await), id_of(user(&app, "sales3").await));
    // The receiver is the customer's one further staff member: a second person is needed.
    let (_, c) = record(&app, "sales", key).await;
    let (s, v) = patch(&app, "sales", key, c["version"].as_i64().unwrap(), json!({"staff_ids": [sales3]})).await;
    assert_eq!(s, 200, "{v}");
    let (s, v) = app.post("sales_manager", &format!("/users/{sales}/handover"), json!({"to_user_id": sales3, "key_staff_user_id": manager})).await;
    assert_eq!((s.as_u16(), v["errors"][0]["code"].as_str()), (422, Some("same_user")), "{v}");
    // The same on a transfer.
    let (_, c) = record(&app, "sales", key).await;
    let body = json!({"to_user_id": sales3, "reason": "调整分工", "staff_user_id": manager});
    let res = app.call("sales_manager", reqwest::Method::POST, &format!("/customers/{key}/transfer"), Some(body), c["version"].as_i64()).await;
    assert_eq!(res.status(), 422);
    assert_eq!(staff(&app, key).await, vec![sales3.to_string()]);
}
