//! The on-screen overlay drawn with egui: the zoom slider at the bottom-left,
//! labelled Context / System / Module / File, which both follows and drives the
//! camera, and when a talk is on, its title, caption, notes and help (`talk`).

mod talk;

use bevy::asset::AssetEventSystems;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPlugin, EguiPostUpdateSet, EguiPrimaryContextPass, egui};

use crate::app::{GlyphsAfresh, Stage};
use crate::camera::{CameraDriver, CameraFlight, CameraView, Zoom};
use crate::map::Level;

/// The overlay; in exported frames it leaves out the slider (nothing to drag there).
pub struct OverlayPlugin {
    pub slider: bool,
}

impl OverlayPlugin {
    pub fn with_slider() -> OverlayPlugin {
        OverlayPlugin { slider: true }
    }

    pub fn without_slider() -> OverlayPlugin {
        OverlayPlugin { slider: false }
    }
}

/// How many times the overlay's fonts have been handed to egui.
#[derive(Resource, Default)]
struct OverlayFonts {
    handed: u64,
}

/// The shipped Inter font first for egui's text (it has the arrows and dashes the
/// captions use).
fn shipped_fonts() -> egui::FontDefinitions {
    let mut fonts = egui::FontDefinitions::default();
    for (name, bytes) in [
        ("Inter", crate::app::fonts::REGULAR),
        ("Inter SemiBold", crate::app::fonts::SEMIBOLD),
    ] {
        fonts.font_data.insert(
            name.to_string(),
            std::sync::Arc::new(egui::FontData::from_static(bytes)),
        );
    }
    if let Some(family) = fonts.families.get_mut(&egui::FontFamily::Proportional) {
        family.insert(0, "Inter".to_string());
    }
    fonts
}

/// Hands egui the shipped fonts once its context exists; with [`GlyphsAfresh`], again
/// every pass, so that each pass starts from an empty glyph atlas.
fn use_shipped_fonts(
    mut contexts: EguiContexts,
    mut fonts: ResMut<OverlayFonts>,
    afresh: Option<Res<GlyphsAfresh>>,
) -> Result {
    if fonts.handed > 0 && afresh.is_none() {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let mut definitions = shipped_fonts();
    if afresh.is_some() {
        // egui rebuilds its fonts, atlas and all, only when their definitions change:
        // a family nothing uses, named after the pass's parity, changes them each pass.
        let parity = if fonts.handed.is_multiple_of(2) {
            "even"
        } else {
            "odd"
        };
        definitions.families.insert(
            egui::FontFamily::Name(format!("pass {parity}").into()),
            vec!["Inter".to_string()],
        );
    }
    ctx.set_fonts(definitions);
    // No animations: an exported frame must not depend on what the frame before showed.
    ctx.all_styles_mut(|style| style.animation_time = 0.0);
    fonts.handed += 1;
    Ok(())
}

impl Plugin for OverlayPlugin {
    fn build(&self, app: &mut App) {
        app.add_plugins(EguiPlugin::default())
            // egui's texture changes (new glyphs) must be copied into the image assets
            // before this frame's asset events are sent, or the glyphs reach the GPU a
            // frame late, depending on which system the scheduler happens to run first.
            .configure_sets(
                PostUpdate,
                EguiPostUpdateSet::PostProcessOutput.before(AssetEventSystems),
            )
            .init_resource::<OverlayFonts>()
            .add_systems(
                EguiPrimaryContextPass,
                use_shipped_fonts.before(talk_overlay),
            );
        if self.slider {
            app.add_systems(EguiPrimaryContextPass, (talk_overlay, zoom_slider).chain());
        } else {
            app.add_systems(EguiPrimaryContextPass, talk_overlay);
        }
    }
}

/// What the slider says for a zoom value: the nearest level and its name.
pub fn slider_caption(zoom: f32) -> String {
    let level = Level::from_number(zoom.round().clamp(1.0, 4.0) as u8).unwrap_or(Level::L1);
    format!("{level} {}", level.name())
}

fn talk_overlay(
    mut contexts: EguiContexts,
    talk: Option<Res<crate::presenter::Talk>>,
    presenter: Option<Res<crate::presenter::Presenter>>,
) -> Result {
    if let (Some(talk), Some(presenter)) = (talk, presenter) {
        let ctx = contexts.ctx_mut()?;
        talk::draw(ctx, &talk, &presenter);
    }
    Ok(())
}

fn zoom_slider(
    mut contexts: EguiContexts,
    stage: Res<Stage>,
    zoom: Res<Zoom>,
    mut view: ResMut<CameraView>,
    mut flight: ResMut<CameraFlight>,
    mut driver: ResMut<CameraDriver>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut value = zoom.0;
    egui::Area::new(egui::Id::new("zoom slider"))
        .anchor(egui::Align2::LEFT_BOTTOM, [20.0, -20.0])
        .show(ctx, |ui| {
            egui::Frame::new()
                .fill(egui::Color32::from_rgba_unmultiplied(15, 23, 42, 220))
                .corner_radius(10.0)
                .inner_margin(egui::Margin::symmetric(16, 12))
                .show(ui, |ui| {
                    ui.style_mut()
                        .text_styles
                        .insert(egui::TextStyle::Body, egui::FontId::proportional(17.0));
                    ui.style_mut().spacing.slider_width = 320.0;
                    ui.label(
                        egui::RichText::new(slider_caption(value))
                            .color(egui::Color32::WHITE)
                            .strong(),
                    );
                    let slider = ui.add(egui::Slider::new(&mut value, 1.0..=4.0).show_value(false));
                    ui.horizontal(|ui| {
                        ui.spacing_mut().item_spacing.x = 0.0;
                        for level in Level::ALL {
                            ui.add_sized(
                                [80.0, 20.0],
                                egui::Label::new(
                                    egui::RichText::new(level.name())
                                        .color(egui::Color32::from_gray(200))
                                        .size(15.0),
                                ),
                            );
                        }
                    });
                    if slider.changed() {
                        flight.0 = None;
                        *driver = CameraDriver::Free;
                        view.height = stage.zoom_scale.view_height_at(value);
                    }
                });
        });
    Ok(())
}
