//! The talk: the timeline as a function of position, the presenter's keys on a bare
//! app with fake input, and a real frame of the Executor → Daemon modules scene.

use bevy::prelude::*;
use legend_present::app::{AppSystemsPlugin, Stage};
use legend_present::camera::{CameraPlugin, CameraView, world_per_pixel};
use legend_present::deck::{Deck, load_deck};
use legend_present::layout::Point;
use legend_present::map_view::{Emphasis, theme};
use legend_present::offscreen::OffscreenApp;
use legend_present::presenter::{CurrentPicture, Presenter, PresenterPlugin, Talk};
use legend_present::timeline::{Playhead, Position, Timeline, View};

use crate::{bare_app, repo, tap};

fn deck() -> Deck {
    load_deck(&repo("scenes/daytona")).deck.unwrap()
}

fn timeline() -> (Deck, Stage, Timeline) {
    let deck = deck();
    let stage = Stage::new(deck.map.clone());
    let timeline = Timeline::new(&deck, &stage.layout, &stage.zoom_scale);
    (deck, stage, timeline)
}

fn scene_titled(deck: &Deck, title: &str) -> usize {
    deck.scenes.iter().position(|s| s.title == title).unwrap()
}

fn close(a: View, b: View) -> bool {
    (a.center - b.center).length() < 1e-2 * b.height && (a.height / b.height - 1.0).abs() < 1e-4
}

#[test]
fn a_flight_ends_on_its_target_and_passes_between() {
    let (_, _, timeline) = timeline();
    let s = 5;
    let start = Position::start(s);
    let from = timeline.view(s - 1);
    let to = timeline.view(s);
    assert!(close(timeline.picture(&start).camera, from));
    let transition = timeline.settle_time(s, 0);
    let end = Position {
        step_time: transition,
        ..start
    };
    assert!(close(timeline.picture(&end).camera, to));
    let half = timeline
        .picture(&Position {
            step_time: transition / 2.0,
            ..start
        })
        .camera;
    let lo = from.height.min(to.height);
    let hi = from.height.max(to.height);
    assert!(
        half.height > lo * 0.999 && half.height < hi * 1.001,
        "{half:?}"
    );
    let x = |v: View| v.center.x;
    assert!(
        (x(half) - x(from)) * (x(to) - x(half)) >= 0.0,
        "centre not between"
    );
}

#[test]
fn a_step_begins_exactly_where_the_one_before_settled() {
    let (deck, _, timeline) = timeline();
    for s in 0..deck.scenes.len() {
        for k in 0..deck.scenes[s].steps.len() {
            let Some((ns, nk)) = timeline.next_step(s, k) else {
                continue;
            };
            let settled = timeline.picture(&timeline.settled(s, k));
            let begun = timeline.picture(&Position {
                step: nk,
                ..Position::start(ns)
            });
            assert!(
                close(settled.camera, begun.camera),
                "camera jumps into {ns}.{nk}"
            );
            for (a, b) in settled.nodes.iter().zip(&begun.nodes) {
                assert!(
                    (a.emphasis - b.emphasis).abs() < 1e-4 && (a.dim - b.dim).abs() < 1e-4,
                    "node look jumps into {ns}.{nk}"
                );
            }
            for (a, b) in settled.edges.iter().zip(&begun.edges) {
                assert!(
                    (a.emphasis - b.emphasis).abs() < 1e-4,
                    "edge look jumps into {ns}.{nk}"
                );
            }
        }
    }
}

#[test]
fn a_one_to_many_set_lights_up_in_sequence() {
    let (deck, _, timeline) = timeline();
    let s = scene_titled(&deck, "Executor → every Daemon module");
    let lit: Vec<usize> = deck.scenes[s].steps[0]
        .highlight
        .edges
        .iter()
        .map(|e| e.0)
        .collect();
    assert_eq!(lit.len(), 7);
    let at = |t: f32| {
        timeline.picture(&Position {
            step_time: t,
            ..Position::start(s)
        })
    };
    // Somewhere in the middle of the sequence the first edge is further along than the last.
    let middle = timeline.settle_time(s, 0) - 0.7;
    let p = at(middle);
    let (first, last) = (p.edges[lit[0]].emphasis, p.edges[lit[6]].emphasis);
    assert!(first > last + 0.2, "first {first}, last {last}");
    let settled = at(timeline.settle_time(s, 0));
    assert!(lit.iter().all(|&e| settled.edges[e].emphasis > 0.999));
    // Unlit nodes of the scene's level are dimmed, lit ones are not.
    let executor = deck.map.find("d-runner-executor").unwrap();
    let docker = deck.map.find("d-runner-docker").unwrap();
    assert_eq!(settled.nodes[executor.0].dim, 0.0);
    assert!(settled.nodes[executor.0].emphasis > 0.999);
    assert!(settled.nodes[docker.0].dim > 0.999);
}

#[test]
fn going_back_then_forward_shows_the_same_pictures() {
    let (_, _, timeline) = timeline();
    let mut playhead = Playhead::new();
    let dt = 1.0 / 60.0;
    let run = |playhead: &mut Playhead, seconds: f32| {
        for _ in 0..(seconds / dt) as usize {
            playhead.advance(&timeline, dt);
        }
    };
    run(&mut playhead, 3.0);
    playhead.next(&timeline);
    let mut forward = Vec::new();
    for _ in 0..40 {
        playhead.advance(&timeline, dt);
        forward.push(timeline.picture(&playhead.position));
    }
    run(&mut playhead, 3.0);
    let settled = timeline.picture(&playhead.position);
    // Back: the same frames in reverse, ending on the step before.
    playhead.previous(&timeline);
    run(&mut playhead, 3.0);
    assert_eq!((playhead.position.scene, playhead.position.step), (0, 0));
    // Forward again reproduces the first pass frame for frame.
    playhead.next(&timeline);
    for expected in &forward {
        playhead.advance(&timeline, dt);
        let got = timeline.picture(&playhead.position);
        assert_eq!(got.nodes, expected.nodes);
        assert_eq!(got.camera, expected.camera);
    }
    run(&mut playhead, 3.0);
    assert_eq!(timeline.picture(&playhead.position).nodes, settled.nodes);
}

#[test]
fn presses_during_a_transition_are_caught_up_not_lost() {
    let (_, _, timeline) = timeline();
    let mut playhead = Playhead::new();
    for _ in 0..3 {
        playhead.next(&timeline);
    }
    for _ in 0..600 {
        playhead.advance(&timeline, 1.0 / 60.0);
    }
    assert_eq!((playhead.position.scene, playhead.position.step), (0, 3));
    assert_eq!(playhead.queued, 0);
}

#[test]
fn an_export_walks_every_step_of_every_scene() {
    let (deck, _, timeline) = timeline();
    let steps: usize = deck.scenes.iter().map(|s| s.steps.len()).sum();
    let mut seen = std::collections::BTreeSet::new();
    let mut t = 0.0;
    while t < timeline.duration() {
        let p = timeline.position_at(t);
        seen.insert((p.scene, p.step));
        t += 0.1;
    }
    assert_eq!(seen.len(), steps);
    assert_eq!(
        timeline.position_at(timeline.duration() + 5.0).scene,
        deck.scenes.len() - 1
    );
}

// ---------- the presenter's keys on a bare app ----------

fn presenter_app() -> App {
    let deck = deck();
    let stage = Stage::new(deck.map.clone());
    let talk = Talk::new(&deck, &stage, Vec::new());
    let mut app = bare_app(stage);
    app.insert_resource(talk)
        .init_resource::<Emphasis>()
        .add_plugins((AppSystemsPlugin, CameraPlugin, PresenterPlugin));
    app.update();
    app
}

fn settle(app: &mut App) {
    for _ in 0..240 {
        app.update();
    }
}

fn at(app: &App) -> (usize, usize) {
    let p = app.world().resource::<Presenter>().playhead.position;
    (p.scene, p.step)
}

#[test]
fn arrows_home_end_and_number_g_move_through_the_talk() {
    let mut app = presenter_app();
    settle(&mut app);
    tap(&mut app, KeyCode::ArrowRight);
    settle(&mut app);
    assert_eq!(at(&app), (0, 1));
    tap(&mut app, KeyCode::PageDown);
    tap(&mut app, KeyCode::Space);
    settle(&mut app);
    assert_eq!(at(&app), (0, 3), "presses during a transition are kept");
    tap(&mut app, KeyCode::ArrowLeft);
    settle(&mut app);
    assert_eq!(at(&app), (0, 2));
    tap(&mut app, KeyCode::End);
    settle(&mut app);
    assert_eq!(at(&app).0, 32);
    tap(&mut app, KeyCode::Home);
    settle(&mut app);
    assert_eq!(at(&app), (0, 0));
    tap(&mut app, KeyCode::Digit2);
    tap(&mut app, KeyCode::Digit1);
    tap(&mut app, KeyCode::KeyG);
    settle(&mut app);
    assert_eq!(at(&app), (20, 0));
    // The camera follows the talk: it sits on the scene's view.
    let view = *app.world().resource::<CameraView>();
    let talk = app.world().resource::<Talk>();
    let target = talk.timeline.view(20);
    assert!((view.height / target.height - 1.0).abs() < 1e-3);
    // Enter after a number jumps too; Enter alone goes on.
    tap(&mut app, KeyCode::Digit5);
    tap(&mut app, KeyCode::Enter);
    settle(&mut app);
    assert_eq!(at(&app), (4, 0));
    tap(&mut app, KeyCode::Enter);
    settle(&mut app);
    assert_eq!(at(&app), (4, 1));
}

#[test]
fn b_blanks_any_key_restores_and_toggles_work() {
    let mut app = presenter_app();
    settle(&mut app);
    tap(&mut app, KeyCode::KeyB);
    assert!(app.world().resource::<Presenter>().blank);
    tap(&mut app, KeyCode::ArrowRight);
    assert!(!app.world().resource::<Presenter>().blank);
    settle(&mut app);
    assert_eq!(at(&app), (0, 0), "the key that restores does nothing else");
    tap(&mut app, KeyCode::Period);
    assert!(app.world().resource::<Presenter>().blank);
    tap(&mut app, KeyCode::KeyX);
    assert!(!app.world().resource::<Presenter>().blank);
    let flags = |app: &App| {
        let p = app.world().resource::<Presenter>();
        (p.notes, p.captions, p.help)
    };
    assert_eq!(flags(&app), (false, true, false));
    tap(&mut app, KeyCode::KeyN);
    tap(&mut app, KeyCode::KeyH);
    tap(&mut app, KeyCode::Slash);
    assert_eq!(flags(&app), (true, false, true));
}

#[test]
fn free_zoom_leaves_the_script_and_next_returns_to_it() {
    let mut app = presenter_app();
    settle(&mut app);
    tap(&mut app, KeyCode::Digit3);
    settle(&mut app);
    let free = *app.world().resource::<CameraView>();
    let zoom = app
        .world()
        .resource::<Stage>()
        .zoom_scale
        .zoom_at(free.height);
    assert!((zoom - 3.0).abs() < 1e-3, "1–4 zoom freely: {zoom}");
    tap(&mut app, KeyCode::ArrowRight);
    settle(&mut app);
    assert_eq!(at(&app), (0, 1));
    let view = *app.world().resource::<CameraView>();
    let picture = &app.world().resource::<CurrentPicture>().0;
    assert!(
        (view.height / picture.camera.height - 1.0).abs() < 1e-4,
        "back on the talk's camera"
    );
}

// ---------- a real frame ----------

#[test]
fn the_executor_scene_lights_its_edges_in_amber_and_dims_the_rest() {
    let deck = deck();
    let stage = Stage::new(deck.map.clone());
    let timeline = Timeline::new(&deck, &stage.layout, &stage.zoom_scale);
    let s = scene_titled(&deck, "Executor → every Daemon module");
    let picture = timeline.picture(&timeline.settled(s, 0));
    let size = UVec2::new(1280, 720);
    let mut app = OffscreenApp::new(stage.clone(), size, 60.0);
    app.show(&picture);
    let frame = app.capture().unwrap();
    frame
        .save_png(&std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("talk-executor.png"))
        .unwrap();

    let view = CameraView {
        center: Vec2::new(picture.camera.center.x, picture.camera.center.y),
        height: picture.camera.height,
    };
    let per = world_per_pixel(&view, size);
    let pixel = |p: Point| {
        let x = (p.x - view.center.x) / per + size.x as f32 / 2.0;
        let y = size.y as f32 / 2.0 - (p.y - view.center.y) / per;
        frame.pixel(x as u32, y as u32)
    };
    let amber =
        |c: [u8; 4]| c[0] > 120 && c[0] as i32 > c[2] as i32 + 60 && c[1] as i32 > c[2] as i32 + 25;
    for &e in &deck.scenes[s].steps[0].highlight.edges {
        let route = &stage.layout.edges[e.0];
        let samples: Vec<[u8; 4]> = (5..=15).map(|i| pixel(route.at(i as f32 / 20.0))).collect();
        let hits = samples.iter().filter(|&&c| amber(c)).count();
        assert!(
            hits >= 6,
            "edge {e:?}: {hits} of 11 samples amber: {samples:?}"
        );
    }
    // A node outside the highlight is dimmed: its box colour is much darker than normal.
    let docker = deck.map.find("d-runner-docker").unwrap();
    let l = stage.layout.node(docker);
    let spot = Point::new(
        l.closed.left() + 0.45 * l.label_size,
        l.closed.bottom() + 0.3 * l.label_size,
    );
    let got = pixel(spot);
    let normal = bevy::color::Srgba::from(theme::box_fill(
        deck.map.group(deck.map.node(docker).group).colour,
    ));
    let normal_sum = (normal.red + normal.green + normal.blue) * 255.0;
    let got_sum = f32::from(got[0]) + f32::from(got[1]) + f32::from(got[2]);
    // A lit node of the same colour group is not.
    let executor = deck.map.find("d-runner-executor").unwrap();
    let l = stage.layout.node(executor);
    let lit = pixel(Point::new(
        l.closed.left() + 0.45 * l.label_size,
        l.closed.bottom() + 0.3 * l.label_size,
    ));
    let lit_sum = f32::from(lit[0]) + f32::from(lit[1]) + f32::from(lit[2]);
    assert!(
        lit_sum > normal_sum * 0.85,
        "executor dimmed: {lit:?} vs {normal:?}"
    );
    assert!(
        got_sum < lit_sum * 0.75,
        "docker manager not dimmed: {got:?} beside lit {lit:?}"
    );
}
