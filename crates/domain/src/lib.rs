//! Kehu's business rules, free of I/O: money, numbering, the complaint state
//! machine and its permissions, approval tiers, deadlines, resolution values.

pub mod approval;
pub mod care;
pub mod case;
pub mod channel;
pub mod chase;
pub mod codes;
pub mod collection;
pub mod contact;
pub mod customer;
pub mod deadline;
pub mod delivery;
pub mod eightd;
pub mod events;
pub mod improvement;
pub mod inbox;
pub mod intake;
pub mod issue;
pub mod letter;
pub mod money;
pub mod notice;
pub mod number;
pub mod org;
pub mod pay;
pub mod penalty;
pub mod permission;
pub mod petition;
pub mod resolution;
pub mod returns;
pub mod role;
pub mod statistics;
pub mod supplier;
pub mod survey;
pub mod verification;
pub mod visit;
pub mod weekly;
pub mod workflow;

pub use money::Money;
pub use role::{Actor, Role};
pub use workflow::{Action, Closure, State};
