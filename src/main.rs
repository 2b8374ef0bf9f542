//! The `legend` command line: parses arguments and runs the chosen command.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use legend_present::listing::Listing;

/// Legend Present — a software architecture map as a live, animated talk.
#[derive(Parser)]
#[command(name = "legend", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a deck and its map: print the coverage table and scene list, report every
    /// problem with file, line and column, and exit non-zero if there is any.
    Check {
        /// A deck file, or a folder holding deck.ron [default: the bundled Daytona deck]
        deck: Option<PathBuf>,
        /// Also check every node's path and file count against this repository listing
        /// (one path per line, as `git ls-files` prints it at the map's revision)
        #[arg(long, value_name = "FILE")]
        listing: Option<PathBuf>,
    },
}

/// The deck shipped with the project: `scenes/daytona` under the working directory,
/// else under the source tree the binary was built from.
fn bundled_deck() -> PathBuf {
    let here = PathBuf::from("scenes/daytona");
    if here.is_dir() {
        return here;
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenes/daytona")
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check { deck, listing } => {
            let deck = deck.unwrap_or_else(bundled_deck);
            let listing = match listing.as_deref().map(Listing::read).transpose() {
                Ok(listing) => listing,
                Err(message) => {
                    eprintln!("error: {message}");
                    return ExitCode::FAILURE;
                }
            };
            let colour = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            let report = legend_present::check::check(&deck, listing.as_ref(), colour);
            for problem in &report.problems {
                eprintln!("{problem}");
            }
            print!("{}", report.summary);
            if report.passed {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
    }
}
