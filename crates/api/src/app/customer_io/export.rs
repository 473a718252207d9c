//! The customer list, as filtered, as a file; every exported record that is
//! not the caller's is a logged read.

use crate::app::customers::list::ListFilter;
use crate::app::customers::{self as archive};
use crate::app::{Ctx, Tx};
use crate::error::ApiResult;
use kehu_domain::customer::ReadPurpose;
use kehu_persistence::{customers, people, DbConn};
use std::collections::{HashMap, HashSet};

/// The rows of the filtered list the caller may read, in column order.
pub fn rows(tx: &mut Tx, ctx: &Ctx, f: ListFilter) -> ApiResult<Vec<Vec<String>>> {
    let today = archive::today(tx, ctx.org())?;
    let scope = archive::read_scope(&ctx.caller, today, ctx.now);
    let text = f.search_text();
    let list = customers::page(tx, ctx.org(), Some(&scope), &f.stored(text.as_deref(), today), None, 100_000)?;
    let list = archive::read_many(tx, &ctx.caller, list, ReadPurpose::Export)?;
    let owners: Vec<i64> = list.iter().map(|c| c.owner_id).collect();
    let usernames = usernames(tx, &owners)?;
    Ok(list.iter().map(|cu| super::row(cu, usernames.get(&cu.owner_id).map_or("", String::as_str))).collect())
}

fn usernames(conn: &mut DbConn, ids: &[i64]) -> ApiResult<HashMap<i64, String>> {
    let mut out = HashMap::new();
    for id in ids.iter().collect::<HashSet<_>>() {
        if let Ok(u) = people::user(conn, *id) {
            out.insert(*id, u.username);
        }
    }
    Ok(out)
}
