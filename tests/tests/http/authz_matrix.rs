//! The authorization matrix: every demo role against every endpoint that
//! returns or changes one customer's data, with the record at each secrecy
//! level (秘密, 机密, 绝密). The expected readers are written out from
//! domain.md §2, not computed by the rule under test. A record the caller may
//! not read must answer exactly as a record that does not exist; one he may
//! read must not answer 404; lists and exports hold it exactly when he may read
//! it. New endpoints that name a customer join the tables below.

use kehu_tests::*;
use reqwest::Method;
use serde_json::{json, Value};

const PEOPLE: [&str; 22] = DEMO_USERS;

/// Who reads C-0002 (owned by `sales` in 业务一部, no further staff) at each level.
fn readers(level: &str) -> &'static [&'static str] {
    match level {
        // Owner, the department's manager and supervisor, the marketing archive and its manager, executives.
        "secret" => &["sales", "sales_manager", "marketing", "deputy_gm", "gm", "supervisor", "marketing_manager"],
        // Owner, the department's manager, executives.
        "confidential" => &["sales", "sales_manager", "deputy_gm", "gm"],
        // Owner and the general manager only.
        _ => &["sales", "gm"],
    }
}

const READS: [&str; 7] = ["", "/credit-checks", "/history", "/reads", "/requests", "/surveys", "/visits"];

fn writes(transfer_to: i64) -> Vec<(Method, &'static str, Value)> {
    vec![
        (Method::PATCH, "", json!({"address": "matrix"})),
        (Method::POST, "/claim", json!({})),
        (Method::POST, "/credit-checks", json!({})),
        (Method::POST, "/orders", json!({"order_number": "MX-1", "ordered_on": "2026-11-02", "amount": "100.00"})),
        (Method::POST, "/requests", json!({})),
        (Method::POST, "/resubmit", json!({})),
        (Method::POST, "/review", json!({"decision": "approve"})),
        (Method::POST, "/supply-hold", json!({})),
        (Method::POST, "/survey-links", json!({})),
        (Method::POST, "/surveys", json!({})),
        (Method::POST, "/transfer", json!({"to_user_id": transfer_to, "reason": "matrix"})),
        (Method::POST, "/visits", json!({})),
    ]
}

/// Status, problem code and the fields named: what an answer tells.
async fn answer(app: &TestApp, user: &str, method: Method, path: &str, body: Option<Value>, version: i64) -> (u16, Value, Vec<Value>) {
    let res = app.call(user, method, path, body, Some(version)).await;
    let status = res.status().as_u16();
    let v: Value = res.json().await.unwrap_or(Value::Null);
    let fields = v["errors"].as_array().map(|e| e.iter().map(|x| x["field"].clone()).collect()).unwrap_or_default();
    (status, v["code"].clone(), fields)
}

#[tokio::test]
async fn every_role_reads_exactly_what_the_secrecy_rules_allow_on_every_customer_path() {
    let app = spawn_app().await;
    let id = app.customer_id("sales", "C-0002").await;
    let unknown = 999_999;
    let sales3 = app.get("admin", "/users?q=sales3").await.1["items"][0]["id"].as_i64().unwrap();
    for level in ["secret", "confidential", "top_secret"] {
        app.exec(&format!("UPDATE customers SET confidentiality = '{level}' WHERE id = {id}"));
        let version = app.count(&format!("SELECT version AS n FROM customers WHERE id = {id}"));
        let changes = app.count(&format!("SELECT COUNT(*) AS n FROM customer_changes WHERE customer_id = {id}"));
        for user in PEOPLE {
            let may = readers(level).contains(&user);
            for read in READS {
                let got = answer(&app, user, Method::GET, &format!("/customers/{id}{read}"), None, version).await;
                if may {
                    assert_ne!(got.0, 404, "{user} may read a {level} record: GET …{read}");
                } else {
                    let none = answer(&app, user, Method::GET, &format!("/customers/{unknown}{read}"), None, version).await;
                    assert_eq!(got, none, "{user}, {level}: GET …{read} tells the record exists");
                }
            }
            if !may {
                for (method, path, body) in writes(sales3) {
                    let got = answer(&app, user, method.clone(), &format!("/customers/{id}{path}"), Some(body.clone()), version).await;
                    let none = answer(&app, user, method.clone(), &format!("/customers/{unknown}{path}"), Some(body), version).await;
                    assert_eq!(got, none, "{user}, {level}: {method} …{path} tells the record exists");
                }
                let got = answer(&app, user, Method::POST, "/complaints", Some(intake(id)), version).await;
                let none = answer(&app, user, Method::POST, "/complaints", Some(intake(unknown)), version).await;
                assert_eq!(got, none, "{user}, {level}: a complaint for it tells the record exists");
            }
            let (_, list) = app.get(user, "/customers?q=C-0002&limit=200").await;
            let listed = list["items"].as_array().is_some_and(|l| l.iter().any(|c| c["id"] == id));
            assert_eq!(listed, may, "{user}, {level}: the list");
            let res = app.client.get(app.url("/customers/export?format=csv")).bearer_auth(app.token(user).await).send().await.unwrap();
            let exported = res.status() == 200 && res.text().await.unwrap().contains("C-0002");
            assert_eq!(exported, may, "{user}, {level}: the export");
        }
        assert_eq!(app.count(&format!("SELECT version AS n FROM customers WHERE id = {id}")), version, "{level}: a refused call changed the record");
        assert_eq!(app.count(&format!("SELECT COUNT(*) AS n FROM customer_changes WHERE customer_id = {id}")), changes, "{level}: a refused call left history");
    }
}

/// Who reads a return application raised by `sales` (业务一部), written out
/// from the README's rule: open, and once approved.
fn return_readers(approved: bool) -> Vec<&'static str> {
    let mut r = vec!["sales", "sales_manager", "supervisor", "marketing_manager", "deputy_gm", "gm"];
    if approved {
        r.extend(["production", "finance", "qa", "engineering", "service", "warehouse", "pmc", "qa_manager"]);
    }
    r
}

#[tokio::test]
async fn every_role_reads_exactly_the_return_applications_the_rule_allows() {
    let app = spawn_app().await;
    let customer = app.customer_id("sales", "C-0002").await;
    let body = json!({
        "kind": "return", "customer_id": customer, "reason": "matrix",
        "lines": [{"product_number": "P-1", "quantity": 1, "unit_price": "1.00"}],
        "eligibility": {"within_warranty": "a", "below_standard": "b"},
    });
    let (_, r) = app.post("sales", "/returns", body.clone()).await;
    let id = r["id"].as_i64().unwrap();
    let version = |r: &Value| r["version"].as_i64().unwrap();
    let mut r = r.clone();
    for (user, action) in [("sales", "submit"), ("supervisor", "approve"), ("marketing_manager", "approve")] {
        let res = app.call(user, Method::POST, &format!("/returns/{id}/actions/{action}"), Some(json!({})), Some(version(&r))).await;
        r = res.json().await.unwrap();
    }
    let unknown = 999_999;
    for approved in [false, true] {
        if approved {
            let res = app.call("gm", Method::POST, &format!("/returns/{id}/actions/approve"), Some(json!({})), Some(version(&r))).await;
            r = res.json().await.unwrap();
            assert_eq!(r["state"], "approved");
        }
        let v = version(&r);
        let events = app.count(&format!("SELECT COUNT(*) AS n FROM return_events WHERE application_id = {id}"));
        for user in PEOPLE {
            let may = return_readers(approved).contains(&user);
            let got = answer(&app, user, Method::GET, &format!("/returns/{id}"), None, v).await;
            if may {
                assert_eq!(got.0, 200, "{user} may read the application (approved: {approved})");
            } else {
                let none = answer(&app, user, Method::GET, &format!("/returns/{unknown}"), None, v).await;
                assert_eq!(got, none, "{user}: GET tells the application exists");
                for action in ["submit", "approve", "refuse", "extend", "withdraw"] {
                    let path = |i: i64| format!("/returns/{i}/actions/{action}");
                    let got = answer(&app, user, Method::POST, &path(id), Some(json!({"reason": "x"})), v).await;
                    let none = answer(&app, user, Method::POST, &path(unknown), Some(json!({"reason": "x"})), v).await;
                    assert_eq!(got, none, "{user}: {action} tells the application exists");
                }
                let steps = [
                    (Method::POST, "inspection".to_owned(), json!({"function": "good", "appearance": "good"})),
                    (Method::PUT, "originals".to_owned(), json!({"collected": []})),
                    (Method::POST, "note".to_owned(), json!({"reason": "r", "handling": "h", "basis": "b"})),
                    (Method::PUT, "note/proof".to_owned(), json!({"kind": "invoice_stamped"})),
                ];
                let note_steps = ["verify", "receive", "book", "accept_excess", "refuse_excess", "extend"]
                    .map(|a| (Method::POST, format!("note/actions/{a}"), json!({"quantities": [1]})));
                let handling_steps = ["inspect", "plan", "approve_plan", "reject_plan", "schedule", "complete_rework", "re_receive", "extend"]
                    .map(|a| (Method::POST, format!("handling/actions/{a}"), json!({"quantities": [1], "comment": "x"})));
                for (method, tail, b) in steps.into_iter().chain(note_steps).chain(handling_steps) {
                    let got = answer(&app, user, method.clone(), &format!("/returns/{id}/{tail}"), Some(b.clone()), v).await;
                    let none = answer(&app, user, method.clone(), &format!("/returns/{unknown}/{tail}"), Some(b), v).await;
                    assert_eq!(got, none, "{user}: {tail} tells the application exists");
                }
                let got = answer(&app, user, Method::PATCH, &format!("/returns/{id}"), Some(body.clone()), v).await;
                let none = answer(&app, user, Method::PATCH, &format!("/returns/{unknown}"), Some(body.clone()), v).await;
                assert_eq!(got, none, "{user}: PATCH tells the application exists");
            }
            let (_, list) = app.get(user, "/returns?limit=200").await;
            let listed = list["items"].as_array().is_some_and(|l| l.iter().any(|x| x["id"] == id));
            assert_eq!(listed, may, "{user}: the list (approved: {approved})");
            let res = app.client.get(app.url("/returns/export?format=csv")).bearer_auth(app.token(user).await).send().await.unwrap();
            let exported = res.status() == 200 && res.text().await.unwrap().contains(r["number"].as_str().unwrap());
            assert_eq!(exported, may, "{user}: the export (approved: {approved})");
        }
        assert_eq!(app.count(&format!("SELECT version AS n FROM return_applications WHERE id = {id}")), v, "a refused call changed the application");
        assert_eq!(app.count(&format!("SELECT COUNT(*) AS n FROM return_events WHERE application_id = {id}")), events);
    }
    // Raising one for a customer the caller may not read answers as for no customer.
    app.exec(&format!("UPDATE customers SET confidentiality = 'top_secret' WHERE id = {customer}"));
    for user in PEOPLE.iter().filter(|u| !["sales", "gm"].contains(u)) {
        let mut b = body.clone();
        let got = answer(&app, user, Method::POST, "/returns", Some(b.clone()), 0).await;
        b["customer_id"] = json!(unknown);
        let none = answer(&app, user, Method::POST, "/returns", Some(b), 0).await;
        assert_eq!(got, none, "{user}: raising an application tells the customer exists");
    }
}

#[tokio::test]
async fn every_role_reads_exactly_the_allowance_certificates_the_rule_allows() {
    let app = spawn_app().await;
    let complaint = app.to_sales_proposal().await;
    app.ok("sales", complaint, "propose_resolution", json!({"lines": [{"kind": "discount", "amount": "300.00"}]})).await;
    app.ok("coordinator", complaint, "submit_for_approval", json!({"opinion": "同意"})).await;
    app.ok("sales_manager", complaint, "approve", json!({})).await;
    let (_, mut r) = app.post("sales", "/allowances", json!({"complaint_id": complaint, "complaint_line": 0, "reason": "matrix"})).await;
    let id = r["id"].as_i64().unwrap();
    let unknown = 999_999;
    let version = |r: &Value| r["version"].as_i64().unwrap();
    for approved in [false, true] {
        if approved {
            for user in ["sales_manager", "gm"] {
                let res = app.call(user, Method::POST, &format!("/allowances/{id}/actions/approve"), Some(json!({})), Some(version(&r))).await;
                r = res.json().await.unwrap();
            }
            assert_eq!(r["state"], "approved");
        }
        let v = version(&r);
        for user in PEOPLE {
            let may = return_readers(approved).contains(&user);
            let got = answer(&app, user, Method::GET, &format!("/allowances/{id}"), None, v).await;
            if may {
                assert_eq!(got.0, 200, "{user} may read the certificate (approved: {approved})");
            } else {
                let none = answer(&app, user, Method::GET, &format!("/allowances/{unknown}"), None, v).await;
                assert_eq!(got, none, "{user}: GET tells the certificate exists");
                for action in ["approve", "refuse", "withdraw", "sign", "book", "extend"] {
                    let path = |i: i64| format!("/allowances/{i}/actions/{action}");
                    let got = answer(&app, user, Method::POST, &path(id), Some(json!({"reason": "x"})), v).await;
                    let none = answer(&app, user, Method::POST, &path(unknown), Some(json!({"reason": "x"})), v).await;
                    assert_eq!(got, none, "{user}: {action} tells the certificate exists");
                }
            }
            let (_, list) = app.get(user, "/allowances?limit=200").await;
            let listed = list["items"].as_array().is_some_and(|l| l.iter().any(|x| x["id"] == id));
            assert_eq!(listed, may, "{user}: the list (approved: {approved})");
        }
        assert_eq!(app.count(&format!("SELECT version AS n FROM allowances WHERE id = {id}")), v, "a refused call changed the certificate");
    }
}

/// Every role: the complaint list, its count and the tracking sheet hold a
/// case exactly when the case itself may be read — a draft (its filer's side
/// only) and a registered case at sales' proposal.
#[tokio::test]
async fn every_role_finds_a_case_in_the_list_count_and_sheet_exactly_when_it_may_read_it() {
    use crate::tracking_sheet::{sheet, total, walk};
    let app = spawn_app().await;
    let customer = app.customer_id("sales", "C-0001").await;
    let mut form = intake(customer);
    form["description"] = json!("matrix draft");
    let (_, draft) = app.post("sales", "/complaints", form).await;
    let draft = draft["id"].as_i64().unwrap();
    let proposal = app.to_sales_proposal().await;
    for user in PEOPLE {
        let listed: Vec<i64> = walk(&app, user, "").await.into_iter().map(|(id, _)| id).collect();
        let rows = sheet(&app, user, "", "zh-CN").await;
        assert_eq!(total(&app, user, "").await, listed.len() as i64, "{user}");
        assert_eq!(rows.len(), listed.len() + 2, "{user}: header, a row a case, totals");
        for (id, what) in [(draft, "matrix draft"), (proposal, "边缘毛刺")] {
            let (s, v) = app.get(user, &format!("/complaints/{id}")).await;
            assert!(s == 200 || s == 404, "{user}: {s} {v}");
            let readable = s == 200;
            assert_eq!(listed.contains(&id), readable, "{user}: list, case {id}");
            if id == draft {
                assert_eq!(rows.iter().any(|r| r[9] == what), readable, "{user}: sheet, the draft");
            } else {
                let number = app.complaint("coordinator", id).await["number"].as_str().unwrap().to_owned();
                assert_eq!(rows.iter().any(|r| r[1] == number), readable, "{user}: sheet, case {number}");
            }
        }
    }
}
