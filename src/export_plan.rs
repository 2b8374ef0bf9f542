//! What an export renders: the frames of a range of scenes at a frame rate, each at
//! time `frame / fps` so frame k is always the same picture; their file names; where
//! an interrupted export resumes; and the stills, one per step at its settled end.

use std::path::Path;

use crate::timeline::{Position, Timeline};

/// Scenes to export, 0-based and inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SceneRange {
    pub first: usize,
    pub last: usize,
}

impl SceneRange {
    pub fn all(timeline: &Timeline) -> SceneRange {
        SceneRange {
            first: 0,
            last: timeline.scene_count().saturating_sub(1),
        }
    }

    /// Parses `3..7` or `5` (scenes numbered from 1, both ends included).
    pub fn parse(text: &str, scene_count: usize) -> Result<SceneRange, String> {
        let number = |s: &str| -> Result<usize, String> {
            let n: usize = s
                .trim()
                .parse()
                .map_err(|_| format!("`{}` is not a scene number", s.trim()))?;
            if n == 0 || n > scene_count {
                return Err(format!(
                    "there is no scene {n}; the deck has scenes 1 to {scene_count}"
                ));
            }
            Ok(n - 1)
        };
        let (first, last) = match text.split_once("..") {
            Some((a, b)) => (number(a)?, number(b.trim_start_matches('='))?),
            None => {
                let n = number(text)?;
                (n, n)
            }
        };
        if first > last {
            return Err(format!("the range {text} runs backwards"));
        }
        Ok(SceneRange { first, last })
    }
}

/// One frame to render.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FramePlan {
    /// 1-based, as in the file name.
    pub number: usize,
    pub position: Position,
}

/// When the range starts and how long it lasts, in seconds.
pub fn span(timeline: &Timeline, range: SceneRange) -> (f32, f32) {
    let start: f32 = (0..range.first).map(|s| timeline.scene_length(s)).sum();
    let length: f32 = (range.first..=range.last)
        .map(|s| timeline.scene_length(s))
        .sum();
    (start, length)
}

/// Every frame of the range at `fps`.
pub fn frames(timeline: &Timeline, range: SceneRange, fps: u32) -> Vec<FramePlan> {
    let (start, length) = span(timeline, range);
    let count = ((f64::from(length) * f64::from(fps)).round() as usize).max(1);
    (0..count)
        .map(|i| {
            let t = start as f64 + i as f64 / f64::from(fps);
            FramePlan {
                number: i + 1,
                position: timeline.position_at(t as f32),
            }
        })
        .collect()
}

pub fn frame_name(number: usize) -> String {
    format!("frame_{number:06}.png")
}

/// The first frame number (1-based) whose file is missing in `dir`, for `--resume`.
pub fn first_missing(dir: &Path, count: usize) -> usize {
    (1..=count)
        .find(|&n| !dir.join(frame_name(n)).is_file())
        .unwrap_or(count + 1)
}

/// A still: one step of one scene at its settled end.
#[derive(Debug, Clone, PartialEq)]
pub struct StillPlan {
    pub name: String,
    pub position: Position,
}

pub fn stills(timeline: &Timeline, range: SceneRange) -> Vec<StillPlan> {
    (range.first..=range.last)
        .flat_map(|s| {
            (0..timeline.step_count(s)).map(move |k| StillPlan {
                name: format!("still_scene{:02}_step{}.png", s + 1, k + 1),
                position: timeline.settled(s, k),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scene_ranges_count_from_one_and_include_both_ends() {
        assert_eq!(
            SceneRange::parse("3..7", 33),
            Ok(SceneRange { first: 2, last: 6 })
        );
        assert_eq!(
            SceneRange::parse("3..=7", 33),
            Ok(SceneRange { first: 2, last: 6 })
        );
        assert_eq!(
            SceneRange::parse("5", 33),
            Ok(SceneRange { first: 4, last: 4 })
        );
        assert!(
            SceneRange::parse("0..2", 33)
                .unwrap_err()
                .contains("no scene 0")
        );
        assert!(
            SceneRange::parse("2..40", 33)
                .unwrap_err()
                .contains("no scene 40")
        );
        assert!(
            SceneRange::parse("7..3", 33)
                .unwrap_err()
                .contains("backwards")
        );
        assert!(SceneRange::parse("x", 33).is_err());
        assert_eq!(frame_name(12), "frame_000012.png");
    }
}
