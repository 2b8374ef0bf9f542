//! The live talk's position and how key presses move it: next plays the next step,
//! previous plays the current one backwards (so going back shows exactly the frames
//! seen going forward), and presses during a transition are queued and caught up on
//! at a faster rate rather than cutting or being lost.

use super::{Position, Timeline, View};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Forward,
    Backward,
}

/// Playback rate while presses are waiting.
pub const CATCH_UP: f32 = 3.0;

#[derive(Debug, Clone, PartialEq)]
pub struct Playhead {
    pub position: Position,
    pub direction: Direction,
    /// Presses still to act on: positive forward, negative back.
    pub queued: i32,
}

impl Playhead {
    /// The start of the talk: the first scene flying in from the whole map.
    pub fn new() -> Playhead {
        Playhead {
            position: Position::start(0),
            direction: Direction::Forward,
            queued: 0,
        }
    }

    /// Whether the current step has finished animating forward.
    pub fn is_settled(&self, timeline: &Timeline) -> bool {
        self.direction == Direction::Forward
            && self.position.step_time
                >= timeline.settle_time(self.position.scene, self.position.step)
    }

    /// Next step (then next scene).
    pub fn next(&mut self, timeline: &Timeline) {
        match self.direction {
            Direction::Backward => {
                // Turn round: play forward again from here.
                self.direction = Direction::Forward;
                self.queued = self.queued.max(0);
            }
            Direction::Forward if self.is_settled(timeline) => self.start_next(timeline),
            Direction::Forward => self.queued += 1,
        }
    }

    /// Previous step (then previous scene).
    pub fn previous(&mut self, timeline: &Timeline) {
        match self.direction {
            Direction::Forward => {
                let at_start = self.position.step_time <= 0.0;
                if at_start
                    && timeline
                        .previous_step(self.position.scene, self.position.step)
                        .is_none()
                {
                    return;
                }
                self.direction = Direction::Backward;
                self.queued = self.queued.min(0);
                // Play back only the step's animation, not the time it was held for.
                let settle = timeline.settle_time(self.position.scene, self.position.step);
                let held = (self.position.step_time - settle).max(0.0);
                self.position.step_time -= held;
                self.position.scene_time -= held;
                if at_start {
                    self.step_back(timeline);
                }
            }
            Direction::Backward => self.queued -= 1,
        }
    }

    /// Flies to a scene from wherever the camera is now.
    pub fn jump(&mut self, scene: usize, from: View) {
        self.position = Position {
            jumped_from: Some(from),
            ..Position::start(scene)
        };
        self.direction = Direction::Forward;
        self.queued = 0;
    }

    fn start_next(&mut self, timeline: &Timeline) {
        let Position {
            scene,
            step,
            scene_time,
            ..
        } = self.position;
        if let Some((s, k)) = timeline.next_step(scene, step) {
            self.position = if s == scene {
                Position {
                    scene,
                    step: k,
                    step_time: 0.0,
                    scene_time,
                    jumped_from: self.position.jumped_from,
                }
            } else {
                Position::start(s)
            };
        } else {
            self.queued = 0;
        }
    }

    /// Reached the start of a step going back: land on the previous step, settled.
    fn step_back(&mut self, timeline: &Timeline) {
        let Position { scene, step, .. } = self.position;
        match timeline.previous_step(scene, step) {
            Some((s, k)) => self.position = timeline.settled(s, k),
            None => {
                self.position.step_time = 0.0;
                self.position.scene_time = 0.0;
                self.direction = Direction::Forward;
                self.queued = 0;
            }
        }
    }

    /// Moves time on by `dt` seconds.
    pub fn advance(&mut self, timeline: &Timeline, dt: f32) {
        let rate = if self.queued != 0 { CATCH_UP } else { 1.0 };
        let dt = dt * rate;
        match self.direction {
            Direction::Forward => {
                self.position.step_time += dt;
                self.position.scene_time += dt;
                if self.queued > 0 && self.is_settled(timeline) {
                    self.queued -= 1;
                    self.start_next(timeline);
                }
            }
            Direction::Backward => {
                self.position.step_time -= dt;
                self.position.scene_time -= dt;
                if self.position.step_time <= 0.0 {
                    self.step_back(timeline);
                    if self.queued < 0 {
                        // Another step back: play the step just reached backwards too.
                        self.queued += 1;
                    } else {
                        self.direction = Direction::Forward;
                    }
                }
            }
        }
    }
}

impl Default for Playhead {
    fn default() -> Self {
        Playhead::new()
    }
}
