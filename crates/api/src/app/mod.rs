//! Use cases: what a request does, in one transaction, between HTTP and storage.

pub mod action_bodies;
pub mod bootstrap;
pub mod complaint_view;
pub mod customer_io;
pub mod customers;
pub mod intake;
pub mod notify;
pub mod policy;
pub mod scale;
pub mod seed;
pub mod workflow;
