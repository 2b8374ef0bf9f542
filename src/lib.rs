//! Legend Present: turns a software architecture map into a live, animated talk.
//!
//! The core here is plain Rust: the map (`map`), the talk (`deck`), the files they
//! are written in (`source`) and the problems found in them (`diagnostic`).

pub mod check;
pub mod coverage;
pub mod deck;
pub mod diagnostic;
pub mod listing;
pub mod map;
pub mod source;
