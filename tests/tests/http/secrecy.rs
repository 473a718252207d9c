//! The read rule on the side paths: filing a complaint, asking for access,
//! the handover preview, the queues. A record the caller may not read is
//! answered as one that does not exist, and its name is not shown.

use kehu_tests::*;
use serde_json::{json, Value};

fn id_of(app: &TestApp, code: &str) -> i64 {
    app.count(&format!("SELECT id AS n FROM customers WHERE code = '{code}'"))
}

fn top_secret(app: &TestApp, code: &str) {
    app.exec(&format!("UPDATE customers SET confidentiality = 'top_secret' WHERE code = '{code}'"));
}

#[tokio::test]
async fn a_complaint_is_filed_only_for_a_customer_the_caller_may_read() {
    let app = spawn_app().await;
    // sales3 is a colleague of C-0002's owner: reading it needs a grant, so does filing for it.
    let (s, v) = app.post("sales3", "/complaints", intake(id_of(&app, "C-0002"))).await;
    assert_eq!(s, 422, "{v}");
    assert_eq!(v["errors"][0]["field"], "customer_id");
    assert!(!v.to_string().contains("宁波"), "{v}");
    let (s, unknown) = app.post("sales3", "/complaints", intake(999_999)).await;
    assert_eq!((s.as_u16(), &unknown["errors"]), (422, &v["errors"]), "the same answer as for no customer");
    // The owner files as before.
    let (s, v) = app.post("sales", "/complaints", intake(id_of(&app, "C-0002"))).await;
    assert_eq!(s, 201, "{v}");
    app.assert_invariants();
}

#[tokio::test]
async fn access_requests_do_not_tell_what_the_caller_may_not_read() {
    let app = spawn_app().await;
    top_secret(&app, "C-0002");
    let ask = |code: &'static str| {
        let app = &app;
        async move { app.post("sales3", "/customers/access-requests", json!({"customer_code": code, "reason": "客户来电询价"})).await }
    };
    let (s, secret) = ask("C-0002").await;
    let (s2, unknown) = ask("C-9999").await;
    assert_eq!((s.as_u16(), s2.as_u16()), (422, 422), "{secret} {unknown}");
    assert_eq!(secret["errors"], unknown["errors"], "a 绝密 record is answered as no record");
    // Before approval the requester sees the code he typed, not the name.
    let (s, r) = ask("C-0003").await;
    assert_eq!(s, 201, "{r}");
    assert_eq!((r["customer"]["name"].as_str(), r["customer_code"].as_str()), (Some("C-0003"), Some("C-0003")));
    let (_, queue) = app.get("sales_manager", "/customers/access-requests?box=to_decide").await;
    assert_eq!(queue["items"][0]["customer"]["name"], "Hanse Automotive GmbH", "the approver may read it");
    let path = format!("/customers/access-requests/{}/decision", r["id"]);
    let res = app.call("sales_manager", reqwest::Method::POST, &path, Some(json!({"approve": true})), r["version"].as_i64()).await;
    assert_eq!(res.status(), 200);
    let (_, mine) = app.get("sales3", "/customers/access-requests?box=mine").await;
    assert_eq!(mine["items"][0]["customer"]["name"], "Hanse Automotive GmbH", "granted: now he may read it");
    app.assert_invariants();
}

#[tokio::test]
async fn the_handover_preview_names_only_what_the_caller_may_read() {
    let app = spawn_app().await;
    top_secret(&app, "C-0002");
    let sales = app.get("admin", "/users?q=sales").await.1["items"].as_array().unwrap().iter().find(|u| u["username"] == "sales").cloned().unwrap();
    let (s, preview) = app.get("sales_manager", &format!("/users/{}/handover", sales["id"])).await;
    assert_eq!(s, 200, "{preview}");
    let rows = preview["customers"].as_array().unwrap();
    let secret = rows.iter().find(|c| c["code"] == "C-0002").unwrap();
    assert_eq!((secret["name"].as_str(), secret["contact_name"].as_str()), (Some("C-0002"), None), "{secret}");
    assert!(!preview.to_string().contains("宁波"), "{preview}");
    assert_eq!(rows.iter().find(|c| c["code"] == "C-0003").unwrap()["name"], "Hanse Automotive GmbH");
    // A manager does not hand a colleague's customers to himself.
    let me =
        app.get("admin", "/users?q=sales_manager").await.1["items"].as_array().unwrap().iter().find(|u| u["username"] == "sales_manager").cloned().unwrap();
    let (s, v) = app.post("sales_manager", &format!("/users/{}/handover", sales["id"]), json!({"to_user_id": me["id"]})).await;
    assert_eq!(s, 422, "{v}");
    assert_eq!(v["errors"][0]["field"], "to_user_id");
    app.assert_invariants();
}

#[tokio::test]
async fn a_request_on_a_record_its_manager_may_not_read_goes_to_the_general_manager() {
    let app = spawn_app().await;
    top_secret(&app, "C-0002");
    let id = id_of(&app, "C-0002");
    let (s, r) = app.post("sales", &format!("/customers/{id}/requests"), json!({"kind": "deregister", "reason": "客户已倒闭"})).await;
    assert_eq!(s, 201, "{r}");
    assert_eq!(r["approver_role"], "gm");
    let (_, manager) = app.get("sales_manager", "/customers/requests").await;
    assert!(manager.as_array().unwrap().iter().all(|x| x["id"] != r["id"]), "not offered to someone who may not read it: {manager}");
    let (_, gm) = app.get("gm", "/customers/requests").await;
    let mine: Vec<&Value> = gm.as_array().unwrap().iter().filter(|x| x["id"] == r["id"]).collect();
    assert_eq!((mine.len(), mine[0]["can_decide"].as_bool(), mine[0]["customer"]["name"].as_str()), (1, Some(true), Some("宁波汽配制造有限公司")));
    app.assert_invariants();
}
