//! Real frames from the renderer (Mesa's software Vulkan in CI): each level shows its
//! boxes in their group colours with labels in them on the calm background, and the
//! morph halfway between L2 and L3 shows a growing frame and fading children.
//! Frames are written to the target's test folder to look at.

use bevy::math::{UVec2, Vec2};
use legend_present::app::Stage;
use legend_present::camera::{CameraView, world_per_pixel};
use legend_present::layout::{Point, Rect, label_size};
use legend_present::map::{Level, Map, NodeIndex};
use legend_present::map_view::theme;
use legend_present::offscreen::{Frame, OffscreenApp};
use legend_present::snapshot::level_shot;

use crate::repo;

const SIZE: UVec2 = UVec2::new(1280, 720);

fn stage() -> Stage {
    Stage::new(Map::load(&repo("assets/daytona/architecture.ron")).unwrap())
}

fn save(frame: &Frame, name: &str) {
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    frame.save_png(&path).unwrap();
}

/// The pixel a world point lands on.
fn pixel_of(view: &CameraView, p: Point) -> Option<(u32, u32)> {
    let per = world_per_pixel(view, SIZE);
    let x = (p.x - view.center.x) / per + SIZE.x as f32 / 2.0;
    let y = SIZE.y as f32 / 2.0 - (p.y - view.center.y) / per;
    (x >= 0.0 && y >= 0.0 && x < SIZE.x as f32 && y < SIZE.y as f32).then_some((x as u32, y as u32))
}

fn srgb(c: bevy::color::LinearRgba) -> [u8; 3] {
    let s = bevy::color::Srgba::from(c);
    [s.red, s.green, s.blue].map(|v| (v.clamp(0.0, 1.0) * 255.0).round() as u8)
}

fn distance(a: [u8; 4], b: [u8; 3]) -> i32 {
    (0..3)
        .map(|i| (i32::from(a[i]) - i32::from(b[i])).abs())
        .max()
        .unwrap()
}

/// A point inside a node's closed box, left of its centred text.
fn plain_spot(stage: &Stage, n: NodeIndex) -> Point {
    let l = stage.layout.node(n);
    let h = label_size(stage.map.node(n).level);
    Point::new(l.closed.left() + 0.45 * h, l.closed.center.y)
}

fn bright_pixels(frame: &Frame, view: &CameraView, area: Rect) -> usize {
    let (Some((x0, y1)), Some((x1, y0))) = (pixel_of(view, area.min()), pixel_of(view, area.max()))
    else {
        return 0;
    };
    let mut count = 0;
    for y in y0..=y1.min(SIZE.y - 1) {
        for x in x0..=x1.min(SIZE.x - 1) {
            let p = frame.pixel(x, y);
            if p[0] > 200 && p[1] > 200 && p[2] > 200 {
                count += 1;
            }
        }
    }
    count
}

#[test]
fn each_level_shows_its_boxes_in_group_colours_with_labels_on_the_background() {
    let stage = stage();
    let mut app = OffscreenApp::new(stage.clone(), SIZE, 60.0);
    for level in Level::ALL {
        let shot = level_shot(&stage, level, None, None).unwrap();
        app.set_view(shot.view);
        let frame = app.capture().unwrap();
        save(&frame, &format!("level-{}.png", level.number()));
        let view = shot.view;
        let per = world_per_pixel(&view, SIZE);
        let mut checked = 0;
        let mut labelled = 0;
        for n in stage.map.nodes_on(level) {
            let l = stage.layout.node(n);
            let on_screen = pixel_of(&view, l.closed.min()).is_some()
                && pixel_of(&view, l.closed.max()).is_some();
            if !on_screen || l.closed.height / per < 12.0 {
                continue;
            }
            let (x, y) = pixel_of(&view, plain_spot(&stage, n)).unwrap();
            let expected = srgb(theme::box_fill(
                stage.map.group(stage.map.node(n).group).colour,
            ));
            let got = frame.pixel(x, y);
            assert!(
                distance(got, expected) <= 6,
                "{level}: {} at ({x},{y}) is {got:?}, expected {expected:?}",
                stage.map.node(n).id
            );
            checked += 1;
            // Label pixels: white text inside the label's area.
            let label = Rect::new(l.label_center(), l.label_width, l.label_size);
            if l.label_size / per >= 9.0 {
                assert!(
                    bright_pixels(&frame, &view, label) > 15,
                    "{level}: no label pixels in {}",
                    stage.map.node(n).id
                );
                labelled += 1;
            }
        }
        assert!(checked >= 3, "{level}: only {checked} boxes checked");
        assert!(labelled >= 3, "{level}: only {labelled} labels checked");
        if level == Level::L1 {
            let background = srgb(theme::background());
            assert!(
                distance(frame.pixel(2, 2), background) <= 2,
                "corner is {:?}",
                frame.pixel(2, 2)
            );
        }
    }
}

#[test]
fn halfway_between_l2_and_l3_a_frame_grows_while_its_children_fade_in() {
    let stage = stage();
    let api = stage.map.find("d-api-server").unwrap();
    let region = stage.layout.node(api).region;
    let closed = stage.layout.node(api).closed;
    let mut app = OffscreenApp::new(stage.clone(), SIZE, 60.0);
    let mut frames = Vec::new();
    for zoom in [2.0, 2.5, 3.0] {
        let view = CameraView {
            center: Vec2::new(region.center.x, region.center.y),
            height: stage.zoom_scale.view_height_at(zoom),
        };
        app.set_view(view);
        let frame = app.capture().unwrap();
        save(&frame, &format!("morph-{zoom}.png"));
        frames.push((view, frame));
    }
    let at = |i: usize, p: Point| {
        let (view, frame) = &frames[i];
        let (x, y) = pixel_of(view, p).expect("on screen");
        frame.pixel(x, y)
    };
    let between = |lo: [u8; 4], mid: [u8; 4], hi: [u8; 4]| {
        (0..3).all(|c| {
            let (a, b) = (lo[c].min(hi[c]), lo[c].max(hi[c]));
            mid[c] > a.saturating_add(4) && mid[c] < b.saturating_sub(4) || b - a < 12
        }) && (0..3).any(|c| lo[c].abs_diff(hi[c]) >= 40)
    };
    // The box turns into a frame: a spot in its header strip is solid box colour at
    // L2, the faint frame wash at L3, and in between halfway.
    let c = stage.layout.node(api).header_size / legend_present::layout::proportions::HEADER;
    let header_spot = Point::new(region.right() - 3.0 * c, region.top() - 1.6 * c);
    let (solid, half, wash) = (at(0, header_spot), at(1, header_spot), at(2, header_spot));
    let box_colour = srgb(theme::box_fill(
        stage.map.group(stage.map.node(api).group).colour,
    ));
    assert!(distance(solid, box_colour) <= 6, "L2: {solid:?}");
    assert!(
        between(solid, half, wash),
        "not between: L2 {solid:?}, halfway {half:?}, L3 {wash:?}"
    );
    // Just above the closed box, inside the region, right of where edges arrive at its
    // top and of the frame's header: nothing of the box at L2, box colour once it has
    // grown halfway.
    let margin = Point::new(
        closed.left() + closed.width * 0.88,
        closed.top() + (region.top() - closed.top()) * 0.3,
    );
    assert!(
        distance(
            at(0, margin),
            srgb(theme::box_fill(
                stage.map.group(stage.map.node(api).group).colour
            ))
        ) > 20
    );
    // The frame's wash or its border: nearer the frame's colour than what was there.
    let (before, grown) = (at(0, margin), at(1, margin));
    let background = [before[0], before[1], before[2]];
    assert!(
        distance(grown, background) > 20
            && distance(grown, [half[0], half[1], half[2]]) < distance(grown, background),
        "the frame did not grow: {grown:?} (before {before:?}, frame {half:?})"
    );
    // The children fade in: a child's white label is absent at L2, part-way halfway
    // (no pure white yet) and fully there at L3.
    let api_label = |z: f32| {
        let s = legend_present::morph::node_shape(&stage.map, &stage.layout, api, z);
        let l = stage.layout.node(api);
        Rect::new(
            s.label_center,
            l.label_width / l.label_size * s.label_size,
            s.label_size,
        )
    };
    let child = stage.map.node(api).children.iter().copied().find(|&ch| {
        let l = stage.layout.node(ch);
        let r = Rect::new(l.label_center(), l.label_width, l.label_size);
        [2.0, 2.5, 3.0]
            .iter()
            .all(|&z| !r.overlaps(&api_label(z).inset(-c)))
    });
    let child = child.expect("a child whose label the parent's label never passes");
    let l = stage.layout.node(child);
    let label = Rect::new(l.label_center(), l.label_width, l.label_size);
    let white: Vec<usize> = frames
        .iter()
        .map(|(view, frame)| bright_pixels(frame, view, label))
        .collect();
    assert!(white[2] > 40, "no child label at L3: {white:?}");
    assert!(
        white[1] * 4 < white[2],
        "child label already solid halfway: {white:?}"
    );
    assert!(white[0] * 10 < white[2], "child label at L2: {white:?}");
}

#[test]
fn what_is_off_screen_is_hidden_and_a_box_across_the_border_is_still_drawn() {
    use bevy::prelude::Visibility;
    use legend_present::map_view::spawn::NodeBox;

    let stage = stage();
    let mut app = OffscreenApp::new(stage.clone(), SIZE, 60.0);
    let shot = level_shot(&stage, Level::L4, None, None).unwrap();
    // Shift the view so the screen's right border cuts through an L4 box.
    let per = world_per_pixel(&shot.view, SIZE);
    let half_width = SIZE.x as f32 * per / 2.0;
    let cut = stage
        .map
        .nodes_on(Level::L4)
        .find(|&n| {
            let r = stage.layout.node(n).closed;
            r.left() > shot.view.center.x + half_width * 0.2 && r.height / per > 30.0
        })
        .expect("an L4 box right of the centre");
    let r = stage.layout.node(cut).closed;
    let view = CameraView {
        center: Vec2::new(r.center.x - half_width, shot.view.center.y),
        height: shot.view.height,
    };
    app.set_view(view);
    let frame = app.capture().unwrap();
    save(&frame, "culled-l4.png");

    // The left half of the cut box is on screen and drawn in its colour.
    let spot = plain_spot(&stage, cut);
    let (x, y) = pixel_of(&view, spot).expect("the box's left part is on screen");
    let expected = srgb(theme::box_fill(
        stage.map.group(stage.map.node(cut).group).colour,
    ));
    assert!(
        distance(frame.pixel(x, y), expected) <= 6,
        "{} at ({x},{y}) is {:?}",
        stage.map.node(cut).id,
        frame.pixel(x, y)
    );

    // Boxes wholly outside the screen are hidden; those on it are not.
    let on_screen = |rect: &Rect| {
        rect.right() >= view.center.x - half_width
            && rect.left() <= view.center.x + half_width
            && rect.top() >= view.center.y - SIZE.y as f32 * per / 2.0
            && rect.bottom() <= view.center.y + SIZE.y as f32 * per / 2.0
    };
    let world = app.world_mut();
    let mut boxes = world.query::<(&NodeBox, &Visibility)>();
    let (mut hidden, mut shown) = (0, 0);
    for (&NodeBox(n), visibility) in boxes.iter(world) {
        if stage.map.node(n).level != Level::L4 {
            continue;
        }
        let rect = stage.layout.node(n).closed;
        // A margin of a few pixels around the screen is left to the glow.
        let far_off = !on_screen(&rect.inset(-40.0 * per));
        if far_off {
            assert_eq!(
                *visibility,
                Visibility::Hidden,
                "{} is off screen",
                stage.map.node(n).id
            );
            hidden += 1;
        } else if on_screen(&rect) {
            assert_ne!(*visibility, Visibility::Hidden, "{}", stage.map.node(n).id);
            shown += 1;
        }
    }
    assert!(hidden > 20 && shown >= 3, "{hidden} hidden, {shown} shown");
}
