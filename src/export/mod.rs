//! `legend export`: renders the talk offscreen, frame by frame at `frame / fps`, into a
//! PNG sequence and/or a video encoded by ffmpeg. PNGs are encoded on worker threads
//! and frames are piped to ffmpeg while the next ones render; both queues are bounded,
//! so nothing is dropped and memory stays flat. Frames are written atomically, an
//! interrupted export keeps every finished frame, and `--resume` picks up from there.

pub mod encode;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Instant;

use bevy::math::UVec2;

use crate::app::Stage;
use crate::deck::Deck;
use crate::export_plan::{self, SceneRange};
use crate::offscreen::{Frame, OffscreenApp, OffscreenSetup};
use crate::presenter::Talk;
pub use encode::{Ffmpeg, VideoFormat, ffmpeg_available};

/// Everything `legend export` was asked for.
#[derive(Debug, Clone)]
pub struct ExportOptions {
    pub out: PathBuf,
    pub size: UVec2,
    pub fps: u32,
    /// Write the PNG sequence (frame_000001.png …).
    pub frames: bool,
    pub video: Option<PathBuf>,
    pub stills: bool,
    pub clips: bool,
    pub range: Option<SceneRange>,
    pub overlay: bool,
    pub resume: bool,
    pub force: bool,
    pub msaa: u32,
}

/// What an export did, for the closing line.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportReport {
    /// Frames in the range.
    pub frames: usize,
    /// Frames rendered by this run.
    pub rendered: usize,
    pub seconds: f64,
    pub stopped: bool,
    pub outputs: Vec<PathBuf>,
}

impl ExportReport {
    pub fn frames_per_second(&self) -> f64 {
        if self.seconds > 0.0 {
            self.rendered as f64 / self.seconds
        } else {
            0.0
        }
    }
}

/// Makes sure the output folder exists and is empty (or may be written into).
fn prepare_folder(options: &ExportOptions) -> Result<(), String> {
    let out = &options.out;
    if out.exists() && !out.is_dir() {
        return Err(format!("{} is a file, not a folder", out.display()));
    }
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let entries: Vec<PathBuf> = std::fs::read_dir(out)
        .map_err(|e| format!("cannot read {}: {e}", out.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    if entries.is_empty() || options.resume {
        return Ok(());
    }
    if !options.force {
        return Err(format!(
            "{} is not empty; pass --force to replace what is there, or --resume to continue an export",
            out.display()
        ));
    }
    for path in entries.iter().filter(|p| p.is_file()) {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with("frame_") || name.starts_with("still_") || name.starts_with("clip_") {
            std::fs::remove_file(path)
                .map_err(|e| format!("cannot remove {}: {e}", path.display()))?;
        }
    }
    Ok(())
}

/// Runs an export. `stop` ends it cleanly between frames (Ctrl-C); `progress` hears
/// (frames done, frames in all) after each frame.
pub fn run(
    deck: &Deck,
    options: &ExportOptions,
    stop: &AtomicBool,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<ExportReport, String> {
    if deck.scenes.is_empty() {
        return Err("the deck has no valid scenes to export".into());
    }
    let wants_ffmpeg = options.video.is_some() || options.clips;
    let format = options
        .video
        .as_deref()
        .map(VideoFormat::from_path)
        .transpose()?;
    prepare_folder(options)?;
    let stage = Stage::new(deck.map.clone());
    let talk = Talk::new(deck, &stage, Vec::new());
    let timeline = talk.timeline.clone();
    let range = options.range.unwrap_or_else(|| SceneRange::all(&timeline));
    let plan = export_plan::frames(&timeline, range, options.fps);
    let first = if options.resume {
        export_plan::first_missing(&options.out, plan.len())
    } else {
        1
    };
    let setup = OffscreenSetup {
        size: options.size,
        fps: options.fps as f32,
        msaa: options.msaa,
        talk: options.overlay.then(|| talk.clone()),
        glyphs_afresh: true,
    };
    let mut app = OffscreenApp::with(stage, setup);
    let mut outputs = Vec::new();
    let started = Instant::now();

    // The sequence is rendered unless only stills are asked for. Its frames always go
    // to PNG workers (they are what --resume continues from; --no-frames removes them
    // once the video is made) and, when a video is piped, to ffmpeg, in order.
    let sequence = options.frames || options.video.is_some() || options.clips;
    let pngs = sequence.then(|| encode::PngWriters::start(options.out.clone(), 2));
    let ffmpeg_ok = !wants_ffmpeg || ffmpeg_available();
    let pipe_video = first == 1 && ffmpeg_ok;
    let mut piped = match (&options.video, format) {
        (Some(path), Some(format)) if pipe_video => {
            Some(Ffmpeg::start_pipe(path, format, options.size, options.fps)?)
        }
        _ => None,
    };
    let total = plan.len();
    let (tx, rx) = mpsc::sync_channel::<(usize, Arc<Frame>)>(4);
    let mut rendered = 0;
    let mut number = first;
    let result = std::thread::scope(|scope| -> Result<(), String> {
        let pngs = &pngs;
        let consumer = scope.spawn(move || -> Result<(), String> {
            for (n, frame) in rx {
                if let Some(pngs) = pngs {
                    pngs.write(n, frame.clone())?;
                }
                if let Some(video) = piped.as_mut() {
                    video.write(&frame.pixels)?;
                }
            }
            if let Some(video) = piped.take() {
                video.finish()?;
            }
            Ok(())
        });
        let todo = if sequence {
            &plan[first - 1..]
        } else {
            &plan[plan.len()..]
        };
        let positions = todo.iter().map(|f| f.position);
        let sent = app.render_each(
            &timeline,
            positions,
            || !stop.load(Ordering::SeqCst),
            |frame| {
                rendered += 1;
                let _ = tx.send((number, Arc::new(frame)));
                progress(number, total);
                number += 1;
            },
        );
        drop(tx);
        let consumed = consumer
            .join()
            .map_err(|_| "the frame writer stopped".to_string())?;
        sent?;
        consumed
    });
    if let Some(pngs) = pngs {
        pngs.finish()?;
    }
    result?;
    let stopped = sequence && number <= total;
    if sequence {
        outputs.push(options.out.clone());
    }

    if !stopped {
        if options.stills {
            for still in export_plan::stills(&timeline, range) {
                app.show_at(&timeline, &still.position);
                let frame = app.capture()?;
                let path = options.out.join(&still.name);
                encode::write_png_atomically(&path, &frame)?;
                outputs.push(path);
            }
        }
        if wants_ffmpeg && !ffmpeg_ok {
            return Err(format!(
                "ffmpeg was not found on PATH, so no video was made; install it (Debian/Ubuntu: \
                 apt-get install ffmpeg) and run again with --resume. The frames are in {}",
                options.out.display()
            ));
        }
        if let (Some(path), Some(format)) = (&options.video, format) {
            if !pipe_video {
                Ffmpeg::encode_sequence(&options.out, 1, total, path, format, options.fps)?;
            }
            outputs.push(path.clone());
        }
        if options.clips {
            let clip_format = format.unwrap_or(VideoFormat::Mp4);
            let mut start = 1;
            for s in range.first..=range.last {
                let count =
                    export_plan::frames(&timeline, SceneRange { first: s, last: s }, options.fps)
                        .len();
                let path = options.out.join(format!(
                    "clip_scene{:02}.{}",
                    s + 1,
                    clip_format.extension()
                ));
                Ffmpeg::encode_sequence(
                    &options.out,
                    start,
                    count.min(total + 1 - start),
                    &path,
                    clip_format,
                    options.fps,
                )?;
                outputs.push(path);
                start += count;
                if start > total {
                    break;
                }
            }
        }
    }
    if !options.frames && !stopped && !options.resume {
        encode::remove_frames(&options.out, total)?;
        outputs.retain(|p| p != &options.out);
    }
    Ok(ExportReport {
        frames: total,
        rendered,
        seconds: started.elapsed().as_secs_f64(),
        stopped,
        outputs,
    })
}

/// Where the export stopped, in words, for `--resume`.
pub fn resume_hint(out: &Path) -> String {
    format!(
        "finished frames are kept in {}; run the same command with --resume to continue",
        out.display()
    )
}
