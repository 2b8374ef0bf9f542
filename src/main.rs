//! The `legend` command line: parses arguments and composes the plugins each command needs.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use bevy::prelude::*;
use bevy::window::WindowResolution;
use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use legend_present::app::{AppSystemsPlugin, Stage};
use legend_present::camera::CameraPlugin;
use legend_present::deck::{Deck, load_deck};
use legend_present::export::{ExportOptions, resume_hint, run as run_export};
use legend_present::export_plan::SceneRange;
use legend_present::listing::Listing;
use legend_present::map::Level;
use legend_present::map_view::MapViewPlugin;
use legend_present::offscreen::OffscreenApp;
use legend_present::overlay::OverlayPlugin;
use legend_present::presenter::{PresenterPlugin, Talk};
use legend_present::snapshot::{Shot, level_shot};
use legend_present::window_controls::WindowControlsPlugin;

/// Legend Present — a software architecture map as a live, animated talk.
#[derive(Parser)]
#[command(name = "legend", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Give the talk in a window, from its first scene
    ///
    /// → / Space / PageDown next, ← / PageUp previous, Home / End, a number then G or Enter
    /// jumps, B blanks, N notes, H captions, ? help. The wheel, dragging, 1–4 and the slider
    /// move freely (→ returns); F or F11 fullscreen, Esc leaves it, Ctrl+Q quits.
    Present {
        /// A deck file, or a folder holding deck.ron [default: the bundled Daytona deck]
        deck: Option<PathBuf>,
        /// Quit once the first frame is on screen, saying so (used by `legend bench`)
        #[arg(long, hide = true)]
        report_first_frame: bool,
    },
    /// Check a deck and its map, print coverage and scenes, report every problem
    ///
    /// Prints the nodes and edges per level and the scene list, reports every problem with
    /// file, line and column, and exits non-zero if there is any.
    Check {
        /// A deck file, or a folder holding deck.ron [default: the bundled Daytona deck]
        deck: Option<PathBuf>,
        /// Also check every node's path and file count against this repository listing
        /// (one path per line, as `git ls-files` prints it at the map's revision)
        #[arg(long, value_name = "FILE")]
        listing: Option<PathBuf>,
    },
    /// Render the talk to PNG frames and/or a video, without a window
    ///
    /// Each scene flies in, plays its steps and holds for its hold time, as if a presenter
    /// pressed → then. Frame k is always the picture at k / fps. Videos need ffmpeg.
    Export {
        /// A deck file, or a folder holding deck.ron [default: the bundled Daytona deck]
        deck: Option<PathBuf>,
        /// The folder for frames (frame_000001.png …), stills and clips
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Frame size in pixels
        #[arg(long, default_value = "1920x1080", value_parser = parse_size)]
        size: (u32, u32),
        /// Frames per second
        #[arg(long, default_value_t = 60, value_parser = clap::value_parser!(u32).range(1..=240))]
        fps: u32,
        /// Also encode a video: .mp4 (H.264), .webm (VP9) or .gif, by its extension
        #[arg(long, value_name = "FILE")]
        video: Option<PathBuf>,
        /// Do not keep the PNG sequence (with --video, --stills or --clips); frames are still
        /// written while rendering, so --resume can continue, and removed at the end
        #[arg(long)]
        no_frames: bool,
        /// Also write one PNG per step at its settled end (a handout)
        #[arg(long)]
        stills: bool,
        /// Also encode one video per scene (clip_scene01.mp4 …)
        #[arg(long)]
        clips: bool,
        /// Only these scenes, numbered from 1: `3..7` or `5`
        #[arg(long, value_name = "A..B")]
        scenes: Option<String>,
        /// Leave out the title and captions (speaker notes are never drawn)
        #[arg(long)]
        no_overlay: bool,
        /// Continue an interrupted export from its first missing frame
        #[arg(long)]
        resume: bool,
        /// Write into a folder that is not empty, replacing earlier frames
        #[arg(long)]
        force: bool,
        /// Multisample anti-aliasing: 4 samples per pixel, or 1 (off)
        #[arg(long, default_value_t = 4, value_parser = parse_msaa)]
        msaa: u32,
    },
    /// Measure layout, live frame time, export and start-up; print a table and write JSON
    ///
    /// Runs on the bundled Daytona deck and on synthetic maps (see `generate`), each case in
    /// a process of its own so its peak memory is its own, and prints every figure beside
    /// the one it is compared with (Daytona, encoding alone, a bare Bevy app) as a ratio.
    /// Renders offscreen; the start-up cases open a window (a private Xvfb when there is
    /// no display). Build with the dev profile as the README says; takes a few minutes.
    Bench {
        /// Frames timed per live frame-time case
        #[arg(long, default_value_t = 200)]
        frames: usize,
        /// Node counts of the synthetic maps, comma-separated
        #[arg(long, default_value = "1000,10000", value_delimiter = ',')]
        synthetic: Vec<usize>,
        /// Seed for the synthetic maps
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The scene of the Daytona deck that is exported
        #[arg(long, default_value_t = 21)]
        export_scene: usize,
        /// Where to write the figures as JSON
        #[arg(long, value_name = "FILE", default_value = "bench.json")]
        json: PathBuf,
        /// One measurement, run by the bench in a child process
        #[arg(long, hide = true)]
        case: Option<String>,
    },
    /// Write a synthetic map of any size and a deck that tours it, for measuring
    ///
    /// Four levels with uneven fan-out, about two edges per node, realistic names. The same
    /// --nodes and --seed always give the same files; `legend check DIR` and `legend present
    /// DIR` take the folder.
    Generate {
        /// How many nodes in all levels together (at least 20)
        #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u32).range(20..=1_000_000))]
        nodes: u32,
        /// Seed for the random choices
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The folder to write architecture.ron, deck.ron and the scenes into
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Render one view of the map to a PNG, without a window.
    Snapshot {
        /// A deck file, or a folder holding deck.ron [default: the bundled Daytona deck]
        deck: Option<PathBuf>,
        /// The level to show (1–4): all of L1, or the frame of the node one level up
        /// that has the most children (or --focus)
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u8).range(1..=4))]
        level: u8,
        /// The id of the node whose frame to show (its children's level is shown)
        #[arg(long, value_name = "ID")]
        focus: Option<String>,
        /// Zoom value to show instead of a level (1.0–4.0), e.g. 2.5 for halfway between L2 and L3
        #[arg(long)]
        zoom: Option<f32>,
        /// Image size in pixels
        #[arg(long, default_value = "1920x1080", value_parser = parse_size)]
        size: (u32, u32),
        /// Where to write the PNG
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

fn parse_msaa(text: &str) -> Result<u32, String> {
    match text {
        "1" => Ok(1),
        "4" => Ok(4),
        _ => Err("use 4 (on) or 1 (off)".into()),
    }
}

fn parse_size(text: &str) -> Result<(u32, u32), String> {
    let (w, h) = text
        .split_once('x')
        .ok_or("expected WIDTHxHEIGHT, e.g. 1920x1080")?;
    let parse = |v: &str| {
        v.trim()
            .parse::<u32>()
            .ok()
            .filter(|&n| (16..=8192).contains(&n))
    };
    match (parse(w), parse(h)) {
        (Some(w), Some(h)) => Ok((w, h)),
        _ => Err("width and height must be whole numbers from 16 to 8192".into()),
    }
}

/// The deck shipped with the project: `scenes/daytona` under the working directory,
/// else under the source tree the binary was built from.
fn bundled_deck() -> PathBuf {
    let here = PathBuf::from("scenes/daytona");
    if here.is_dir() {
        return here;
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenes/daytona")
}

fn colour() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// Loads a deck, printing its problems; `None` when the map itself cannot be shown.
/// The problems come back as one line each for the overlay.
fn load(path: &Path) -> (Option<Deck>, Vec<String>) {
    let load = load_deck(path);
    for problem in load.problems.iter() {
        eprintln!("{}", problem.render(colour()));
    }
    (
        load.deck,
        load.problems.iter().map(|p| p.headline()).collect(),
    )
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check { deck, listing } => {
            let deck = deck.unwrap_or_else(bundled_deck);
            let listing = match listing.as_deref().map(Listing::read).transpose() {
                Ok(listing) => listing,
                Err(message) => {
                    eprintln!("error: {message}");
                    return ExitCode::FAILURE;
                }
            };
            let report = legend_present::check::check(&deck, listing.as_ref(), colour());
            for problem in &report.problems {
                eprintln!("{problem}");
            }
            print!("{}", report.summary);
            if report.passed {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Command::Bench {
            frames,
            synthetic,
            seed,
            export_scene,
            json,
            case,
        } => {
            let result = match case {
                Some(spec) => legend_present::bench::run_case(&spec),
                None => legend_present::bench::run(&legend_present::bench::BenchOptions {
                    baseline: bundled_deck(),
                    frames,
                    synthetic,
                    seed,
                    export_scene,
                    json,
                }),
            };
            match result {
                Ok(()) => ExitCode::SUCCESS,
                Err(message) => {
                    eprintln!("error: {message}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Generate { nodes, seed, out } => {
            let synthetic = legend_present::synthetic::generate(nodes as usize, seed);
            match legend_present::synthetic::write(&synthetic, &out) {
                Ok(()) => {
                    println!(
                        "wrote {} nodes, {} edges and {} scenes to {}",
                        synthetic.map.nodes.len(),
                        synthetic.map.edges.len(),
                        synthetic.scenes.len(),
                        out.display()
                    );
                    ExitCode::SUCCESS
                }
                Err(message) => {
                    eprintln!("error: {message}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Present {
            deck,
            report_first_frame,
        } => {
            let (Some(deck), problems) = load(&deck.unwrap_or_else(bundled_deck)) else {
                return ExitCode::FAILURE;
            };
            let title = format!("Legend Present — {}", deck.title);
            let stage = Stage::new(deck.map.clone());
            let talk = Talk::new(&deck, &stage, problems);
            let mut app = App::new();
            app.add_plugins(DefaultPlugins.set(WindowPlugin {
                primary_window: Some(Window {
                    title,
                    resolution: WindowResolution::new(1600, 900),
                    ..default()
                }),
                ..default()
            }))
            .insert_resource(stage)
            .insert_resource(talk)
            .add_plugins((
                AppSystemsPlugin,
                CameraPlugin,
                MapViewPlugin,
                PresenterPlugin,
                OverlayPlugin::with_slider(),
                WindowControlsPlugin,
            ));
            if report_first_frame {
                app.add_plugins(legend_present::bench::startup::FirstFramePlugin);
            }
            app.run();
            ExitCode::SUCCESS
        }
        Command::Export {
            deck,
            out,
            size,
            fps,
            video,
            no_frames,
            stills,
            clips,
            scenes,
            no_overlay,
            resume,
            force,
            msaa,
        } => {
            let (Some(deck), problems) = load(&deck.unwrap_or_else(bundled_deck)) else {
                return ExitCode::FAILURE;
            };
            if !problems.is_empty() {
                eprintln!(
                    "warning: {} problem(s) above; those scenes are left out of the export",
                    problems.len()
                );
            }
            let range = match scenes
                .as_deref()
                .map(|r| SceneRange::parse(r, deck.scenes.len()))
                .transpose()
            {
                Ok(range) => range,
                Err(message) => {
                    eprintln!("error: --scenes: {message}");
                    return ExitCode::from(2);
                }
            };
            let options = ExportOptions {
                out,
                size: UVec2::new(size.0, size.1),
                fps,
                frames: !no_frames || (video.is_none() && !stills && !clips),
                video,
                stills,
                clips,
                range,
                overlay: !no_overlay,
                resume,
                force,
                msaa,
            };
            export_command(&deck, &options)
        }
        Command::Snapshot {
            deck,
            level,
            focus,
            zoom,
            size,
            out,
        } => {
            let (Some(deck), _) = load(&deck.unwrap_or_else(bundled_deck)) else {
                return ExitCode::FAILURE;
            };
            let stage = Stage::new(deck.map);
            let level = Level::from_number(level).expect("clap checks the range");
            let shot = match level_shot(&stage, level, focus.as_deref(), zoom) {
                Ok(shot) => shot,
                Err(message) => {
                    eprintln!("error: {message}");
                    return ExitCode::FAILURE;
                }
            };
            match render(stage, shot, size, &out) {
                Ok(()) => {
                    println!("wrote {}", out.display());
                    ExitCode::SUCCESS
                }
                Err(message) => {
                    eprintln!("error: {message}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}

/// Runs an export with a progress bar; Ctrl-C stops it after the frame in hand.
fn export_command(deck: &Deck, options: &ExportOptions) -> ExitCode {
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    if let Err(e) = ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst)) {
        eprintln!("warning: Ctrl-C will not stop cleanly: {e}");
    }
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {bar:40} {pos}/{len} frames  {per_sec}  ETA {eta}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let result = run_export(deck, options, &stop, &mut |done, total| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    });
    bar.finish_and_clear();
    match result {
        Ok(report) => {
            println!(
                "{} {} of {} frames in {:.1} s ({:.1} frames/s)",
                if report.stopped {
                    "stopped after"
                } else {
                    "rendered"
                },
                report.rendered,
                report.frames,
                report.seconds,
                report.frames_per_second()
            );
            for output in &report.outputs {
                println!("wrote {}", output.display());
            }
            if report.stopped {
                println!("{}", resume_hint(&options.out));
                return ExitCode::from(130);
            }
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn render(stage: Stage, shot: Shot, (width, height): (u32, u32), out: &Path) -> Result<(), String> {
    let mut app = OffscreenApp::new(stage, UVec2::new(width, height), 60.0);
    app.set_view(shot.view);
    app.capture()?.save_png(out)
}
