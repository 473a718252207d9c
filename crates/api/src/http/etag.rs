//! Optimistic concurrency: `ETag` from a resource's version, `If-Match` on
//! writes, `If-None-Match` on reads.

use crate::error::ApiError;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse};
use serde::Serialize;

pub fn etag(version: i64) -> String {
    format!("\"{version}\"")
}

/// The version a write expects, from `If-Match`: 428 when absent, 400 when
/// it is not an ETag this service gave out (empty, `*`, not a version).
pub fn if_match(req: &HttpRequest) -> Result<i64, ApiError> {
    let raw = req.headers().get(header::IF_MATCH).ok_or(ApiError::PreconditionRequired)?;
    let malformed = || ApiError::BadRequest("If-Match must be the ETag you read, like \"7\"".into());
    let s = raw.to_str().map_err(|_| malformed())?.trim();
    let s = s.strip_prefix("W/").unwrap_or(s);
    s.trim_matches('"').parse::<i64>().ok().filter(|v| *v >= 0).ok_or_else(malformed)
}

/// 200 with the body and its ETag, or 304 when the client has this version.
pub fn respond<T: Serialize>(req: &HttpRequest, version: i64, body: &T) -> HttpResponse {
    let tag = etag(version);
    let unchanged = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim().trim_start_matches("W/") == tag || t.trim() == "*"));
    // The same version looks different to different callers (their available
    // actions), so shared caches must not serve it and a browser must not reuse
    // one user's copy for the next user who logs in.
    let private = (header::CACHE_CONTROL, "private, no-cache");
    let vary = (header::VARY, "Authorization");
    if unchanged {
        return HttpResponse::NotModified().insert_header((header::ETAG, tag)).insert_header(private).insert_header(vary).finish();
    }
    HttpResponse::Ok().insert_header((header::ETAG, tag)).insert_header(private).insert_header(vary).json(body)
}

pub fn with_etag<T: Serialize>(mut res: actix_web::HttpResponseBuilder, version: i64, body: &T) -> HttpResponse {
    res.insert_header((header::ETAG, etag(version))).json(body)
}
