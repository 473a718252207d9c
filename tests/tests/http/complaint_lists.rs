//! Complaint lists filtered to one state, page by page: the same cases in the
//! same order as the whole list filtered by hand, whichever way it is sorted.

use kehu_tests::*;
use serde_json::json;

async fn walk(app: &TestApp, user: &str, query: &str) -> Vec<(i64, String)> {
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let url = match &cursor {
            Some(c) => format!("/complaints?limit=2&{query}&cursor={c}"),
            None => format!("/complaints?limit=2&{query}"),
        };
        let (s, v) = app.get(user, &url).await;
        assert_eq!(s, 200, "{url}: {v}");
        for i in v["items"].as_array().unwrap() {
            seen.push((i["id"].as_i64().unwrap(), i["state"].as_str().unwrap().to_owned()));
        }
        match v["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => return seen,
        }
    }
}

#[tokio::test]
async fn one_state_pages_like_the_whole_list_filtered() {
    let app = spawn_app().await;
    let mut submitted = Vec::new();
    for i in 0..7 {
        let id = app.draft().await;
        if i % 3 != 0 {
            app.ok("sales", id, "submit", json!({})).await;
            submitted.push(id);
        }
    }
    for sort in ["-created_at", "created_at"] {
        let all = walk(&app, "sales", &format!("sort={sort}")).await;
        for state in ["awaiting_registration", "draft"] {
            let expected: Vec<_> = all.iter().filter(|(_, s)| s == state).cloned().collect();
            let got = walk(&app, "sales", &format!("sort={sort}&state={state}")).await;
            assert_eq!(got, expected, "{state}, {sort}");
        }
        // The demo data has cases of its own in that state.
        let waiting: Vec<i64> = walk(&app, "sales", &format!("sort={sort}&state=awaiting_registration"))
            .await
            .into_iter()
            .map(|(id, _)| id)
            .filter(|id| submitted.contains(id))
            .collect();
        let mut want = submitted.clone();
        if sort.starts_with('-') {
            want.reverse();
        }
        assert_eq!(waiting, want, "{sort}");
    }
    // Two states, and one state with another filter, keep the same order.
    let all = walk(&app, "sales", "sort=-created_at").await;
    let both = walk(&app, "sales", "sort=-created_at&state=draft,awaiting_registration").await;
    assert_eq!(both, all.iter().filter(|(_, s)| s == "draft" || s == "awaiting_registration").cloned().collect::<Vec<_>>());
    let none = walk(&app, "sales", "sort=-created_at&state=closed&severity=general").await;
    assert!(none.is_empty());
    app.assert_invariants();
}
