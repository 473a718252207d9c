//! The extractors every handler starts from: the request's context and the
//! version a write expects.

use crate::app::Ctx;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::http::idempotency::Claim;
use crate::i18n::Lang;
use crate::state::AppState;
use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{web, FromRequest, HttpMessage, HttpRequest};
use futures_util::future::{ready, Ready};
use tracing_actix_web::RequestId;

impl FromRequest for Ctx {
    type Error = ApiError;
    type Future = Ready<Result<Ctx, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        ready(context(req, payload))
    }
}

fn context(req: &HttpRequest, payload: &mut Payload) -> Result<Ctx, ApiError> {
    let caller = Caller::from_request(req, payload).into_inner()?;
    let state = req.app_data::<web::Data<AppState>>().ok_or_else(|| ApiError::Internal("state missing".into()))?;
    Ok(Ctx {
        caller,
        request_id: req.extensions().get::<RequestId>().map(|r| r.to_string()),
        address: super::client::ip(req),
        now: chrono::Utc::now().naive_utc(),
        claim: Claim::of(req),
        names: state.names.clone(),
        lang: req.headers().get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).map(Lang::from_accept_language).unwrap_or_default(),
    })
}

/// The version a write expects, from `If-Match` (see `etag::if_match`).
pub struct IfMatch(pub i64);

impl FromRequest for IfMatch {
    type Error = ApiError;
    type Future = Ready<Result<IfMatch, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(super::etag::if_match(req).map(IfMatch))
    }
}
