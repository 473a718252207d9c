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
