//! Authentication: passwords, tokens, the caller extractor and the endpoints.

pub mod api_key;
pub mod extractor;
pub mod jwt;
pub mod password;
pub mod routes;
pub mod throttle;

pub use extractor::Caller;
