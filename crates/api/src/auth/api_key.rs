//! API keys for integrations (ERP, call center, BI): `kehu_<prefix>_<secret>`,
//! stored as SHA-256, scoped per resource and read/write, revocable.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use sha2::{Digest, Sha256};

pub const RESOURCES: [&str; 7] = ["complaints", "customers", "departments", "users", "policies", "calendar", "me"];

/// A new key: (prefix, full key shown once, hash to store).
pub fn generate() -> (String, String, String) {
    let mut p = [0u8; 6];
    let mut s = [0u8; 32];
    rand::Rng::fill(&mut rand::thread_rng(), &mut p);
    rand::Rng::fill(&mut rand::thread_rng(), &mut s);
    let prefix = hex::encode(p);
    let key = format!("kehu_{prefix}_{}", URL_SAFE_NO_PAD.encode(s));
    let hash = hash(&key);
    (prefix, key, hash)
}

pub fn hash(key: &str) -> String {
    hex::encode(Sha256::digest(key.as_bytes()))
}

/// The prefix of something shaped like a key.
pub fn prefix_of(token: &str) -> Option<&str> {
    let rest = token.strip_prefix("kehu_")?;
    let (prefix, secret) = rest.split_once('_')?;
    (prefix.len() == 12 && !secret.is_empty()).then_some(prefix)
}

pub fn valid_scope(s: &str) -> bool {
    match s.split_once(':') {
        Some((res, access)) => RESOURCES.contains(&res) && matches!(access, "read" | "write"),
        None => false,
    }
}

/// The scope a request needs: its resource (first path segment after
/// `/api/v1/`) and read for safe methods, write otherwise.
pub fn needed_scope(method: &actix_web::http::Method, path: &str) -> String {
    let resource = path.strip_prefix("/api/v1/").and_then(|p| p.split('/').next()).unwrap_or("");
    let access = if matches!(*method, actix_web::http::Method::GET | actix_web::http::Method::HEAD) { "read" } else { "write" };
    format!("{resource}:{access}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::http::Method;

    #[test]
    fn keys_have_a_findable_prefix_and_differ() {
        let (prefix, key, h) = generate();
        assert_eq!(prefix_of(&key), Some(prefix.as_str()));
        assert_eq!(hash(&key), h);
        assert_ne!(generate().1, key);
        assert_eq!(prefix_of("eyJhbGciOi.x.y"), None);
    }

    #[test]
    fn scopes() {
        assert_eq!(needed_scope(&Method::GET, "/api/v1/complaints/5/events"), "complaints:read");
        assert_eq!(needed_scope(&Method::POST, "/api/v1/complaints/5/actions/approve"), "complaints:write");
        assert!(valid_scope("customers:write"));
        assert!(!valid_scope("customers:delete") && !valid_scope("auth:read"));
    }
}
