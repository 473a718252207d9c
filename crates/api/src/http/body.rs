//! JSON request bodies: content type, size and shape errors as problems,
//! naming the field at fault.

use crate::error::{ApiError, FieldCode, FieldError};
use actix_web::dev::Payload;
use actix_web::{web, FromRequest, HttpRequest};
use futures_util::future::LocalBoxFuture;
use futures_util::StreamExt;
use serde::de::DeserializeOwned;

/// Largest JSON body accepted (attachments do not travel as JSON).
pub const MAX_JSON_BYTES: usize = 256 * 1024;

/// A JSON body parsed with the path of the first wrong field reported.
pub struct Json<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for Json<T> {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let content_type_ok = req
            .headers()
            .get(actix_web::http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(|v| v.split(';').next().unwrap_or("").trim().to_ascii_lowercase())
            .is_some_and(|m| m == "application/json" || (m.starts_with("application/") && m.ends_with("+json")));
        let declared_len = req.headers().get(actix_web::http::header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<usize>().ok());
        let mut payload = payload.take();
        Box::pin(async move {
            if !content_type_ok {
                return Err(ApiError::UnsupportedMediaType("send the body as application/json".into()));
            }
            if declared_len.is_some_and(|n| n > MAX_JSON_BYTES) {
                return Err(ApiError::PayloadTooLarge);
            }
            let mut bytes = web::BytesMut::new();
            while let Some(chunk) = payload.next().await {
                let chunk = chunk.map_err(|_| ApiError::BadRequest("could not read the request body".into()))?;
                if bytes.len() + chunk.len() > MAX_JSON_BYTES {
                    return Err(ApiError::PayloadTooLarge);
                }
                bytes.extend_from_slice(&chunk);
            }
            parse(&bytes).map(Json)
        })
    }
}

/// A raw body, when there is one, must be declared JSON.
pub fn require_json_if_any(req: &HttpRequest, raw: &[u8]) -> Result<(), ApiError> {
    let json = req.headers().get(actix_web::http::header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| v.starts_with("application/json"));
    if raw.is_empty() || json {
        Ok(())
    } else {
        Err(ApiError::UnsupportedMediaType("send the body as application/json".into()))
    }
}

/// Parses JSON, turning serde's complaint into a problem that names the field:
/// malformed JSON and wrong types are 400; a missing field or an unknown
/// enum value is a broken field rule, 422.
pub fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    // Every body of this API is an object; serde would also fill a struct
    // from an array (`[null, null]`), which the documents do not allow.
    if bytes.iter().find(|b| !b.is_ascii_whitespace()).is_some_and(|b| *b != b'{') {
        return Err(ApiError::BadBody("the body must be a JSON object".into(), Vec::new()));
    }
    if let Some(field) = nul_at(bytes) {
        return Err(ApiError::field(&field, FieldCode::Invalid, "text may not contain a NUL character"));
    }
    let de = &mut serde_json::Deserializer::from_slice(bytes);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let message = inner.to_string();
        if inner.is_syntax() || inner.is_eof() {
            return ApiError::BadRequest(format!("malformed JSON: {message}"));
        }
        let at = if path == "." { String::new() } else { path };
        let join = |f: &str| {
            if at.is_empty() {
                f.to_owned()
            } else {
                format!("{at}.{f}")
            }
        };
        let quoted = |prefix: &str| message.strip_prefix(prefix).and_then(|m| m.split('`').next()).map(join);
        let (field, code, status_422) = if let Some(f) = quoted("missing field `") {
            (f, FieldCode::Required, true)
        } else if message.starts_with("unknown value") || message.starts_with("unknown variant") {
            (at.clone(), FieldCode::UnknownValue, true)
        } else if message.starts_with("unknown field") {
            // serde_path_to_error's path already ends at the unknown field.
            (at.clone(), FieldCode::UnknownField, false)
        } else {
            (at.clone(), FieldCode::WrongType, false)
        };
        let errors = vec![FieldError::new(field.clone(), code, message.clone())];
        if status_422 {
            ApiError::validation(errors)
        } else {
            ApiError::BadBody(format!("the body does not match the expected shape at `{field}`: {message}"), errors)
        }
    })
}

/// The path of a text holding a NUL character (`\u0000`), which neither
/// database stores as text; looked for only when the escape is there.
fn nul_at(bytes: &[u8]) -> Option<String> {
    if !bytes.windows(6).any(|w| w.eq_ignore_ascii_case(b"\\u0000")) {
        return None;
    }
    fn walk(v: &serde_json::Value, path: &str) -> Option<String> {
        let join = |k: &str| if path.is_empty() { k.to_owned() } else { format!("{path}.{k}") };
        match v {
            serde_json::Value::String(s) if s.contains('\0') => Some(if path.is_empty() { "body".to_owned() } else { path.to_owned() }),
            serde_json::Value::Array(items) => items.iter().enumerate().find_map(|(i, x)| walk(x, &format!("{path}[{i}]"))),
            serde_json::Value::Object(m) => m.iter().find_map(|(k, x)| if k.contains('\0') { Some(join(k)) } else { walk(x, &join(k)) }),
            _ => None,
        }
    }
    walk(&serde_json::from_slice(bytes).ok()?, "")
}

/// Largest file accepted as a request body (imports).
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;

/// Reads a file sent as the request body, up to [`MAX_FILE_BYTES`].
pub async fn file(mut payload: web::Payload) -> Result<Vec<u8>, ApiError> {
    let mut body = Vec::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|_| ApiError::BadRequest("could not read the request body".into()))?;
        if body.len() + chunk.len() > MAX_FILE_BYTES {
            return Err(ApiError::PayloadTooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// Parses a file off the async threads: parsing is bounded (see `grid`) but
/// may take a moment, and a worker thread serves other requests meanwhile.
pub async fn parse_off_thread<T, F>(bytes: Vec<u8>, parse: F) -> Result<T, ApiError>
where
    F: FnOnce(&[u8]) -> Result<T, ApiError> + Send + 'static,
    T: Send + 'static,
{
    web::block(move || parse(&bytes)).await.map_err(|e| ApiError::Internal(e.to_string()))?
}

/// An optional text as stored: trimmed, and absent when blank.
pub fn trimmed(s: Option<String>) -> Option<String> {
    s.map(|c| c.trim().to_owned()).filter(|c| !c.is_empty())
}
