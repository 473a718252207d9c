//! The monthly penalty run end to end: two months of closed cases, the heads
//! confirm and dispute, the coordinator settles, the general manager
//! approves, HR publishes; the charges, the ledger's carry-over, who reads
//! what, and that nothing doubles.

use chrono::{Datelike, Months, NaiveDate};
use kehu_tests::*;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

/// The first day of the month `back` months before this one, company time.
fn month(back: u32) -> NaiveDate {
    let today = chrono::Utc::now().with_timezone(&chrono_tz::Asia::Shanghai).date_naive();
    NaiveDate::from_ymd_opt(today.year(), today.month(), 1).unwrap().checked_sub_months(Months::new(back)).unwrap()
}

fn ym(d: NaiveDate) -> String {
    d.format("%Y-%m").to_string()
}

/// A case walked to its close with `responsible` shares and a compensation of `amount`, closed mid-`month`.
async fn closed(app: &TestApp, responsible: Value, amount: &str, approver: &str, closed_in: NaiveDate) -> i64 {
    let id = app.draft().await;
    app.ok("sales", id, "submit", json!({})).await;
    app.ok("coordinator", id, "register", json!({"severity": "general", "kind": "quality", "is_major": false})).await;
    app.ok("qa", id, "conclude_investigation", json!({"defect_verified": true, "cause": "模具磨损", "responsible": responsible})).await;
    app.ok("production", id, "submit_countermeasure", json!({"cause_analysis": "a", "containment": "b", "permanent_actions": "c"})).await;
    app.ok("coordinator", id, "forward_to_sales", json!({"remarks": "ok"})).await;
    app.ok("sales", id, "propose_resolution", json!({"lines": [{"kind": "compensation", "amount": amount}]})).await;
    app.ok("coordinator", id, "submit_for_approval", json!({"opinion": "同意赔偿"})).await;
    app.ok(approver, id, "approve", json!({})).await;
    app.ok("sales", id, "record_outcome", json!({"accepted": true, "answered_on": "2026-11-20"})).await;
    app.ok("sales_manager", id, "countersign", json!({})).await;
    app.ok("coordinator", id, "close", json!({})).await;
    app.exec(&format!("UPDATE complaints SET closed_at = '{} 04:00:00' WHERE id = {id}", closed_in.with_day(15).unwrap()));
    id
}

async fn call(app: &TestApp, user: &str, path: &str, body: Value, version: i64) -> (StatusCode, Value) {
    let res = app.call(user, Method::POST, path, Some(body), Some(version)).await;
    let s = res.status();
    (s, res.json().await.unwrap_or(Value::Null))
}

fn items(run: &Value, complaint: i64) -> Vec<&Value> {
    run["items"].as_array().unwrap().iter().filter(|i| i["complaint_id"] == complaint).collect()
}

async fn item_act(app: &TestApp, user: &str, run: &Value, item: &Value, action: &str, body: Value) -> (StatusCode, Value) {
    let path = format!("/penalty-runs/{}/items/{}/actions/{action}", run["id"], item["id"]);
    call(app, user, &path, body, item["version"].as_i64().unwrap()).await
}

async fn run_act(app: &TestApp, user: &str, run: &Value, action: &str, body: Value) -> (StatusCode, Value) {
    call(app, user, &format!("/penalty-runs/{}/actions/{action}", run["id"]), body, run["version"].as_i64().unwrap()).await
}

fn ledger<'a>(run: &'a Value, name: &str) -> &'a Value {
    run["ledger"].as_array().unwrap().iter().find(|l| l["display_name"] == name).unwrap_or(&Value::Null)
}

#[tokio::test]
async fn two_months_run_confirmed_disputed_settled_approved_and_published_with_the_rest_carried_on() {
    let app = spawn_app().await;
    let production = app.department_id("production").await;
    let sales_dept = app.department_id("sales-1").await;
    let sales = app.get("admin", "/users?q=sales").await.1["items"].as_array().unwrap().iter().find(|u| u["username"] == "sales").unwrap()["id"].clone();
    let csv = "账号,班组,基点数,月绩效奖金\nproduction,冲压一班,1.5,3000\npmc,,2.5,6000\nsales,,1,2500\n";
    let res =
        app.client.post(app.url("/pay-basis/import")).bearer_auth(app.token("hr").await).header("content-type", "text/csv").body(csv).send().await.unwrap();
    assert_eq!(res.status(), 200);

    let (m2, m1) = (month(2), month(1));
    let a = closed(&app, json!([{"department_id": production, "team": "冲压一班", "ratio_percent": 100}]), "150000.00", "deputy_gm", m2).await;
    let b = closed(
        &app,
        json!([{"department_id": production, "team": "冲压一班", "ratio_percent": 60}, {"department_id": sales_dept, "person_id": sales, "ratio_percent": 40}]),
        "20000.00",
        "sales_manager",
        m1,
    )
    .await;
    // A case left at QA two months past its whole-case deadline: its department is fined.
    let late = app.draft().await;
    app.ok("sales", late, "submit", json!({})).await;
    app.ok("coordinator", late, "register", json!({"severity": "general", "kind": "quality", "is_major": false})).await;
    app.exec(&format!(
        "UPDATE complaints SET case_due_at = '{} 00:00:00' WHERE id = {late}",
        m1.checked_sub_months(Months::new(1)).unwrap().with_day(10).unwrap()
    ));

    // The older month first: the coordinator starts it, nobody else; once.
    assert_eq!(app.post("sales", "/penalty-runs", json!({"month": ym(m2)})).await.0, 403);
    assert_eq!(app.post("coordinator", "/penalty-runs", json!({"month": ym(month(0))})).await.0, 422, "a month that is not over");
    let (s, run) = app.post("coordinator", "/penalty-runs", json!({"month": ym(m2)})).await;
    assert_eq!(s, 201, "{run}");
    let ia = items(&run, a);
    assert_eq!(ia.len(), 1, "{run}");
    assert_eq!(
        (ia[0]["burden"].as_str(), ia[0]["sanction"].as_str(), ia[0]["team_name"].as_str()),
        (Some("150000.00"), Some("minor_demerit"), Some("冲压一班"))
    );
    let count = app.count("SELECT COUNT(*) AS n FROM penalty_items");
    assert_eq!(app.post("coordinator", "/penalty-runs", json!({"month": ym(m2)})).await.0, 409);
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM penalty_items"), count, "starting a month again adds nothing");

    assert_eq!(item_act(&app, "production", &run, ia[0], "confirm", json!({})).await.0, 403, "not a head");
    assert_eq!(item_act(&app, "qa_manager", &run, ia[0], "confirm", json!({})).await.0, 403, "another department's head");
    let (s, run) = item_act(&app, "pmc", &run, ia[0], "confirm", json!({})).await;
    assert_eq!(s, 200, "{run}");
    let run = app.get("coordinator", &format!("/penalty-runs/{}", run["id"])).await.1;
    let (s, run) = run_act(&app, "coordinator", &run, "submit", json!({})).await;
    assert_eq!(s, 200, "{run}");
    assert_eq!(run_act(&app, "coordinator", &run, "approve", json!({})).await.0, 403);
    let (s, run) = run_act(&app, "gm", &run, "approve", json!({})).await;
    assert_eq!((s.as_u16(), run["state"].as_str()), (200, Some("approved")), "{run}");
    // The team bears 150,000 (one member with points), its head the supervisor's two warnings.
    let p = ledger(&run, "孙制造");
    assert_eq!((p["charged"].as_str(), p["deducted"].as_str(), p["carried_on"].as_str()), (Some("150000.00"), Some("1500.00"), Some("148500.00")), "{run}");
    let head = ledger(&run, "钟生管");
    assert_eq!((head["charged"].as_str(), head["deducted"].as_str()), (Some("800.00"), Some("800.00")));
    assert_eq!(run_act(&app, "gm", &run, "publish", json!({})).await.0, 403);
    let (s, run) = run_act(&app, "hr", &run, "publish", json!({})).await;
    assert_eq!((s.as_u16(), run["state"].as_str()), (200, Some("published")));

    // Last month: a dispute the coordinator settles with new ratios, a late fine.
    let (s, run) = app.post("coordinator", "/penalty-runs", json!({"month": ym(m1)})).await;
    assert_eq!(s, 201, "{run}");
    let fine: Vec<&Value> = items(&run, late);
    assert_eq!(
        (fine.len(), fine[0]["kind"].as_str(), fine[0]["burden"].as_str(), fine[0]["state"].as_str()),
        (1, Some("late_fine"), Some("1000.00"), Some("confirmed")),
        "{run}"
    );
    let ib = items(&run, b);
    let (team, person) = (ib.iter().find(|i| i["team_name"] == "冲压一班").unwrap(), ib.iter().find(|i| i["person_id"] == sales).unwrap());
    assert_eq!((team["burden"].as_str(), person["burden"].as_str(), person["sanction"].as_str()), (Some("12000.00"), Some("8000.00"), Some("self_criticism")));
    assert_eq!(item_act(&app, "pmc", &run, team, "dispute", json!({})).await.0, 422, "a dispute says why");
    let (s, run) = item_act(&app, "pmc", &run, team, "dispute", json!({"comment": "模具寿命到期属设备部门"})).await;
    assert_eq!(s, 200, "{run}");
    assert!(items(&run, b).iter().all(|i| i["department_id"] == production), "the head's answer shows his department only: {run}");
    let run = app.get("coordinator", &format!("/penalty-runs/{}", run["id"])).await.1;
    let (s, run) = item_act(&app, "sales_manager", &run, items(&run, b).into_iter().find(|i| i["person_id"] == sales).unwrap(), "confirm", json!({})).await;
    assert_eq!(s, 200, "{run}");
    let run = app.get("coordinator", &format!("/penalty-runs/{}", run["id"])).await.1;
    assert_eq!(run_act(&app, "coordinator", &run, "submit", json!({})).await.0, 409, "a dispute is open");
    let ib = items(&run, b);
    let (team, person) = (ib.iter().find(|i| i["team_name"] == "冲压一班").unwrap(), ib.iter().find(|i| i["person_id"] == sales).unwrap());
    let bad = json!({"comment": "各半", "ratios": [{"item_id": team["id"], "ratio_percent": 50}, {"item_id": person["id"], "ratio_percent": 40}]});
    assert_eq!(item_act(&app, "coordinator", &run, team, "settle", bad).await.0, 422);
    let good = json!({"comment": "各半", "ratios": [{"item_id": team["id"], "ratio_percent": 50}, {"item_id": person["id"], "ratio_percent": 50}]});
    let (s, run) = item_act(&app, "coordinator", &run, team, "settle", good).await;
    assert_eq!(s, 200, "{run}");
    let ib = items(&run, b);
    assert!(ib.iter().all(|i| i["burden"] == "10000.00" && i["ratio_percent"] == 50), "{run}");
    let (s, run) = run_act(&app, "coordinator", &run, "submit", json!({})).await;
    assert_eq!(s, 200, "{run}");
    let (s, run) = run_act(&app, "gm", &run, "approve", json!({})).await;
    assert_eq!(s, 200, "{run}");
    // The team member carries last month's rest in; the salesperson pays 200 and half his bonus.
    let p = ledger(&run, "孙制造");
    assert_eq!(
        (p["carried_in"].as_str(), p["charged"].as_str(), p["deducted"].as_str(), p["carried_on"].as_str()),
        (Some("148500.00"), Some("10000.00"), Some("1500.00"), Some("157000.00"))
    );
    let s_ = ledger(&run, "张业务");
    assert_eq!((s_["charged"].as_str(), s_["deducted"].as_str(), s_["carried_on"].as_str()), (Some("10200.00"), Some("1250.00"), Some("8950.00")));
    assert_eq!(run_act(&app, "gm", &run, "approve", json!({})).await.0, 409, "approved once");
    app.assert_invariants();

    // Who reads what: the worker his own; the head his department; admin nothing.
    let id = run["id"].as_i64().unwrap();
    let (_, own) = app.get("production", &format!("/penalty-runs/{id}")).await;
    assert!(own["ledger"].as_array().unwrap().iter().all(|l| l["display_name"] == "孙制造") && own["items"].as_array().unwrap().is_empty(), "{own}");
    let (_, head) = app.get("pmc", &format!("/penalty-runs/{id}")).await;
    assert!(head["items"].as_array().unwrap().iter().all(|i| i["department_id"] == production));
    assert!(head["ledger"].as_array().unwrap().iter().all(|l| l["department_name"] == "制造部"), "{head}");
    let (_, admin) = app.get("admin", &format!("/penalty-runs/{id}")).await;
    assert!(admin["items"].as_array().unwrap().is_empty() && admin["ledger"].as_array().unwrap().is_empty() && admin["charges"].as_array().unwrap().is_empty());
    let before = app.count("SELECT COUNT(*) AS n FROM personal_data_reads");
    app.get("finance", &format!("/penalty-runs/{id}")).await;
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM personal_data_reads"), before + 1, "finance's read of the run is logged");

    // The items page by page, filtered by department and state.
    let (_, first) = app.get("coordinator", &format!("/penalty-runs/{id}?limit=1")).await;
    assert_eq!((first["items"].as_array().unwrap().len(), first["item_counts"]["total"].as_i64()), (1, Some(3)), "{first}");
    let next = first["items_next"].as_i64().unwrap();
    let (_, second) = app.get("coordinator", &format!("/penalty-runs/{id}?limit=1&after={next}")).await;
    assert!(second["items"][0]["id"].as_i64().unwrap() > next);
    let (_, settled) = app.get("coordinator", &format!("/penalty-runs/{id}?item_state=settled&department_id={production}")).await;
    assert_eq!((settled["items"].as_array().unwrap().len(), settled["item_counts"]["settled"].as_i64()), (1, Some(1)), "{settled}");
    assert_eq!(app.get("coordinator", &format!("/penalty-runs/{id}?limit=0")).await.0, 422);

    // HR's publication list and finance's deduction list, as JSON and as Excel.
    let (_, publication) = app.get("hr", &format!("/penalty-runs/{id}/publication")).await;
    let rows = publication["rows"].as_array().unwrap();
    assert!(rows.iter().any(|r| r["subject"] == "张业务" && r["sanction"] == "self_criticism" && r["fine"] == "200.00"), "{publication}");
    assert!(rows.iter().any(|r| r["subject"] == "冲压一班" && r["role"] == "party" && r["fine"].is_null()), "{publication}");
    let (_, deductions) = app.get("finance", &format!("/penalty-runs/{id}/deductions")).await;
    assert_eq!((deductions["deducted_total"].as_str(), deductions["department_fines_total"].as_str()), (Some("2750.00"), Some("1000.00")), "{deductions}");
    let res = app.call("finance", Method::GET, &format!("/penalty-runs/{id}/deductions?format=xlsx"), None, None).await;
    assert_eq!(res.headers()["content-type"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assert!(res.bytes().await.unwrap().starts_with(b"PK"));
    let (s, _) = app.get("hr", &format!("/penalty-runs/{}/publication", app.get("coordinator", "/penalty-runs").await.1[0]["id"])).await;
    assert_eq!(s, 200);

    // A person's ledger over the months: his own; others' by the rule only.
    let (_, mine) = app.get("production", "/bonus-ledger").await;
    let months: Vec<&str> = mine.as_array().unwrap().iter().map(|l| l["carried_on"].as_str().unwrap()).collect();
    assert_eq!(months, ["148500.00", "157000.00"], "{mine}");
    let worker = app.get("admin", "/users?q=production").await.1["items"][0]["id"].as_i64().unwrap();
    assert_eq!(app.get("sales", &format!("/bonus-ledger?user_id={worker}")).await.0, 404);
    assert_eq!(app.get("pmc", &format!("/bonus-ledger?user_id={worker}")).await.0, 200);
}

#[tokio::test]
async fn the_lists_wait_for_the_approval_and_a_month_is_approved_in_order() {
    let app = spawn_app().await;
    let (_, older) = app.post("coordinator", "/penalty-runs", json!({"month": ym(month(3))})).await;
    let (_, newer) = app.post("coordinator", "/penalty-runs", json!({"month": ym(month(2))})).await;
    assert_eq!(app.get("hr", &format!("/penalty-runs/{}/publication", older["id"])).await.0, 409, "not approved yet");
    assert_eq!(app.get("hr", &format!("/penalty-runs/{}/deductions?format=pdf", older["id"])).await.0, 422);
    let (_, newer) = run_act(&app, "coordinator", &newer, "submit", json!({})).await;
    let (s, _) = run_act(&app, "gm", &newer, "approve", json!({})).await;
    assert_eq!(s, 200);
    let (_, older) = run_act(&app, "coordinator", &older, "submit", json!({})).await;
    let (s, back) = run_act(&app, "gm", &older, "send_back", json!({})).await;
    assert_eq!(s, 422, "sending back says why: {back}");
    let (s, v) = run_act(&app, "gm", &older, "approve", json!({})).await;
    assert_eq!(s, 409, "a later month is approved: {v}");
    let (s, v) = run_act(&app, "gm", &older, "send_back", json!({"comment": "请重新核对"})).await;
    assert_eq!((s.as_u16(), v["state"].as_str()), (200, Some("confirming")));
    assert_eq!(app.post("coordinator", "/penalty-runs", json!({"month": "2026-13"})).await.0, 422);
}

/// Every demo role against the run's endpoints: only the coordinator starts
/// and submits, only the general manager approves, only HR publishes; the
/// lists and the ledger answer everyone, each with what he may read.
#[tokio::test]
async fn every_role_against_the_run_endpoints() {
    let app = spawn_app().await;
    let month = ym(month(4));
    for user in DEMO_USERS.iter().filter(|u| **u != "coordinator") {
        assert_eq!(app.post(user, "/penalty-runs", json!({"month": month})).await.0, 403, "{user} starts a run");
    }
    let (s, run) = app.post("coordinator", "/penalty-runs", json!({"month": month})).await;
    assert_eq!(s, 201);
    let step = |action: &'static str, who: &'static str| (action, who);
    let mut run = run;
    for (action, allowed) in [step("submit", "coordinator"), step("approve", "gm"), step("publish", "hr")] {
        for user in DEMO_USERS.iter().filter(|u| **u != allowed) {
            let (s, _) = run_act(&app, user, &run, action, json!({})).await;
            assert_eq!(s, 403, "{user} {action}");
        }
        let (s, v) = run_act(&app, allowed, &run, action, json!({})).await;
        assert_eq!(s, 200, "{allowed} {action}: {v}");
        run = v;
    }
    for user in DEMO_USERS {
        for path in [
            "/penalty-runs".to_owned(),
            format!("/penalty-runs/{}", run["id"]),
            format!("/penalty-runs/{}/publication", run["id"]),
            format!("/penalty-runs/{}/deductions", run["id"]),
            "/bonus-ledger".to_owned(),
        ] {
            assert_eq!(app.get(user, &path).await.0, 200, "{user} {path}");
        }
    }
}

/// The demo users told of `kind` about run `id`, in DEMO_USERS' order.
async fn told(app: &TestApp, kind: &str, id: &Value) -> Vec<&'static str> {
    let mut out = Vec::new();
    for user in DEMO_USERS {
        let (_, page) = app.get(user, &format!("/me/notifications?kind={kind}")).await;
        if page["items"].as_array().unwrap().iter().any(|n| n["params"]["run_id"].as_str() == Some(id.to_string().as_str())) {
            out.push(user);
        }
    }
    out
}

#[tokio::test]
async fn each_step_of_a_run_tells_whoever_acts_next_and_publication_tells_those_charged() {
    let app = spawn_app().await;
    let production = app.department_id("production").await;
    let sales_dept = app.department_id("sales-1").await;
    let sales = app.get("admin", "/users?q=sales").await.1["items"].as_array().unwrap().iter().find(|u| u["username"] == "sales").unwrap()["id"].clone();
    let csv = "账号,班组,基点数,月绩效奖金\nproduction,冲压一班,1.5,3000\nsales,,1,2500\n";
    let res =
        app.client.post(app.url("/pay-basis/import")).bearer_auth(app.token("hr").await).header("content-type", "text/csv").body(csv).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let shares =
        json!([{"department_id": production, "team": "冲压一班", "ratio_percent": 60}, {"department_id": sales_dept, "person_id": sales, "ratio_percent": 40}]);
    let case = closed(&app, shares, "20000.00", "sales_manager", month(1)).await;

    let (_, run) = app.post("coordinator", "/penalty-runs", json!({"month": ym(month(1))})).await;
    let id = run["id"].clone();
    // The heads of the two departments with items: production's manager, sales-1's manager and supervisor.
    assert_eq!(told(&app, "penalty_review", &id).await, ["sales_manager", "supervisor", "pmc"]);
    let team = items(&run, case).into_iter().find(|i| i["team_name"] == "冲压一班").unwrap().clone();
    let (s, _) = item_act(&app, "pmc", &run, &team, "dispute", json!({"comment": "模具寿命到期属设备部门"})).await;
    assert_eq!(s, 200);
    assert_eq!(told(&app, "penalty_disputed", &id).await, ["coordinator"]);
    let (_, page) = app.get("coordinator", "/me/notifications?kind=penalty_disputed").await;
    assert!(page["items"][0]["body"].as_str().unwrap().contains("模具寿命到期属设备部门"), "{page}");
    let run = app.get("coordinator", &format!("/penalty-runs/{id}")).await.1;
    let team = items(&run, case).into_iter().find(|i| i["team_name"] == "冲压一班").unwrap().clone();
    assert_eq!(item_act(&app, "coordinator", &run, &team, "settle", json!({"comment": "维持原比例"})).await.0, 200);
    let run = app.get("coordinator", &format!("/penalty-runs/{id}")).await.1;
    let person = items(&run, case).into_iter().find(|i| i["person_id"] == sales).unwrap().clone();
    assert_eq!(item_act(&app, "sales_manager", &run, &person, "confirm", json!({})).await.0, 200);
    let run = app.get("coordinator", &format!("/penalty-runs/{id}")).await.1;

    let (_, run) = run_act(&app, "coordinator", &run, "submit", json!({})).await;
    assert_eq!(told(&app, "penalty_approval", &id).await, ["gm"]);
    let (_, run) = run_act(&app, "gm", &run, "send_back", json!({"comment": "请重新核对"})).await;
    assert_eq!(told(&app, "penalty_returned", &id).await, ["coordinator"]);
    let (_, run) = run_act(&app, "coordinator", &run, "submit", json!({})).await;
    let (s, run) = run_act(&app, "gm", &run, "approve", json!({})).await;
    assert_eq!(s, 200, "{run}");
    assert_eq!(told(&app, "penalty_approved", &id).await, ["coordinator", "hr"]);
    let (s, _) = run_act(&app, "hr", &run, "publish", json!({})).await;
    assert_eq!(s, 200);
    // The heads, and the people charged: the team's member and the salesperson.
    assert_eq!(told(&app, "penalty_published", &id).await, ["sales", "sales_manager", "production", "supervisor", "pmc"]);
    let (_, page) = app.get("production", "/me/notifications?kind=penalty_published").await;
    let n = &page["items"][0];
    assert!(n["params"].get("amount").is_none() && !n["body"].as_str().unwrap().contains(".00"), "no amount in a notice: {n}");
}
