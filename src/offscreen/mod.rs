//! Rendering without a window: the map camera draws into an image, frames are read
//! back to the CPU as RGBA pixels. Used by `legend snapshot`, by the tests that look
//! at real frames, and by the exporter.

use std::time::Duration;

use bevy::camera::RenderTarget;
use bevy::prelude::*;
use bevy::render::RenderPlugin;
use bevy::render::render_resource::{PollType, TextureFormat};
use bevy::render::renderer::RenderDevice;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured};
use bevy::time::TimeUpdateStrategy;
use bevy::window::ExitCondition;
use bevy::winit::WinitPlugin;

use crate::app::{AppSystemsPlugin, GlyphsAfresh, Stage};
use crate::camera::{CameraFlight, CameraPlugin, CameraView, MapCamera};
use crate::map_view::{Emphasis, MapViewPlugin};
use crate::overlay::OverlayPlugin;
use crate::presenter::{Presenter, Talk};
use bevy::render::view::Msaa;

/// A frame read back from the GPU: `width × height` RGBA pixels, sRGB, row by row from the top.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    pub width: u32,
    pub height: u32,
    pub pixels: Vec<u8>,
}

impl Frame {
    /// The colour at a pixel (x right, y down from the top-left).
    pub fn pixel(&self, x: u32, y: u32) -> [u8; 4] {
        let i = ((y * self.width + x) * 4) as usize;
        [
            self.pixels[i],
            self.pixels[i + 1],
            self.pixels[i + 2],
            self.pixels[i + 3],
        ]
    }

    /// Writes the frame as a PNG file.
    pub fn save_png(&self, path: &std::path::Path) -> Result<(), String> {
        image::save_buffer(
            path,
            &self.pixels,
            self.width,
            self.height,
            image::ColorType::Rgba8,
        )
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
    }
}

/// The image the map camera draws into.
#[derive(Resource, Clone)]
pub struct OffscreenTarget(pub Handle<Image>);

/// Frames read back in order, waiting to be handed over.
#[derive(Resource, Default)]
pub struct FrameQueue(pub Vec<Frame>);

fn to_frame(image: &Image) -> Option<Frame> {
    let rgba = image.clone().try_into_dynamic().ok()?.to_rgba8();
    Some(Frame {
        width: rgba.width(),
        height: rgba.height(),
        pixels: rgba.into_raw(),
    })
}

fn queue_frame(captured: On<ScreenshotCaptured>, mut queue: ResMut<FrameQueue>) {
    if let Some(frame) = to_frame(&captured.image) {
        queue.0.push(frame);
    }
}

/// Points the map camera at an offscreen image of the given size.
pub struct OffscreenPlugin {
    pub size: UVec2,
}

impl Plugin for OffscreenPlugin {
    fn build(&self, app: &mut App) {
        let image = Image::new_target_texture(
            self.size.x,
            self.size.y,
            TextureFormat::Rgba8UnormSrgb,
            None,
        );
        let handle = app.world_mut().resource_mut::<Assets<Image>>().add(image);
        app.insert_resource(OffscreenTarget(handle))
            .init_resource::<FrameQueue>()
            .add_systems(PostStartup, aim_camera_at_target);
    }
}

fn aim_camera_at_target(
    mut commands: Commands,
    target: Res<OffscreenTarget>,
    msaa: Option<Res<MsaaSetting>>,
    camera: Query<Entity, With<MapCamera>>,
) {
    let samples = match msaa.map_or(4, |m| m.0) {
        1 => Msaa::Off,
        _ => Msaa::Sample4,
    };
    for entity in &camera {
        commands
            .entity(entity)
            .insert((RenderTarget::Image(target.0.clone().into()), samples));
    }
}

/// How an offscreen app renders.
pub struct OffscreenSetup {
    pub size: UVec2,
    pub fps: f32,
    /// Samples per pixel: 1 (off) or 4.
    pub msaa: u32,
    /// Draw this talk's overlay (captions, title, progress) over the map.
    pub talk: Option<Talk>,
    /// Rasterise the glyphs of labels and overlay afresh each frame, so a frame depends
    /// on nothing drawn before it (exports, resumed or not, come out the same to the byte).
    pub glyphs_afresh: bool,
}

/// Samples per pixel for the map camera.
#[derive(Resource, Clone, Copy)]
pub struct MsaaSetting(pub u32);

/// A whole app that renders the map offscreen, stepped by hand with a fixed frame time.
pub struct OffscreenApp {
    app: App,
}

impl OffscreenApp {
    /// Builds the renderer for `stage` at `size` pixels; each update advances time by
    /// `1 / fps` seconds exactly.
    pub fn new(stage: Stage, size: UVec2, fps: f32) -> OffscreenApp {
        OffscreenApp::with(
            stage,
            OffscreenSetup {
                size,
                fps,
                msaa: 4,
                talk: None,
                glyphs_afresh: false,
            },
        )
    }

    /// Builds the renderer with every choice spelled out.
    pub fn with(stage: Stage, setup: OffscreenSetup) -> OffscreenApp {
        let mut app = App::new();
        app.add_plugins(
            DefaultPlugins
                .set(WindowPlugin {
                    primary_window: None,
                    exit_condition: ExitCondition::DontExit,
                    ..default()
                })
                .set(RenderPlugin {
                    synchronous_pipeline_compilation: true,
                    ..default()
                })
                .disable::<WinitPlugin>()
                // Offscreen apps report through return values; several may run in one process.
                .disable::<bevy::log::LogPlugin>(),
        )
        .insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_secs_f64(
            1.0 / f64::from(setup.fps),
        )))
        .insert_resource(stage)
        .insert_resource(MsaaSetting(setup.msaa))
        .add_plugins((
            AppSystemsPlugin,
            CameraPlugin,
            MapViewPlugin,
            OffscreenPlugin { size: setup.size },
        ));
        if setup.glyphs_afresh {
            app.insert_resource(GlyphsAfresh);
        }
        if let Some(talk) = setup.talk {
            // The overlay as on screen: title, caption, progress; never notes.
            app.insert_resource(talk)
                .insert_resource(Presenter::default())
                .add_plugins(OverlayPlugin::without_slider());
        }
        app.finish();
        app.cleanup();
        let mut offscreen = OffscreenApp { app };
        offscreen.wait_until_ready();
        offscreen
    }

    /// Runs frames until the map's shaders have loaded, so the first frame rendered for
    /// the caller is complete however busy the machine is.
    fn wait_until_ready(&mut self) {
        let shaders: Vec<Handle<bevy::shader::Shader>> = {
            let server = self.app.world().resource::<AssetServer>();
            [
                crate::map_view::box_material::SHADER_PATH,
                crate::map_view::edge_material::SHADER_PATH,
            ]
            .into_iter()
            .map(|path| server.load(path))
            .collect()
        };
        for _ in 0..2000 {
            self.update();
            let server = self.app.world().resource::<AssetServer>();
            if shaders
                .iter()
                .all(|h| server.is_loaded_with_dependencies(h))
            {
                break;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        // One more frame so every pipeline is built and every text laid out.
        self.update();
        self.update();
    }

    pub fn world(&self) -> &World {
        self.app.world()
    }

    pub fn world_mut(&mut self) -> &mut World {
        self.app.world_mut()
    }

    /// Runs one frame and waits for the GPU to finish it.
    pub fn update(&mut self) {
        self.app.update();
        if let Some(device) = self.app.world().get_resource::<RenderDevice>() {
            let _ = device.wgpu_device().poll(PollType::Wait {
                submission_index: None,
                timeout: None,
            });
        }
    }

    /// Shows `view` at once (no flight).
    pub fn set_view(&mut self, view: CameraView) {
        self.app.world_mut().resource_mut::<CameraFlight>().0 = None;
        *self.app.world_mut().resource_mut::<CameraView>() = view;
    }

    /// Shows the talk at a position: its picture, and its overlay when there is one.
    pub fn show_at(
        &mut self,
        timeline: &crate::timeline::Timeline,
        position: &crate::timeline::Position,
    ) {
        let picture = timeline.picture(position);
        self.show(&picture);
        if let Some(mut presenter) = self.app.world_mut().get_resource_mut::<Presenter>() {
            presenter.playhead.position = *position;
        }
    }

    /// Renders one frame per position, reading each back while the next renders, and
    /// hands them over in order; `keep_going` is asked before each frame.
    pub fn render_each(
        &mut self,
        timeline: &crate::timeline::Timeline,
        positions: impl IntoIterator<Item = crate::timeline::Position>,
        mut keep_going: impl FnMut() -> bool,
        mut on_frame: impl FnMut(Frame),
    ) -> Result<usize, String> {
        let target = self.app.world().resource::<OffscreenTarget>().0.clone();
        let mut requested = 0usize;
        let mut delivered = 0usize;
        let mut deliver = |app: &mut App, delivered: &mut usize| {
            let arrived = std::mem::take(&mut app.world_mut().resource_mut::<FrameQueue>().0);
            for frame in arrived {
                on_frame(frame);
                *delivered += 1;
            }
        };
        for position in positions {
            if !keep_going() {
                break;
            }
            self.show_at(timeline, &position);
            self.app
                .world_mut()
                .spawn(Screenshot::image(target.clone()))
                .observe(queue_frame);
            requested += 1;
            self.update();
            deliver(&mut self.app, &mut delivered);
        }
        for _ in 0..16 {
            if delivered == requested {
                break;
            }
            self.update();
            deliver(&mut self.app, &mut delivered);
        }
        if delivered != requested {
            return Err(format!(
                "the renderer returned {delivered} of {requested} frames"
            ));
        }
        Ok(delivered)
    }

    /// Shows a picture of the talk: its camera and its highlights.
    pub fn show(&mut self, picture: &crate::timeline::Picture) {
        let c = picture.camera;
        self.set_view(CameraView {
            center: Vec2::new(c.center.x, c.center.y),
            height: c.height,
        });
        *self.app.world_mut().resource_mut::<Emphasis>() = Emphasis {
            nodes: picture.nodes.clone(),
            edges: picture.edges.clone(),
        };
    }

    /// Renders a frame of the current state and reads it back.
    pub fn capture(&mut self) -> Result<Frame, String> {
        let target = self.app.world().resource::<OffscreenTarget>().0.clone();
        self.app.world_mut().resource_mut::<FrameQueue>().0.clear();
        self.app
            .world_mut()
            .spawn(Screenshot::image(target))
            .observe(queue_frame);
        for _ in 0..16 {
            self.update();
            if let Some(frame) = self.app.world_mut().resource_mut::<FrameQueue>().0.pop() {
                return Ok(frame);
            }
        }
        Err("the renderer produced no frame in 16 updates".to_string())
    }
}
