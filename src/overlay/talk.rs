//! The talk's overlay: scene title and progress at the top, the caption at the bottom,
//! speaker notes at the side (N), the key help (?), a blank screen (B), the scene
//! number being typed, and problems found in the deck. Painted directly, laid out from
//! the text alone, so every frame is complete the first time it is drawn (an exported
//! frame never depends on the one before).

use std::sync::Arc;

use bevy_egui::egui::{self, Color32, FontId, Galley, Painter, Pos2, Rect, Vec2};

use crate::presenter::{Presenter, Talk, keys::HELP};

const PLATE: Color32 = Color32::from_rgba_premultiplied(9, 14, 26, 225);
const TEXT: Color32 = Color32::from_rgb(241, 245, 249);
const MUTED: Color32 = Color32::from_rgb(148, 163, 184);
const ACCENT: Color32 = Color32::from_rgb(251, 191, 36);
const PROBLEM: Color32 = Color32::from_rgb(248, 113, 113);

/// Text sizes scale with the screen so the overlay reads from the back of a room at
/// 1080p and stays in proportion at any other size.
fn scale(screen: Rect) -> f32 {
    (screen.height() / 1080.0).clamp(0.25, 3.0)
}

/// Lines of text stacked in a plate.
struct Block {
    lines: Vec<Arc<Galley>>,
    gap: f32,
}

impl Block {
    fn new(gap: f32) -> Block {
        Block {
            lines: Vec::new(),
            gap,
        }
    }

    fn line(&mut self, painter: &Painter, text: &str, font: FontId, colour: Color32, wrap: f32) {
        self.lines
            .push(painter.layout(text.to_string(), font, colour, wrap));
    }

    fn size(&self) -> Vec2 {
        let width = self.lines.iter().map(|g| g.size().x).fold(0.0, f32::max);
        let height: f32 = self.lines.iter().map(|g| g.size().y).sum::<f32>()
            + self.gap * self.lines.len().saturating_sub(1) as f32;
        Vec2::new(width, height)
    }

    /// Paints the plate with its top-left corner at `at`, lines left-aligned or centred.
    fn paint(&self, painter: &Painter, at: Pos2, pad: Vec2, centred: bool, s: f32) -> Rect {
        let size = self.size();
        let plate = Rect::from_min_size(at, size + pad * 2.0);
        painter.rect_filled(plate, 12.0 * s, PLATE);
        let mut y = plate.top() + pad.y;
        for g in &self.lines {
            let x = if centred {
                plate.center().x - g.size().x / 2.0
            } else {
                plate.left() + pad.x
            };
            painter.galley(Pos2::new(x, y), g.clone(), TEXT);
            y += g.size().y + self.gap;
        }
        plate
    }
}

pub fn draw(ctx: &egui::Context, talk: &Talk, presenter: &Presenter) {
    let screen = ctx.content_rect();
    let s = scale(screen);
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::new("talk overlay"),
    ));
    if presenter.blank {
        painter.rect_filled(screen, 0.0, Color32::BLACK);
        return;
    }
    let pad = Vec2::new(22.0 * s, 14.0 * s);
    let position = presenter.playhead.position;
    if let Some(scene) = talk.scenes.get(position.scene) {
        let step = position.step.min(scene.captions.len().saturating_sub(1));
        let notes_width = if presenter.notes { 480.0 * s } else { 0.0 };

        // Title and progress, top-left.
        let mut title = Block::new(4.0 * s);
        let wrap = (screen.width() - notes_width) * 0.55;
        title.line(
            &painter,
            &scene.title,
            FontId::proportional(34.0 * s),
            TEXT,
            wrap,
        );
        let steps = scene.captions.len();
        let mut progress = format!("Scene {} of {}", position.scene + 1, talk.scenes.len());
        if steps > 1 {
            progress.push_str(&format!("  ·  step {} of {steps}", step + 1));
        }
        progress.push_str(&format!("  ·  {} {}", scene.level, scene.level.name()));
        title.line(
            &painter,
            &progress,
            FontId::proportional(20.0 * s),
            MUTED,
            f32::INFINITY,
        );
        title.paint(
            &painter,
            screen.min + Vec2::new(24.0 * s, 20.0 * s),
            pad,
            false,
            s,
        );

        // Caption, bottom centre.
        let caption = &scene.captions[step];
        if presenter.captions && !caption.is_empty() {
            let mut block = Block::new(6.0 * s);
            let wrap = (screen.width() - notes_width) * 0.7;
            for line in caption {
                block.line(&painter, line, FontId::proportional(34.0 * s), TEXT, wrap);
            }
            let size = block.size() + pad * 2.0;
            let centre_x = screen.left() + (screen.width() - notes_width) / 2.0;
            let at = Pos2::new(
                centre_x - size.x / 2.0,
                screen.bottom() - 150.0 * s - size.y,
            );
            block.paint(&painter, at, pad, true, s);
        }

        if presenter.notes {
            let panel = Rect::from_min_max(
                Pos2::new(screen.right() - notes_width, screen.top()),
                screen.max,
            );
            painter.rect_filled(panel, 0.0, PLATE);
            let wrap = notes_width - 40.0 * s;
            let mut block = Block::new(12.0 * s);
            block.line(
                &painter,
                "Speaker notes",
                FontId::proportional(22.0 * s),
                ACCENT,
                wrap,
            );
            let notes = &scene.notes[step];
            let text = if notes.is_empty() {
                "(none for this step)"
            } else {
                notes.as_str()
            };
            block.line(&painter, text, FontId::proportional(24.0 * s), TEXT, wrap);
            let last_step = step + 1 == steps;
            if let Some(next) = talk.scenes.get(position.scene + 1).filter(|_| last_step) {
                block.line(
                    &painter,
                    &format!("Next: {}", next.title),
                    FontId::proportional(20.0 * s),
                    MUTED,
                    wrap,
                );
            }
            let mut y = panel.top() + 20.0 * s;
            for g in &block.lines {
                painter.galley(Pos2::new(panel.left() + 20.0 * s, y), g.clone(), TEXT);
                y += g.size().y + block.gap;
            }
        }
    }

    if let Some(typed) = presenter.number.typed() {
        let mut block = Block::new(0.0);
        let text = format!("Go to scene {typed}…  (G or Enter)");
        block.line(
            &painter,
            &text,
            FontId::proportional(30.0 * s),
            ACCENT,
            f32::INFINITY,
        );
        let size = block.size() + pad * 2.0;
        block.paint(&painter, screen.center() - size / 2.0, pad, true, s);
    }

    if presenter.help {
        let keys: Vec<Arc<Galley>> = HELP
            .iter()
            .map(|(k, _)| {
                painter.layout_no_wrap((*k).to_string(), FontId::monospace(20.0 * s), TEXT)
            })
            .collect();
        let does: Vec<Arc<Galley>> = HELP
            .iter()
            .map(|(_, d)| {
                painter.layout_no_wrap((*d).to_string(), FontId::proportional(20.0 * s), MUTED)
            })
            .collect();
        let heading =
            painter.layout_no_wrap("Keys".to_string(), FontId::proportional(28.0 * s), ACCENT);
        let column = keys.iter().map(|g| g.size().x).fold(0.0, f32::max) + 28.0 * s;
        let width = column + does.iter().map(|g| g.size().x).fold(0.0, f32::max);
        let row = 30.0 * s;
        let size =
            Vec2::new(width, heading.size().y + 12.0 * s + row * HELP.len() as f32) + pad * 2.0;
        let plate = Rect::from_center_size(screen.center(), size);
        painter.rect_filled(plate, 12.0 * s, PLATE);
        let mut y = plate.top() + pad.y;
        painter.galley(Pos2::new(plate.left() + pad.x, y), heading.clone(), ACCENT);
        y += heading.size().y + 12.0 * s;
        for (k, d) in keys.into_iter().zip(does) {
            painter.galley(Pos2::new(plate.left() + pad.x, y), k, TEXT);
            painter.galley(Pos2::new(plate.left() + pad.x + column, y), d, MUTED);
            y += row;
        }
    }

    if !talk.problems.is_empty() {
        let mut block = Block::new(4.0 * s);
        let n = talk.problems.len();
        let heading = format!(
            "{n} problem{} in the deck; those scenes are left out",
            if n == 1 { "" } else { "s" }
        );
        block.line(
            &painter,
            &heading,
            FontId::proportional(18.0 * s),
            PROBLEM,
            700.0 * s,
        );
        for line in talk.problems.iter().take(6) {
            block.line(&painter, line, FontId::monospace(15.0 * s), TEXT, 700.0 * s);
        }
        let size = block.size() + pad * 2.0;
        block.paint(
            &painter,
            Pos2::new(screen.right() - 24.0 * s - size.x, screen.top() + 20.0 * s),
            pad,
            false,
            s,
        );
    }
}
