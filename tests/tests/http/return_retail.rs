//! The consumer rule set (退换货零售规则): an application judged by the
//! purchase date, the invoice, the package and the shelf life instead of the
//! contract grounds; the periods are the policy's; an approved return gets
//! its refund date.

use super::return_note::{call, id_v};
use kehu_tests::*;
use reqwest::Method;
use serde_json::{json, Value};

fn today() -> chrono::NaiveDate {
    // The demo company keeps Beijing time.
    (chrono::Utc::now() + chrono::Duration::hours(8)).date_naive()
}

fn consumer(customer: i64, bought_days_ago: u64, retail: Value) -> Value {
    let mut facts = json!({
        "purchased_on": (today() - chrono::Days::new(bought_days_ago)).to_string(),
        "invoice_number": "No. 0451", "invoice_matches": true, "unopened": true, "defective": false,
    });
    facts.as_object_mut().unwrap().extend(retail.as_object().unwrap().clone());
    json!({
        "kind": "return", "customer_id": customer, "reason": "门店顾客未拆封退货", "rule_set": "retail",
        "lines": [{"product_number": "SHF-1160", "quantity": 1, "unit_price": "128.00"}],
        "retail": facts,
    })
}

fn problems(r: &Value) -> Vec<(String, String)> {
    r["eligibility"]["problems"].as_array().unwrap().iter().map(|p| (p["field"].as_str().unwrap().to_owned(), p["code"].as_str().unwrap().to_owned())).collect()
}

#[tokio::test]
async fn a_consumer_return_is_judged_by_the_retail_rules_and_refunded_by_its_date() {
    let app = spawn_app().await;
    let customer = app.customer_id("sales", "C-0001").await;
    // The facts go with their rule set.
    let mut wrong = consumer(customer, 5, json!({}));
    wrong["rule_set"] = json!("business");
    let (s, e) = app.post("sales", "/returns", wrong).await;
    assert_eq!((s.as_u16(), e["errors"][0]["field"].as_str()), (422, Some("retail")), "{e}");
    let mut bare = consumer(customer, 5, json!({}));
    bare.as_object_mut().unwrap().remove("retail");
    let (s, e) = app.post("sales", "/returns", bare).await;
    assert_eq!((s.as_u16(), e["errors"][0]["field"].as_str()), (422, Some("retail")), "{e}");
    // Each listed refusal names its field and rule.
    for (facts, field, code) in [
        (json!({"invoice_number": null}), "retail.invoice_number", "required"),
        (json!({"invoice_matches": false}), "retail.invoice_matches", "invoice_mismatch"),
        (json!({"unopened": false}), "retail.unopened", "opened"),
        (json!({"shelf_life_until": (today() - chrono::Days::new(1)).to_string()}), "retail.shelf_life_until", "shelf_life_expired"),
    ] {
        let (s, r) = app.post("sales", "/returns", consumer(customer, 5, facts)).await;
        assert_eq!(s, 201, "{r}");
        assert_eq!(problems(&r), [(field.to_owned(), code.to_owned())], "{r}");
    }
    // Bought 40 days ago: past the 30 days; submitting is refused and changes nothing.
    let (_, late) = app.post("sales", "/returns", consumer(customer, 40, json!({}))).await;
    assert_eq!((late["rule_set"].as_str(), late["eligibility"]["eligible"].as_bool()), (Some("retail"), Some(false)));
    let (id, v) = id_v(&late);
    let (s, e) = call(&app, "sales", Method::POST, &format!("/returns/{id}/actions/submit"), json!({}), v).await;
    assert_eq!((s, e["errors"][0]["code"].as_str()), (422, Some("period_expired")), "{e}");
    assert_eq!(app.count(&format!("SELECT version AS n FROM return_applications WHERE id = {id}")), v);
    // A defective product comes back opened within the 30 days too; an exchange has 60.
    let (_, r) = app.post("sales", "/returns", consumer(customer, 20, json!({"unopened": false, "defective": true}))).await;
    assert!(problems(&r).is_empty(), "{r}");
    let mut exchange = consumer(customer, 50, json!({}));
    exchange["kind"] = json!("exchange");
    let (_, r) = app.post("sales", "/returns", exchange).await;
    assert!(problems(&r).is_empty(), "{r}");
    // The administrator lengthens the return period: the late one may go.
    let (_, p) = app.get("admin", "/policies/returns").await;
    assert_eq!(p["retail"], json!({"return_days": 30, "exchange_days": 60, "quality_days": 30, "refund_days": 3}));
    let body = json!({"step_working_days": 1, "extended_working_days": 3, "company_tolerance_bp": 0,
        "retail": {"return_days": 45, "exchange_days": 60, "quality_days": 30, "refund_days": 3}});
    let res = app.call("admin", Method::PUT, "/policies/returns", Some(body), p["version"].as_i64()).await;
    assert_eq!(res.status(), 200);
    let res = app
        .call(
            "admin",
            Method::PUT,
            "/policies/returns",
            Some(json!({"step_working_days": 1, "extended_working_days": 3, "company_tolerance_bp": 0})),
            res.json::<Value>().await.unwrap()["version"].as_i64(),
        )
        .await;
    assert_eq!(res.json::<Value>().await.unwrap()["retail"]["return_days"], 45, "a policy without the retail part keeps it");
    let mut r = late;
    for (user, action) in [("sales", "submit"), ("supervisor", "approve"), ("marketing_manager", "approve"), ("gm", "approve")] {
        let (id, v) = id_v(&r);
        let (s, x) = call(&app, user, Method::POST, &format!("/returns/{id}/actions/{action}"), json!({}), v).await;
        assert_eq!(s, 200, "{user} {action}: {x}");
        r = x;
    }
    let due: chrono::NaiveDate = r["refund_due_on"].as_str().unwrap().parse().unwrap();
    let expected = [today() + chrono::Days::new(3), today() + chrono::Days::new(4)];
    assert!(expected.contains(&due), "refunded within 3 days of the approval: {due}");
    app.assert_invariants();
}
