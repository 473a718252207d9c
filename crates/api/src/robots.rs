//! Group robots (群机器人): notices posted to a WeCom, DingTalk or Feishu
//! group chat in each platform's documented message format, signed where the
//! robot has a secret (DingTalk: `timestamp` and `sign` on the address;
//! Feishu: `timestamp` and `sign` in the body). Posts are leased like the
//! webhooks' deliveries, through the same guarded client, and tried again on
//! their schedule until the platform answers success.

use crate::delivery::{in_tx, Sender};
use crate::error::ApiResult;
use crate::i18n::Lang;
use crate::net;
use base64::Engine;
use chrono::{NaiveDateTime, Utc};
use hmac::{Hmac, Mac};
use kehu_domain::channel::RobotPlatform;
use kehu_persistence::notice_robots::{self as store, Posted, RobotDue};
use kehu_persistence::Pool;
use serde_json::{json, Value};
use sha2::Sha256;

const LEASE_SECS: i64 = 60;
const BATCH: i64 = 20;

fn hmac_base64(key: &[u8], message: &[u8]) -> String {
    // HMAC takes keys of any length: this cannot fail.
    let Ok(mut mac) = <Hmac<Sha256> as Mac>::new_from_slice(key) else {
        return String::new();
    };
    mac.update(message);
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

/// DingTalk's 加签: base64 of HMAC-SHA256 keyed with the secret over
/// "`timestamp` (milliseconds)\n`secret`".
pub fn dingtalk_sign(secret: &str, millis: i64) -> String {
    hmac_base64(secret.as_bytes(), format!("{millis}\n{secret}").as_bytes())
}

/// Feishu's 签名校验: base64 of HMAC-SHA256 keyed with
/// "`timestamp` (seconds)\n`secret`" over nothing.
pub fn feishu_sign(secret: &str, seconds: i64) -> String {
    hmac_base64(format!("{seconds}\n{secret}").as_bytes(), b"")
}

/// The address and body of a post of `title` and `text` at `now_millis`.
pub fn request(platform: RobotPlatform, url: &str, secret: Option<&str>, title: &str, text: &str, now_millis: i64) -> Result<(String, Value), String> {
    let secret = secret.filter(|s| !s.is_empty());
    Ok(match platform {
        RobotPlatform::Wecom => (url.to_owned(), json!({"msgtype": "markdown", "markdown": {"content": format!("**{title}**\n{text}")}})),
        RobotPlatform::Dingtalk => {
            let mut address = reqwest::Url::parse(url).map_err(|e| e.to_string())?;
            if let Some(s) = secret {
                address.query_pairs_mut().append_pair("timestamp", &now_millis.to_string()).append_pair("sign", &dingtalk_sign(s, now_millis));
            }
            (address.to_string(), json!({"msgtype": "markdown", "markdown": {"title": title, "text": format!("#### {title}\n\n{text}")}}))
        }
        RobotPlatform::Feishu => {
            let mut body = json!({"msg_type": "text", "content": {"text": format!("{title}\n{text}")}});
            if let Some(s) = secret {
                let seconds = now_millis / 1000;
                body["timestamp"] = json!(seconds.to_string());
                body["sign"] = json!(feishu_sign(s, seconds));
            }
            (url.to_owned(), body)
        }
    })
}

/// The platforms answer 200 with a code: 0 is success.
fn accepted(platform: RobotPlatform, answer: &Value) -> Result<(), String> {
    let code = match platform {
        RobotPlatform::Wecom | RobotPlatform::Dingtalk => answer.get("errcode"),
        RobotPlatform::Feishu => answer.get("code").or_else(|| answer.get("StatusCode")),
    };
    match code.and_then(Value::as_i64) {
        Some(0) => Ok(()),
        Some(c) => Err(format!("answered code {c}: {}", answer.get("errmsg").or_else(|| answer.get("msg")).and_then(Value::as_str).unwrap_or(""))),
        None => Err("answered without a result code".into()),
    }
}

/// The notice's words in the robot's language, with a link to its case or letter.
fn words(d: &RobotDue, public_url: Option<&str>) -> (String, String) {
    let (title, body, link) = Lang::from_accept_language(&d.language).outbound(d.kind, &d.params, d.complaint_id, public_url);
    (title, link.map_or(body.clone(), |l| format!("{body}\n{l}")))
}

async fn post(sender: &Sender, d: &RobotDue, public_url: Option<&str>, now: NaiveDateTime) -> Posted {
    let retry_at = || kehu_domain::delivery::retry_after(d.attempts).map(|after| now + after);
    let failed =
        |status_code: Option<i32>, error: String, retry: bool| Posted { status_code, error: Some(error), retry_at: if retry { retry_at() } else { None } };
    if !net::literal_allowed(&d.url, &sender.listed) {
        return failed(None, "the address is one robots may not reach".into(), false);
    }
    let (title, text) = words(d, public_url);
    let (url, body) = match request(d.platform, &d.url, d.secret.as_deref(), &title, &text, Utc::now().timestamp_millis()) {
        Ok(r) => r,
        Err(e) => return failed(None, e, false),
    };
    match sender.client.post(url).json(&body).send().await {
        Ok(res) => {
            let status = i32::from(res.status().as_u16());
            if !res.status().is_success() {
                return failed(Some(status), format!("answered {}", res.status()), true);
            }
            let answer: Value = res.json().await.unwrap_or(Value::Null);
            match accepted(d.platform, &answer) {
                Ok(()) => Posted { status_code: Some(status), error: None, retry_at: None },
                Err(e) => failed(Some(status), e, true),
            }
        }
        Err(e) => failed(None, e.to_string().chars().take(500).collect(), true),
    }
}

/// One pass at `now`: lease what is due, post it, record each outcome,
/// until nothing is due. Returns the posts attempted.
pub async fn pass(pool: &Pool, sender: &Sender, public_url: Option<&str>, now: NaiveDateTime) -> ApiResult<usize> {
    let mut attempted = 0;
    loop {
        let due = in_tx(pool, move |c| Ok(store::lease_due(c, now, chrono::Duration::seconds(LEASE_SECS), BATCH)?)).await?;
        if due.is_empty() {
            return Ok(attempted);
        }
        attempted += due.len();
        let outcomes = futures_util::future::join_all(due.iter().map(|d| post(sender, d, public_url, now))).await;
        let ids: Vec<i64> = due.iter().map(|d| d.id).collect();
        in_tx(pool, move |c| {
            for (id, outcome) in ids.iter().zip(&outcomes) {
                store::record(c, *id, outcome, now)?;
            }
            Ok(())
        })
        .await?;
    }
}

/// The robots' loop, every `interval`.
pub fn spawn(pool: Pool, sender: Sender, public_url: Option<String>, interval: std::time::Duration) {
    actix_web::rt::spawn(async move {
        let mut tick = actix_web::rt::time::interval(interval);
        loop {
            tick.tick().await;
            match pass(&pool, &sender, public_url.as_deref(), Utc::now().naive_utc()).await {
                Ok(n) if n > 0 => tracing::info!(posts = n, "robot posts attempted"),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "robot post pass failed"),
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_follow_the_platforms() {
        // Computed with Python's hmac and base64 modules.
        assert_eq!(dingtalk_sign("SEC123", 1_700_000_000_000), "lkcPI1uoxBY1gUnCnnPH1Kkru0Hqjo7rFpA3haIVhEQ=");
        assert_eq!(feishu_sign("SEC123", 1_700_000_000), "j/tImR0k8vYXRsYw0+GHVQkV1v/J/8obOuMU7PE/KDo=");
    }

    #[test]
    fn dingtalk_signs_the_address_and_feishu_the_body() {
        let (url, _) =
            request(RobotPlatform::Dingtalk, "https://oapi.dingtalk.com/robot/send?access_token=t", Some("SEC123"), "T", "x", 1_700_000_000_000).unwrap();
        assert!(url.starts_with("https://oapi.dingtalk.com/robot/send?access_token=t&timestamp=1700000000000&sign="), "{url}");
        assert!(url.ends_with("&sign=lkcPI1uoxBY1gUnCnnPH1Kkru0Hqjo7rFpA3haIVhEQ%3D"), "the signature is URL-encoded: {url}");
        let (_, body) = request(RobotPlatform::Feishu, "https://open.feishu.cn/open-apis/bot/v2/hook/x", Some("SEC123"), "T", "x", 1_700_000_000_000).unwrap();
        assert_eq!((body["timestamp"].as_str(), body["msg_type"].as_str()), (Some("1700000000"), Some("text")));
        let (_, body) = request(RobotPlatform::Wecom, "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", None, "T", "x", 0).unwrap();
        assert_eq!(body["msgtype"], "markdown");
    }
}
