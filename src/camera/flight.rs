//! Eased camera flights: centre moves smoothly, height changes at a constant rate in
//! log space so a zoom feels even. Advanced by Bevy's `Time`, so an exported frame
//! is a function of the frame index alone.

use bevy::prelude::*;

use super::CameraView;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Flight {
    pub from: CameraView,
    pub to: CameraView,
    pub duration: f32,
    pub elapsed: f32,
}

/// The flight in progress, if any.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq)]
pub struct CameraFlight(pub Option<Flight>);

impl CameraFlight {
    /// Starts a flight from the current view to `to`.
    pub fn start(&mut self, from: CameraView, to: CameraView, duration: f32) {
        self.0 = Some(Flight {
            from,
            to,
            duration: duration.max(1e-3),
            elapsed: 0.0,
        });
    }
}

/// Cubic ease-in-out on 0–1.
pub fn ease_in_out(t: f32) -> f32 {
    let t = t.clamp(0.0, 1.0);
    if t < 0.5 {
        4.0 * t * t * t
    } else {
        1.0 - (-2.0 * t + 2.0).powi(3) / 2.0
    }
}

impl Flight {
    /// The view at `elapsed` seconds into the flight.
    pub fn view_at(&self, elapsed: f32) -> CameraView {
        let t = ease_in_out(elapsed / self.duration);
        CameraView {
            center: self.from.center.lerp(self.to.center, t),
            height: self.from.height * (self.to.height / self.from.height).powf(t),
        }
    }
}

pub(super) fn advance_flight(
    time: Res<Time>,
    mut flight: ResMut<CameraFlight>,
    mut view: ResMut<CameraView>,
) {
    let Some(current) = flight.0.as_mut() else {
        return;
    };
    current.elapsed += time.delta_secs();
    *view = current.view_at(current.elapsed);
    if current.elapsed >= current.duration {
        *view = current.to;
        flight.0 = None;
    }
}
