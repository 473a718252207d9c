//! HTTP plumbing shared by all routes: problems with request ids, JSON
//! bodies, ETags, cursors and idempotent POSTs.

pub mod body;
pub mod ctx;
pub mod cursor;
pub mod edge;
pub mod etag;
pub mod idempotency;
pub mod money;
pub mod problems;
