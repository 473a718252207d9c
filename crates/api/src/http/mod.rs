//! HTTP plumbing shared by all routes: problems with request ids, JSON
//! bodies, ETags, cursors and idempotent POSTs.

pub mod audit;
pub mod body;
pub mod client;
pub mod ctx;
pub mod cursor;
pub mod edge;
pub mod etag;
pub mod file;
pub mod idempotency;
pub mod money;
pub mod problems;
