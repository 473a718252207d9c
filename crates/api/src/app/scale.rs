//! `kehu seed-scale`: a realistic factory for benchmarks on PostgreSQL —
//! customers, complaints over three years in every state, their history,
//! lines, numbers and deadlines — generated set-based inside the database,
//! deterministic for a given seed.

use crate::app::seed;
use crate::error::{ApiError, ApiResult};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::BigInt;
use kehu_persistence::{write_tx, Backend, DbConn};
use std::time::Instant;

const SCRIPT: &str = include_str!("scale.sql");

#[derive(Debug)]
pub struct ScaleReport {
    pub customers: i64,
    pub complaints: i64,
    pub events: i64,
    pub seconds: f64,
}

#[derive(QueryableByName)]
struct N {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

fn count(conn: &mut DbConn, table: &str) -> ApiResult<i64> {
    Ok(diesel::sql_query(format!("SELECT COUNT(*) AS n FROM {table}")).get_result::<N>(conn)?.n)
}

pub fn generate(conn: &mut DbConn, customers: u32, complaints: u32, seed_value: u32) -> ApiResult<ScaleReport> {
    if conn.backend() != Backend::Postgres {
        return Err(ApiError::BadRequest("seed-scale needs PostgreSQL (KEHU_DATABASE_URL=postgres://...)".into()));
    }
    let started = Instant::now();
    seed::seed(conn)?;
    let org = kehu_persistence::people::default_org(conn)?.ok_or(ApiError::NotFound)?;
    let sql = SCRIPT
        .replace(":ORG", &org.id.to_string())
        .replace(":CUSTOMERS", &customers.to_string())
        .replace(":COMPLAINTS", &complaints.to_string())
        .replace(":SEED", &seed_value.to_string());
    // One statement at a time: sent as one multi-statement message, PostgreSQL
    // plans the later statements badly (minutes instead of seconds).
    write_tx(conn, |c| {
        for statement in sql.split(";\n").map(str::trim).filter(|s| !s.is_empty()) {
            let t = Instant::now();
            c.batch_execute(statement)?;
            let secs = t.elapsed().as_secs_f64();
            if secs >= 1.0 {
                let what = statement.lines().find(|l| !l.trim_start().starts_with("--")).unwrap_or_default();
                eprintln!("seed-scale: {secs:6.1} s  {}", what.chars().take(100).collect::<String>());
            }
        }
        Ok::<(), ApiError>(())
    })?;
    // Left as a database in use would be: hint bits set and the visibility
    // map current, so a benchmark's first reads do not write, and autovacuum
    // does not start on ten million fresh rows in the middle of a run.
    let t = Instant::now();
    conn.batch_execute("VACUUM (ANALYZE)")?;
    eprintln!("seed-scale: {:6.1} s  VACUUM (ANALYZE)", t.elapsed().as_secs_f64());
    Ok(ScaleReport {
        customers: count(conn, "customers")?,
        complaints: count(conn, "complaints")?,
        events: count(conn, "complaint_events")?,
        seconds: started.elapsed().as_secs_f64(),
    })
}
