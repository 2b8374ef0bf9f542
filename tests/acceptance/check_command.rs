//! `legend check` as a user runs it: the real binary, its output and exit code.

use std::process::{Command, Output};

use crate::repo;

fn legend(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_legend"))
        .args(args)
        .current_dir(repo(""))
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn checking_the_bundled_deck_prints_coverage_and_scenes_and_passes() {
    let out = legend(&["check"]);
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", text(&out.stderr));
    for row in [
        "L1 Context       11     10",
        "L2 System         9     14",
        "L3 Module        49     51",
        "L4 File          74      0",
        "Total           143     75",
    ] {
        assert!(stdout.contains(row), "missing {row:?} in\n{stdout}");
    }
    assert!(stdout.contains("Scenes: 33"), "{stdout}");
    assert!(stdout.contains("  1. L1  Who uses Daytona"), "{stdout}");
    assert!(
        stdout.contains(" 33. L1  Is this generated automatically?"),
        "{stdout}"
    );
    assert!(stdout.contains("ok: map and deck are valid"), "{stdout}");
}

#[test]
fn checking_against_the_repository_listing_passes() {
    let out = legend(&[
        "check",
        "scenes/daytona",
        "--listing",
        "tests/reference/daytona-v0.148.0-files.txt",
    ]);
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", text(&out.stderr));
    assert!(
        stdout.contains("paths checked against a listing of 4023 files"),
        "{stdout}"
    );
}

#[test]
fn a_broken_deck_fails_with_located_problems_and_lists_the_good_scenes() {
    let out = legend(&[
        "check",
        "tests/broken/decks/broken-scene-is-skipped/deck.ron",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    let stdout = text(&out.stdout);
    assert!(stderr.contains("bad.ron:4:13]"), "{stderr}");
    assert!(stderr.contains("unknown node \"nobody\""), "{stderr}");
    assert!(stdout.contains("Scenes: 2"), "{stdout}");
    assert!(stdout.contains("failed: 1 problem"), "{stdout}");
}

#[test]
fn a_missing_deck_or_listing_is_an_error_not_a_panic() {
    let out = legend(&["check", "no/such/deck"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("no/such/deck: cannot read the file"),
        "{}",
        text(&out.stderr)
    );
    let out = legend(&["check", "--listing", "no/such/listing.txt"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("cannot read listing no/such/listing.txt"));
}

#[test]
fn help_explains_the_commands() {
    let out = legend(&["--help"]);
    assert!(out.status.success());
    let help = text(&out.stdout);
    assert!(help.contains("check"), "{help}");
    let out = legend(&["check", "--help"]);
    let help = text(&out.stdout);
    assert!(help.contains("--listing"), "{help}");
    assert!(help.contains("bundled Daytona deck"), "{help}");
}

#[test]
fn snapshot_writes_a_png_of_a_level_and_reports_bad_input() {
    let out = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("snapshot-l2.png");
    let _ = std::fs::remove_file(&out);
    let run = legend(&[
        "snapshot",
        "--level",
        "2",
        "--size",
        "320x180",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let png = image::open(&out).unwrap().to_rgba8();
    assert_eq!(png.dimensions(), (320, 180));
    // The corner is the background; the middle is inside the Daytona frame.
    let corner = png.get_pixel(1, 1).0;
    assert!(
        corner[0] < 30 && corner[1] < 40 && corner[2] < 50,
        "{corner:?}"
    );
    let distinct: std::collections::HashSet<[u8; 4]> = png.pixels().map(|p| p.0).collect();
    assert!(
        distinct.len() > 50,
        "a flat image: {} colours",
        distinct.len()
    );

    let bad = legend(&[
        "snapshot",
        "--focus",
        "d-nothing",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        text(&bad.stderr).contains("no node \"d-nothing\" in the map"),
        "{}",
        text(&bad.stderr)
    );
    let bad = legend(&[
        "snapshot",
        "--size",
        "10x10",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        text(&bad.stderr).contains("width and height must be whole numbers"),
        "{}",
        text(&bad.stderr)
    );
}
