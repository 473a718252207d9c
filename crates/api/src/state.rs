//! What every handler shares: the pool and the token keys.

use crate::app::{Ctx, Tx};
use crate::auth::jwt::Keys;
use crate::breaker::{Breaker, Pass};
use crate::config::Settings;
use crate::error::{ApiError, ApiResult};
use kehu_persistence::names::NameBook;
use kehu_persistence::{write_tx, DbConn, Pool};
use std::sync::Arc;

#[derive(Clone)]
pub struct AppState {
    pub pool: Pool,
    pub keys: Keys,
    pub settings: Settings,
    pub breaker: Arc<Breaker>,
    /// People's and departments' names for complaint reads.
    pub names: Arc<NameBook>,
    /// Login queues: one attempt at a time per account, and per address once it is slowed.
    pub login_gate: Arc<crate::auth::throttle::Gate>,
}

impl AppState {
    /// The one door for writes: runs a use case in one write transaction
    /// on a blocking thread. It commits when the use case returns `Ok` and
    /// rolls back otherwise, so a refused request changes nothing.
    pub async fn write<T, F>(&self, ctx: Ctx, use_case: F) -> ApiResult<T>
    where
        F: FnOnce(&mut Tx, &Ctx) -> ApiResult<T> + Send + 'static,
        T: Send + 'static,
    {
        self.db(move |c| write_tx(c, |c| use_case(&mut Tx::new(c), &ctx))).await
    }

    /// The door for the few writes no one logs in for (a customer answering
    /// a survey link): a use case of the transaction alone.
    pub async fn write_public<T, F>(&self, use_case: F) -> ApiResult<T>
    where
        F: FnOnce(&mut Tx) -> ApiResult<T> + Send + 'static,
        T: Send + 'static,
    {
        self.db(move |c| write_tx(c, |c| use_case(&mut Tx::new(c)))).await
    }

    /// A read: no transaction of its own (one statement, or several that
    /// need no common snapshot).
    pub async fn read<T, F>(&self, ctx: Ctx, query: F) -> ApiResult<T>
    where
        F: FnOnce(&mut DbConn, &Ctx) -> ApiResult<T> + Send + 'static,
        T: Send + 'static,
    {
        self.db(move |c| query(c, &ctx)).await
    }

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
