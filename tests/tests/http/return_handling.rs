//! The internal handling of returned goods (客户退换货处理单): it opens at the
//! warehouse receipt; QA inspects and labels, engineering plans with a cost,
//! the general manager approves or sends the plan back, PMC schedules,
//! production reworks, the warehouse takes the goods back (stock ledger).
//! An approved exchange gets its linked new order.

use super::return_note::{call, id_v, in_box, ok, step as note_step, to_receive_as};
use futures_util::future::join_all;
use kehu_tests::*;
use reqwest::Method;
use serde_json::{json, Value};

async fn step(app: &TestApp, user: &str, r: &Value, action: &str, body: Value) -> (u16, Value) {
    let (id, v) = id_v(r);
    call(app, user, Method::POST, &format!("/returns/{id}/handling/actions/{action}"), body, v).await
}

async fn done(app: &TestApp, user: &str, r: &Value, action: &str, body: Value) -> Value {
    let (s, x) = step(app, user, r, action, body).await;
    assert_eq!(s, 200, "{user} {action}: {x}");
    x
}

fn field(e: &Value) -> Option<&str> {
    e["errors"][0]["field"].as_str()
}

fn ledger(app: &TestApp, id: i64, movement: &str) -> i64 {
    app.count(&format!("SELECT CAST(COALESCE(SUM(quantity), 0) AS BIGINT) AS n FROM stock_ledger WHERE return_id = {id} AND movement = '{movement}'"))
}

/// An application of `kind` received by the warehouse (9 of 10, 4 of 4):
/// the handling is with QA.
async fn in_store(app: &TestApp, kind: &str) -> Value {
    let r = to_receive_as(app, None, kind).await;
    let r = ok(app, "warehouse", &r, "receive", json!({"quantities": [9, 4]})).await;
    assert_eq!(r["handling"]["state"], "qa_inspection", "{r}");
    r
}

fn plan(disposition: &str, text: Option<&str>, cost: &str) -> Value {
    json!({"plan": {"analysis": "电源板焊点虚焊", "disposition": disposition, "plan": text, "cost": cost}})
}

#[tokio::test]
async fn returned_goods_are_inspected_planned_approved_scheduled_reworked_and_taken_back() {
    let app = spawn_app().await;
    // A rework application (重修): the goods come back, are reworked and go out again.
    let r = in_store(&app, "rework").await;
    assert_eq!(r["kind"], "rework");
    let id = r["id"].as_i64().unwrap();
    let (_, tasks) = app.get("qa", "/returns?box=to_act").await;
    assert!(in_box(&tasks, id), "QA's step: {tasks}");
    // QA's step, with QA's part only.
    for user in ["warehouse", "engineering", "sales", "gm"] {
        let (s, _) = step(&app, user, &r, "inspect", json!({"qa": {"finding": "外壳划伤", "label": "待整改"}})).await;
        assert_eq!(s, 403, "{user}");
    }
    let (s, e) = step(&app, "qa", &r, "inspect", json!({})).await;
    assert_eq!((s, field(&e)), (422, Some("qa")), "{e}");
    let (s, e) = step(&app, "qa", &r, "inspect", json!({"qa": {"finding": "x", "label": "y"}, "quantities": [1, 1]})).await;
    assert_eq!((s, field(&e)), (422, Some("quantities")), "{e}");
    let (s, e) = step(&app, "qa", &r, "inspect", json!({"qa": {"finding": " ", "label": "待整改"}})).await;
    assert_eq!((s, field(&e)), (422, Some("qa.finding")), "{e}");
    let r = done(&app, "qa", &r, "inspect", json!({"qa": {"finding": "外壳划伤，开机无显示", "label": "待整改"}})).await;
    assert_eq!((r["handling"]["state"].as_str(), r["handling"]["qa_label"].as_str()), (Some("analysis"), Some("待整改")));
    // Engineering: a rework needs its plan; a cost is an amount, not negative.
    let (s, e) = step(&app, "engineering", &r, "plan", plan("rework", None, "1200")).await;
    assert_eq!((s, field(&e)), (422, Some("plan.plan")), "{e}");
    let (s, e) = step(&app, "engineering", &r, "plan", plan("rework", Some("换板"), "-5")).await;
    assert_eq!((s, field(&e)), (422, Some("plan.cost")), "{e}");
    let r = done(&app, "engineering", &r, "plan", plan("rework", Some("更换电源板"), "1200.50")).await;
    assert_eq!(r["handling"]["cost"]["amount"], "1200.50");
    // The general manager sends it back with a reason, then approves the new plan.
    let (s, e) = step(&app, "gm", &r, "reject_plan", json!({})).await;
    assert_eq!((s, field(&e)), (422, Some("comment")), "{e}");
    let (s, _) = step(&app, "deputy_gm", &r, "approve_plan", json!({})).await;
    assert_eq!(s, 403);
    let r = done(&app, "gm", &r, "reject_plan", json!({"comment": "成本过高，先评估换壳"})).await;
    assert_eq!((r["handling"]["state"].as_str(), r["handling"]["rejection"].as_str()), (Some("analysis"), Some("成本过高，先评估换壳")));
    let r = done(&app, "engineering", &r, "plan", plan("rework", Some("更换电源板并老化 4 小时"), "800")).await;
    assert!(r["handling"]["rejection"].is_null());
    let r = done(&app, "gm", &r, "approve_plan", json!({})).await;
    assert_eq!(r["handling"]["state"], "scheduling");
    // PMC schedules: the finish is not before the start.
    let (_, tasks) = app.get("pmc", "/returns?box=to_act").await;
    assert!(in_box(&tasks, id), "PMC's step: {tasks}");
    let sched = |start: &str, finish: &str| json!({"schedule": {"start_on": start, "finish_on": finish, "production_unit": "装配二线", "material_issue": "FL2612-0031"}});
    let (s, _) = step(&app, "production", &r, "schedule", sched("2026-12-08", "2026-12-09")).await;
    assert_eq!(s, 403, "production reworks, PMC schedules");
    let (s, e) = step(&app, "pmc", &r, "schedule", sched("2026-12-09", "2026-12-08")).await;
    assert_eq!((s, field(&e)), (422, Some("schedule.finish_on")), "{e}");
    let r = done(&app, "pmc", &r, "schedule", sched("2026-12-08", "2026-12-09")).await;
    assert_eq!((r["handling"]["state"].as_str(), r["handling"]["production_unit"].as_str()), (Some("rework"), Some("装配二线")));
    // Production reworks at most what came back; it draws the goods from the store.
    for (bad, at) in [(json!([10, 4]), "quantities[0]"), (json!([9]), "quantities"), (json!([9, -1]), "quantities[1]")] {
        let (s, e) = step(&app, "production", &r, "complete_rework", json!({"quantities": bad})).await;
        assert_eq!((s, field(&e)), (422, Some(at)), "{e}");
    }
    assert_eq!(ledger(&app, id, "rework_issue"), 0, "bad input changes nothing");
    let r = done(&app, "production", &r, "complete_rework", json!({"quantities": [8, 4], "comment": "一台无法修复"})).await;
    assert_eq!(ledger(&app, id, "rework_issue"), -13);
    // The warehouse takes back what was reworked.
    let (s, e) = step(&app, "warehouse", &r, "re_receive", json!({"quantities": [9, 4]})).await;
    assert_eq!((s, field(&e)), (422, Some("quantities[0]")), "{e}");
    let r = done(&app, "warehouse", &r, "re_receive", json!({"quantities": [8, 4]})).await;
    assert_eq!(r["handling"]["state"], "done");
    assert_eq!(r["handling"]["lines"][0], json!({"product_number": "TV-55", "description": null, "received": 9, "reworked": 8, "re_received": 8}));
    assert_eq!(ledger(&app, id, "rework_receipt"), 12);
    assert_eq!(app.count(&format!("SELECT CAST(SUM(quantity) AS BIGINT) AS n FROM stock_ledger WHERE return_id = {id}")), 12, "in store: what was reworked");
    let (s, _) = step(&app, "warehouse", &r, "re_receive", json!({"quantities": [8, 4]})).await;
    assert_eq!(s, 409, "done");
    let actions: Vec<&str> = r["history"].as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    for a in ["qa_inspect", "plan", "reject_plan", "approve_plan", "schedule", "complete_rework", "re_receive"] {
        assert!(actions.contains(&a), "{a} in {actions:?}");
    }
    let (_, mine) = app.get("sales", "/me/notifications").await;
    assert!(mine.to_string().contains("return_handling_task"), "the applicant hears it is done: {mine}");
    app.assert_invariants();
}

#[tokio::test]
async fn scrapped_goods_go_straight_to_the_warehouse_and_one_of_two_racing_write_offs_lands() {
    let app = spawn_app().await;
    let r = in_store(&app, "return").await;
    let id = r["id"].as_i64().unwrap();
    let (s, _) = step(&app, "qa", &r, "plan", plan("scrap", None, "0")).await;
    assert_eq!(s, 409, "QA inspects first");
    let r = done(&app, "qa", &r, "inspect", json!({"qa": {"finding": "进水腐蚀", "label": "报废"}})).await;
    let r = done(&app, "engineering", &r, "plan", plan("scrap", None, "0")).await;
    let r = done(&app, "gm", &r, "approve_plan", json!({})).await;
    assert_eq!(r["handling"]["state"], "re_receipt", "no rework to schedule");
    let (id_, v) = id_v(&r);
    let path = format!("/returns/{id_}/handling/actions/re_receive");
    let calls = (0..2).map(|_| call(&app, "warehouse", Method::POST, &path, json!({"quantities": [9, 4]}), v));
    let mut codes: Vec<u16> = join_all(calls).await.into_iter().map(|(s, _)| s).collect();
    codes.sort_unstable();
    assert!(codes == [200, 412] || codes == [200, 409], "{codes:?}");
    assert_eq!(ledger(&app, id, "scrapped"), -13);
    assert_eq!(app.count(&format!("SELECT CAST(SUM(quantity) AS BIGINT) AS n FROM stock_ledger WHERE return_id = {id}")), 0, "written off");
    app.assert_invariants();
}

#[tokio::test]
async fn an_approved_exchange_gets_its_new_order_and_nothing_before_the_goods_are_in() {
    let app = spawn_app().await;
    let customer = app.customer_id("sales", "C-0001").await;
    let body = json!({
        "kind": "exchange", "customer_id": customer, "reason": "型号选错", "order_number": "SO-7788",
        "lines": [{"product_number": "TV-55", "quantity": 2, "unit_price": "3000.00"}],
        "eligibility": {"within_warranty": "保修期内", "major_change": "客户选错型号"},
    });
    let (s, mut r) = app.post("sales", "/returns", body).await;
    assert_eq!(s, 201, "{r}");
    assert!(r["handling"].is_null());
    for (user, action) in [("sales", "submit"), ("supervisor", "approve"), ("marketing_manager", "approve")] {
        let (id, v) = id_v(&r);
        let (s, x) = call(&app, user, Method::POST, &format!("/returns/{id}/actions/{action}"), json!({}), v).await;
        assert_eq!(s, 200, "{x}");
        assert!(x["exchange_order"].is_null());
        r = x;
    }
    let (s, e) = step(&app, "qa", &r, "inspect", json!({"qa": {"finding": "x", "label": "y"}})).await;
    assert!(s == 409 || s == 404 || s == 403, "{s} {e}");
    let (id, v) = id_v(&r);
    let (s, r) = call(&app, "gm", Method::POST, &format!("/returns/{id}/actions/approve"), json!({}), v).await;
    assert_eq!(s, 200, "{r}");
    let order = r["exchange_order"]["order_number"].as_str().unwrap().to_owned();
    assert_eq!(order, format!("{}-HH", r["number"].as_str().unwrap()));
    assert_eq!(app.count(&format!("SELECT amount_fen AS n FROM customer_orders WHERE order_number = '{order}'")), 600_000);
    app.assert_invariants();
}

#[tokio::test]
async fn the_note_and_the_handling_each_keep_their_own_working_day_and_are_reminded_once() {
    let app = spawn_app().await;
    let r = in_store(&app, "return").await;
    let id = r["id"].as_i64().unwrap();
    // Received: the note waits for the applicant's proof, the goods for QA; each on its own clock.
    assert!(r["note"]["step_due_at"].is_string() && r["handling"]["step_due_at"].is_string(), "{r}");
    app.exec(&format!("UPDATE document_deadlines SET due_at = '2020-01-01 00:00:00' WHERE document_id = {id}"));
    assert_eq!(kehu_api::worker::scan_overdue(&mut app.conn()).unwrap(), 2);
    assert_eq!(kehu_api::worker::scan_overdue(&mut app.conn()).unwrap(), 0, "once");
    let notices = |user: &str, kind: &str| {
        app.count(&format!("SELECT COUNT(*) AS n FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = '{user}' AND n.kind = '{kind}'"))
    };
    assert_eq!((notices("sales", "return_note_reminder"), notices("qa", "return_handling_reminder")), (1, 1));
    let (_, r) = app.get("qa", &format!("/returns/{id}")).await;
    assert_eq!((r["note"]["overdue"].as_bool(), r["handling"]["overdue"].as_bool()), (Some(true), Some(true)));
    // QA's step done: engineering's day starts.
    let r = done(&app, "qa", &r, "inspect", json!({"qa": {"finding": "外壳划伤", "label": "待整改"}})).await;
    assert_eq!((r["handling"]["overdue"].as_bool(), r["note"]["overdue"].as_bool()), (Some(false), Some(true)));
    app.assert_invariants();
}

#[tokio::test]
async fn the_people_waited_for_keep_a_note_or_handling_step_longer_once_with_a_reason() {
    let app = spawn_app().await;
    let r = in_store(&app, "return").await;
    let id = r["id"].as_i64().unwrap();
    app.exec(&format!("UPDATE document_deadlines SET due_at = '2020-01-01 00:00:00' WHERE document_id = {id}"));
    assert_eq!(kehu_api::worker::scan_overdue(&mut app.conn()).unwrap(), 2);
    let (_, r) = app.get("qa", &format!("/returns/{id}")).await;
    assert!(r["handling"]["available_actions"].as_array().unwrap().contains(&json!("extend")), "{r}");
    // Only QA's own step, and only with the reason written.
    let (s, _) = step(&app, "engineering", &r, "extend", json!({"comment": "样品在外校"})).await;
    assert_eq!(s, 403);
    let (s, e) = step(&app, "qa", &r, "extend", json!({})).await;
    assert_eq!((s, field(&e)), (422, Some("comment")), "{e}");
    let (s, e) = step(&app, "qa", &r, "extend", json!({"comment": "  "})).await;
    assert_eq!((s, field(&e)), (422, Some("comment")), "{e}");
    let r = done(&app, "qa", &r, "extend", json!({"comment": "样品送外校, 待报告"})).await;
    let h = &r["handling"];
    assert_eq!((h["state"].as_str(), h["overdue"].as_bool(), h["step_extended"].as_bool()), (Some("qa_inspection"), Some(false), Some(true)), "{r}");
    assert!(!h["available_actions"].as_array().unwrap().contains(&json!("extend")), "{r}");
    let last = r["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!((last["action"].as_str(), last["note"].as_str()), (Some("extend_handling"), Some("样品送外校, 待报告")));
    let (s, _) = step(&app, "qa", &r, "extend", json!({"comment": "again"})).await;
    assert_eq!(s, 409, "once per step");
    // The note waits for the applicant's proof: the applicant keeps it longer, not accounting.
    let (s, _) = note_step(&app, "finance", &r, "extend", json!({"comment": "x"})).await;
    assert_eq!(s, 403);
    let r = ok(&app, "sales", &r, "extend", json!({"comment": "客户盖章发票在途"})).await;
    assert_eq!((r["note"]["step_extended"].as_bool(), r["note"]["overdue"].as_bool(), r["note"]["state"].as_str()), (Some(true), Some(false), Some("to_book")));
    // The longer deadline passes too: it is reminded again, once.
    app.exec(&format!("UPDATE document_deadlines SET due_at = '2020-01-01 00:00:00' WHERE document_id = {id}"));
    assert_eq!(kehu_api::worker::scan_overdue(&mut app.conn()).unwrap(), 2);
    assert_eq!(kehu_api::worker::scan_overdue(&mut app.conn()).unwrap(), 0);
    // The next step starts unextended.
    let r = done(&app, "qa", &r, "inspect", json!({"qa": {"finding": "外壳划伤", "label": "待整改"}})).await;
    assert_eq!(r["handling"]["step_extended"], false);
    app.assert_invariants();
}
