//! A usable installation from an empty database: one company and its policies.

use crate::app::policy;
use crate::error::ApiResult;
use chrono::Utc;
use kehu_persistence::people::{self, Organization};
use kehu_persistence::{write_tx, DbConn};

pub fn ensure_company(conn: &mut DbConn) -> ApiResult<Organization> {
    write_tx(conn, |c| {
        let now = Utc::now().naive_utc();
        let org = match people::default_org(c)? {
            Some(o) => o,
            None => people::insert_org(c, "default", "本公司", now)?,
        };
        policy::ensure_defaults(c, org.id, now)?;
        crate::app::customers::backfill(c)?;
        Ok(org)
    })
}
