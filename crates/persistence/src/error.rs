use diesel::result::{DatabaseErrorKind, Error as DieselError};

/// What callers need to tell apart when the database says no.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("not found")]
    NotFound,
    #[error("conflicts with an existing record: {0}")]
    Conflict(String),
    #[error("the row changed since it was read")]
    Stale,
    #[error("database unavailable: {0}")]
    Unavailable(String),
    #[error("database error: {0}")]
    Other(String),
}

impl From<DieselError> for DbError {
    fn from(e: DieselError) -> Self {
        match e {
            DieselError::NotFound => DbError::NotFound,
            DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, info) => DbError::Conflict(info.message().to_owned()),
            DieselError::DatabaseError(DatabaseErrorKind::ClosedConnection | DatabaseErrorKind::UnableToSendCommand, info) => {
                DbError::Unavailable(info.message().to_owned())
            }
            DieselError::DatabaseError(DatabaseErrorKind::SerializationFailure, _) => DbError::Stale,
            DieselError::DatabaseError(_, info) if is_busy(info.message()) => DbError::Unavailable(info.message().to_owned()),
            other => DbError::Other(other.to_string()),
        }
    }
}

fn is_busy(msg: &str) -> bool {
    msg.contains("database is locked") || msg.contains("server closed the connection") || msg.contains("terminating connection")
}

impl From<diesel::r2d2::PoolError> for DbError {
    fn from(e: diesel::r2d2::PoolError) -> Self {
        DbError::Unavailable(e.to_string())
    }
}

pub type DbResult<T> = Result<T, DbError>;
