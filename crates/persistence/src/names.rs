//! People's and departments' names, cached in the process for the reads that
//! show them. Every change to a name moves `name_generation` (by trigger, in
//! the changing transaction), and a read carries the generation it saw, so a
//! read never shows a name older than its own snapshot, on any instance.

use crate::db::DbConn;
use crate::error::DbResult;
use crate::schema::{departments, name_generation, users};
use diesel::prelude::*;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};

#[derive(Default)]
pub struct Names {
    loaded: bool,
    generation: i64,
    users: HashMap<i64, String>,
    departments: HashMap<i64, String>,
}

impl Names {
    pub fn user(&self, id: Option<i64>) -> Option<String> {
        id.and_then(|id| self.users.get(&id).cloned())
    }

    pub fn department(&self, id: Option<i64>) -> Option<String> {
        id.and_then(|id| self.departments.get(&id).cloned())
    }
}

#[derive(Default)]
pub struct NameBook {
    current: RwLock<Arc<Names>>,
}

impl NameBook {
    /// The names as of `generation` (or newer), reloading them when the
    /// cache holds another one. Generations are compared for equality only:
    /// each change writes a value never written before.
    pub fn at(&self, conn: &mut DbConn, generation: i64) -> DbResult<Arc<Names>> {
        {
            let current = self.current.read().unwrap_or_else(|e| e.into_inner());
            if current.loaded && current.generation == generation {
                return Ok(current.clone());
            }
        }
        let fresh = Arc::new(load(conn)?);
        *self.current.write().unwrap_or_else(|e| e.into_inner()) = fresh.clone();
        Ok(fresh)
    }
}

/// The generation first, the names after: a rename committed in between
/// yields newer names under the older generation (reloaded again on the next
/// read that sees the new one), never older names under a newer one.
fn load(conn: &mut DbConn) -> DbResult<Names> {
    let generation: i64 = name_generation::table.find(1).select(name_generation::generation).first(conn)?;
    let users = users::table.select((users::id, users::display_name)).load::<(i64, String)>(conn)?.into_iter().collect();
    let departments = departments::table.select((departments::id, departments::name)).load::<(i64, String)>(conn)?.into_iter().collect();
    Ok(Names { loaded: true, generation, users, departments })
}
