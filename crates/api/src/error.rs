//! The one error type of the API and its RFC 9457 problem+json form.

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use kehu_persistence::DbError;
use serde::Serialize;
use utoipa::ToSchema;

/// One broken field rule.
#[derive(Serialize, ToSchema, Clone, Debug, PartialEq)]
pub struct FieldError {
    /// JSON path of the field, e.g. `lines[0].amount`.
    pub field: String,
    /// Stable snake_case rule code, e.g. `required`.
    pub code: String,
    pub message: String,
}

/// RFC 9457 problem details.
#[derive(Serialize, ToSchema, Debug)]
#[schema(example = json!({"type": "https://kehu.dev/problems/validation_failed", "title": "Validation failed", "status": 422, "detail": "1 field is invalid", "code": "validation_failed", "errors": [{"field": "description", "code": "required", "message": "describe the defect or problem"}], "request_id": "7f9c..."}))]
pub struct Problem {
    #[serde(rename = "type")]
    pub type_: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    pub code: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{0}")]
    BadRequest(String),
    /// Well-formed JSON of the wrong shape (types, unknown fields): 400 with the field.
    #[error("{0}")]
    BadBody(String, Vec<FieldError>),
    #[error("{0}")]
    Unauthenticated(&'static str),
    #[error("{0}")]
    Forbidden(&'static str),
    #[error("not found")]
    NotFound,
    #[error("{0}")]
    Conflict(String),
    /// A conflict with a specific, stable code the client can explain.
    #[error("{1}")]
    ConflictCode(&'static str, String),
    #[error("If-Match is required for this request")]
    PreconditionRequired,
    #[error("the resource changed since you read it; reload and try again")]
    PreconditionFailed,
    #[error("{0}")]
    Validation(String, Vec<FieldError>),
    #[error("{0}")]
    UnsupportedMediaType(String),
    #[error("request body is too large")]
    PayloadTooLarge,
    #[error("too many attempts; try again later")]
    RateLimited { retry_after_secs: u64 },
    #[error("the database is unavailable; try again shortly")]
    Unavailable,
    #[error("internal error: {0}")]
    Internal(String),
}

impl ApiError {
    pub fn validation(errors: Vec<FieldError>) -> ApiError {
        let n = errors.len();
        ApiError::Validation(format!("{n} field{} invalid", if n == 1 { " is" } else { "s are" }), errors)
    }

    pub fn conflict(code: &'static str, detail: impl Into<String>) -> ApiError {
        ApiError::ConflictCode(code, detail.into())
    }

    pub fn field(field: &str, code: &str, message: impl Into<String>) -> ApiError {
        ApiError::validation(vec![FieldError { field: field.to_owned(), code: code.to_owned(), message: message.into() }])
    }

    pub fn code(&self) -> &'static str {
        match self {
            ApiError::BadRequest(_) => "bad_request",
            ApiError::BadBody(..) => "invalid_body",
            ApiError::Unauthenticated(_) => "unauthenticated",
            ApiError::Forbidden(_) => "forbidden",
            ApiError::NotFound => "not_found",
            ApiError::Conflict(_) => "conflict",
            ApiError::ConflictCode(code, _) => code,
            ApiError::PreconditionRequired => "precondition_required",
            ApiError::PreconditionFailed => "precondition_failed",
            ApiError::Validation(..) => "validation_failed",
            ApiError::UnsupportedMediaType(_) => "unsupported_media_type",
            ApiError::PayloadTooLarge => "payload_too_large",
            ApiError::RateLimited { .. } => "rate_limited",
            ApiError::Unavailable => "service_unavailable",
            ApiError::Internal(_) => "internal_error",
        }
    }

    fn title(&self) -> &'static str {
        match self {
            ApiError::BadRequest(_) => "Malformed request",
            ApiError::BadBody(..) => "Invalid request body",
            ApiError::Unauthenticated(_) => "Not authenticated",
            ApiError::Forbidden(_) => "Not allowed",
            ApiError::NotFound => "Not found",
            ApiError::Conflict(_) | ApiError::ConflictCode(..) => "Conflict",
            ApiError::PreconditionRequired => "Precondition required",
            ApiError::PreconditionFailed => "Precondition failed",
            ApiError::Validation(..) => "Validation failed",
            ApiError::UnsupportedMediaType(_) => "Unsupported media type",
            ApiError::PayloadTooLarge => "Payload too large",
            ApiError::RateLimited { .. } => "Too many requests",
            ApiError::Unavailable => "Service unavailable",
            ApiError::Internal(_) => "Internal error",
        }
    }

    pub fn problem(&self, request_id: Option<String>) -> Problem {
        let detail = match self {
            // The cause goes to the log, never to the client.
            ApiError::Internal(_) => "an unexpected error occurred; quote the request id when reporting it".to_owned(),
            other => other.to_string(),
        };
        Problem {
            type_: format!("https://kehu.dev/problems/{}", self.code()),
            title: self.title().to_owned(),
            status: self.status_code().as_u16(),
            detail,
            code: self.code().to_owned(),
            errors: match self {
                ApiError::Validation(_, e) | ApiError::BadBody(_, e) => e.clone(),
                _ => Vec::new(),
            },
            request_id,
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) | ApiError::BadBody(..) => StatusCode::BAD_REQUEST,
            ApiError::Unauthenticated(_) => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::NotFound => StatusCode::NOT_FOUND,
            ApiError::Conflict(_) | ApiError::ConflictCode(..) => StatusCode::CONFLICT,
            ApiError::PreconditionRequired => StatusCode::PRECONDITION_REQUIRED,
            ApiError::PreconditionFailed => StatusCode::PRECONDITION_FAILED,
            ApiError::Validation(..) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let ApiError::Internal(cause) = self {
            tracing::error!(%cause, "internal error");
        }
        let mut res = HttpResponse::build(self.status_code());
        res.insert_header((header::CONTENT_TYPE, "application/problem+json"));
        match self {
            ApiError::RateLimited { retry_after_secs } => {
                res.insert_header((header::RETRY_AFTER, retry_after_secs.to_string()));
            }
            ApiError::Unauthenticated(_) => {
                res.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
            }
            ApiError::Unavailable => {
                res.insert_header((header::RETRY_AFTER, "2"));
            }
            _ => {}
        }
        res.body(serde_json::to_string(&self.problem(None)).unwrap_or_default())
    }
}

impl From<DbError> for ApiError {
    fn from(e: DbError) -> Self {
        match e {
            DbError::NotFound => ApiError::NotFound,
            DbError::Conflict(m) => ApiError::Conflict(format!("conflicts with an existing record ({m})")),
            DbError::Stale => ApiError::PreconditionFailed,
            DbError::Unavailable(m) => {
                tracing::warn!(cause = %m, "database unavailable");
                ApiError::Unavailable
            }
            DbError::Other(m) => ApiError::Internal(m),
        }
    }
}

impl From<diesel::result::Error> for ApiError {
    fn from(e: diesel::result::Error) -> Self {
        DbError::from(e).into()
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
