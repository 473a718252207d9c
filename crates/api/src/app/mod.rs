//! Use cases: what a request does, between HTTP and storage.
//!
//! Every write goes through one door, `AppState::write`: a use case is a
//! function `(tx: &mut Tx, ctx: &Ctx, cmd) -> ApiResult<View>` that runs in
//! one transaction; the command arrives parsed into domain types, the rules
//! are the domain's, and storage is the persistence crate's. Reads have the
//! same shape with a plain connection (`AppState::read`).

pub mod access;
pub mod allowances;
pub mod api_keys;
pub mod bootstrap;
pub mod complaints;
pub mod contacts;
pub mod credit;
mod ctx;
pub mod customer_io;
pub mod customer_reports;
pub mod customers;
pub mod eight_d;
pub mod handover;
pub mod improvement;
pub mod letters;
pub mod notice_preferences;
pub mod notice_robots;
pub mod notifications;
pub mod passwords;
pub mod pay;
pub mod penalties;
pub mod people;
pub mod petitions;
pub mod policies;
pub mod policy;
pub mod report_runs;
pub mod returns;
pub mod scale;
pub mod seed;
pub mod sessions;
pub mod supplier_requests;
pub mod survey_results;
pub mod surveys;
pub mod verifications;
pub mod views;
pub mod visits;
pub mod webhooks;

pub use ctx::{Ctx, Tx};
