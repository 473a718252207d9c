//! Orders and the lists the departments keep.

use kehu_tests::*;
use serde_json::json;

#[tokio::test]
async fn orders_feed_purchases_by_quarter_and_extend_protection() {
    let app = spawn_app().await;
    let c1 = app.customer_id("sales", "C-0001").await;
    let c2 = app.customer_id("sales", "C-0002").await;
    let order = |id: i64, body: serde_json::Value| {
        let app = &app;
        async move { app.post("sales", &format!("/customers/{id}/orders"), body).await }
    };
    let (s, o) = order(c1, json!({"order_number": "SO-1", "ordered_on": "2026-02-10", "amount": "100000", "cost": "70000"})).await;
    assert_eq!(s, 201, "{o}");
    let (s, _) = order(c2, json!({"order_number": "SO-1", "ordered_on": "2026-11-01", "amount": "1"})).await;
    assert_eq!(s, 409, "order numbers are unique");
    let (s, v) = order(c2, json!({"order_number": "SO-2", "ordered_on": "2026-11-01", "amount": "abc"})).await;
    assert_eq!((s.as_u16(), v["errors"][0]["field"].as_str()), (422, Some("amount")));
    let (s, _) = order(c2, json!({"order_number": "SO-2", "ordered_on": "2026-11-01", "amount": "300000", "discount": "10000"})).await;
    assert_eq!(s, 201);
    let (s, _) = app.post("qa", &format!("/customers/{c2}/orders"), json!({"order_number": "SO-3", "ordered_on": "2026-11-01", "amount": "1"})).await;
    assert_eq!(s, 404);
    // A deal restarts the protection period from its day.
    let (_, rec) = app.get("sales", &format!("/customers/{c2}")).await;
    assert_eq!(rec["last_deal_on"], "2026-11-01");
    assert!(rec["protected_until"].as_str().unwrap() >= "2027-01-01", "two months from the later of archiving and the deal: {rec}");
    // Finance imports the ERP's orders: all or nothing.
    let file = "订单号,客户编号,下单日期,金额,成本\nERP-1,C-0002,2026-05-05,50000,40000\nERP-2,C-9999,2026-05-06,1,\nERP-3,C-0001,not-a-date,1,\n";
    let send = |user: &'static str, body: &'static str| {
        let app = &app;
        async move {
            let res = app
                .client
                .post(app.url("/customers/orders/import"))
                .bearer_auth(app.token(user).await)
                .header("content-type", "text/csv")
                .body(body)
                .send()
                .await
                .unwrap();
            let s = res.status();
            (s, res.json::<serde_json::Value>().await.unwrap_or_default())
        }
    };
    assert_eq!(send("sales", file).await.0, 403);
    let (s, v) = send("finance", file).await;
    assert_eq!(s, 422, "{v}");
    let fields: Vec<&str> = v["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["rows[3].customer_code", "rows[4].ordered_on"]);
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM customer_orders"), 2);
    let (s, v) = send("finance", "订单号,客户编号,下单日期,金额,成本\nERP-1,C-0002,2026-05-05,50000,40000\n").await;
    assert_eq!(s, 200, "{v}");
    let (_, p) = app.get("sales", "/customers/reports/purchases?year=2026").await;
    assert_eq!(p[0]["code"], "C-0002", "ranked by total: {p}");
    assert_eq!(p[0]["quarters"], json!(["0.00", "50000.00", "0.00", "300000.00"]));
    assert_eq!(p[0]["discount"], "10000.00");
    assert_eq!(p[0]["gross_margin_percent"], 20.0, "only orders with a cost count toward the margin");
    assert_eq!(p[1]["gross_margin_percent"], 30.0);
    let (_, none) = app.get("qa", "/customers/reports/purchases").await;
    assert!(none.as_array().unwrap().is_empty());
    app.assert_invariants();
}

#[tokio::test]
async fn grade_region_and_standing_lists() {
    let app = spawn_app().await;
    // C-0001..3 have this year's demo complaints; C-0004 has none.
    app.exec(
        "UPDATE customers SET credit_grade = 'AA', customer_class = 'B' WHERE code = 'C-0004'; UPDATE customers SET credit_grade = 'B' WHERE code = 'C-0001'; \
         UPDATE customers SET supply_hold = TRUE WHERE code = 'C-0003'",
    );
    let (_, g) = app.get("gm", "/customers/reports/grades").await;
    assert_eq!(g[0]["credit_grade"], "AA");
    assert_eq!(g[0]["class_b"], 1);
    assert_eq!(g.as_array().unwrap().iter().map(|r| r["total"].as_u64().unwrap()).sum::<u64>(), 4);
    let (_, mine) = app.get("sales", "/customers/reports/grades").await;
    assert_eq!(mine.as_array().unwrap().iter().map(|r| r["total"].as_u64().unwrap()).sum::<u64>(), 3, "only what the caller reads");
    let (_, r) = app.get("gm", "/customers/reports/regions").await;
    let east = r.as_array().unwrap().iter().find(|x| x["region"] == "华东").unwrap();
    assert_eq!((east["domestic"].as_u64(), east["total"].as_u64()), (Some(2), Some(2)));
    let (_, st) = app.get("gm", "/customers/reports/standing").await;
    assert_eq!(st["excellent"][0]["code"], "C-0004", "{st}");
    let risky: Vec<&str> = st["risky"].as_array().unwrap().iter().map(|x| x["code"].as_str().unwrap()).collect();
    assert!(risky.contains(&"C-0001") && risky.contains(&"C-0003"), "{risky:?}");
    let (_, nothing) = app.get("qa", "/customers/reports/standing").await;
    assert!(nothing["risky"].as_array().unwrap().is_empty());
    app.assert_invariants();
}
