//! The one error type of the API and its RFC 9457 problem+json form.

mod codes;
mod validate;

pub use codes::{FieldCode, ProblemCode};
pub use validate::{broken_rules, not_blank, Validated};

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use kehu_domain::issue::{FieldIssue, Rule};
use kehu_persistence::DbError;
use serde::Serialize;
use utoipa::ToSchema;

/// One broken field rule.
#[derive(Serialize, ToSchema, Clone, Debug, PartialEq)]
pub struct FieldError {
    /// JSON path of the field, e.g. `lines[0].amount`.
    pub field: String,
    pub code: FieldCode,
    pub message: String,
}

impl From<FieldIssue> for FieldError {
    fn from(i: FieldIssue) -> FieldError {
        let code = match i.rule {
            Rule::Required => FieldCode::Required,
            Rule::ExceedsShipped => FieldCode::ExceedsShipped,
            Rule::NoSample => FieldCode::NoSample,
            Rule::RatiosNot100 => FieldCode::RatiosNot100,
            Rule::NotResponsible => FieldCode::NotResponsible,
            Rule::OutOfRange => FieldCode::OutOfRange,
            Rule::InvalidLine => FieldCode::InvalidLine,
            Rule::Count => FieldCode::Count,
            Rule::TooLarge => FieldCode::TooLarge,
            Rule::Future => FieldCode::Future,
            Rule::OverLimit => FieldCode::OverLimit,
            Rule::FirstVisitTwoSales => FieldCode::FirstVisitTwoSales,
            Rule::LegalEntityOnly => FieldCode::LegalEntityOnly,
            Rule::Format => FieldCode::Format,
            Rule::TooMany => FieldCode::TooMany,
            Rule::DeregisterOnly => FieldCode::DeregisterOnly,
            Rule::TooLong => FieldCode::TooLong,
            Rule::NotOffered => FieldCode::NotOffered,
            Rule::InvoiceMismatch => FieldCode::InvoiceMismatch,
            Rule::Opened => FieldCode::Opened,
            Rule::PeriodExpired => FieldCode::PeriodExpired,
            Rule::ShelfLifeExpired => FieldCode::ShelfLifeExpired,
            Rule::Duplicate => FieldCode::Duplicate,
            Rule::NotVerified => FieldCode::NotVerified,
            Rule::NotApproved => FieldCode::NotApproved,
        };
        FieldError { field: i.field, code, message: i.message }
    }
}

impl FieldError {
    pub fn new(field: impl Into<String>, code: FieldCode, message: impl Into<String>) -> FieldError {
        FieldError { field: field.into(), code, message: message.into() }
    }
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
    pub code: ProblemCode,
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
    /// The resource's state does not allow the request; the code says why.
    #[error("{1}")]
    Conflict(ProblemCode, String),
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

    /// A 409 with a code the client can explain.
    pub fn conflict(code: ProblemCode, detail: impl Into<String>) -> ApiError {
        ApiError::Conflict(code, detail.into())
    }

    /// A 409 whose code is the general `conflict`.
    pub fn state(detail: impl Into<String>) -> ApiError {
        ApiError::Conflict(ProblemCode::Conflict, detail.into())
    }

    pub fn field(field: &str, code: FieldCode, message: impl Into<String>) -> ApiError {
        ApiError::validation(vec![FieldError::new(field, code, message)])
    }

    pub fn issues(issues: Vec<FieldIssue>) -> ApiError {
        ApiError::validation(issues.into_iter().map(FieldError::from).collect())
    }

    /// `Ok` when no rule broke, else the 422 listing them all.
    pub fn check(errors: Vec<FieldError>) -> ApiResult<()> {
        if errors.is_empty() {
            Ok(())
        } else {
            Err(ApiError::validation(errors))
        }
    }

    pub fn code(&self) -> ProblemCode {
        match self {
            ApiError::BadRequest(_) => ProblemCode::BadRequest,
            ApiError::BadBody(..) => ProblemCode::InvalidBody,
            ApiError::Unauthenticated(_) => ProblemCode::Unauthenticated,
            ApiError::Forbidden(_) => ProblemCode::Forbidden,
            ApiError::NotFound => ProblemCode::NotFound,
            ApiError::Conflict(code, _) => *code,
            ApiError::PreconditionRequired => ProblemCode::PreconditionRequired,
            ApiError::PreconditionFailed => ProblemCode::PreconditionFailed,
            ApiError::Validation(..) => ProblemCode::ValidationFailed,
            ApiError::UnsupportedMediaType(_) => ProblemCode::UnsupportedMediaType,
            ApiError::PayloadTooLarge => ProblemCode::PayloadTooLarge,
            ApiError::RateLimited { .. } => ProblemCode::RateLimited,
            ApiError::Unavailable => ProblemCode::ServiceUnavailable,
            ApiError::Internal(_) => ProblemCode::InternalError,
        }
    }

    fn title(&self) -> &'static str {
        match self {
            ApiError::BadRequest(_) => "Malformed request",
            ApiError::BadBody(..) => "Invalid request body",
            ApiError::Unauthenticated(_) => "Not authenticated",
            ApiError::Forbidden(_) => "Not allowed",
            ApiError::NotFound => "Not found",
            ApiError::Conflict(..) => "Conflict",
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
            code: self.code(),
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
            ApiError::Conflict(..) => StatusCode::CONFLICT,
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
            DbError::Conflict(m) => {
                // The database's words (constraint and column names) stay in the log.
                tracing::info!(cause = %m, "unique constraint");
                ApiError::state("conflicts with an existing record")
            }
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
