//! vats-pilot: an embeddable widget that explains China's pilot opening of value-added telecom
//! services (VATS) to wholly foreign-owned companies.
//!
//! The crate has two layers (see ARCHITECTURE.md):
//! - a pure core — [`model`], [`data`], [`validate`], [`eligibility`], [`filter`], [`state`],
//!   [`export`], [`i18n`], [`geo`] — plain Rust with no web dependencies, tested natively;
//! - thin views and the JS API in [`web`], compiled for `wasm32` only.

#[cfg(not(target_arch = "wasm32"))]
pub mod check;
pub mod data;
#[macro_use]
mod declare;
#[cfg(not(target_arch = "wasm32"))]
pub mod diff;
mod embedded;
pub mod eligibility;
pub mod equity;
pub mod explain;
pub mod export;
pub mod filter;
pub mod geo;
pub mod geo_data;
pub mod i18n;
pub mod json;
pub mod keys;
pub mod markup;
pub mod marks;
pub mod model;
pub mod msg;
pub mod notice;
#[cfg(not(target_arch = "wasm32"))]
pub mod pages;
pub mod questions;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod state;
pub mod summary;
pub mod validate;

#[cfg(target_arch = "wasm32")]
pub mod web;
