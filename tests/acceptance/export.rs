//! Exporting the talk: exact frame counts, ffprobe on the video, byte-identical
//! repeats, stills equal to the live view, a missing ffmpeg, an interrupted export
//! resumed to the same bytes, and a lit edge in a frame. Small sizes keep CI short.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};

use bevy::math::UVec2;
use legend_present::app::Stage;
use legend_present::deck::{Deck, load_deck};
use legend_present::export::{ExportOptions, run};
use legend_present::export_plan::frame_name;
use legend_present::offscreen::{OffscreenApp, OffscreenSetup};
use legend_present::presenter::Talk;
use legend_present::timeline::Timeline;

use crate::repo;

const SIZE: UVec2 = UVec2::new(320, 180);
const FPS: u32 = 10;

fn mini() -> Deck {
    load_deck(&repo("tests/fixtures/mini")).deck.unwrap()
}

fn folder(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn options(out: &Path) -> ExportOptions {
    ExportOptions {
        out: out.to_path_buf(),
        size: SIZE,
        fps: FPS,
        frames: true,
        video: None,
        stills: false,
        clips: false,
        range: None,
        overlay: true,
        resume: false,
        force: false,
        msaa: 4,
    }
}

fn export(deck: &Deck, options: &ExportOptions) -> legend_present::export::ExportReport {
    run(deck, options, &AtomicBool::new(false), &mut |_, _| {}).unwrap_or_else(|e| panic!("{e}"))
}

fn frames_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with("frame_"))
        .collect();
    names.sort();
    names
}

fn expected_frames(deck: &Deck) -> usize {
    let stage = Stage::new(deck.map.clone());
    let timeline = Timeline::new(deck, &stage.layout, &stage.zoom_scale);
    (f64::from(timeline.duration()) * f64::from(FPS)).round() as usize
}

#[test]
fn a_two_scene_deck_gives_exactly_its_frames_and_a_video_ffprobe_agrees_with() {
    let deck = mini();
    assert_eq!(deck.scenes.len(), 2);
    let out = folder("export-video");
    let video = out.join("talk.mp4");
    let report = export(
        &deck,
        &ExportOptions {
            video: Some(video.clone()),
            ..options(&out)
        },
    );
    let expected = expected_frames(&deck);
    assert_eq!(report.frames, expected);
    assert_eq!(frames_in(&out).len(), expected);
    assert_eq!(frames_in(&out).last().unwrap(), &frame_name(expected));
    assert!(
        !std::fs::read_dir(&out).unwrap().any(|e| e
            .unwrap()
            .path()
            .extension()
            .is_some_and(|x| x == "tmp"))
    );

    let probe = Command::new("ffprobe")
        .args(["-v", "error", "-select_streams", "v:0", "-count_frames"])
        .args([
            "-show_entries",
            "stream=width,height,nb_read_frames,codec_name:format=duration",
            "-of",
            "default=nw=1",
        ])
        .arg(&video)
        .output()
        .expect("ffprobe is installed by the test script");
    let text = String::from_utf8_lossy(&probe.stdout);
    assert!(text.contains("codec_name=h264"), "{text}");
    assert!(
        text.contains(&format!("width={}", SIZE.x)) && text.contains(&format!("height={}", SIZE.y)),
        "{text}"
    );
    assert!(
        text.contains(&format!("nb_read_frames={expected}")),
        "{text}"
    );
    let duration: f64 = text
        .lines()
        .find_map(|l| l.strip_prefix("duration="))
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        (duration - expected as f64 / f64::from(FPS)).abs() < 0.15,
        "{duration}"
    );
}

#[test]
fn two_exports_give_the_same_bytes_and_a_resumed_one_too() {
    let deck = mini();
    let a = folder("export-a");
    export(&deck, &options(&a));
    let b = folder("export-b");
    export(&deck, &options(&b));
    // Interrupted part-way, then resumed.
    let c = folder("export-c");
    let stop = AtomicBool::new(false);
    let report = run(&deck, &options(&c), &stop, &mut |done, _| {
        if done == 37 {
            stop.store(true, Ordering::SeqCst);
        }
    })
    .unwrap();
    assert!(report.stopped);
    let kept = frames_in(&c).len();
    assert!(kept >= 37 && kept < report.frames, "kept {kept}");
    // An export into a folder that is not empty is refused without --resume or --force.
    let refused = run(&deck, &options(&c), &AtomicBool::new(false), &mut |_, _| {}).unwrap_err();
    assert!(
        refused.contains("not empty") && refused.contains("--force"),
        "{refused}"
    );
    let resumed = export(
        &deck,
        &ExportOptions {
            resume: true,
            ..options(&c)
        },
    );
    assert_eq!(resumed.rendered, resumed.frames - kept);

    let names = frames_in(&a);
    assert_eq!(names, frames_in(&b));
    assert_eq!(names, frames_in(&c));
    for name in &names {
        let bytes = |dir: &Path| std::fs::read(dir.join(name)).unwrap();
        assert!(bytes(&a) == bytes(&b), "{name} differs between two exports");
        assert!(bytes(&a) == bytes(&c), "{name} differs after resuming");
    }
}

#[test]
fn a_still_equals_the_live_view_settled_at_that_step() {
    let deck = mini();
    let out = folder("export-stills");
    export(
        &deck,
        &ExportOptions {
            frames: false,
            stills: true,
            ..options(&out)
        },
    );
    let still = image::open(out.join("still_scene02_step2.png"))
        .unwrap()
        .to_rgba8();

    // The live path: the presenter's playhead on that step, settled, same renderer.
    let stage = Stage::new(deck.map.clone());
    let talk = Talk::new(&deck, &stage, Vec::new());
    let settled = talk.timeline.settled(1, 1);
    let mut live = OffscreenApp::with(
        stage,
        OffscreenSetup {
            size: SIZE,
            fps: FPS as f32,
            msaa: 4,
            talk: Some(talk.clone()),
            // As the exporter draws: glyph placement in the atlas not left to history.
            glyphs_afresh: true,
        },
    );
    live.show_at(&talk.timeline, &settled);
    let frame = live.capture().unwrap();
    frame.save_png(&out.join("live.png")).unwrap();
    assert_eq!((frame.width, frame.height), still.dimensions());
    let differing = frame
        .pixels
        .chunks(4)
        .zip(still.as_raw().chunks(4))
        .filter(|(a, b)| a != b)
        .count();
    assert_eq!(differing, 0, "{differing} pixels differ");
}

#[test]
fn a_lit_edge_shows_in_amber_in_an_exported_frame() {
    let deck = mini();
    let out = folder("export-edge");
    let size = UVec2::new(640, 360);
    export(
        &deck,
        &ExportOptions {
            frames: false,
            stills: true,
            overlay: false,
            size,
            ..options(&out)
        },
    );
    let still = image::open(out.join("still_scene01_step1.png"))
        .unwrap()
        .to_rgba8();
    // "web -> api -> db" is lit in the first scene: amber pixels are in the frame.
    let amber = still
        .pixels()
        .filter(|p| {
            p[0] > 150
                && i32::from(p[0]) > i32::from(p[2]) + 80
                && i32::from(p[1]) > i32::from(p[2]) + 40
        })
        .count();
    assert!(amber > 40, "{amber} amber pixels");
}

#[test]
fn without_ffmpeg_the_error_says_so_and_the_frames_stay() {
    let out = folder("export-no-ffmpeg");
    let empty = folder("no-tools");
    std::fs::create_dir_all(&empty).unwrap();
    let run = Command::new(env!("CARGO_BIN_EXE_legend"))
        .args([
            "export",
            "tests/fixtures/mini",
            "--size",
            "160x90",
            "--fps",
            "5",
            "--scenes",
            "1",
            "--out",
        ])
        .arg(&out)
        .arg("--video")
        .arg(out.join("talk.mp4"))
        .current_dir(repo(""))
        .env("PATH", &empty)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("ffmpeg was not found") && stderr.contains("apt-get install ffmpeg"),
        "{stderr}"
    );
    assert!(!frames_in(&out).is_empty(), "the frames were not kept");
    assert!(!out.join("talk.mp4").exists());
}

#[test]
fn an_export_resumed_at_any_frame_gives_the_same_bytes() {
    // A resumed export starts its renderer at the first missing frame, so what a frame
    // shows must not depend on the frames drawn before it: resume at frames in a camera
    // move, in a hold, across a scene change and after the caption changed, and compare
    // every frame.
    let deck = mini();
    let whole = folder("export-whole");
    export(&deck, &options(&whole));
    let names = frames_in(&whole);
    let bytes = |dir: &Path, name: &str| std::fs::read(dir.join(name)).unwrap();
    for first_missing in [2, 40, 112, 150, 170] {
        let part = folder(&format!("export-from-{first_missing}"));
        std::fs::create_dir_all(&part).unwrap();
        for name in &names[..first_missing - 1] {
            std::fs::copy(whole.join(name), part.join(name)).unwrap();
        }
        let resumed = export(
            &deck,
            &ExportOptions {
                resume: true,
                ..options(&part)
            },
        );
        assert_eq!(resumed.rendered, names.len() + 1 - first_missing);
        assert_eq!(frames_in(&part), names);
        for name in &names[first_missing - 1..] {
            assert!(
                bytes(&whole, name) == bytes(&part, name),
                "{name} differs when the export resumes at frame {first_missing}"
            );
        }
    }
}
