//! Kehu's storage: one diesel schema and repository code for PostgreSQL and SQLite.

pub mod allowances;
pub mod api_keys;
pub mod care;
pub mod chases;
pub mod codes;
pub mod complaint_amounts;
pub mod complaint_changes;
pub mod complaint_lists;
pub mod complaint_reads;
pub mod complaint_search;
pub mod complaint_tracking;
pub mod complaints;
pub mod contacts;
pub mod customers;
pub mod db;
pub mod deadlines;
pub mod deferrals;
pub mod eight_d;
pub mod error;
pub mod events;
pub mod improvement;
pub mod invariants;
pub mod letters;
pub mod names;
pub mod notice_channels;
pub mod notice_digests;
pub mod notice_robots;
pub mod pay;
pub mod penalties;
pub mod penalty_ledger;
pub mod people;
pub mod petitions;
pub mod returns;
pub mod schema;
pub mod sessions;
pub mod settings;
pub mod statistics;
pub mod stock;
pub mod supplier_requests;
pub mod webhooks;

pub use db::{build_pool, write_tx, Backend, DbConn, Pool, PooledConn};
pub use error::{DbError, DbResult};

diesel::define_sql_function! {
    /// SQL `lower()`, the same on both databases for case-insensitive search.
    fn lower(x: diesel::sql_types::Text) -> diesel::sql_types::Text;
}

/// SQLite binds at most 32,766 values in one statement: a query over a list
/// of ids runs once per chunk of this many, and the caller merges.
pub const IDS_PER_STATEMENT: usize = 10_000;

/// Runs `query` over `ids` in chunks of [`IDS_PER_STATEMENT`], results in
/// chunk order.
pub fn by_chunks<T>(ids: &[i64], mut query: impl FnMut(&[i64]) -> DbResult<Vec<T>>) -> DbResult<Vec<T>> {
    if ids.len() <= IDS_PER_STATEMENT {
        return query(ids);
    }
    let mut out = Vec::new();
    for chunk in ids.chunks(IDS_PER_STATEMENT) {
        out.extend(query(chunk)?);
    }
    Ok(out)
}

/// Escapes `%`, `_` and `\` so user text matches literally inside LIKE.
pub fn like_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
