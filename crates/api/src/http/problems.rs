//! Every error leaves as problem+json carrying the request id, including the
//! ones actix produces itself (unknown routes, wrong methods).

use crate::error::ApiError;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, ResponseError};
use tracing_actix_web::RequestId;

pub async fn problem_details(req: ServiceRequest, next: Next<impl MessageBody + 'static>) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let request_id = req.extensions().get::<RequestId>().map(|r| r.to_string());
    let res = next.call(req).await?.map_into_boxed_body();
    let status = res.status();
    let api_error = res.response().error().and_then(|e| e.as_error::<ApiError>()).map(|e| (e.problem(request_id.clone()), e.status_code()));
    let rebuilt = match api_error {
        Some((problem, _)) => Some(problem),
        None if status.is_client_error() || status.is_server_error() => {
            let is_problem = res.headers().get(header::CONTENT_TYPE).is_some_and(|v| v.as_bytes().starts_with(b"application/problem+json"));
            if is_problem {
                None
            } else {
                let e = match status.as_u16() {
                    404 => ApiError::NotFound,
                    405 => ApiError::BadRequest("method not allowed on this resource".into()),
                    413 => ApiError::PayloadTooLarge,
                    415 => ApiError::UnsupportedMediaType("use application/json".into()),
                    s if s >= 500 => ApiError::Internal(format!("status {s}")),
                    _ => ApiError::BadRequest("malformed request".into()),
                };
                let mut p = e.problem(request_id.clone());
                p.status = status.as_u16();
                Some(p)
            }
        }
        None => None,
    };
    let mut res = match rebuilt {
        Some(problem) => {
            let body = serde_json::to_string(&problem).unwrap_or_default();
            res.map_body(|head, _| {
                head.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                BoxBody::new(body)
            })
        }
        None => res,
    };
    if let Some(id) = request_id.and_then(|id| HeaderValue::from_str(&id).ok()) {
        res.headers_mut().insert(header::HeaderName::from_static("x-request-id"), id);
    }
    Ok(res)
}
