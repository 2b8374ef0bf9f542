//! The talk, live: key presses become commands, the playhead moves through the deck
//! with Bevy's `Time`, and each frame the timeline's picture drives the camera (while
//! the presenter has not taken it by hand) and the highlights of the map.

pub mod keys;

use bevy::prelude::*;

use crate::app::{AppSystems, Stage};
use crate::camera::{CameraDriver, CameraFlight, CameraView, ease_in_out};
use crate::deck::Deck;
use crate::layout::Point;
use crate::map_view::Emphasis;
use crate::navigation::{Command, NumberEntry};
use crate::timeline::{Picture, Playhead, Timeline, View};

/// What each scene says, for the overlay.
#[derive(Debug, Clone)]
pub struct SceneText {
    pub title: String,
    pub level: crate::map::Level,
    /// Per step: caption lines and speaker notes.
    pub captions: Vec<Vec<String>>,
    pub notes: Vec<String>,
    pub file: String,
}

/// The deck being presented.
#[derive(Resource, Clone)]
pub struct Talk {
    pub title: String,
    pub timeline: Timeline,
    pub scenes: Vec<SceneText>,
    /// Problems found loading the deck, one line each (`file:line:col: message`).
    pub problems: Vec<String>,
}

impl Talk {
    pub fn new(deck: &Deck, stage: &Stage, problems: Vec<String>) -> Talk {
        Talk {
            title: deck.title.clone(),
            timeline: Timeline::new(deck, &stage.layout, &stage.zoom_scale),
            scenes: deck
                .scenes
                .iter()
                .map(|s| SceneText {
                    title: s.title.clone(),
                    level: s.level,
                    captions: s.steps.iter().map(|st| st.caption.clone()).collect(),
                    notes: s.steps.iter().map(|st| st.notes.clone()).collect(),
                    file: s.file.display().to_string(),
                })
                .collect(),
            problems,
        }
    }
}

/// Seconds the camera takes to come back to the talk after the presenter moved it.
pub const RETURN_SECONDS: f32 = 0.8;

/// The presenter's state: where the talk is and what the overlay shows.
#[derive(Resource, Debug, Clone)]
pub struct Presenter {
    pub playhead: Playhead,
    pub number: NumberEntry,
    pub blank: bool,
    pub notes: bool,
    pub captions: bool,
    pub help: bool,
    /// Coming back to the talk from a hand-moved view: where from, and how far along.
    pub returning: Option<(View, f32)>,
}

impl Default for Presenter {
    fn default() -> Self {
        Presenter {
            playhead: Playhead::new(),
            number: NumberEntry::default(),
            blank: false,
            notes: false,
            captions: true,
            help: false,
            returning: None,
        }
    }
}

/// The picture of the current frame, kept for the overlay and the tests.
#[derive(Resource, Debug, Clone)]
pub struct CurrentPicture(pub Picture);

pub struct PresenterPlugin;

impl Plugin for PresenterPlugin {
    fn build(&self, app: &mut App) {
        let talk = app.world().resource::<Talk>().clone();
        let first = talk.timeline.picture(&Playhead::new().position);
        app.init_resource::<Presenter>()
            .insert_resource(CurrentPicture(first))
            .insert_resource(CameraDriver::Scripted)
            .add_systems(
                Update,
                (
                    read_keys
                        .in_set(AppSystems::ReadInput)
                        .run_if(keyboard_is_free),
                    (advance, show_picture)
                        .chain()
                        .in_set(AppSystems::AdvanceScript),
                ),
            );
    }
}

/// Navigation keys are ignored while a text field of the overlay has the keyboard.
fn keyboard_is_free(wants: Option<Res<bevy_egui::input::EguiWantsInput>>) -> bool {
    wants.is_none_or(|w| !w.wants_keyboard_input())
}

fn to_view(v: &CameraView) -> View {
    View {
        center: Point::new(v.center.x, v.center.y),
        height: v.height,
    }
}

fn read_keys(
    keys: Res<ButtonInput<KeyCode>>,
    talk: Res<Talk>,
    view: Res<CameraView>,
    mut presenter: ResMut<Presenter>,
    mut driver: ResMut<CameraDriver>,
    mut flight: ResMut<CameraFlight>,
) {
    for &key in keys.get_just_pressed() {
        if presenter.blank {
            // Any key brings the picture back, and does nothing else.
            presenter.blank = false;
            continue;
        }
        let Some(command) = keys::command_for(key) else {
            continue;
        };
        apply(
            command,
            &talk,
            &view,
            &mut presenter,
            &mut driver,
            &mut flight,
        );
    }
}

/// Carries out one command.
pub fn apply(
    command: Command,
    talk: &Talk,
    view: &CameraView,
    presenter: &mut Presenter,
    driver: &mut CameraDriver,
    flight: &mut CameraFlight,
) {
    let timeline = &talk.timeline;
    let count = timeline.scene_count();
    if count == 0 {
        return;
    }
    // Any navigation takes the camera back from the presenter's hands.
    let mut resume = |presenter: &mut Presenter| {
        if *driver == CameraDriver::Free {
            *driver = CameraDriver::Scripted;
            flight.0 = None;
            presenter.returning = Some((to_view(view), 0.0));
        }
    };
    let command = match command {
        Command::Enter if presenter.number.typed().is_some() => Command::Go,
        Command::Enter => Command::Next,
        other => other,
    };
    if !matches!(command, Command::Digit(_) | Command::Go) {
        presenter.number.clear();
    }
    match command {
        Command::Next => {
            resume(presenter);
            presenter.playhead.next(timeline);
        }
        Command::Previous => {
            resume(presenter);
            presenter.playhead.previous(timeline);
        }
        Command::First | Command::Last | Command::Go => {
            let target = match command {
                Command::First => Some(0),
                Command::Last => Some(count - 1),
                _ => presenter.number.take(count),
            };
            if let Some(scene) = target {
                let from = to_view(view);
                *driver = CameraDriver::Scripted;
                flight.0 = None;
                presenter.returning = None;
                presenter.playhead.jump(scene, from);
            }
        }
        Command::Digit(d) => presenter.number.push(d),
        Command::Blank => presenter.blank = true,
        Command::ToggleNotes => presenter.notes = !presenter.notes,
        Command::ToggleCaptions => presenter.captions = !presenter.captions,
        Command::ToggleHelp => presenter.help = !presenter.help,
        Command::Enter => unreachable!("turned into Go or Next above"),
    }
}

fn advance(time: Res<Time>, talk: Res<Talk>, mut presenter: ResMut<Presenter>) {
    if talk.timeline.scene_count() == 0 {
        return;
    }
    let dt = time.delta_secs();
    presenter.playhead.advance(&talk.timeline, dt);
    if let Some((_, elapsed)) = presenter.returning.as_mut() {
        *elapsed += dt;
        if *elapsed >= RETURN_SECONDS {
            presenter.returning = None;
        }
    }
}

fn show_picture(
    talk: Res<Talk>,
    presenter: Res<Presenter>,
    driver: Res<CameraDriver>,
    mut view: ResMut<CameraView>,
    mut emphasis: ResMut<Emphasis>,
    mut current: ResMut<CurrentPicture>,
) {
    if talk.timeline.scene_count() == 0 {
        return;
    }
    let picture = talk.timeline.picture(&presenter.playhead.position);
    if *driver == CameraDriver::Scripted {
        let camera = match presenter.returning {
            Some((from, elapsed)) => {
                from.lerp(&picture.camera, ease_in_out(elapsed / RETURN_SECONDS))
            }
            None => picture.camera,
        };
        let target = CameraView {
            center: Vec2::new(camera.center.x, camera.center.y),
            height: camera.height,
        };
        view.set_if_neq(target);
    }
    let looks = Emphasis {
        nodes: picture.nodes.clone(),
        edges: picture.edges.clone(),
    };
    emphasis.set_if_neq(looks);
    current.0 = picture;
}
