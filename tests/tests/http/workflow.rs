//! Complaints walked through the workflow over HTTP.

use kehu_tests::*;
use serde_json::json;

#[tokio::test]
async fn each_tier_is_approved_by_its_approver_and_closes() {
    let app = spawn_app().await;
    for (amount, approver, tier) in [("100000.00", "sales_manager", 1), ("100000.01", "deputy_gm", 2), ("150000.01", "gm", 3)] {
        let id = app.to_approval(amount).await;
        let c = app.complaint("coordinator", id).await;
        assert_eq!(c["state"], "pending_approval");
        assert_eq!(c["approval"]["tier"], tier, "{amount}");
        assert_eq!(c["approval"]["approver_role"], approver);
        assert_eq!(c["approval"]["policy_version"], 1);
        assert_eq!(c["resolution"]["settlement_total"]["amount"], amount);
        for other in ["sales_manager", "deputy_gm", "gm"].iter().filter(|u| **u != approver) {
            let (s, _) = app.act(other, id, "approve", json!({})).await;
            assert!(s == 403 || s == 404, "{other} approving tier {tier}: {s}");
        }
        let seen = app.complaint(approver, id).await;
        assert!(seen["available_actions"].as_array().unwrap().iter().any(|a| a == "approve"));
        app.ok(approver, id, "approve", json!({"comment": "同意"})).await;
        app.ok("sales", id, "record_outcome", json!({"accepted": true, "answered_on": "2026-11-20"})).await;
        app.ok("supervisor", id, "countersign", json!({})).await;
        let closed = app.ok("coordinator", id, "close", json!({"remarks": "结案"})).await;
        assert_eq!(closed["state"], "closed");
        assert_eq!(closed["closure"], "resolved");
        assert_eq!(closed["first_closure"], true);
        assert!(closed["number"].as_str().unwrap().len() >= 9);
    }
    app.assert_invariants();
}

#[tokio::test]
async fn the_proposer_never_approves() {
    let app = spawn_app().await;
    let id = app.to_sales_proposal().await;
    // The sales manager proposes for their own department...
    app.ok("sales_manager", id, "propose_resolution", json!({"lines": [{"kind": "discount", "amount": "500.00"}]})).await;
    app.ok("coordinator", id, "submit_for_approval", json!({"opinion": "ok"})).await;
    // ...and the case routes to them, but they may not approve it.
    let (s, _) = app.act("sales_manager", id, "approve", json!({})).await;
    assert_eq!(s, 403);
    app.assert_invariants();
}

#[tokio::test]
async fn invalid_path_closes_as_invalid() {
    let app = spawn_app().await;
    let id = app.draft().await;
    app.ok("sales", id, "submit", json!({})).await;
    app.ok("coordinator", id, "register", json!({"severity": "incidental", "kind": "non_quality", "non_quality_cause": "late_delivery"})).await;
    let c = app.ok("qa", id, "declare_invalid", json!({"reason": "客户使用不当"})).await;
    assert_eq!(c["state"], "invalid_notice");
    let c = app.ok("sales", id, "confirm_invalid_notice", json!({"method": "letter", "informed_on": "2026-11-20"})).await;
    assert_eq!(c["state"], "closed");
    assert_eq!(c["closure"], "invalid");
    app.assert_invariants();
}

#[tokio::test]
async fn send_back_and_reject_paths() {
    let app = spawn_app().await;
    let id = app.to_approval("5000.00").await;
    let c = app.ok("sales_manager", id, "reject", json!({"reason": "金额过高"})).await;
    assert_eq!(c["state"], "sales_proposal");
    app.ok("sales", id, "propose_resolution", json!({"lines": [{"kind": "return", "quantity": 10, "unit_price": "12.35"}]})).await;
    let c = app.ok("coordinator", id, "send_back", json!({"reason": "请补充"})).await;
    assert_eq!(c["state"], "sales_proposal");
    let c = app.ok("sales", id, "propose_resolution", json!({"lines": [{"kind": "return", "quantity": 10, "unit_price": "12.35"}]})).await;
    assert_eq!(c["resolution"]["settlement_total"]["amount"], "123.50");
    assert_eq!(c["resolution"]["loss_total"]["amount"], "24.70");
    // Sending back from QA leads to registration; from there the coordinator returns it to sales.
    let id2 = app.draft().await;
    app.ok("sales", id2, "submit", json!({})).await;
    let (s, _) = app.act("coordinator", id2, "send_back", json!({"reason": "x"})).await;
    assert_eq!(s, 409, "nothing before registration to send back to");
    let c = app.ok("coordinator", id2, "return_to_sales", json!({"reason": "缺少交运日期", "missing_items": ["ship_date"]})).await;
    assert_eq!(c["state"], "draft");
    app.assert_invariants();
}

#[tokio::test]
async fn not_accepted_closes_as_superseded_and_opens_a_linked_draft() {
    let app = spawn_app().await;
    let id = app.to_approval("800.00").await;
    app.ok("sales_manager", id, "approve", json!({})).await;
    let (s, v) = app.act("sales", id, "record_outcome", json!({"accepted": false, "answered_on": "2026-11-21", "remarks": "客户要求更高赔偿"})).await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["complaint"]["closure"], "superseded");
    let follow = v["follow_up_id"].as_i64().unwrap();
    let draft = app.complaint("sales", follow).await;
    assert_eq!(draft["state"], "draft");
    assert_eq!(draft["supersedes_id"], id);
    assert_eq!(draft["intake"]["product_number"], "BRK-2207");
    app.assert_invariants();
}

#[tokio::test]
async fn withdraw_by_sales_before_registration_and_by_coordinator_after() {
    let app = spawn_app().await;
    let id = app.draft().await;
    let c = app.ok("sales", id, "withdraw", json!({"reason": "客户撤回"})).await;
    assert_eq!(c["closure"], "withdrawn");
    let id = app.to_sales_proposal().await;
    let (s, _) = app.act("sales", id, "withdraw", json!({"reason": "x"})).await;
    assert_eq!(s, 403);
    let c = app.ok("coordinator", id, "withdraw", json!({"reason": "业务申请撤回"})).await;
    assert_eq!(c["closure"], "withdrawn");
    app.assert_invariants();
}

#[tokio::test]
async fn history_records_every_step_with_actor_and_role() {
    let app = spawn_app().await;
    let id = app.to_approval("100.00").await;
    let (s, v) = app.get("qa", &format!("/complaints/{id}/events")).await;
    assert_eq!(s, 200);
    let items = v["items"].as_array().unwrap();
    let actions: Vec<&str> = items.iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(
        actions,
        ["create", "submit", "register", "conclude_investigation", "submit_countermeasure", "forward_to_sales", "propose_resolution", "submit_for_approval"]
    );
    let approval = items.last().unwrap();
    assert_eq!(approval["actor_role"], "coordinator");
    assert_eq!(approval["from_state"], "consolidation");
    assert_eq!(approval["to_state"], "pending_approval");
    assert_eq!(approval["body"]["tier"], 1);
    assert!(approval["step_due_at"].is_string());
    // Each state change left exactly one event per version.
    let c = app.complaint("qa", id).await;
    assert_eq!(c["version"].as_i64().unwrap(), items.len() as i64);
    app.assert_invariants();
}

#[tokio::test]
async fn the_approver_is_notified_and_sees_the_task() {
    let app = spawn_app().await;
    let id = app.to_approval("120000.00").await;
    let (_, tasks) = app.get("deputy_gm", "/me/tasks").await;
    assert!(tasks.as_array().unwrap().iter().any(|t| t["id"] == id));
    let (_, tasks) = app.get("sales_manager", "/me/tasks").await;
    assert!(!tasks.as_array().unwrap().iter().any(|t| t["id"] == id));
    let (_, n) = app.get("deputy_gm", "/me/notifications/unread-count").await;
    assert!(n["count"].as_i64().unwrap() >= 1);
    app.assert_invariants();
}

#[tokio::test]
async fn major_complaints_alert_the_managers() {
    let app = spawn_app().await;
    let id = app.draft().await;
    app.ok("sales", id, "submit", json!({})).await;
    app.ok("coordinator", id, "register", json!({"severity": "severe", "kind": "quality", "is_major": true})).await;
    for user in ["sales_manager", "deputy_gm", "gm"] {
        let (_, v) = app.get(user, "/me/notifications").await;
        assert!(v["items"].as_array().unwrap().iter().any(|n| n["kind"] == "major_alert" && n["complaint_id"] == id), "{user}");
    }
    let (_, v) = app.get("sales_manager2", "/me/notifications").await;
    assert!(!v["items"].as_array().unwrap().iter().any(|n| n["kind"] == "major_alert"));
    // Stored as a kind and its values; each reader gets the words of their language.
    let alert = |v: &serde_json::Value| v["items"].as_array().unwrap().iter().find(|n| n["kind"] == "major_alert").cloned().unwrap();
    let zh = alert(&app.get("gm", "/me/notifications").await.1);
    let number = zh["params"]["number"].as_str().unwrap().to_owned();
    assert_eq!(zh["title"], format!("重大投诉：{number}"));
    let res = app.client.get(app.url("/me/notifications")).bearer_auth(app.token("gm").await).header("accept-language", "en-GB,en;q=0.8").send().await.unwrap();
    let en = alert(&res.json().await.unwrap());
    assert_eq!(en["title"], format!("Major complaint: {number}"));
    assert_eq!(en["params"], zh["params"]);
    let (_, tasks) = app.get("coordinator", "/me/notifications").await;
    let task = tasks["items"].as_array().unwrap().iter().find(|n| n["kind"] == "task" && n["complaint_id"] == id).cloned().unwrap();
    assert!(task["body"].as_str().unwrap().contains("待登记"), "the step is worded, not its code: {task}");
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM notifications WHERE body <> '' OR title <> ''"), 0, "no sentence is stored");
    let c = app.complaint("qa", id).await;
    assert!(c["containment_due_at"].is_string(), "severe quality cases get a containment deadline");
    app.assert_invariants();
}

#[tokio::test]
async fn a_closed_case_shows_who_did_what_with_its_lines_and_responsibilities() {
    let app = spawn_app().await;
    let id = app.to_sales_proposal().await;
    app.ok(
        "sales",
        id,
        "propose_resolution",
        json!({"lines": [{"kind": "compensation", "amount": "800.00"}, {"kind": "discount", "amount": "200.50", "remarks": "下单折扣"}]}),
    )
    .await;
    app.ok("coordinator", id, "submit_for_approval", json!({"opinion": "同意"})).await;
    app.ok("sales_manager", id, "approve", json!({"comment": "同意"})).await;
    app.ok("sales", id, "record_outcome", json!({"accepted": true, "answered_on": "2026-11-20"})).await;
    app.ok("supervisor", id, "countersign", json!({})).await;
    app.ok("coordinator", id, "close", json!({"remarks": "结案"})).await;
    for user in ["gm", "qa", "sales"] {
        let c = app.complaint(user, id).await;
        assert_eq!(c["customer"]["name"], "苏州精密机械有限公司", "{c}");
        assert!(!c["created_by"]["name"].as_str().unwrap().is_empty());
        assert!(!c["sales_department"]["name"].as_str().unwrap().is_empty());
        assert!(!c["countermeasure_department"]["name"].as_str().unwrap().is_empty());
        assert_eq!(c["resolution"]["proposed_by"]["id"], c["created_by"]["id"]);
        assert!(!c["approval"]["approved_by"]["name"].as_str().unwrap().is_empty());
        let lines = c["resolution"]["lines"].as_array().unwrap();
        assert_eq!(lines.len(), 2);
        assert_eq!((lines[0]["kind"].as_str(), lines[0]["settlement"]["amount"].as_str()), (Some("compensation"), Some("800.00")));
        assert_eq!((lines[1]["kind"].as_str(), lines[1]["remarks"].as_str()), (Some("discount"), Some("下单折扣")));
        assert_eq!(c["resolution"]["settlement_total"]["amount"], "1000.50");
        let resp = c["responsibilities"].as_array().unwrap();
        assert_eq!(resp.len(), 1);
        assert_eq!((resp[0]["team"].as_str(), resp[0]["ratio_percent"].as_i64()), (Some("冲压一班"), Some(100)));
        assert_eq!(resp[0]["department_name"], c["countermeasure_department"]["name"]);
    }
    app.assert_invariants();
}

#[tokio::test]
async fn each_step_is_in_the_inbox_of_exactly_its_owners() {
    let app = spawn_app().await;
    let production = app.department_id("production").await;
    let id = app.draft().await;
    let steps: [(&str, &str, serde_json::Value, &[&str]); 12] = [
        ("", "", json!({}), &["sales", "sales_manager"]),
        ("sales", "submit", json!({}), &["coordinator"]),
        ("coordinator", "register", json!({"severity": "general", "kind": "quality"}), &["qa"]),
        (
            "qa",
            "conclude_investigation",
            json!({"defect_verified": true, "cause": "c", "responsible": [{"department_id": production, "ratio_percent": 100}]}),
            &["production"],
        ),
        ("production", "submit_countermeasure", json!({"cause_analysis": "a", "containment": "b", "permanent_actions": "c"}), &["coordinator"]),
        ("coordinator", "forward_to_sales", json!({}), &["sales", "sales_manager"]),
        ("sales", "propose_resolution", json!({"lines": [{"kind": "compensation", "amount": "100.00"}]}), &["coordinator"]),
        ("coordinator", "submit_for_approval", json!({"opinion": "ok"}), &["sales_manager"]),
        ("sales_manager", "approve", json!({}), &["sales", "sales_manager"]),
        ("sales", "record_outcome", json!({"accepted": true, "answered_on": "2026-11-20"}), &["sales_manager", "supervisor"]),
        ("supervisor", "countersign", json!({"remarks": "同意结案"}), &["coordinator"]),
        ("coordinator", "close", json!({}), &[]),
    ];
    for (actor, action, body, owners) in steps {
        if !action.is_empty() {
            app.ok(actor, id, action, body).await;
        }
        for user in USERS {
            let (s, tasks) = app.get(user, "/me/tasks").await;
            assert_eq!(s, 200);
            let has = tasks.as_array().unwrap().iter().any(|t| t["id"] == id);
            assert_eq!(has, owners.contains(&user), "{user} after {action:?}: {tasks}");
        }
    }
    app.assert_invariants();
}

#[tokio::test]
async fn lists_show_exactly_the_cases_the_caller_may_open() {
    let app = spawn_app().await;
    let draft = app.draft().await;
    let submitted = app.draft().await;
    app.ok("sales", submitted, "submit", json!({})).await;
    let registered = app.draft().await;
    app.ok("sales", registered, "submit", json!({})).await;
    app.ok("coordinator", registered, "register", json!({"severity": "general", "kind": "quality"})).await;
    for user in USERS {
        let (s, list) = app.get(user, "/complaints?limit=200").await;
        assert_eq!(s, 200);
        let listed: Vec<i64> = list["items"].as_array().unwrap().iter().map(|i| i["id"].as_i64().unwrap()).collect();
        for id in [draft, submitted, registered] {
            let (opened, _) = app.get(user, &format!("/complaints/{id}")).await;
            assert_eq!(listed.contains(&id), opened == 200, "{user} case {id}: listed {listed:?}, GET {opened}");
        }
    }
}

#[tokio::test]
async fn a_renamed_person_or_department_shows_at_once_on_the_case() {
    let app = spawn_app().await;
    let id = app.to_sales_proposal().await;
    let before = app.complaint("coordinator", id).await;
    let creator = before["created_by"]["id"].as_i64().unwrap();
    let unit = before["countermeasure_department"]["id"].as_i64().unwrap();
    assert_eq!(before["responsibilities"][0]["department_name"], before["countermeasure_department"]["name"]);

    let (_, user) = app.get("admin", &format!("/users/{creator}")).await;
    let res = app
        .call("admin", reqwest::Method::PATCH, &format!("/users/{creator}"), Some(json!({"display_name": "改名后的业务员"})), user["version"].as_i64())
        .await;
    assert_eq!(res.status(), 200);
    let (_, units) = app.get("admin", "/departments").await;
    let version = units.as_array().or(units["items"].as_array()).unwrap().iter().find(|d| d["id"] == unit).unwrap()["version"].as_i64();
    let res = app.call("admin", reqwest::Method::PATCH, &format!("/departments/{unit}"), Some(json!({"name": "冲压车间（新）"})), version).await;
    assert_eq!(res.status(), 200);

    let after = app.complaint("coordinator", id).await;
    assert_eq!(after["created_by"]["name"], "改名后的业务员");
    assert_eq!(after["countermeasure_department"]["name"], "冲压车间（新）");
    assert_eq!(after["responsibilities"][0]["department_name"], "冲压车间（新）");
    // The action's answer reads through the same names.
    let proposed = app.ok("sales", id, "propose_resolution", json!({"lines": [{"kind": "compensation", "amount": "10.00"}]})).await;
    assert_eq!(proposed["created_by"]["name"], "改名后的业务员");
    assert_eq!(proposed["resolution"]["lines"][0]["settlement"]["amount"], "10.00");
    app.assert_invariants();
}
