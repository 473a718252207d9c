//! One connection type over PostgreSQL and SQLite, its pool and migrations.

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::r2d2::{self, ManageConnection};
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};
use std::time::Duration;

const PG_MIGRATIONS: EmbeddedMigrations = embed_migrations!("../../migrations/postgresql");
const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("../../migrations/sqlite");

#[derive(diesel::MultiConnection)]
pub enum DbConn {
    Pg(diesel::PgConnection),
    Sqlite(diesel::SqliteConnection),
}

pub type Pool = r2d2::Pool<Manager>;
pub type PooledConn = r2d2::PooledConnection<Manager>;

/// A pooled connection that remembers whether it broke. Connections are not
/// tested on every checkout (a round trip per request); instead a failed
/// request tests its connection, and a dead one leaves the pool when returned.
pub struct PoolConn {
    conn: DbConn,
    broken: bool,
}

impl std::ops::Deref for PoolConn {
    type Target = DbConn;
    fn deref(&self) -> &DbConn {
        &self.conn
    }
}

impl std::ops::DerefMut for PoolConn {
    fn deref_mut(&mut self) -> &mut DbConn {
        &mut self.conn
    }
}

impl PoolConn {
    /// After a failed request: is the connection still alive? If not, the
    /// pool drops it and opens a fresh one.
    pub fn check_after_error(&mut self) {
        if self.conn.batch_execute("SELECT 1").is_err() {
            self.broken = true;
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Postgres,
    Sqlite,
}

#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    #[error("unsupported database URL (use postgres://... or sqlite://path)")]
    Scheme,
    #[error(transparent)]
    Connection(#[from] diesel::ConnectionError),
    #[error("could not prepare the database file: {0}")]
    Io(#[from] std::io::Error),
    #[error("migrations failed: {0}")]
    Migration(String),
    #[error(transparent)]
    Pool(#[from] r2d2::PoolError),
    #[error(transparent)]
    Query(#[from] diesel::result::Error),
}

/// The database a URL names, with the SQLite file path when it is one.
pub fn backend_of(url: &str) -> Result<(Backend, &str), ConnectError> {
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        Ok((Backend::Postgres, url))
    } else if let Some(path) = url.strip_prefix("sqlite://") {
        Ok((Backend::Sqlite, path))
    } else {
        Err(ConnectError::Scheme)
    }
}

/// Connects by URL scheme, keeping the driver's own error message.
pub fn connect(url: &str) -> Result<DbConn, ConnectError> {
    match backend_of(url)? {
        (Backend::Postgres, u) => {
            let mut c = diesel::PgConnection::establish(u)?;
            // Short statements whose estimates can run high (a LIMIT over a
            // walk costed in full): PostgreSQL's JIT spent 170 ms compiling
            // a search that then ran in 10.
            c.batch_execute("SET jit = off").map_err(|e| diesel::ConnectionError::BadConnection(e.to_string()))?;
            Ok(DbConn::Pg(c))
        }
        (Backend::Sqlite, path) => {
            if let Some(dir) = std::path::Path::new(path).parent() {
                if !dir.as_os_str().is_empty() {
                    std::fs::create_dir_all(dir)?;
                }
            }
            let mut c = diesel::SqliteConnection::establish(path)?;
            // WAL lets readers run beside the writer; busy_timeout makes writers
            // queue instead of failing; foreign keys are off by default in SQLite.
            c.batch_execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON;")
                .map_err(|e| diesel::ConnectionError::BadConnection(e.to_string()))?;
            Ok(DbConn::Sqlite(c))
        }
    }
}

impl DbConn {
    pub fn backend(&self) -> Backend {
        match self {
            DbConn::Pg(_) => Backend::Postgres,
            DbConn::Sqlite(_) => Backend::Sqlite,
        }
    }
}

pub fn run_migrations(conn: &mut DbConn) -> Result<usize, ConnectError> {
    let applied = match conn {
        DbConn::Pg(c) => c.run_pending_migrations(PG_MIGRATIONS).map(|v| v.len()),
        DbConn::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS).map(|v| v.len()),
    };
    applied.map_err(|e| ConnectError::Migration(e.to_string()))
}

pub struct Manager {
    url: String,
}

impl ManageConnection for Manager {
    type Connection = PoolConn;
    type Error = ConnectError;

    fn connect(&self) -> Result<PoolConn, ConnectError> {
        Ok(PoolConn { conn: connect(&self.url)?, broken: false })
    }

    fn is_valid(&self, conn: &mut PoolConn) -> Result<(), ConnectError> {
        conn.batch_execute("SELECT 1").map_err(ConnectError::Query)
    }

    fn has_broken(&self, conn: &mut PoolConn) -> bool {
        // Also a transaction left open by a panic: never hand that out again.
        conn.broken || diesel::r2d2::R2D2Connection::is_broken(&mut conn.conn)
    }
}

/// Builds the pool after running pending migrations on one connection.
pub fn build_pool(url: &str, max_size: u32) -> Result<Pool, ConnectError> {
    let (backend, _) = backend_of(url)?;
    let mut first = connect(url)?;
    run_migrations(&mut first)?;
    drop(first);
    r2d2::Pool::builder()
        .max_size(if backend == Backend::Sqlite { max_size.min(8) } else { max_size })
        // Short: when the database is down, clients get 503 quickly instead of hanging.
        .connection_timeout(Duration::from_secs(3))
        .test_on_check_out(false)
        .build(Manager { url: url.to_owned() })
        .map_err(Into::into)
}

/// Runs `f` in one write transaction. On SQLite the write lock is taken up
/// front (`BEGIN IMMEDIATE`): a deferred transaction that later upgrades to a
/// writer fails at once with SQLITE_BUSY, whatever the busy timeout.
pub fn write_tx<T, E>(conn: &mut DbConn, f: impl FnOnce(&mut DbConn) -> Result<T, E>) -> Result<T, E>
where
    E: From<diesel::result::Error>,
{
    match conn.backend() {
        Backend::Postgres => conn.transaction(f),
        Backend::Sqlite => {
            conn.batch_execute("BEGIN IMMEDIATE")?;
            match f(conn) {
                Ok(v) => match conn.batch_execute("COMMIT") {
                    Ok(()) => Ok(v),
                    Err(e) => {
                        let _ = conn.batch_execute("ROLLBACK");
                        Err(e.into())
                    }
                },
                Err(e) => {
                    let _ = conn.batch_execute("ROLLBACK");
                    Err(e)
                }
            }
        }
    }
}
