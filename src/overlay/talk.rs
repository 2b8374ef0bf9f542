//! The talk's overlay: scene title and progress at the top, the caption at the bottom,
//! speaker notes in a side panel (N), the key help (?), a blank screen (B), the scene
//! number being typed, and problems found in the deck.

use bevy_egui::egui::{self, Align2, Color32, FontId, RichText};

use crate::presenter::{Presenter, Talk, keys::HELP};

const PLATE: Color32 = Color32::from_rgba_premultiplied(9, 14, 26, 225);
const TEXT: Color32 = Color32::from_rgb(241, 245, 249);
const MUTED: Color32 = Color32::from_rgb(148, 163, 184);
const ACCENT: Color32 = Color32::from_rgb(251, 191, 36);
const PROBLEM: Color32 = Color32::from_rgb(248, 113, 113);

/// Text sizes scale with the screen so the overlay reads from the back of a room at
/// 1080p and stays in proportion in a small window.
fn scale(ctx: &egui::Context) -> f32 {
    (ctx.content_rect().height() / 1080.0).clamp(0.55, 2.0)
}

pub fn draw(ctx: &egui::Context, talk: &Talk, presenter: &Presenter) {
    let s = scale(ctx);
    if presenter.blank {
        egui::Area::new(egui::Id::new("blank"))
            .order(egui::Order::Foreground)
            .fixed_pos(egui::Pos2::ZERO)
            .show(ctx, |ui| {
                let rect = ctx.content_rect();
                ui.painter().rect_filled(rect, 0.0, Color32::BLACK);
                ui.allocate_rect(rect, egui::Sense::click());
            });
        return;
    }
    let position = presenter.playhead.position;
    let Some(scene) = talk.scenes.get(position.scene) else {
        problems(ctx, talk, s);
        return;
    };
    let step = position.step.min(scene.captions.len().saturating_sub(1));

    // Title and progress, top-left.
    egui::Area::new(egui::Id::new("title"))
        .anchor(Align2::LEFT_TOP, [24.0 * s, 20.0 * s])
        .show(ctx, |ui| {
            plate().show(ui, |ui| {
                ui.label(
                    RichText::new(&scene.title)
                        .font(FontId::proportional(34.0 * s))
                        .color(TEXT)
                        .strong(),
                );
                let steps = scene.captions.len();
                let mut progress = format!("Scene {} of {}", position.scene + 1, talk.scenes.len());
                if steps > 1 {
                    progress.push_str(&format!("  ·  step {} of {steps}", step + 1));
                }
                progress.push_str(&format!("  ·  {} {}", scene.level, scene.level.name()));
                ui.label(
                    RichText::new(progress)
                        .font(FontId::proportional(20.0 * s))
                        .color(MUTED),
                );
            });
        });

    // Caption, bottom centre.
    let caption = &scene.captions[step];
    if presenter.captions && !caption.is_empty() {
        egui::Area::new(egui::Id::new("caption"))
            .anchor(Align2::CENTER_BOTTOM, [0.0, -150.0 * s])
            .show(ctx, |ui| {
                plate().show(ui, |ui| {
                    ui.set_max_width(ctx.content_rect().width() * 0.7);
                    for line in caption {
                        ui.vertical_centered(|ui| {
                            ui.label(
                                RichText::new(line)
                                    .font(FontId::proportional(34.0 * s))
                                    .color(TEXT),
                            );
                        });
                    }
                });
            });
    }

    if presenter.notes {
        let height = ctx.content_rect().height();
        egui::Area::new(egui::Id::new("notes"))
            .anchor(Align2::RIGHT_TOP, [0.0, 0.0])
            .show(ctx, |ui| {
                egui::Frame::new()
                    .fill(PLATE)
                    .inner_margin(egui::Margin::same((20.0 * s) as i8))
                    .show(ui, |ui| {
                        ui.set_width(440.0 * s);
                        ui.set_min_height(height - 40.0 * s);
                        ui.label(
                            RichText::new("Speaker notes")
                                .font(FontId::proportional(22.0 * s))
                                .color(ACCENT)
                                .strong(),
                        );
                        ui.add_space(10.0 * s);
                        let notes = &scene.notes[step];
                        let text = if notes.is_empty() {
                            "(none for this step)"
                        } else {
                            notes.as_str()
                        };
                        ui.label(
                            RichText::new(text)
                                .font(FontId::proportional(24.0 * s))
                                .color(TEXT),
                        );
                        let last_step = step + 1 == scene.captions.len();
                        if let Some(next) =
                            talk.scenes.get(position.scene + 1).filter(|_| last_step)
                        {
                            ui.add_space(16.0 * s);
                            ui.label(
                                RichText::new(format!("Next: {}", next.title))
                                    .font(FontId::proportional(20.0 * s))
                                    .color(MUTED),
                            );
                        }
                    });
            });
    }

    if let Some(typed) = presenter.number.typed() {
        egui::Area::new(egui::Id::new("number"))
            .anchor(Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                plate().show(ui, |ui| {
                    ui.label(
                        RichText::new(format!("Go to scene {typed}…  (G or Enter)"))
                            .font(FontId::proportional(30.0 * s))
                            .color(ACCENT),
                    );
                });
            });
    }

    if presenter.help {
        egui::Area::new(egui::Id::new("help"))
            .order(egui::Order::Foreground)
            .anchor(Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                plate().show(ui, |ui| {
                    ui.label(
                        RichText::new("Keys")
                            .font(FontId::proportional(28.0 * s))
                            .color(ACCENT)
                            .strong(),
                    );
                    egui::Grid::new("keys")
                        .spacing([28.0 * s, 8.0 * s])
                        .show(ui, |ui| {
                            for (keys, does) in HELP {
                                ui.label(
                                    RichText::new(*keys)
                                        .font(FontId::monospace(20.0 * s))
                                        .color(TEXT),
                                );
                                ui.label(
                                    RichText::new(*does)
                                        .font(FontId::proportional(20.0 * s))
                                        .color(MUTED),
                                );
                                ui.end_row();
                            }
                        });
                });
            });
    }
    problems(ctx, talk, s);
}

fn plate() -> egui::Frame {
    egui::Frame::new()
        .fill(PLATE)
        .corner_radius(12.0)
        .inner_margin(egui::Margin::symmetric(22, 14))
}

/// Problems found in the deck: the talk goes on without the broken scenes.
fn problems(ctx: &egui::Context, talk: &Talk, s: f32) {
    if talk.problems.is_empty() {
        return;
    }
    egui::Area::new(egui::Id::new("problems"))
        .anchor(Align2::RIGHT_TOP, [-24.0 * s, 20.0 * s])
        .show(ctx, |ui| {
            plate().show(ui, |ui| {
                ui.set_max_width(700.0 * s);
                let n = talk.problems.len();
                let heading = format!(
                    "{n} problem{} in the deck; those scenes are left out",
                    if n == 1 { "" } else { "s" }
                );
                ui.label(
                    RichText::new(heading)
                        .font(FontId::proportional(18.0 * s))
                        .color(PROBLEM)
                        .strong(),
                );
                for line in talk.problems.iter().take(6) {
                    ui.label(
                        RichText::new(line)
                            .font(FontId::monospace(15.0 * s))
                            .color(TEXT),
                    );
                }
            });
        });
}
