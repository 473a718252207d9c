//! The complaint list's total, 我发起的, and the tracking sheet (登记追踪表)
//! as an .xlsx: the same cases as the list the caller may see, with totals
//! equal to a direct sum over them.

use kehu_tests::*;
use serde_json::json;

/// Every case of the list with `query`, as (id, number).
pub(crate) async fn walk(app: &TestApp, user: &str, query: &str) -> Vec<(i64, Option<String>)> {
    let (mut seen, mut cursor) = (Vec::new(), None::<String>);
    loop {
        let url = match &cursor {
            Some(c) => format!("/complaints?limit=200&{query}&cursor={c}"),
            None => format!("/complaints?limit=200&{query}"),
        };
        let (s, v) = app.get(user, &url).await;
        assert_eq!(s, 200, "{url}: {v}");
        for i in v["items"].as_array().unwrap() {
            seen.push((i["id"].as_i64().unwrap(), i["number"].as_str().map(str::to_owned)));
        }
        match v["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => return seen,
        }
    }
}

pub(crate) async fn total(app: &TestApp, user: &str, query: &str) -> i64 {
    let (s, v) = app.get(user, &format!("/complaints/count?{query}")).await;
    assert_eq!(s, 200, "{query}: {v}");
    v["total"].as_i64().unwrap()
}

pub(crate) async fn sheet(app: &TestApp, user: &str, query: &str, language: &str) -> Vec<Vec<String>> {
    let res = app
        .client
        .get(app.url(&format!("/complaints/export?{query}")))
        .bearer_auth(app.token(user).await)
        .header("accept-language", language)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "{query}");
    assert_eq!(res.headers()["content-type"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    let bytes = res.bytes().await.unwrap();
    kehu_api::grid::parse_grid(&bytes, 100_000).expect("an xlsx the service itself reads back")
}

fn user_id(app: &TestApp, name: &str) -> i64 {
    app.count(&format!("SELECT id AS n FROM users WHERE username = '{name}'"))
}

#[tokio::test]
async fn the_total_and_mine_agree_with_the_list() {
    let app = spawn_app().await;
    for _ in 0..3 {
        let id = app.draft().await;
        app.ok("sales", id, "submit", json!({})).await;
    }
    for (user, query) in [
        ("sales", ""),
        ("sales", "mine=true"),
        ("sales", "state=awaiting_registration"),
        ("sales", "q=毛刺"),
        ("sales2", ""),
        ("coordinator", ""),
        ("coordinator", "mine=true"),
        ("gm", "overdue=true"),
    ] {
        assert_eq!(total(&app, user, query).await, walk(&app, user, query).await.len() as i64, "{user} {query}");
    }
    let sales = user_id(&app, "sales");
    let filed = app.count(&format!("SELECT count(*) AS n FROM complaints WHERE created_by = {sales}"));
    assert_eq!(total(&app, "sales", "mine=true").await, filed);
    assert!(filed >= 3);
    assert_eq!(total(&app, "coordinator", "mine=true").await, 0, "the coordinator filed none");
    // The claim amount is on each row.
    let (_, page) = app.get("sales", "/complaints?mine=true&limit=1").await;
    assert_eq!(page["items"][0]["claim_amount"]["amount"], "120000.00", "{page}");
    let (s, v) = app.get("sales", "/complaints/count?state=nonsense").await;
    assert_eq!(s, 422, "{v}");
}

#[tokio::test]
async fn the_tracking_sheet_holds_the_callers_cases_with_their_sums() {
    let app = spawn_app().await;
    let proposed = app.to_approval("3456.78").await;
    let id = app.draft().await;
    app.ok("sales", id, "submit", json!({})).await;
    for (user, query) in [("sales", ""), ("sales2", ""), ("coordinator", ""), ("coordinator", "state=pending_approval")] {
        let rows = sheet(&app, user, query, "zh-CN").await;
        let listed = walk(&app, user, query).await;
        let (header, rest) = rows.split_first().unwrap();
        let (totals, cases) = rest.split_last().unwrap();
        assert_eq!(header[0], "受理日期");
        assert_eq!(header[1], "字号");
        assert_eq!(totals[0], "合计");
        assert_eq!(totals[1], format!("{} 件", listed.len()));
        assert_eq!(cases.len(), listed.len(), "{user} {query}: one row a case");
        // The same cases (numbered ones by number; drafts have none).
        let mut numbers: Vec<String> = cases.iter().map(|r| r[1].clone()).filter(|n| !n.is_empty()).collect();
        let mut want: Vec<String> = listed.iter().filter_map(|(_, n)| n.clone()).collect();
        numbers.sort();
        want.sort();
        assert_eq!(numbers, want, "{user} {query}");
        // The totals row adds up the rows and equals a sum over the same cases.
        let ids = listed.iter().map(|(id, _)| id.to_string()).collect::<Vec<_>>().join(",");
        let ids = if ids.is_empty() { "0".to_owned() } else { ids };
        let sum = |column: usize| cases.iter().map(|r| r[column].parse::<f64>().unwrap_or(0.0)).sum::<f64>();
        let claim = app.count(&format!("SELECT CAST(COALESCE(sum(claim_amount_fen), 0) AS BIGINT) AS n FROM complaints WHERE id IN ({ids})"));
        let defective = app.count(&format!("SELECT CAST(COALESCE(sum(defective_quantity), 0) AS BIGINT) AS n FROM complaints WHERE id IN ({ids})"));
        let loss = app.count(&format!("SELECT CAST(COALESCE(sum(loss_total_fen), 0) AS BIGINT) AS n FROM complaints WHERE id IN ({ids})"));
        assert_eq!((sum(7) * 100.0).round() as i64, claim, "{user} {query}: claim");
        assert_eq!((totals[7].parse::<f64>().unwrap() * 100.0).round() as i64, claim);
        assert_eq!(sum(8) as i64, defective);
        assert_eq!(totals[8].parse::<f64>().unwrap() as i64, defective);
        assert_eq!((totals[12].parse::<f64>().unwrap_or(0.0) * 100.0).round() as i64, loss, "{user} {query}: loss");
    }
    // The proposed case shows its resolution, responsibility and sign-offs.
    let number = app.complaint("coordinator", proposed).await["number"].as_str().unwrap().to_owned();
    let rows = sheet(&app, "coordinator", "state=pending_approval", "zh-CN").await;
    let row = rows.iter().find(|r| r[1] == number).expect("the proposed case");
    assert_eq!(row[11], "索赔");
    assert_eq!(row[13], "制造部", "{row:?}");
    assert_eq!(row[14], "100");
    assert!(!row[18].is_empty() && !row[19].is_empty() && !row[20].is_empty() && !row[21].is_empty(), "signed at each step: {row:?}");
    assert_eq!(row[25], "待核决", "{row:?}");
    // In English when asked.
    let rows = sheet(&app, "coordinator", "state=pending_approval", "en").await;
    assert_eq!(rows[0][0], "Received");
    // A salesperson of another department sees neither case.
    let other = sheet(&app, "sales2", "", "zh-CN").await;
    assert!(other.iter().all(|r| r[1] != number));
    let (s, v) = app.get("sales", "/complaints/export?severity=nonsense").await;
    assert_eq!(s, 422, "{v}");
}
