//! Legend Present: turns a software architecture map into a live, animated talk.
//!
//! The core is plain Rust with no Bevy types: the map (`map`), the talk (`deck`), the
//! files they are written in (`source`), the problems found in them (`diagnostic`),
//! where everything sits (`layout`), what each zoom value shows (`zoom`, `morph`), what
//! part of the map is on screen (`sight`).
//! The Bevy shell is one plugin per feature folder: `camera`, `map_view`, `overlay`,
//! `window_controls`, `offscreen`, composed over the sets in `app`.

pub mod check;
pub mod coverage;
pub mod deck;
pub mod diagnostic;
pub mod export_plan;
pub mod layout;
pub mod listing;
pub mod map;
pub mod morph;
pub mod navigation;
pub mod sight;
pub mod source;
pub mod synthetic;
pub mod timeline;
pub mod zoom;

pub mod app;
pub mod bench;
pub mod camera;
pub mod export;
pub mod map_view;
pub mod offscreen;
pub mod overlay;
pub mod presenter;
pub mod snapshot;
pub mod window_controls;
