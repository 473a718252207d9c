//! Who may not act, bad input, and races: nothing changes when refused.

use kehu_tests::*;
use reqwest::Method;
use serde_json::json;

/// For each step, everyone but the step's actors is refused and the case stays as it was.
#[tokio::test]
async fn roles_that_may_not_act_are_refused_and_nothing_changes() {
    let app = spawn_app().await;
    let production = app.department_id("production").await;
    let steps: Vec<(&str, &[&str], serde_json::Value)> = vec![
        ("submit", &["sales", "sales_manager"], json!({})),
        ("register", &["coordinator"], json!({"severity": "general", "kind": "quality"})),
        (
            "conclude_investigation",
            &["qa"],
            json!({"defect_verified": true, "cause": "x", "responsible": [{"department_id": production, "ratio_percent": 100}]}),
        ),
        ("submit_countermeasure", &["production"], json!({"cause_analysis": "a", "containment": "b", "permanent_actions": "c"})),
        ("forward_to_sales", &["coordinator"], json!({})),
        ("propose_resolution", &["sales", "sales_manager"], json!({"lines": [{"kind": "compensation", "amount": "120000.00"}]})),
        ("submit_for_approval", &["coordinator"], json!({"opinion": "x"})),
        ("approve", &["deputy_gm"], json!({})),
        ("record_outcome", &["sales", "sales_manager"], json!({"accepted": true, "answered_on": "2026-11-20"})),
        ("countersign", &["supervisor", "sales_manager"], json!({})),
        ("close", &["coordinator"], json!({})),
    ];
    let id = app.draft().await;
    for (action, allowed, body) in steps {
        let before = app.version(id).await;
        let events_before = app.count(&format!("SELECT COUNT(*) AS n FROM complaint_events WHERE complaint_id = {id}"));
        for user in USERS.iter().filter(|u| !allowed.contains(u)) {
            let (s, v) = app.act_at(user, id, before, action, body.clone()).await;
            assert!(s == 403 || s == 404, "{user} {action}: {s} {v}");
            assert_eq!(v["code"], if s == 403 { "forbidden" } else { "not_found" });
        }
        assert_eq!(app.version(id).await, before, "{action}: refused calls changed the case");
        assert_eq!(app.count(&format!("SELECT COUNT(*) AS n FROM complaint_events WHERE complaint_id = {id}")), events_before);
        app.ok(allowed[0], id, action, body).await;
    }
    app.assert_invariants();
}

#[tokio::test]
async fn wrong_state_is_409_and_stale_version_is_412() {
    let app = spawn_app().await;
    let id = app.draft().await;
    let (s, v) = app.act("coordinator", id, "register", json!({"severity": "general", "kind": "quality"})).await;
    assert_eq!(s, 404, "coordinator does not see drafts: {v}");
    let (s, v) = app.act("sales", id, "approve", json!({})).await;
    assert_eq!(s, 409, "{v}");
    let v0 = app.version(id).await;
    app.ok("sales", id, "submit", json!({})).await;
    let (s, v) = app.act_at("coordinator", id, v0, "register", json!({"severity": "general", "kind": "quality"})).await;
    assert_eq!(s, 412, "{v}");
    let res = app
        .call("coordinator", Method::POST, &format!("/complaints/{id}/actions/register"), Some(json!({"severity": "general", "kind": "quality"})), None)
        .await;
    assert_eq!(res.status(), 428);
    let (s, _) = app.act("coordinator", id, "no_such_action", json!({})).await;
    assert_eq!(s, 404);
    app.assert_invariants();
}

#[tokio::test]
async fn bad_input_gets_problems_and_changes_nothing() {
    let app = spawn_app().await;
    let customer = app.customer_id("sales", "C-0001").await;
    let count = || app.count("SELECT COUNT(*) AS n FROM complaints");
    let before = count();
    let cases = [
        (json!({"product_number": "x"}), 422, "customer_id"),
        (
            {
                let mut b = intake(customer);
                b["claim_amount"] = json!("-5.00");
                b
            },
            422,
            "claim_amount",
        ),
        (
            {
                let mut b = intake(customer);
                b["claim_amount"] = json!("1.005");
                b
            },
            422,
            "claim_amount",
        ),
        (
            {
                let mut b = intake(customer);
                b["claim_amount"] = json!(1.5);
                b
            },
            400,
            "claim_amount",
        ),
        (
            {
                let mut b = intake(customer);
                b["channel"] = json!("pigeon");
                b
            },
            422,
            "channel",
        ),
        (
            {
                let mut b = intake(customer);
                b["defective_quantity"] = json!(5000);
                b
            },
            422,
            "defective_quantity",
        ),
        (
            {
                let mut b = intake(customer);
                b["surprise"] = json!(1);
                b
            },
            400,
            "surprise",
        ),
    ];
    for (body, status, field) in cases {
        let (s, v) = app.post("sales", "/complaints", body.clone()).await;
        assert_eq!(s.as_u16(), status, "{body}: {v}");
        assert_eq!(v["status"], status);
        assert!(v["request_id"].is_string());
        assert!(v["errors"].as_array().unwrap().iter().any(|e| e["field"] == field), "{field} in {v}");
    }
    let token = app.token("sales").await;
    let res = app.client.post(app.url("/complaints")).bearer_auth(&token).header("content-type", "text/plain").body("hello").send().await.unwrap();
    assert_eq!(res.status(), 415);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    let res =
        app.client.post(app.url("/complaints")).bearer_auth(&token).header("content-type", "application/json").body("{\"customer_id\": ").send().await.unwrap();
    assert_eq!(res.status(), 400);
    let huge = format!("{{\"description\": \"{}\"}}", "x".repeat(400_000));
    let res = app.client.post(app.url("/complaints")).bearer_auth(&token).header("content-type", "application/json").body(huge).send().await.unwrap();
    assert_eq!(res.status(), 413);
    let res = app.client.get(app.url("/complaints")).send().await.unwrap();
    assert_eq!(res.status(), 401);
    // Resolution lines: float-like and negative money, missing inputs.
    let id = app.to_sales_proposal().await;
    let v0 = app.version(id).await;
    for lines in
        [json!([{"kind": "compensation", "amount": "1e5"}]), json!([{"kind": "return", "quantity": 3}]), json!([{"kind": "refund", "amount": "1"}]), json!([])]
    {
        let (s, v) = app.act_at("sales", id, v0, "propose_resolution", json!({"lines": lines})).await;
        assert_eq!(s, 422, "{lines}: {v}");
    }
    assert_eq!(app.version(id).await, v0);
    assert_eq!(count(), before + 1);
    assert_eq!(app.count(&format!("SELECT COUNT(*) AS n FROM resolution_lines WHERE complaint_id = {id}")), 0);
    app.assert_invariants();
}

#[tokio::test]
async fn incomplete_forms_cannot_be_submitted() {
    let app = spawn_app().await;
    let customer = app.customer_id("sales", "C-0001").await;
    let (s, v) = app.post("sales", "/complaints", json!({"customer_id": customer, "description": "坏了"})).await;
    assert_eq!(s, 201, "a draft may be incomplete: {v}");
    let id = v["id"].as_i64().unwrap();
    let (s, v) = app.act("sales", id, "submit", json!({})).await;
    assert_eq!(s, 422);
    let fields: Vec<&str> = v["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert!(fields.contains(&"ship_date") && fields.contains(&"product_number"), "{fields:?}");
    app.assert_invariants();
}

/// The actions off the main route: each refused to everyone but its actors.
#[tokio::test]
async fn side_actions_are_refused_to_the_wrong_roles() {
    let app = spawn_app().await;
    let production = app.department_id("production").await;
    let reason = json!({"reason": "x"});

    // Before registration: only the coordinator returns a form to sales.
    let id = app.draft().await;
    app.ok("sales", id, "submit", json!({})).await;
    app.assert_refused(id, "return_to_sales", &["coordinator"], &reason).await;
    app.assert_refused(id, "remind", &["coordinator"], &json!({})).await;
    app.ok("coordinator", id, "register", json!({"severity": "severe", "kind": "quality"})).await;

    // QA step: QA or the coordinator return it; QA records containment or declares it invalid.
    app.assert_refused(id, "return_to_sales", &["coordinator", "qa"], &reason).await;
    let containment = json!({"measures": ["quarantine"], "description": "隔离库存"});
    app.assert_refused(id, "record_containment", &["qa"], &containment).await;
    let c = app.ok("qa", id, "record_containment", containment).await;
    assert!(c["containment_recorded_at"].is_string());
    app.assert_refused(id, "send_back", &["qa", "coordinator"], &reason).await;
    app.assert_refused(id, "declare_invalid", &["qa"], &reason).await;
    app.assert_refused(id, "withdraw", &["coordinator"], &reason).await;
    app.assert_refused(id, "remind", &["coordinator"], &json!({})).await;
    let c = app.ok("coordinator", id, "remind", json!({"note": "请尽快"})).await;
    assert_eq!(c["state"], "qa_investigation");

    // Engineering detour.
    let conclude =
        json!({"defect_verified": true, "cause": "x", "engineering_needed": true, "responsible": [{"department_id": production, "ratio_percent": 100}]});
    app.ok("qa", id, "conclude_investigation", conclude).await;
    app.assert_refused(id, "send_back", &["production", "coordinator"], &reason).await;
    app.assert_refused(id, "record_containment", &["qa", "production"], &json!({"measures": ["reinspection"], "description": "复检"})).await;
    let c = app.ok("production", id, "submit_countermeasure", json!({"cause_analysis": "a", "containment": "b", "permanent_actions": "c"})).await;
    assert_eq!(c["state"], "engineering_review");
    let opinion = json!({"opinion": "改模"});
    app.assert_refused(id, "submit_engineering_opinion", &["engineering"], &opinion).await;
    let c = app.ok("engineering", id, "submit_engineering_opinion", opinion).await;
    assert_eq!(c["state"], "coordinator_review");
    let c = app.ok("coordinator", id, "send_back", reason.clone()).await;
    assert_eq!(c["state"], "engineering_review", "send_back returns to the engineering step it came from");

    // Approval: only the tier's approver rejects.
    let id = app.to_approval("120000.00").await;
    app.assert_refused(id, "reject", &["deputy_gm"], &reason).await;
    app.assert_refused(id, "send_back", &["deputy_gm", "coordinator"], &reason).await;

    // Invalid notice: sales of the case's department confirm.
    let id = app.draft().await;
    app.ok("sales", id, "submit", json!({})).await;
    app.ok("coordinator", id, "register", json!({"severity": "general", "kind": "quality"})).await;
    app.ok("qa", id, "declare_invalid", reason.clone()).await;
    let notice = json!({"method": "letter", "informed_on": "2026-11-20"});
    app.assert_refused(id, "confirm_invalid_notice", &["sales", "sales_manager"], &notice).await;
    app.assert_invariants();
}
