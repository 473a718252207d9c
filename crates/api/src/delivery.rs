//! Sends the outbox to the webhooks: fans each event out to the hooks that
//! take it, leases due deliveries (so that several instances never send one
//! twice, and a crashed instance's are sent again when their lease ends),
//! POSTs them signed, and records each outcome with its next try.
//!
//! Delivery is at least once: a sender killed between the receiver's answer
//! and the record sends that delivery again. Receivers drop repeats by the
//! `Kehu-Event-Id` header.

use crate::error::{ApiError, ApiResult};
use crate::net;
use chrono::Utc;
use hmac::{Hmac, Mac};
use ipnet::IpNet;
use kehu_persistence::webhooks::{self, Due, Outcome};
use kehu_persistence::{write_tx, DbConn, Pool};
use sha2::Sha256;
use std::sync::Arc;
use std::time::Duration;

/// How long a sender may hold a delivery before another may take it.
const LEASE_SECS: i64 = 60;
const SEND_TIMEOUT: Duration = Duration::from_secs(10);
const BATCH: i64 = 50;

/// `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`.
pub fn signature(secret: &str, timestamp: i64, body: &[u8]) -> String {
    // HMAC takes keys of any length: this cannot fail, and an empty
    // signature would only make receivers refuse the delivery.
    let Ok(mut mac) = <Hmac<Sha256> as Mac>::new_from_slice(secret.as_bytes()) else {
        return String::new();
    };
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    format!("t={timestamp},v1={}", hex::encode(mac.finalize().into_bytes()))
}

fn envelope(d: &Due) -> Vec<u8> {
    let data: serde_json::Value = serde_json::from_str(&d.payload).unwrap_or(serde_json::Value::String(d.payload.clone()));
    serde_json::json!({"id": d.event_id, "type": d.event_type, "created_at": d.created_at.and_utc(), "data": data}).to_string().into_bytes()
}

/// The client webhooks are sent with: it resolves names to allowed
/// addresses only (see `net`), follows no redirect, uses no proxy.
pub struct Sender {
    pub(crate) client: reqwest::Client,
    pub(crate) listed: Arc<Vec<IpNet>>,
}

impl Sender {
    /// `listed`: the internal ranges the configuration lets webhooks reach.
    pub fn new(listed: Vec<IpNet>) -> anyhow::Result<Sender> {
        let listed = Arc::new(listed);
        let client = reqwest::Client::builder()
            .timeout(SEND_TIMEOUT)
            .user_agent("kehu-webhooks")
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .dns_resolver(Arc::new(net::Guarded { listed: listed.clone() }))
            .build()?;
        Ok(Sender { client, listed })
    }
}

async fn send(sender: &Sender, d: &Due) -> Outcome {
    let now = Utc::now();
    if !net::literal_allowed(&d.url, &sender.listed) {
        return Outcome::Failed { status_code: None, error: "the address is one webhooks may not reach".into(), retry_at: None };
    }
    let body = envelope(d);
    let result = sender
        .client
        .post(&d.url)
        .header("content-type", "application/json")
        .header("kehu-event-id", d.event_id.to_string())
        .header("kehu-event-type", d.event_type.as_str())
        .header("kehu-delivery-id", d.delivery_id.to_string())
        .header("kehu-signature", signature(&d.secret, now.timestamp(), &body))
        .body(body)
        .send()
        .await;
    let retry_at = || kehu_domain::delivery::retry_after(d.attempts).map(|after| (now + after).naive_utc());
    match result {
        Ok(res) if res.status().is_success() => Outcome::Delivered { status_code: i32::from(res.status().as_u16()) },
        Ok(res) => Outcome::Failed { status_code: Some(i32::from(res.status().as_u16())), error: format!("answered {}", res.status()), retry_at: retry_at() },
        Err(e) => Outcome::Failed { status_code: None, error: e.to_string().chars().take(500).collect(), retry_at: retry_at() },
    }
}

/// One transaction on a blocking thread; a connection that failed is checked
/// before it goes back to the pool.
pub(crate) async fn in_tx<T: Send + 'static>(pool: &Pool, f: impl FnOnce(&mut DbConn) -> ApiResult<T> + Send + 'static) -> ApiResult<T> {
    let pool = pool.clone();
    actix_web::web::block(move || {
        let mut conn = pool.get().map_err(|_| ApiError::Unavailable)?;
        let result = write_tx(&mut conn, f);
        if result.is_err() {
            conn.check_after_error();
        }
        result
    })
    .await
    .map_err(|e| ApiError::Internal(e.to_string()))?
}

/// One pass: fan out, then send what is due until nothing is. Returns the
/// deliveries attempted.
pub async fn pass(pool: &Pool, sender: &Sender) -> ApiResult<usize> {
    const FAN_OUT: i64 = 500;
    while in_tx(pool, |c| Ok(webhooks::fan_out(c, Utc::now().naive_utc(), FAN_OUT)?)).await? as i64 == FAN_OUT {}
    let mut attempted = 0;
    loop {
        let due = in_tx(pool, |c| Ok(webhooks::lease_due(c, Utc::now().naive_utc(), chrono::Duration::seconds(LEASE_SECS), BATCH)?)).await?;
        if due.is_empty() {
            return Ok(attempted);
        }
        attempted += due.len();
        let outcomes = futures_util::future::join_all(due.iter().map(|d| send(sender, d))).await;
        let ids: Vec<i64> = due.iter().map(|d| d.delivery_id).collect();
        in_tx(pool, move |c| {
            let now = Utc::now().naive_utc();
            for (id, outcome) in ids.iter().zip(&outcomes) {
                webhooks::record(c, *id, outcome, now)?;
            }
            Ok(())
        })
        .await?;
    }
}

/// The delivery loop, every `interval`.
pub fn spawn(pool: Pool, sender: Sender, interval: Duration) {
    actix_web::rt::spawn(async move {
        let mut tick = actix_web::rt::time::interval(interval);
        loop {
            tick.tick().await;
            match pass(&pool, &sender).await {
                Ok(n) if n > 0 => tracing::info!(deliveries = n, "webhook deliveries attempted"),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "webhook delivery pass failed"),
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_are_hmac_sha256_of_timestamp_and_body() {
        // HMAC-SHA256("secret", "1700000000.{}"), computed with Python's hmac module.
        assert_eq!(signature("secret", 1_700_000_000, b"{}"), "t=1700000000,v1=b8569b78799ff9e3cbff0fc2d63a33a2b57f3282abd07c37ae5e8e7d79a5f163");
    }
}
