//! What every request and answer passes at the edge: no NUL character in
//! the address (a database refuses it in text), who may read `/metrics`, and
//! the headers that tell a browser what it may do with an answer.

use crate::error::{ApiError, FieldCode};
use crate::state::AppState;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{web, ResponseError};

/// The SPA's scripts, styles and calls are its own; antd writes its styles
/// into `<style>` elements, hence inline styles. Nothing may frame it.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; \
connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/// The API documentation page runs its own inline script.
const DOCS_CSP: &str = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";

pub async fn edge(req: ServiceRequest, next: Next<impl MessageBody + 'static>) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let refused = if has_nul(req.uri().path()) || req.uri().query().is_some_and(has_nul) {
        Some(ApiError::field("query", FieldCode::Invalid, "the address may not contain a NUL character (%00)"))
    } else if req.path() == "/metrics" && !may_read_metrics(&req) {
        Some(ApiError::NotFound)
    } else {
        None
    };
    if let Some(e) = refused {
        let (req, _) = req.into_parts();
        let res = ServiceResponse::new(req, e.error_response());
        return Ok(with_headers(res.map_into_boxed_body()));
    }
    Ok(with_headers(next.call(req).await?.map_into_boxed_body()))
}

fn has_nul(s: &str) -> bool {
    s.to_ascii_lowercase().contains("%00")
}

fn with_headers(mut res: ServiceResponse<BoxBody>) -> ServiceResponse<BoxBody> {
    let docs = res.request().path().starts_with("/api/docs");
    let api = res.request().path().starts_with("/api/");
    let h = res.headers_mut();
    let mut set = |name: HeaderName, value: &'static str| {
        h.insert(name, HeaderValue::from_static(value));
    };
    set(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(header::X_FRAME_OPTIONS, "DENY");
    // The survey page carries its token in the URL: no Referer leaves with it.
    set(header::REFERRER_POLICY, "no-referrer");
    set(header::CONTENT_SECURITY_POLICY, if docs { DOCS_CSP } else { CSP });
    // Customer data is not kept by browsers or proxies; an answer that says
    // otherwise (the SPA's hashed assets) keeps its own.
    if api && !res.headers().contains_key(header::CACHE_CONTROL) {
        res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    res
}

fn may_read_metrics(req: &ServiceRequest) -> bool {
    let token = req.app_data::<web::Data<AppState>>().and_then(|s| s.settings.metrics_token.clone());
    match token {
        Some(t) => {
            let sent = req.headers().get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(|v| v.strip_prefix("Bearer "));
            sent.is_some_and(|s| constant_time_eq(s.as_bytes(), t.as_bytes()))
        }
        None => req.peer_addr().is_some_and(|a| a.ip().is_loopback()),
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
