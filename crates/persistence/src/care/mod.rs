//! Around the archive: credit checks and approval requests, quarterly
//! verification, visits, surveys and their follow-ups, orders.

mod credit;
mod orders;
mod surveys;
mod verifications;
mod visits;

pub use credit::*;
pub use orders::*;
pub use surveys::*;
pub use verifications::*;
pub use visits::*;
