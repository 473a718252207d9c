//! What every handler shares: the pool and the token keys.

use crate::auth::jwt::Keys;
use crate::config::Settings;
use crate::error::{ApiError, ApiResult};
use kehu_persistence::{DbConn, Pool};

#[derive(Clone)]
pub struct AppState {
    pub pool: Pool,
    pub keys: Keys,
    pub settings: Settings,
}

impl AppState {
    /// Runs blocking database work off the async threads, keeping the span.
    pub async fn db<T, F>(&self, f: F) -> ApiResult<T>
    where
        F: FnOnce(&mut DbConn) -> ApiResult<T> + Send + 'static,
        T: Send + 'static,
    {
        let pool = self.pool.clone();
        let span = tracing::Span::current();
        actix_web::web::block(move || {
            let _guard = span.enter();
            let mut conn = pool.get().map_err(|e| {
                tracing::warn!(cause = %e, "no database connection");
                ApiError::Unavailable
            })?;
            let result = f(&mut conn);
            if matches!(result, Err(ApiError::Unavailable | ApiError::Internal(_))) {
                conn.check_after_error();
            }
            result
        })
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?
    }
}
