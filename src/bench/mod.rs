//! `legend bench`: measures layout time, live frame time, export throughput and
//! start-up on the bundled Daytona deck and on synthetic 1,000- and 10,000-node maps,
//! each figure beside the one it is compared with, measured in the same run. Every
//! measurement runs in a child process of its own, so its peak memory is its own.

pub mod cases;
pub mod startup;
pub mod stats;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use stats::{median, ratio};

/// What `legend bench` measures and where it writes.
#[derive(Debug, Clone)]
pub struct BenchOptions {
    /// The bundled deck (the baseline every map is compared with).
    pub baseline: PathBuf,
    /// Frames timed per live case.
    pub frames: usize,
    /// Node counts of the synthetic maps.
    pub synthetic: Vec<usize>,
    pub seed: u64,
    /// The scene of the baseline deck that is exported.
    pub export_scene: usize,
    pub json: PathBuf,
}

/// The line a child prints with its figures.
const RESULT: &str = "bench result: ";

/// Peak resident memory of this process so far, in MiB (Linux; 0 elsewhere).
pub fn peak_memory_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

/// Runs one case in this process and prints its figures (the child side).
pub fn run_case(spec: &str) -> Result<(), String> {
    let parts: Vec<&str> = spec.split(';').collect();
    let size = |s: &str| -> Result<bevy::math::UVec2, String> {
        let (w, h) = s.split_once('x').ok_or("size is WxH")?;
        Ok(bevy::math::UVec2::new(
            w.parse().map_err(|_| "bad width")?,
            h.parse().map_err(|_| "bad height")?,
        ))
    };
    let number = |s: &str| {
        s.parse::<usize>()
            .map_err(|_| format!("`{s}` is not a number"))
    };
    let figures = match parts.as_slice() {
        ["layout", deck, repeats] => cases::layout(Path::new(deck), number(repeats)?)?,
        ["live", deck, zoom, wxh, frames] => {
            cases::live(Path::new(deck), zoom, size(wxh)?, number(frames)?)?
        }
        ["export", deck, scene, wxh, fps] => cases::export(
            Path::new(deck),
            number(scene)?,
            size(wxh)?,
            number(fps)? as u32,
        )?,
        ["bare"] => {
            startup::run_bare();
            return Ok(());
        }
        _ => return Err(format!("unknown bench case `{spec}`")),
    };
    let mut record = serde_json::Map::new();
    for (name, value) in figures {
        record.insert(name, json!(value));
    }
    record.insert("peak_mib".into(), json!(peak_memory_mib()));
    println!("{RESULT}{}", Value::Object(record));
    Ok(())
}

/// Runs `legend` with `args` and returns the figures it printed.
fn child(args: &[String]) -> Result<serde_json::Map<String, Value>, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let output = Command::new(exe)
        .args(args)
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot start a bench child: {e}"))?;
    let text = String::from_utf8_lossy(&output.stdout);
    let line = text
        .lines()
        .find_map(|l| l.strip_prefix(RESULT))
        .ok_or_else(|| format!("`legend {}` printed no result", args.join(" ")))?;
    match serde_json::from_str(line) {
        Ok(Value::Object(map)) => Ok(map),
        _ => Err(format!("unreadable result: {line}")),
    }
}

fn case(spec: String) -> Result<serde_json::Map<String, Value>, String> {
    child(&["bench".into(), "--case".into(), spec])
}

fn figure(record: &serde_json::Map<String, Value>, name: &str) -> f64 {
    record.get(name).and_then(Value::as_f64).unwrap_or(f64::NAN)
}

/// A map the bench runs on.
struct Subject {
    name: String,
    deck: PathBuf,
}

/// An X display for the start-up cases: the one this process has, or a private Xvfb.
struct Display {
    server: Option<Child>,
    name: Option<String>,
}

impl Display {
    fn open() -> Display {
        if std::env::var_os("DISPLAY").is_some() || std::env::var_os("WAYLAND_DISPLAY").is_some() {
            return Display {
                server: None,
                name: None,
            };
        }
        for n in 90..110 {
            if Path::new(&format!("/tmp/.X11-unix/X{n}")).exists() {
                continue;
            }
            let name = format!(":{n}");
            let Ok(server) = Command::new("Xvfb")
                .args([
                    name.as_str(),
                    "-screen",
                    "0",
                    "1920x1080x24",
                    "-nolisten",
                    "tcp",
                ])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
            else {
                break;
            };
            let started = Instant::now();
            while started.elapsed() < Duration::from_secs(10) {
                if Path::new(&format!("/tmp/.X11-unix/X{n}")).exists() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            return Display {
                server: Some(server),
                name: Some(name),
            };
        }
        Display {
            server: None,
            name: None,
        }
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        if let Some(server) = self.server.as_mut() {
            let _ = server.kill();
            let _ = server.wait();
        }
    }
}

/// Milliseconds from starting `legend args` to its first presented frame, and its peak memory.
fn first_frame(args: &[&str], display: &Display) -> Result<(f64, f64), String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let mut command = Command::new(exe);
    command
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    if let Some(name) = &display.name {
        command.env("DISPLAY", name);
    }
    let started = Instant::now();
    let mut child = command
        .spawn()
        .map_err(|e| format!("cannot start `legend {}`: {e}", args.join(" ")))?;
    let stdout = child.stdout.take().ok_or("no output")?;
    let mut elapsed = None;
    let mut peak = f64::NAN;
    for line in BufReader::new(stdout).lines().map_while(Result::ok) {
        if let Some(rest) = line.strip_prefix(startup::FIRST_FRAME) {
            elapsed = Some(started.elapsed().as_secs_f64() * 1e3);
            peak = rest
                .trim()
                .strip_prefix("peak_mib=")
                .and_then(|v| v.parse().ok())
                .unwrap_or(f64::NAN);
        }
    }
    let _ = child.wait();
    elapsed
        .map(|ms| (ms, peak))
        .ok_or_else(|| format!("`legend {}` showed no frame", args.join(" ")))
}

fn mib(v: f64) -> String {
    format!("{v:.0} MiB")
}

/// Runs every case, prints the table and writes the JSON file.
pub fn run(options: &BenchOptions) -> Result<(), String> {
    let started = Instant::now();
    let mut subjects = vec![Subject {
        name: "Daytona".into(),
        deck: options.baseline.clone(),
    }];
    let folder = std::env::temp_dir().join(format!("legend-bench-maps-{}", std::process::id()));
    for &nodes in &options.synthetic {
        let dir = folder.join(format!("synthetic-{nodes}"));
        crate::synthetic::write(&crate::synthetic::generate(nodes, options.seed), &dir)?;
        subjects.push(Subject {
            name: format!("Synthetic {nodes}"),
            deck: dir,
        });
    }
    let mut report = serde_json::Map::new();
    let about = machine();
    println!(
        "Machine: {}, {} cores, {} GiB",
        about["cpu"].as_str().unwrap_or("?"),
        about["cores"],
        about["memory_gib"]
    );
    report.insert("machine".into(), about);
    eprintln!(
        "legend bench: {} maps; each case runs in its own process",
        subjects.len()
    );

    // Layout.
    println!(
        "\nLayout (median of 5 runs): placing the nodes, routing the edges; crossed: boxes that \
         edges pass through other than their ends"
    );
    println!(
        "{:<22} {:>7} {:>7} {:>10} {:>12} {:>9} {:>9} {:>9} {:>10} {:>9}",
        "map",
        "nodes",
        "edges",
        "ms",
        "vs Daytona",
        "place ms",
        "route ms",
        "peak",
        "vs Daytona",
        "crossed"
    );
    let mut rows = Vec::new();
    let mut base: Option<(f64, f64)> = None;
    for s in &subjects {
        let r = case(format!("layout;{};5", s.deck.display()))?;
        let (ms, peak) = (figure(&r, "layout_ms"), figure(&r, "peak_mib"));
        let (base_ms, base_peak) = *base.get_or_insert((ms, peak));
        println!(
            "{:<22} {:>7} {:>7} {:>10.1} {:>12} {:>9.1} {:>9.1} {:>9} {:>10} {:>9}",
            s.name,
            figure(&r, "nodes"),
            figure(&r, "edges"),
            ms,
            ratio(ms, base_ms),
            figure(&r, "place_ms"),
            figure(&r, "route_ms"),
            mib(peak),
            ratio(peak, base_peak),
            figure(&r, "boxes_crossed")
        );
        rows.push(json!({"map": s.name, "figures": r, "vs_daytona": ms / base_ms}));
    }
    report.insert("layout".into(), Value::Array(rows));

    // Live frame time.
    let size = "1920x1080";
    println!(
        "\nLive frame time, offscreen {size} with MSAA 4 and the overlay ({} frames, camera drifting)",
        options.frames
    );
    println!(
        "{:<22} {:<5} {:>10} {:>10} {:>12} {:>9} {:>10}",
        "map", "zoom", "median ms", "p95 ms", "vs Daytona", "peak", "vs Daytona"
    );
    let mut rows = Vec::new();
    for zoom in ["L1", "mid", "L4"] {
        let mut base: Option<(f64, f64)> = None;
        for s in &subjects {
            let r = case(format!(
                "live;{};{zoom};{size};{}",
                s.deck.display(),
                options.frames
            ))?;
            let (m, p, peak) = (
                figure(&r, "frame_median_ms"),
                figure(&r, "frame_p95_ms"),
                figure(&r, "peak_mib"),
            );
            let (base_m, base_peak) = *base.get_or_insert((m, peak));
            println!(
                "{:<22} {:<5} {:>10.1} {:>10.1} {:>12} {:>9} {:>10}",
                s.name,
                zoom,
                m,
                p,
                ratio(m, base_m),
                mib(peak),
                ratio(peak, base_peak)
            );
            rows.push(json!({"map": s.name, "zoom": zoom, "figures": r, "vs_daytona": m / base_m}));
        }
    }
    report.insert("live".into(), Value::Array(rows));

    // Export.
    println!(
        "\nExport of Daytona scene {} at 10 fps: PNG frames + MP4, beside encoding the same frames alone",
        options.export_scene
    );
    println!(
        "{:<12} {:>7} {:>11} {:>15} {:>10} {:>9}",
        "size", "frames", "export fps", "encoding fps", "ratio", "peak"
    );
    let mut rows = Vec::new();
    for size in ["1280x720", "1920x1080"] {
        let r = case(format!(
            "export;{};{};{size};10",
            options.baseline.display(),
            options.export_scene
        ))?;
        let (e, a) = (figure(&r, "export_fps"), figure(&r, "encode_alone_fps"));
        println!(
            "{:<12} {:>7} {:>11.1} {:>15.1} {:>10} {:>9}",
            size,
            figure(&r, "frames"),
            e,
            a,
            ratio(e, a),
            mib(figure(&r, "peak_mib"))
        );
        rows.push(json!({"size": size, "figures": r, "export_vs_encoding": e / a}));
    }
    report.insert("export".into(), Value::Array(rows));

    // Start-up.
    let display = Display::open();
    println!("\nStart-up to the first presented frame, 1600x900 window (median of 3)");
    println!(
        "{:<30} {:>9} {:>10} {:>9} {:>10}",
        "app", "ms", "vs bare", "peak", "vs bare"
    );
    let baseline = options.baseline.display().to_string();
    let mut measured = Vec::new();
    for (name, args) in [
        (
            "bare Bevy app (clear only)",
            vec!["bench", "--case", "bare"],
        ),
        (
            "legend present (Daytona)",
            vec!["present", baseline.as_str(), "--report-first-frame"],
        ),
    ] {
        let mut times = Vec::new();
        let mut peaks = Vec::new();
        for _ in 0..3 {
            let (ms, peak) = first_frame(&args, &display)?;
            times.push(ms);
            peaks.push(peak);
        }
        measured.push((name, median(&times), median(&peaks)));
    }
    let mut rows = Vec::new();
    let (bare_ms, bare_peak) = (measured[0].1, measured[0].2);
    for (name, ms, peak) in &measured {
        println!(
            "{:<30} {:>9.0} {:>10} {:>9} {:>10}",
            name,
            ms,
            ratio(*ms, bare_ms),
            mib(*peak),
            ratio(*peak, bare_peak)
        );
        rows.push(
            json!({"app": name, "first_frame_ms": ms, "peak_mib": peak, "vs_bare": ms / bare_ms}),
        );
    }
    report.insert("startup".into(), Value::Array(rows));
    drop(display);

    let _ = std::fs::remove_dir_all(&folder);
    let seconds = started.elapsed().as_secs_f64();
    report.insert("seconds".into(), json!(seconds));
    let text = serde_json::to_string_pretty(&Value::Object(report)).map_err(|e| e.to_string())?;
    std::fs::write(&options.json, text + "\n")
        .map_err(|e| format!("cannot write {}: {e}", options.json.display()))?;
    println!(
        "\n{:.0} s in all; figures written to {}",
        seconds,
        options.json.display()
    );
    Ok(())
}

/// The machine, in words: processor, cores, memory.
fn machine() -> Value {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .map(|v| v.trim_start_matches([' ', '\t', ':']).to_string())
        .unwrap_or_default();
    let memory = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("MemTotal:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0 / 1024.0);
    json!({
        "cpu": cpu,
        "cores": std::thread::available_parallelism().map_or(0, |n| n.get()),
        "memory_gib": (memory * 10.0).round() / 10.0,
    })
}
