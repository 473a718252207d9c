//! What every handler shares: the pool and the token keys.

use crate::auth::jwt::Keys;
use crate::breaker::{Breaker, Pass};
use crate::config::Settings;
use crate::error::{ApiError, ApiResult};
use kehu_persistence::names::NameBook;
use kehu_persistence::{DbConn, Pool};
use std::sync::Arc;

#[derive(Clone)]
pub struct AppState {
    pub pool: Pool,
    pub keys: Keys,
    pub settings: Settings,
    pub breaker: Arc<Breaker>,
    /// People's and departments' names for complaint reads.
    pub names: Arc<NameBook>,
}

impl AppState {
    /// Runs blocking database work off the async threads, keeping the span.
    pub async fn db<T, F>(&self, f: F) -> ApiResult<T>
    where
        F: FnOnce(&mut DbConn) -> ApiResult<T> + Send + 'static,
        T: Send + 'static,
    {
        let pool = self.pool.clone();
        let breaker = self.breaker.clone();
        let span = tracing::Span::current();
        actix_web::web::block(move || {
            let _guard = span.enter();
            let pass = breaker.admit();
            if pass == Pass::Refuse && pool.state().idle_connections == 0 {
                return Err(ApiError::Unavailable);
            }
            let got = pool.get();
            breaker.record(pass, got.is_ok());
            let mut conn = got.map_err(|e| {
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
