//! `marsad`: the reader window, and command-line tools over the same library.

use std::path::PathBuf;

use anyhow::{Context as _, Result};
use clap::{Parser, Subcommand};

use marsad::document;
use marsad::layout::{self, LineParams};
use marsad::ui::{fonts, measure};

#[derive(Parser)]
#[command(name = "marsad", version, about = "A desktop reader for Arabic news")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// The article to open (.txt, .html, .htm, .md); without one, the sample.
    file: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Print the right-to-left layout of a document as JSON.
    Layout {
        file: PathBuf,
        /// Column width in pixels.
        #[arg(long)]
        width: f32,
        /// Font size in pixels.
        #[arg(long, default_value_t = marsad::ui::settings::DEFAULT_FONT)]
        font_size: f32,
    },
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Layout {
            file,
            width,
            font_size,
        }) => layout_cmd(&file, width, font_size),
        None => {
            marsad::ui::run(cli.file).map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))
        }
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("marsad: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn layout_cmd(file: &std::path::Path, width: f32, font_size: f32) -> Result<()> {
    anyhow::ensure!(
        width.is_finite() && width > 0.0,
        "--width must be a positive number of pixels"
    );
    anyhow::ensure!(
        font_size.is_finite() && (4.0..=400.0).contains(&font_size),
        "--font-size must be between 4 and 400 pixels"
    );
    let doc = document::load_path(file)?;
    let ctx = measure::headless_context();
    let mut cache = measure::WidthCache::default();
    let mut m = measure::EguiMeasure::new(&ctx, fonts::reading(font_size), &mut cache);
    let params = LineParams {
        width,
        line_height: (font_size * 1.7).round(),
        paragraph_gap: (font_size * 0.6).round(),
    };
    let (_, lay) = layout::layout_text(
        &doc.text,
        &doc.paragraphs,
        layout::mostly_rtl(&doc.text),
        params,
        &mut m,
    );
    let dump = layout::dump::dump(&doc.text, &lay, fonts::READING_FONT, font_size);
    let out = serde_json::to_string(&dump).context("cannot write JSON")?;
    println!("{out}");
    Ok(())
}
