//! One measurement each, run inside a child process of `legend bench` so that its
//! peak memory is its own: layout time, live frame time at a zoom, export throughput,
//! encoding alone, and start-up to the first presented frame.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use bevy::math::{UVec2, Vec2};

use super::stats::{median, p95};
use crate::app::Stage;
use crate::camera::CameraView;
use crate::deck::{Deck, load_deck};
use crate::export::{ExportOptions, encode, run as run_export};
use crate::export_plan::SceneRange;
use crate::layout::{Layout, Placement};
use crate::map::Level;
use crate::offscreen::{Frame, OffscreenApp, OffscreenSetup};
use crate::presenter::Talk;
use crate::snapshot::level_shot;

/// What a case measured: named figures (milliseconds, frames per second …).
pub type Figures = Vec<(String, f64)>;

pub fn load(deck: &Path) -> Result<Deck, String> {
    let loaded = load_deck(deck);
    loaded.deck.ok_or_else(|| {
        format!(
            "{}: {} problem(s); run `legend check` on it",
            deck.display(),
            loaded.problems.len()
        )
    })
}

/// Lays the map out `repeats` times: the median and the fastest in all, and the medians
/// of its two parts, placing the nodes (with measuring the font) and routing the edges.
pub fn layout(deck: &Path, repeats: usize) -> Result<Figures, String> {
    let deck = load(deck)?;
    let map = &deck.map;
    let (mut totals, mut places, mut routes) = (Vec::new(), Vec::new(), Vec::new());
    let mut crossed = 0;
    for _ in 0..repeats.max(1) {
        let started = Instant::now();
        let metrics = Stage::metrics_for(map);
        let placement = Placement::compute(map, &metrics);
        let placed = started.elapsed();
        let layout = Layout::route(map, &metrics, placement);
        let total = started.elapsed();
        totals.push(total.as_secs_f64() * 1e3);
        places.push(placed.as_secs_f64() * 1e3);
        routes.push((total - placed).as_secs_f64() * 1e3);
        crossed = layout.boxes_crossed(map);
    }
    Ok(vec![
        ("layout_ms".into(), median(&totals)),
        (
            "layout_min_ms".into(),
            totals.iter().copied().fold(f64::INFINITY, f64::min),
        ),
        ("place_ms".into(), median(&places)),
        ("route_ms".into(), median(&routes)),
        ("nodes".into(), map.nodes.len() as f64),
        ("edges".into(), map.edges.len() as f64),
        ("boxes_crossed".into(), crossed as f64),
    ])
}

/// Where the camera looks for a zoom name: `L1` the whole map, `L4` the frame of the
/// module with the most files, `mid` halfway between L2 and L3 over the busiest service.
pub fn view_for(stage: &Stage, zoom: &str) -> Result<CameraView, String> {
    let shot = match zoom {
        "L1" => level_shot(stage, Level::L1, None, None)?,
        "L4" => level_shot(stage, Level::L4, None, None)?,
        "mid" => {
            let mut shot = level_shot(stage, Level::L3, None, None)?;
            shot.view.height = stage.zoom_scale.view_height_at(2.5);
            shot
        }
        other => return Err(format!("unknown zoom `{other}` (L1, L4 or mid)")),
    };
    Ok(shot.view)
}

/// Frame times of the live view, offscreen at `size`, with the talk's overlay, while the
/// camera drifts gently about the view (a presenter's map is rarely still).
pub fn live(deck: &Path, zoom: &str, size: UVec2, frames: usize) -> Result<Figures, String> {
    let deck = load(deck)?;
    let stage = Stage::new(deck.map.clone());
    let talk = Talk::new(&deck, &stage, Vec::new());
    let view = view_for(&stage, zoom)?;
    let mut app = OffscreenApp::with(
        stage,
        OffscreenSetup {
            size,
            fps: 60.0,
            msaa: 4,
            talk: Some(talk),
            glyphs_afresh: false,
        },
    );
    let warm_up = 20;
    let mut times = Vec::with_capacity(frames);
    let mut last = Instant::now();
    for k in 0..warm_up + frames {
        let t = k as f32 / 60.0;
        app.set_view(CameraView {
            center: view.center
                + Vec2::new(
                    (t * 0.7).sin() * view.height * 0.04,
                    (t * 0.5).cos() * view.height * 0.02,
                ),
            height: view.height * (1.0 + 0.02 * (t * 0.9).sin()),
        });
        app.update();
        let now = Instant::now();
        if k >= warm_up {
            times.push((now - last).as_secs_f64() * 1e3);
        }
        last = now;
    }
    Ok(vec![
        ("frame_median_ms".into(), median(&times)),
        ("frame_p95_ms".into(), p95(&times)),
        ("frames".into(), times.len() as f64),
    ])
}

fn scratch(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("legend-bench-{}-{name}", std::process::id()))
}

/// Exports one scene of the deck to PNG frames and an MP4, then encodes the same frames
/// again without rendering (the floor the export can approach).
pub fn export(deck: &Path, scene: usize, size: UVec2, fps: u32) -> Result<Figures, String> {
    let deck = load(deck)?;
    let out = scratch("export");
    let _ = std::fs::remove_dir_all(&out);
    let video = out.join("talk.mp4");
    let options = ExportOptions {
        out: out.clone(),
        size,
        fps,
        frames: true,
        video: Some(video.clone()),
        stills: false,
        clips: false,
        range: Some(SceneRange::parse(&scene.to_string(), deck.scenes.len())?),
        overlay: true,
        resume: false,
        force: true,
        msaa: 4,
    };
    let report = run_export(&deck, &options, &AtomicBool::new(false), &mut |_, _| {})?;
    let export_fps = report.frames_per_second();

    // The same frames, in memory, through the same encoders.
    let frames: Vec<Arc<Frame>> = (1..=report.frames)
        .map(|n| {
            let path = out.join(crate::export_plan::frame_name(n));
            let image = image::open(&path)
                .map_err(|e| format!("{}: {e}", path.display()))?
                .to_rgba8();
            Ok(Arc::new(Frame {
                width: image.width(),
                height: image.height(),
                pixels: image.into_raw(),
            }))
        })
        .collect::<Result<_, String>>()?;
    let again = scratch("encode");
    let _ = std::fs::remove_dir_all(&again);
    std::fs::create_dir_all(&again).map_err(|e| e.to_string())?;
    let started = Instant::now();
    let pngs = encode::PngWriters::start(again.clone(), 2);
    let mut ffmpeg =
        encode::Ffmpeg::start_pipe(&again.join("talk.mp4"), encode::VideoFormat::Mp4, size, fps)?;
    for (k, frame) in frames.iter().enumerate() {
        pngs.write(k + 1, frame.clone())?;
        ffmpeg.write(&frame.pixels)?;
    }
    ffmpeg.finish()?;
    pngs.finish()?;
    let encode_fps = frames.len() as f64 / started.elapsed().as_secs_f64();
    let _ = std::fs::remove_dir_all(&out);
    let _ = std::fs::remove_dir_all(&again);
    Ok(vec![
        ("export_fps".into(), export_fps),
        ("encode_alone_fps".into(), encode_fps),
        ("frames".into(), report.frames as f64),
    ])
}
