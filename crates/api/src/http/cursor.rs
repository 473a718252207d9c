//! Opaque keyset cursors and list limits.

use crate::error::ApiError;
use crate::error::FieldCode;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{de::DeserializeOwned, Deserialize, Serialize};
use utoipa::IntoParams;

pub const DEFAULT_LIMIT: i64 = 50;
pub const MAX_LIMIT: i64 = 200;

/// A keyset page: how many, and where the previous page ended.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

impl PageQuery {
    /// The checked limit and the decoded cursor.
    pub fn parts<T: DeserializeOwned>(&self) -> Result<(i64, Option<T>), ApiError> {
        Ok((limit(self.limit)?, self.cursor.as_deref().map(decode).transpose()?))
    }
}

pub fn limit(requested: Option<i64>) -> Result<i64, ApiError> {
    match requested {
        None => Ok(DEFAULT_LIMIT),
        Some(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
        Some(_) => Err(ApiError::field("limit", FieldCode::OutOfRange, format!("limit must be between 1 and {MAX_LIMIT}"))),
    }
}

pub fn encode<T: Serialize>(value: &T) -> String {
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(value).unwrap_or_default())
}

pub fn decode<T: DeserializeOwned>(cursor: &str) -> Result<T, ApiError> {
    URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .ok_or_else(|| ApiError::field("cursor", FieldCode::Invalid, "the cursor is not one this server issued"))
}
