//! What every use case is given: who asks, when, under which request, and
//! the transaction it runs in.

use crate::auth::Caller;
use crate::error::ApiResult;
use crate::http::idempotency::Claim;
use crate::i18n::Lang;
use chrono::NaiveDateTime;
use kehu_domain::Actor;
use kehu_persistence::events::{self, Audit};
use kehu_persistence::names::NameBook;
use kehu_persistence::DbConn;
use std::sync::Arc;

/// The request's context, built once per request (see `http::ctx`).
#[derive(Clone)]
pub struct Ctx {
    pub caller: Caller,
    pub request_id: Option<String>,
    /// The client's address (see `http::client`), for limits and the audit;
    /// `None` outside a request.
    pub address: Option<std::net::IpAddr>,
    /// The request's time (UTC): one instant for everything it writes.
    pub now: NaiveDateTime,
    /// The `Idempotency-Key` reservation the request runs under, if any.
    pub claim: Option<Claim>,
    /// People's and departments' names for the views.
    pub names: Arc<NameBook>,
    /// The language the caller reads (`Accept-Language`).
    pub lang: Lang,
}

impl Ctx {
    /// A context outside any request (demo data, tools): `caller` acts now.
    pub fn internal(caller: Caller) -> Ctx {
        Ctx { caller, request_id: None, address: None, now: chrono::Utc::now().naive_utc(), claim: None, names: Default::default(), lang: Lang::default() }
    }

    pub fn actor(&self) -> Actor {
        self.caller.actor()
    }

    pub fn org(&self) -> i64 {
        self.caller.org_id
    }

    pub fn user(&self) -> i64 {
        self.caller.user_id
    }

    /// Appends to the audit log, in the use case's transaction.
    pub fn audit(&self, tx: &mut DbConn, action: &str, entity: &str, id: i64, details: serde_json::Value) -> ApiResult<()> {
        events::audit(
            tx,
            &Audit {
                org_id: Some(self.caller.org_id),
                user_id: Some(self.caller.user_id),
                action,
                entity,
                entity_id: Some(id),
                request_id: self.request_id.as_deref(),
                details: details.to_string(),
                at: self.now,
            },
        )?;
        Ok(())
    }

    /// Records, in the creating transaction, where a created resource is, so
    /// that a retry after a crash is sent there instead of creating it again.
    pub fn created_at_location(&self, tx: &mut DbConn, location: &str) -> ApiResult<()> {
        crate::http::idempotency::mark_applied(tx, &self.claim, location)
    }
}

/// A connection inside the one write transaction a use case runs in. Use
/// cases take `&mut Tx` so they cannot be called outside of it.
pub struct Tx<'c>(&'c mut DbConn);

impl<'c> Tx<'c> {
    pub(crate) fn new(conn: &'c mut DbConn) -> Tx<'c> {
        Tx(conn)
    }
}

impl std::ops::Deref for Tx<'_> {
    type Target = DbConn;
    fn deref(&self) -> &DbConn {
        self.0
    }
}

impl std::ops::DerefMut for Tx<'_> {
    fn deref_mut(&mut self) -> &mut DbConn {
        self.0
    }
}
