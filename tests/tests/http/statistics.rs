//! The monthly complaint statistics over HTTP.

use kehu_tests::*;
use serde_json::json;

fn this_month() -> String {
    // The demo company keeps Beijing time.
    (chrono::Utc::now() + chrono::Duration::hours(8)).format("%Y-%m").to_string()
}

#[tokio::test]
async fn a_months_closed_cases_by_closure_cause_department_and_resolution() {
    let app = spawn_app().await;
    let id = app.to_approval("800.00").await;
    app.ok("sales_manager", id, "approve", json!({})).await;
    app.ok("sales", id, "record_outcome", json!({"accepted": true, "answered_on": "2026-11-20"})).await;
    app.ok("supervisor", id, "countersign", json!({})).await;
    app.ok("coordinator", id, "close", json!({})).await;
    let invalid = app.draft().await;
    app.ok("sales", invalid, "submit", json!({})).await;
    app.ok("coordinator", invalid, "register", json!({"severity": "incidental", "kind": "non_quality", "non_quality_cause": "late_delivery"})).await;
    app.ok("qa", invalid, "declare_invalid", json!({"reason": "客户使用不当"})).await;
    app.ok("sales", invalid, "confirm_invalid_notice", json!({"method": "letter", "informed_on": "2026-11-20"})).await;
    let open = app.to_sales_proposal().await;

    let (s, m) = app.get("coordinator", &format!("/complaints/statistics/monthly?month={}", this_month())).await;
    assert_eq!(s, 200, "{m}");
    assert_eq!(m["closed"], 2, "{m}");
    assert_eq!(m["loss_total"]["amount"], "800.00");
    let keys = |b: &serde_json::Value| -> Vec<(String, i64)> {
        b["items"].as_array().unwrap().iter().map(|g| (g["key"].as_str().unwrap().to_owned(), g["cases"].as_i64().unwrap())).collect()
    };
    // Equal counts: the larger loss first.
    assert_eq!(keys(&m["by_closure"]), [("resolved".to_owned(), 1), ("invalid".to_owned(), 1)]);
    assert!(keys(&m["by_cause"]).contains(&("模具磨损".to_owned(), 1)) && keys(&m["by_cause"]).contains(&("late_delivery".to_owned(), 1)), "{m}");
    assert_eq!(keys(&m["by_resolution"]), [("compensation".to_owned(), 1)]);
    assert_eq!(m["by_customer"]["items"][0]["name"], "苏州精密机械有限公司");
    let production = app.department_id("production").await;
    let dept = &m["by_department"][0];
    assert_eq!((dept["department_id"].as_i64(), dept["loss_share"]["amount"].as_str()), (Some(production), Some("800.00")), "{m}");
    assert_eq!(dept["ratio_percent_sum"], 100);
    assert!(!m.to_string().contains(&format!("\"id\":{open}")));

    let (s, m) = app.get("gm", "/complaints/statistics/monthly?month=2020-01").await;
    assert_eq!((s.as_u16(), m["closed"].as_i64()), (200, Some(0)));
    for user in ["sales", "qa", "production"] {
        assert_eq!(app.get(user, "/complaints/statistics/monthly").await.0, 403, "{user}");
    }
    for bad in ["2026-13", "2026-1", "x"] {
        assert_eq!(app.get("gm", &format!("/complaints/statistics/monthly?month={bad}")).await.0, 422, "{bad}");
    }
    assert_eq!(app.get("gm", "/complaints/statistics/monthly?top=0").await.0, 422);
}

#[tokio::test]
async fn complaint_amounts_leave_the_collection_rate_bonus_per_salesperson_and_item_for_those_who_may_read_them() {
    let app = spawn_app().await;
    let id = app.to_approval("800.00").await;
    let approved = app.ok("sales_manager", id, "approve", json!({})).await;
    let number = approved["number"].as_str().unwrap().to_owned();
    let fen = app.count(&format!("SELECT settlement_total_fen AS n FROM complaints WHERE id = {id}"));
    assert!(fen > 0);
    let amount = format!("{}.{:02}", fen / 100, fen % 100);
    // Approved in the middle of November, Beijing time.
    app.exec(&format!("UPDATE complaints SET approved_at = '2026-11-15 04:00:00' WHERE id = {id}"));
    let path = "/complaints/statistics/collection-exclusions?month=2026-11";
    let (s, x) = app.get("finance", path).await;
    assert_eq!(s, 200, "{x}");
    assert_eq!((x["cases"].as_i64(), x["total"]["amount"].as_str()), (Some(1), Some(amount.as_str())), "{x}");
    let line = &x["lines"][0];
    assert_eq!((line["complaint"]["name"].as_str(), line["salesperson"]["name"].as_str()), (Some(number.as_str()), Some("张业务")), "{x}");
    assert_eq!(x["by_salesperson_item"][0]["amount"]["amount"], amount.as_str());
    assert_eq!(x["by_salesperson_item"][0]["product_number"], line["product_number"]);
    let (_, october) = app.get("finance", "/complaints/statistics/collection-exclusions?month=2026-10").await;
    assert_eq!(october["cases"], 0, "{october}");
    let (s, e) = app.get("finance", "/complaints/statistics/collection-exclusions?month=2026-13").await;
    assert_eq!(s, 422, "{e}");
    // Accounting and executives read all, a sales manager his department, nobody else anything.
    for user in DEMO_USERS {
        let (s, x) = app.get(user, path).await;
        let expected = match user {
            "finance" | "deputy_gm" | "gm" | "sales_manager" => Some(1),
            "sales_manager2" => Some(0),
            _ => None,
        };
        match expected {
            Some(n) => assert_eq!((s.as_u16(), x["cases"].as_i64()), (200, Some(n)), "{user}: {x}"),
            None => {
                assert_eq!(s, 403, "{user}: {x}");
                assert!(!x.to_string().contains(&number), "{user}: the refusal names no case");
            }
        }
    }
    // The file: the sums and every case, or every case as CSV.
    let token = app.token("finance").await;
    let res = app.client.get(app.url("/complaints/statistics/collection-exclusions/export?month=2026-11")).bearer_auth(&token).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.bytes().await.unwrap().starts_with(b"PK"), "an xlsx (zip) file");
    let res = app.client.get(app.url("/complaints/statistics/collection-exclusions/export?month=2026-11&format=csv")).bearer_auth(&token).send().await.unwrap();
    let csv = res.text().await.unwrap();
    assert!(csv.contains(&number) && csv.contains("客诉金额"), "{csv}");
    let res = app
        .client
        .get(app.url("/complaints/statistics/collection-exclusions/export?month=2026-11"))
        .bearer_auth(app.token("sales").await)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
}
