//! Customer service's part of a return: the on-site inspection, signed by
//! the customer (skipped for sample units), and the originals collected.

use kehu_tests::*;
use reqwest::Method;
use serde_json::{json, Value};

async fn call(app: &TestApp, user: &str, method: Method, path: &str, body: Value, version: i64) -> (u16, Value) {
    let res = app.call(user, method, path, Some(body), Some(version)).await;
    let s = res.status().as_u16();
    (s, res.json().await.unwrap_or(Value::Null))
}

/// An approved application (`sample_unit` as given), raised by `sales`.
async fn approved(app: &TestApp, sample_unit: bool) -> Value {
    let customer = app.customer_id("sales", "C-0001").await;
    let body = json!({
        "kind": "return", "customer_id": customer, "reason": "整批退货", "sample_unit": sample_unit,
        "lines": [{"product_number": "TV-55", "quantity": 2, "unit_price": "3000.00"}],
        "eligibility": {"within_warranty": "保修期内", "below_standard": "检验不合格"},
    });
    let (_, mut r) = app.post("sales", "/returns", body).await;
    for (user, action) in [("sales", "submit"), ("supervisor", "approve"), ("marketing_manager", "approve"), ("gm", "approve")] {
        let id = r["id"].as_i64().unwrap();
        let (s, v) = call(app, user, Method::POST, &format!("/returns/{id}/actions/{action}"), json!({}), r["version"].as_i64().unwrap()).await;
        assert_eq!(s, 200, "{user} {action}: {v}");
        r = v;
    }
    r
}

fn inspection() -> Value {
    json!({
        "function": "defective", "function_note": "开机无显示",
        "appearance": "good",
        "parts": [{"part": "遥控器", "expected": 2, "present": 1}, {"part": "底座", "expected": 1, "present": 1}],
        "signed_by": "王建国", "signed_on": "2026-12-01",
    })
}

#[tokio::test]
async fn customer_service_inspects_once_and_sees_it_waiting_until_the_originals_are_in() {
    let app = spawn_app().await;
    let r = approved(&app, false).await;
    let (id, v) = (r["id"].as_i64().unwrap(), r["version"].as_i64().unwrap());
    assert_eq!((r["inspection_needed"].as_bool(), r["inspection"].is_null()), (Some(true), true));
    assert_eq!(r["originals_missing"].as_array().unwrap().len(), 5);
    let (_, tasks) = app.get("service", "/returns?box=to_act").await;
    assert!(tasks["items"].as_array().unwrap().iter().any(|x| x["id"] == id), "{tasks}");
    // Only customer service inspects; a defect needs its description; the customer signs.
    for user in ["sales", "supervisor", "gm", "production"] {
        let (s, _) = call(&app, user, Method::POST, &format!("/returns/{id}/inspection"), inspection(), v).await;
        assert!(s == 403 || s == 404 || s == 401, "{user}: {s}");
    }
    let mut bad = inspection();
    bad["function_note"] = json!(" ");
    bad["signed_by"] = Value::Null;
    bad["parts"][0]["present"] = json!(3);
    let (s, e) = call(&app, "service", Method::POST, &format!("/returns/{id}/inspection"), bad, v).await;
    assert_eq!(s, 422);
    let fields: Vec<&str> = e["errors"].as_array().unwrap().iter().map(|x| x["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["function_note", "parts[0].present", "signed_by"], "{e}");
    let (s, r) = call(&app, "service", Method::POST, &format!("/returns/{id}/inspection"), inspection(), v).await;
    assert_eq!(s, 200, "{r}");
    assert_eq!(r["inspection"]["parts"][0]["missing"], 1);
    assert_eq!(r["inspection"]["inspected_by"]["name"], "林客服");
    assert_eq!(r["can_inspect"], false);
    let last = r["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!((last["action"].as_str(), last["note"].as_str()), (Some("inspect"), Some("遥控器 ×1")));
    let (s, e) = call(&app, "service", Method::POST, &format!("/returns/{id}/inspection"), inspection(), r["version"].as_i64().unwrap()).await;
    assert_eq!((s, e["code"].as_str()), (409, Some("already_done")));
    // Originals: the applicant records some, customer service the rest; then nothing waits.
    let v = r["version"].as_i64().unwrap();
    let (s, _) = call(&app, "sales2", Method::PUT, &format!("/returns/{id}/originals"), json!({"collected": ["contract"]}), v).await;
    assert_eq!(s, 404, "another department's salesperson does not read it");
    let (s, r) = call(&app, "sales", Method::PUT, &format!("/returns/{id}/originals"), json!({"collected": ["contract", "receipt"]}), v).await;
    assert_eq!(s, 200);
    assert_eq!(r["originals_missing"], json!(["delivery_note", "warranty_card", "packing_list"]));
    let all = json!({"collected": ["packing_list", "warranty_card", "delivery_note", "receipt", "contract", "contract"]});
    let (s, r) = call(&app, "service", Method::PUT, &format!("/returns/{id}/originals"), all, r["version"].as_i64().unwrap()).await;
    assert_eq!(s, 200);
    assert_eq!(r["originals_collected"], json!(["contract", "receipt", "delivery_note", "warranty_card", "packing_list"]));
    let (_, tasks) = app.get("service", "/returns?box=to_act").await;
    assert!(!tasks["items"].as_array().unwrap().iter().any(|x| x["id"] == id), "done: {tasks}");
    let (s, _) =
        call(&app, "service", Method::PUT, &format!("/returns/{id}/originals"), json!({"collected": ["invoice"]}), r["version"].as_i64().unwrap()).await;
    assert!(s == 400 || s == 422, "an unknown original");
    app.assert_invariants();
}

#[tokio::test]
async fn a_sample_unit_skips_the_inspection_and_an_open_application_has_none() {
    let app = spawn_app().await;
    let r = approved(&app, true).await;
    let id = r["id"].as_i64().unwrap();
    assert_eq!((r["inspection_needed"].as_bool(), r["can_inspect"].as_bool()), (Some(false), Some(false)));
    let (s, e) = call(&app, "service", Method::POST, &format!("/returns/{id}/inspection"), inspection(), r["version"].as_i64().unwrap()).await;
    assert_eq!((s, e["code"].as_str()), (409, Some("inspection_not_needed")));
    let customer = app.customer_id("sales", "C-0001").await;
    let body = json!({"kind": "return", "customer_id": customer, "reason": "x", "lines": [{"product_number": "P", "quantity": 1, "unit_price": "1.00"}]});
    let (_, draft) = app.post("sales", "/returns", body).await;
    let did = draft["id"].as_i64().unwrap();
    let (s, _) =
        call(&app, "sales", Method::PUT, &format!("/returns/{did}/originals"), json!({"collected": ["contract"]}), draft["version"].as_i64().unwrap()).await;
    assert_eq!(s, 409, "only an approved application");
    app.assert_invariants();
}
