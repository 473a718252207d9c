//! `Idempotency-Key` on POST: the first response (status, body, ETag) is
//! kept for 24 hours and replayed for a retry with the same key and body; the
//! same key with another body is 422; a retry while the first is still
//! running is 409, and one after the first was abandoned for `ABANDONED_SECS`
//! (its process died mid-request) runs again. A create that committed but
//! died before its answer was kept has recorded where its result is, in its
//! own transaction (`mark_applied`): the retry gets 303 See Other to it
//! instead of creating it again. Workflow actions need no such record: their
//! `If-Match` version moved on.

use crate::auth::api_key;
use crate::auth::extractor::{credential, Credential};
use crate::error::ApiError;
use crate::error::FieldCode;
use crate::state::AppState;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::{web, HttpMessage, HttpResponse};
use chrono::{Duration, Utc};
use kehu_persistence::settings::{self, StoredResponse};
use sha2::{Digest, Sha256};

const HEADER: &str = "idempotency-key";
const KEEP_HOURS: i64 = 24;
/// Longer than any request runs (the pool waits 3 s, statements are short).
const ABANDONED_SECS: i64 = 30;

/// Whose key this is: the user behind a token, or the API key's prefix.
fn owner(req: &ServiceRequest) -> Option<String> {
    match credential(req.request()).ok()? {
        Credential::Jwt(c) => Some(format!("user:{}", c.user_id)),
        Credential::ApiKey(k) => api_key::prefix_of(&k).map(|p| format!("key:{p}")),
    }
}

/// The reservation a request runs under, for a create to mark in its transaction.
#[derive(Clone)]
pub struct Claim {
    owner: String,
    key: String,
}

impl Claim {
    pub fn of(req: &actix_web::HttpRequest) -> Option<Claim> {
        req.extensions().get::<Claim>().cloned()
    }
}

/// Records, inside the create's transaction, where its result is.
pub fn mark_applied(conn: &mut kehu_persistence::DbConn, claim: &Option<Claim>, location: &str) -> Result<(), ApiError> {
    if let Some(c) = claim {
        settings::mark_idempotency_applied(conn, &c.owner, &c.key, location)?;
    }
    Ok(())
}

fn replay(row: &settings::IdempotencyRow) -> HttpResponse {
    let status = row.status.and_then(|s| StatusCode::from_u16(s as u16).ok()).unwrap_or(StatusCode::OK);
    let mut res = HttpResponse::build(status);
    if let Some(ct) = &row.content_type {
        res.insert_header((header::CONTENT_TYPE, ct.as_str()));
    }
    if let Some(tag) = &row.etag {
        res.insert_header((header::ETAG, tag.as_str()));
    }
    res.insert_header(("Idempotent-Replayed", "true"));
    res.body(row.response_body.clone().unwrap_or_default())
}

pub async fn idempotency(mut req: ServiceRequest, next: Next<impl MessageBody + 'static>) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let key = match req.headers().get(HEADER) {
        Some(k) if req.method() == Method::POST && !req.path().starts_with("/api/v1/auth/") => k.clone(),
        _ => return Ok(next.call(req).await?.map_into_boxed_body()),
    };
    let key = match key.to_str() {
        Ok(k) if !k.is_empty() && k.len() <= 255 => k.to_owned(),
        _ => return Err(ApiError::field("Idempotency-Key", FieldCode::Invalid, "1 to 255 visible ASCII characters").into()),
    };
    let (Some(owner), Some(state)) = (owner(&req), req.app_data::<web::Data<AppState>>().cloned()) else {
        // Not authenticated: let the handler answer 401; nothing to store.
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    let body = req.extract::<web::Bytes>().await?;
    let mut digest = Sha256::new();
    digest.update(req.method().as_str());
    digest.update(req.uri().to_string());
    digest.update(&body);
    let body_hash = hex::encode(digest.finalize());
    let (_, mut payload) = actix_http::h1::Payload::create(true);
    payload.unread_data(body);
    req.set_payload(payload.into());

    let (o, k, path, h) = (owner.clone(), key.clone(), req.path().to_owned(), body_hash.clone());
    let existing = state
        .db(move |c| {
            let now = Utc::now().naive_utc();
            let r = settings::Reservation { owner: &o, key: &k, method: "POST", path: &path, body_hash: &h };
            let clock = settings::ReservationClock {
                now,
                expired_before: now - Duration::hours(KEEP_HOURS),
                abandoned_before: now - Duration::seconds(ABANDONED_SECS),
            };
            Ok(settings::reserve_idempotency(c, &r, &clock)?)
        })
        .await?;
    if let Some(row) = existing {
        if row.body_hash != body_hash {
            return Err(ApiError::field("Idempotency-Key", FieldCode::Reused, "this key was used with a different request").into());
        }
        if let (None, Some(location)) = (row.status, &row.applied_location) {
            // Committed, answer lost: the result is there.
            let res = HttpResponse::SeeOther().insert_header((header::LOCATION, location.as_str())).insert_header(("Idempotent-Replayed", "true")).finish();
            return Ok(req.into_response(res));
        }
        if row.status.is_none() {
            return Err(ApiError::state("a request with this Idempotency-Key is still being processed").into());
        }
        return Ok(req.into_response(replay(&row)));
    }

    req.extensions_mut().insert(Claim { owner: owner.clone(), key: key.clone() });
    let res = next.call(req).await;
    let release = |state: web::Data<AppState>, owner: String, key: String| async move {
        let _ = state.db(move |c| Ok(settings::release_idempotency(c, &owner, &key)?)).await;
    };
    let res = match res {
        Ok(r) => r,
        Err(e) => {
            release(state, owner, key).await;
            return Err(e);
        }
    };
    let status = res.status();
    // Server errors and refusals of the credential are not final answers: a
    // retry must run again (and a forged key must not poison the real one).
    if status.is_server_error() || status == StatusCode::UNAUTHORIZED || status == StatusCode::TOO_MANY_REQUESTS {
        release(state, owner, key).await;
        return Ok(res.map_into_boxed_body());
    }
    let (http_req, res) = res.into_parts();
    let (head, body) = res.into_parts();
    let bytes = actix_web::body::to_bytes(body).await.map_err(|_| ApiError::Internal("response body unreadable".into()))?;
    let header_str = |name: HeaderName| head.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let (content_type, etag) = (header_str(header::CONTENT_TYPE), header_str(header::ETAG));
    let stored = bytes.clone();
    state
        .db(move |c| {
            Ok(settings::complete_idempotency(
                c,
                &owner,
                &key,
                &StoredResponse { status: i32::from(status.as_u16()), content_type: content_type.as_deref(), etag: etag.as_deref(), body: &stored },
            )?)
        })
        .await?;
    let mut res = head.set_body(BoxBody::new(bytes));
    res.headers_mut().insert(HeaderName::from_static("idempotent-replayed"), HeaderValue::from_static("false"));
    Ok(ServiceResponse::new(http_req, res))
}
