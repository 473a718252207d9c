//! The black-box HTTP suite, one binary: each module is a resource or a concern.

mod allowances;
mod authz_matrix;
mod complaint_lists;
mod complaint_search;
mod customer_care;
mod customer_io;
mod customer_lists;
mod customers;
mod deferrals;
mod eight_d;
mod improvement;
mod platform;
mod races;
mod return_handling;
mod return_note;
mod return_retail;
mod return_service;
mod returns;
mod rules;
mod secrecy;
mod sessions;
mod sign_offs;
mod statistics;
mod suppliers;
mod webhooks;
mod workflow;
