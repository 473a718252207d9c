//! The monthly complaint statistics over HTTP.

use kehu_tests::*;
use serde_json::json;

fn this_month() -> String {
    // The demo company keeps Beijing time.
    (chrono::Utc::now() + chrono::Duration::hours(8)).format("%Y-%m").to_string()
}

/// A case closed resolved with a compensation of `amount`, approved by the sales manager.
async fn closed_resolved(app: &TestApp, amount: &str) -> i64 {
    let id = app.to_approval(amount).await;
    app.ok("sales_manager", id, "approve", json!({})).await;
    app.ok("sales", id, "record_outcome", json!({"accepted": true, "answered_on": "2026-11-20"})).await;
    app.ok("supervisor", id, "countersign", json!({})).await;
    app.ok("coordinator", id, "close", json!({})).await;
    id
}

#[tokio::test]
async fn a_months_closed_cases_by_closure_cause_department_and_resolution() {
    let app = spawn_app().await;
    closed_resolved(&app, "800.00").await;
    let invalid = app.draft().await;
    app.ok("sales", invalid, "submit", json!({})).await;
    app.ok("coordinator", invalid, "register", json!({"severity": "incidental", "kind": "non_quality", "non_quality_cause": "late_delivery"})).await;
    app.ok("qa", invalid, "declare_invalid", json!({"reason": "客户使用不当"})).await;
    app.ok("sales", invalid, "confirm_invalid_notice", json!({"method": "letter", "informed_on": "2026-11-20"})).await;
    let open = app.to_sales_proposal().await;

    let (s, m) = app.get("coordinator", &format!("/complaints/statistics/monthly?month={}", this_month())).await;
    assert_eq!(s, 200, "{m}");
    assert_eq!(m["closed"], 2, "{m}");
    // The month's cases still open, apart: a direct count; and the month under way by default.
    let at = |k: &str| chrono::DateTime::parse_from_rfc3339(m[k].as_str().unwrap()).unwrap().naive_utc().format("'%Y-%m-%d %H:%M:%S'").to_string();
    let still_open = app.count(&format!(
        "SELECT count(*) AS n FROM complaints WHERE registered_at >= {} AND registered_at < {} AND state <> 'closed'",
        at("from"),
        at("to")
    ));
    assert!(still_open >= 1);
    assert_eq!(m["open"], still_open, "{m}");
    assert_eq!(app.get("coordinator", "/complaints/statistics/monthly").await.1["month"], this_month());
    // The workbook's figures are the table's.
    let res = app
        .client
        .get(app.url(&format!("/complaints/statistics/monthly/export?month={}", this_month())))
        .bearer_auth(app.token("coordinator").await)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let rows = kehu_api::grid::parse_grid(&res.bytes().await.unwrap(), 100).unwrap();
    let figure = |label: &str| rows.iter().find(|r| r[0] == label).map(|r| r[1].clone()).unwrap_or_default();
    assert_eq!(figure("结案件数"), "2", "{rows:?}");
    assert_eq!(figure("本月受理未结案件"), still_open.to_string());
    assert_eq!(figure("损失金额合计"), "800", "{rows:?}");
    assert_eq!(app.get("sales", "/complaints/statistics/monthly/export").await.0, 403);
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

/// The weekly figures equal direct counts over the same cases, for this week
/// and the three before it; the workbook holds the same figures.
#[tokio::test]
async fn a_weeks_figures_equal_a_direct_count_and_the_workbook() {
    let app = spawn_app().await;
    closed_resolved(&app, "500.00").await;
    let late = app.to_sales_proposal().await;
    app.exec(&format!("UPDATE complaints SET case_due_at = '2020-01-01 00:00:00' WHERE id = {late}"));
    let today = (chrono::Utc::now() + chrono::Duration::hours(8)).date_naive();
    let mut seen = 0;
    for weeks_back in 0..4 {
        let day = today - chrono::Duration::days(7 * weeks_back);
        let (s, w) = app.get("coordinator", &format!("/complaints/statistics/weekly?week={day}")).await;
        assert_eq!(s, 200, "{w}");
        let at = |k: &str| chrono::DateTime::parse_from_rfc3339(w[k].as_str().unwrap()).unwrap().naive_utc().format("'%Y-%m-%d %H:%M:%S'").to_string();
        let (from, to) = (at("from"), at("to"));
        let count = |sql: &str| app.count(&format!("SELECT count(*) AS n FROM complaints WHERE {sql}"));
        let registered = count(&format!("registered_at >= {from} AND registered_at < {to}"));
        let closed = count(&format!("state = 'closed' AND closed_at >= {from} AND closed_at < {to}"));
        let first = count(&format!("state = 'closed' AND closed_at >= {from} AND closed_at < {to} AND first_closure"));
        let overdue = count(&format!("registered_at < {to} AND case_due_at < {to} AND (state <> 'closed' OR closed_at >= {to})"));
        assert_eq!(w["registered"], registered, "{day}: {w}");
        assert_eq!(w["closed"], closed, "{day}: {w}");
        assert_eq!(w["first_closures"], first, "{day}: {w}");
        assert_eq!(w["overdue"], overdue, "{day}: {w}");
        for breakdown in ["by_kind", "by_severity"] {
            let rows = w[breakdown].as_array().unwrap();
            assert_eq!(rows.iter().map(|r| r["registered"].as_i64().unwrap()).sum::<i64>(), registered, "{breakdown}");
            assert_eq!(rows.iter().map(|r| r["closed"].as_i64().unwrap()).sum::<i64>(), closed, "{breakdown}");
        }
        let quality = count(&format!("registered_at >= {from} AND registered_at < {to} AND kind = 'quality'"));
        let row = w["by_kind"].as_array().unwrap().iter().find(|r| r["key"] == "quality");
        assert_eq!(row.map_or(0, |r| r["registered"].as_i64().unwrap()), quality);
        seen += registered + closed + overdue;
        if weeks_back == 0 {
            assert!(registered >= 2 && closed >= 1 && overdue >= 1, "{w}");
            assert_eq!(w["week"].as_str().unwrap(), kehu_domain::weekly::week_of(today).to_string());
            let res = app
                .client
                .get(app.url(&format!("/complaints/statistics/weekly/export?week={day}")))
                .bearer_auth(app.token("coordinator").await)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 200);
            let rows = kehu_api::grid::parse_grid(&res.bytes().await.unwrap(), 100).unwrap();
            let figure = |label: &str| rows.iter().find(|r| r[0] == label).map(|r| r[1].clone()).unwrap_or_default();
            assert_eq!(figure("受理件数"), registered.to_string(), "{rows:?}");
            assert_eq!(figure("结案件数"), closed.to_string());
            assert_eq!(figure("逾期未结件数"), overdue.to_string());
            assert_eq!(figure("一次关闭率"), w["first_closure_rate_percent"].as_str().map(|p| format!("{p}%")).unwrap_or_default());
        }
    }
    assert!(seen > 0);
    // The last week that has ended, by default; statistics readers only.
    let (_, w) = app.get("gm", "/complaints/statistics/weekly").await;
    assert_eq!(w["week"].as_str().unwrap(), kehu_domain::weekly::last_complete_week(today).to_string(), "{w}");
    for path in ["/complaints/statistics/weekly", "/complaints/statistics/weekly/export"] {
        assert_eq!(app.get("sales", path).await.0, 403, "{path}");
    }
    assert_eq!(app.get("coordinator", "/complaints/statistics/weekly?week=1969-12-01").await.0, 422);
    assert_eq!(app.get("coordinator", "/complaints/statistics/weekly?week=nonsense").await.0, 422);
}

/// Friday 08:00 (company time) prepares the week before's statistics, the
/// 10th the month before's: each once, however many workers try, told to the
/// coordinator and the managers and to no one else.
#[tokio::test]
async fn the_weekly_and_monthly_reports_are_prepared_once_and_told() {
    let app = spawn_app().await;
    let utc = |s: &str| chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    let prepare = |at: &str| kehu_api::app::report_runs::prepare_due(&mut app.conn(), utc(at)).unwrap();
    // Thursday 2026-12-10 in Beijing: November's from 08:00; the week's not yet.
    assert_eq!(prepare("2026-12-09 23:59"), 0);
    assert_eq!(prepare("2026-12-10 00:00"), 1);
    assert_eq!(prepare("2026-12-10 23:59"), 0);
    // Friday the 11th, 08:00: the week of 2026-11-30, once.
    assert_eq!(prepare("2026-12-11 00:00"), 1);
    assert_eq!(prepare("2026-12-11 00:00"), 0, "a second worker finds them prepared");
    assert_eq!(prepare("2026-12-12 03:00"), 0);
    // The next Friday, the next week only.
    assert_eq!(prepare("2026-12-18 01:00"), 1);
    let told = |user: &'static str, kind: &'static str| {
        let app = &app;
        async move {
            let (s, v) = app.get(user, &format!("/me/notifications?kind={kind}")).await;
            assert_eq!(s, 200, "{v}");
            v["items"].as_array().unwrap().iter().map(|n| n["params"].to_string()).collect::<Vec<_>>()
        }
    };
    for user in ["coordinator", "qa_manager", "deputy_gm", "gm"] {
        assert_eq!(told(user, "weekly_report").await.len(), 2, "{user}");
        let monthly = told(user, "monthly_report").await;
        assert_eq!(monthly.len(), 1, "{user}");
        assert!(monthly[0].contains("2026-11"), "{monthly:?}");
    }
    for user in ["sales", "qa", "admin", "hr"] {
        assert!(told(user, "weekly_report").await.is_empty() && told(user, "monthly_report").await.is_empty(), "{user}");
    }
    assert_eq!(app.count("SELECT count(*) AS n FROM report_runs"), 3);
}
