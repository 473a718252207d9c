//! Argon2id password hashing.

use crate::error::FieldCode;
use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;

pub fn hash(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default().hash_password(password.as_bytes(), &salt).map(|h| h.to_string()).map_err(|e| anyhow::anyhow!("hashing failed: {e}"))
}

pub fn verify(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok())
}

/// A real hash of a random password to verify against when the user does not
/// exist, so that the response time does not reveal which usernames exist.
pub fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| hash(&uuid::Uuid::new_v4().to_string()).unwrap_or_default())
}

pub const MIN_LENGTH: usize = 12;
pub const MAX_BYTES: usize = 256;

/// Whether a new password may be set: at least `MIN_LENGTH` characters, and
/// not guessable — zxcvbn (common passwords, names, words, keyboard walks,
/// dates, the person's own names in `about`) must rate it 3 of 4 or better.
pub fn strength(password: &str, about: &[&str]) -> Result<(), (FieldCode, &'static str)> {
    if password.chars().count() < MIN_LENGTH || password.len() > MAX_BYTES {
        return Err((FieldCode::Length, "at least 12 characters"));
    }
    if u8::from(zxcvbn::zxcvbn(password, about).score()) < 3 {
        return Err((FieldCode::WeakPassword, "too easy to guess: a common password, word, name or pattern"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::strength;
    use crate::error::FieldCode;

    #[test]
    fn short_common_and_personal_passwords_are_refused() {
        assert_eq!(strength("Tide-47", &[]).map_err(|e| e.0), Err(FieldCode::Length));
        for weak in ["password1234", "qwertyuiopas", "123456789012", "aaaaaaaaaaaa"] {
            assert_eq!(strength(weak, &[]).map_err(|e| e.0), Err(FieldCode::WeakPassword), "{weak}");
        }
        assert_eq!(strength("wangliwangli12", &["wangli", "王丽"]).map_err(|e| e.0), Err(FieldCode::WeakPassword));
        assert_eq!(strength("Lantern-Quarry-47-Tide", &["wang.li"]), Ok(()));
    }
}
