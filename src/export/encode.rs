//! Writing frames: PNGs on worker threads (fast compression, temp file then rename),
//! and videos through ffmpeg run as a separate process, raw frames piped to it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Arc, Mutex, mpsc};
use std::thread::JoinHandle;

use bevy::math::UVec2;
use image::ImageEncoder;
use image::codecs::png::{CompressionType, FilterType, PngEncoder};

use crate::export_plan::frame_name;
use crate::offscreen::Frame;

/// Writes `frame` to `path` through a temporary file, so a killed export never leaves
/// a half-written PNG under the final name.
pub fn write_png_atomically(path: &Path, frame: &Frame) -> Result<(), String> {
    let tmp = path.with_extension("png.tmp");
    let file =
        std::fs::File::create(&tmp).map_err(|e| format!("cannot write {}: {e}", tmp.display()))?;
    let writer = std::io::BufWriter::new(file);
    PngEncoder::new_with_quality(writer, CompressionType::Fast, FilterType::Adaptive)
        .write_image(
            &frame.pixels,
            frame.width,
            frame.height,
            image::ExtendedColorType::Rgba8,
        )
        .map_err(|e| format!("cannot encode {}: {e}", path.display()))?;
    std::fs::rename(&tmp, path).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// PNG encoders on worker threads, fed through a bounded queue.
pub struct PngWriters {
    queue: Option<mpsc::SyncSender<(usize, Arc<Frame>)>>,
    workers: Vec<JoinHandle<Result<(), String>>>,
}

impl PngWriters {
    pub fn start(out: PathBuf, threads: usize) -> PngWriters {
        let (tx, rx) = mpsc::sync_channel::<(usize, Arc<Frame>)>(threads * 2);
        let rx = Arc::new(Mutex::new(rx));
        let workers = (0..threads.max(1))
            .map(|_| {
                let rx = rx.clone();
                let out = out.clone();
                std::thread::spawn(move || -> Result<(), String> {
                    loop {
                        let next = rx
                            .lock()
                            .map_err(|_| "writer queue poisoned".to_string())?
                            .recv();
                        let Ok((number, frame)) = next else {
                            return Ok(());
                        };
                        write_png_atomically(&out.join(frame_name(number)), &frame)?;
                    }
                })
            })
            .collect();
        PngWriters {
            queue: Some(tx),
            workers,
        }
    }

    pub fn write(&self, number: usize, frame: Arc<Frame>) -> Result<(), String> {
        self.queue
            .as_ref()
            .ok_or("writers finished")?
            .send((number, frame))
            .map_err(|_| "a PNG writer stopped".to_string())
    }

    /// Waits for every queued frame to be on disk.
    pub fn finish(mut self) -> Result<(), String> {
        self.queue.take();
        for worker in self.workers.drain(..) {
            worker
                .join()
                .map_err(|_| "a PNG writer panicked".to_string())??;
        }
        Ok(())
    }
}

/// Removes the PNG sequence (when only a video was asked for).
pub fn remove_frames(out: &Path, count: usize) -> Result<(), String> {
    for n in 1..=count {
        let path = out.join(frame_name(n));
        if path.exists() {
            std::fs::remove_file(&path)
                .map_err(|e| format!("cannot remove {}: {e}", path.display()))?;
        }
    }
    Ok(())
}

/// Video containers ffmpeg is asked for, by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VideoFormat {
    Mp4,
    Webm,
    Gif,
}

impl VideoFormat {
    pub fn from_path(path: &Path) -> Result<VideoFormat, String> {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("mp4") => Ok(VideoFormat::Mp4),
            Some("webm") => Ok(VideoFormat::Webm),
            Some("gif") => Ok(VideoFormat::Gif),
            _ => Err(format!(
                "{}: the video must end in .mp4, .webm or .gif",
                path.display()
            )),
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            VideoFormat::Mp4 => "mp4",
            VideoFormat::Webm => "webm",
            VideoFormat::Gif => "gif",
        }
    }

    fn codec_args(self) -> Vec<&'static str> {
        match self {
            VideoFormat::Mp4 => vec![
                "-c:v",
                "libx264",
                "-preset",
                "veryfast",
                "-crf",
                "18",
                "-pix_fmt",
                "yuv420p",
                "-movflags",
                "+faststart",
            ],
            VideoFormat::Webm => vec![
                "-c:v",
                "libvpx-vp9",
                "-b:v",
                "0",
                "-crf",
                "32",
                "-deadline",
                "realtime",
                "-cpu-used",
                "8",
                "-pix_fmt",
                "yuv420p",
            ],
            VideoFormat::Gif => vec!["-vf", "split[a][b];[a]palettegen[p];[b][p]paletteuse"],
        }
    }
}

/// Whether an ffmpeg can be run.
pub fn ffmpeg_available() -> bool {
    Command::new("ffmpeg")
        .arg("-version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn spawn_error(e: std::io::Error) -> String {
    if e.kind() == std::io::ErrorKind::NotFound {
        "ffmpeg was not found on PATH; install it (Debian/Ubuntu: apt-get install ffmpeg)"
            .to_string()
    } else {
        format!("cannot run ffmpeg: {e}")
    }
}

/// An ffmpeg process encoding raw RGBA frames from its standard input.
pub struct Ffmpeg {
    child: Child,
    stdin: Option<ChildStdin>,
    path: PathBuf,
}

impl Ffmpeg {
    pub fn start_pipe(
        path: &Path,
        format: VideoFormat,
        size: UVec2,
        fps: u32,
    ) -> Result<Ffmpeg, String> {
        let mut command = Command::new("ffmpeg");
        command
            .args([
                "-hide_banner",
                "-loglevel",
                "error",
                "-y",
                "-f",
                "rawvideo",
                "-pix_fmt",
                "rgba",
            ])
            .args([
                "-s",
                &format!("{}x{}", size.x, size.y),
                "-r",
                &fps.to_string(),
                "-i",
                "-",
            ])
            .args(format.codec_args())
            .arg(path)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        let mut child = command.spawn().map_err(spawn_error)?;
        let stdin = child.stdin.take();
        Ok(Ffmpeg {
            child,
            stdin,
            path: path.to_path_buf(),
        })
    }

    pub fn write(&mut self, rgba: &[u8]) -> Result<(), String> {
        let stdin = self.stdin.as_mut().ok_or("ffmpeg input closed")?;
        stdin.write_all(rgba).map_err(|e| {
            format!(
                "ffmpeg stopped taking frames for {}: {e}",
                self.path.display()
            )
        })
    }

    pub fn finish(mut self) -> Result<(), String> {
        drop(self.stdin.take());
        let output = self
            .child
            .wait_with_output()
            .map_err(|e| format!("ffmpeg: {e}"))?;
        if output.status.success() {
            Ok(())
        } else {
            Err(format!(
                "ffmpeg failed on {}: {}",
                self.path.display(),
                String::from_utf8_lossy(&output.stderr).trim()
            ))
        }
    }

    /// Encodes `count` PNG frames starting at frame `start` from `dir` into a video.
    pub fn encode_sequence(
        dir: &Path,
        start: usize,
        count: usize,
        path: &Path,
        format: VideoFormat,
        fps: u32,
    ) -> Result<(), String> {
        let output = Command::new("ffmpeg")
            .args([
                "-hide_banner",
                "-loglevel",
                "error",
                "-y",
                "-framerate",
                &fps.to_string(),
            ])
            .args(["-start_number", &start.to_string(), "-i"])
            .arg(dir.join("frame_%06d.png"))
            .args(["-frames:v", &count.to_string()])
            .args(format.codec_args())
            .arg(path)
            .stdin(Stdio::null())
            .output()
            .map_err(spawn_error)?;
        if output.status.success() {
            Ok(())
        } else {
            Err(format!(
                "ffmpeg failed on {}: {}",
                path.display(),
                String::from_utf8_lossy(&output.stderr).trim()
            ))
        }
    }
}
