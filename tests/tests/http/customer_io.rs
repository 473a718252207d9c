//! Customers to and from Excel and CSV.

use kehu_tests::*;
use reqwest::StatusCode;
use serde_json::Value;

async fn export(app: &TestApp, user: &str, query: &str) -> (StatusCode, String, Vec<u8>) {
    let res = app.client.get(app.url(&format!("/customers/export?{query}"))).bearer_auth(app.token(user).await).send().await.unwrap();
    let status = res.status();
    let ct = res.headers().get("content-type").map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default();
    (status, ct, res.bytes().await.unwrap().to_vec())
}

async fn import(app: &TestApp, user: &str, query: &str, body: Vec<u8>, ct: &str) -> (StatusCode, Value) {
    let res = app
        .client
        .post(app.url(&format!("/customers/import?{query}")))
        .bearer_auth(app.token(user).await)
        .header("content-type", ct)
        .body(body)
        .send()
        .await
        .unwrap();
    let s = res.status();
    (s, res.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn export_follows_what_the_caller_may_read_and_logs_it() {
    let app = spawn_app().await;
    let (s, ct, body) = export(&app, "sales", "format=csv").await;
    assert_eq!(s, 200);
    assert!(ct.starts_with("text/csv"));
    let text = String::from_utf8(body).unwrap();
    assert!(text.starts_with('\u{feff}'), "a BOM for Excel");
    assert!(text.contains("客户编号,客户名称"));
    for code in ["C-0001", "C-0002", "C-0003"] {
        assert!(text.contains(code), "{code}");
    }
    assert!(!text.contains("C-0004"));
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM customer_reads WHERE what = 'export'"), 0, "the owner's export is not a read by someone else");
    let (_, _, qa) = export(&app, "qa", "format=csv").await;
    assert_eq!(String::from_utf8(qa).unwrap().lines().count(), 1, "only the header");
    let (s, ct, xlsx) = export(&app, "marketing", "").await;
    assert_eq!(s, 200);
    assert_eq!(ct, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assert!(xlsx.starts_with(b"PK"));
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM customer_reads WHERE what = 'export'"), 4);
    // The exported workbook imports back unchanged.
    let (s, v) = import(&app, "marketing", "", xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").await;
    assert_eq!(s, 200, "{v}");
    assert_eq!((v["rows"].as_u64(), v["unchanged"].as_u64()), (Some(4), Some(4)));
    app.assert_invariants();
}

const HEADER: &str = "客户编号,客户名称,客户性质,内外销,客户类别,区域,税号,联系人,联系电话,业务员账号\n";

#[tokio::test]
async fn an_import_with_bad_rows_changes_nothing_and_names_each_error() {
    let app = spawn_app().await;
    let customers = app.count("SELECT COUNT(*) AS n FROM customers");
    let changes = app.count("SELECT COUNT(*) AS n FROM customer_changes");
    let bad = format!(
        "{HEADER}C-0002,宁波汽配制造有限公司,法人,内销,一般,华北,,,,\n\
         ,无锡新客户有限公司,法人客户,内销,目标,华东,91320200MA1YYYYY1Y,孙采购,0510-1234,sales2\n\
         ,常熟客户有限公司,法人,内销,一般,华东,123,,,sales\n\
         ,苏州精密机械股份有限公司,法人,内销,一般,华东,,,,sales\n\
         ,某客户,公司,内销,一般,,,,,nobody\n"
    );
    let (s, v) = import(&app, "marketing", "", bad.clone().into_bytes(), "text/csv").await;
    assert_eq!(s, 422, "{v}");
    let fields: Vec<&str> = v["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert!(fields.contains(&"rows[4].tax_id"), "{fields:?}");
    assert!(fields.contains(&"rows[5].name"), "a duplicate of C-0001: {fields:?}");
    assert!(fields.contains(&"rows[6].kind"), "{fields:?}");
    assert!(fields.contains(&"rows[6].owner"), "{fields:?}");
    assert!(!fields.iter().any(|f| f.starts_with("rows[2]") || f.starts_with("rows[3]")), "good rows have no errors: {fields:?}");
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM customers"), customers, "nothing half-imported");
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM customer_changes"), changes);
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM customers WHERE code = 'C-0002' AND region = '华东'"), 1);
    // Without the bad rows: a dry run reports, then the import writes.
    let good: String = bad.lines().take(3).map(|l| format!("{l}\n")).collect();
    let (s, dry) = import(&app, "marketing", "dry_run=true", good.clone().into_bytes(), "text/csv").await;
    assert_eq!(s, 200, "{dry}");
    assert_eq!((dry["created"].as_u64(), dry["updated"].as_u64()), (Some(1), Some(1)));
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM customers"), customers);
    let (s, done) = import(&app, "marketing", "", good.into_bytes(), "text/csv").await;
    assert_eq!(s, 200, "{done}");
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM customers"), customers + 1);
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM customers WHERE code = 'C-0002' AND region = '华北'"), 1);
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM customer_changes WHERE source = 'import' AND field = 'region'"), 1);
    let (_, list) = app.get("sales2", "/customers?q=无锡新客户").await;
    assert_eq!(list["items"][0]["status"], "active");
    assert_eq!(list["items"][0]["contact_name"], "孙采购");
    // The same tax id again updates that record instead of creating another.
    let again = format!("{HEADER},无锡新客户有限公司,法人,内销,目标,华南,91320200MA1YYYYY1Y,,,\n");
    let (s, v) = import(&app, "marketing", "", again.into_bytes(), "text/csv").await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["updated"], 1);
    app.assert_invariants();
}

#[tokio::test]
async fn who_may_import() {
    let app = spawn_app().await;
    let file = format!("{HEADER},新客户甲有限公司,法人,内销,一般,华东,,,,sales2\n").into_bytes();
    for user in ["qa", "sales", "admin", "coordinator"] {
        let (s, _) = import(&app, user, "", file.clone(), "text/csv").await;
        assert_eq!(s, 403, "{user}");
    }
    let (s, v) = import(&app, "sales_manager", "", file.clone(), "text/csv").await;
    assert_eq!(s, 422, "another department's salesperson: {v}");
    let (s, v) = import(&app, "sales_manager2", "", file, "text/csv").await;
    assert_eq!(s, 200, "{v}");
    let (s, _) = import(&app, "marketing", "", b"not,a,customer,file\n1,2,3,4\n".to_vec(), "text/csv").await;
    assert_eq!(s, 422);
    app.assert_invariants();
}

#[tokio::test]
async fn crafted_spreadsheets_are_refused_and_the_service_keeps_serving() {
    let app = spawn_app().await;
    let before = sheets::peak_rss_mb();
    let xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    let files = [("far corner", sheets::far_corner()), ("huge shared string", sheets::huge_shared_string()), ("a million rows", sheets::million_rows())];
    for (what, file) in &files {
        for (user, path) in [("marketing", "/customers/import?dry_run=true"), ("marketing", "/customers/import"), ("finance", "/customers/orders/import")] {
            let res = app.client.post(app.url(path)).bearer_auth(app.token(user).await).header("content-type", xlsx).body(file.clone()).send().await.unwrap();
            let status = res.status();
            let problem: Value = res.json().await.unwrap_or_default();
            assert!(status == 413 || status == 422, "{what} to {path}: {status} {problem}");
            assert!(problem["code"].is_string(), "{what} to {path}: a problem, not a bare error: {problem}");
        }
        let health = app.client.get(format!("{}/healthz", app.base)).send().await.unwrap();
        assert_eq!(health.status(), 200, "the service still answers after {what}");
    }
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM customer_orders"), 0);
    // The 200 MB string alone once cost 410 MB; now reading stops at the part's limit.
    let grown = sheets::peak_rss_mb().saturating_sub(before);
    assert!(grown < 400, "peak memory grew by {grown} MB");
}

#[tokio::test]
async fn an_import_cannot_probe_or_change_a_record_the_caller_may_not_read() {
    let app = spawn_app().await;
    app.exec("UPDATE customers SET confidentiality = 'top_secret', bank_account = '6222 0000 1111' WHERE code = 'C-0002'");
    let before = app.count("SELECT version AS n FROM customers WHERE code = 'C-0002'");
    let header = "客户编号,客户名称,客户性质,内外销,客户类别,区域,银行账号,保密等级\n";
    let answer = |code: &str, dry: bool| {
        let file = format!("{header}{code},宁波汽配制造有限公司,法人,内销,一般,华东,6222 0000 1111,秘密\n").into_bytes();
        let app = &app;
        async move { import(app, "sales_manager", if dry { "dry_run=true" } else { "" }, file, "text/csv").await }
    };
    // The sales manager gets 404 on the 绝密 record; the import answers as for a code that does not exist.
    assert_eq!(app.get("sales_manager", &format!("/customers/{}", app.customer_id("sales", "C-0002").await)).await.0, 404);
    for dry in [true, false] {
        let (s, secret) = answer("C-0002", dry).await;
        let (s2, unknown) = answer("C-9999", dry).await;
        assert_eq!((s, s2), (StatusCode::UNPROCESSABLE_ENTITY, StatusCode::UNPROCESSABLE_ENTITY), "{secret} {unknown}");
        assert_eq!(secret["errors"], unknown["errors"], "indistinguishable from an unknown code");
        assert!(!secret.to_string().contains("宁波汽配"), "{secret}");
    }
    assert_eq!(app.count("SELECT version AS n FROM customers WHERE code = 'C-0002'"), before, "nothing changed");
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM customers WHERE code = 'C-0002' AND confidentiality = 'top_secret'"), 1);
    // Matched by tax id, the answer does not name it either.
    app.exec("UPDATE customers SET tax_id = '91330200MA2XXXXX2X', tax_key = '91330200MA2XXXXX2X' WHERE code = 'C-0002'");
    let file = format!("{HEADER},别名公司,法人,内销,一般,华东,91330200MA2XXXXX2X,,,sales\n").into_bytes();
    let (s, v) = import(&app, "sales_manager", "dry_run=true", file, "text/csv").await;
    assert_eq!(s, 422, "{v}");
    assert!(!v.to_string().contains("C-0002") && !v.to_string().contains("宁波"), "{v}");
    app.assert_invariants();
}
