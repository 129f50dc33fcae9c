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
    /// Train the actor and place recogniser on the gold corpora and write
    /// the model; prints scores on the held-out data.
    Train {
        /// Folder with anercorp-train.txt, aqmar-train.txt and aqmar-dev.txt.
        #[arg(long, default_value = "data/ner")]
        data: PathBuf,
        /// Where to write the model.
        #[arg(long, default_value = "assets/ner/model.bin")]
        out: PathBuf,
        #[arg(long, default_value_t = 15)]
        epochs: usize,
        /// Instead of writing a model, score each sequential sixth of
        /// ANERcorp with a model trained on the rest (and AQMAR train), and
        /// print their mean: a steadier yardstick than one held-out sixth.
        #[arg(long)]
        cross_validate: bool,
    },
    /// Score the recogniser on a gold file (`token TAG` lines): per-type and
    /// micro precision, recall and F1, entity level.
    Eval {
        file: PathBuf,
        /// A model file instead of the built-in one.
        #[arg(long)]
        model: Option<PathBuf>,
        /// Give the recogniser one sentence at a time, without the rest of
        /// the file (by default the file is read as one document, a
        /// sentence per line).
        #[arg(long)]
        sentences: bool,
        /// Also list each entity missed and each found wrongly.
        #[arg(long)]
        errors: bool,
        /// Read the file as this genre instead of the one its words tell.
        #[arg(long, value_parser = ["news", "encyclopedia"])]
        genre: Option<String>,
    },
    /// Print the numbers and dates of articles, with normalised values, and
    /// their timeline, as JSON.
    Annotate {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Output format.
        #[arg(long, default_value = "json", value_parser = ["json"])]
        format: String,
        /// The document date relative expressions resolve against
        /// (YYYY-MM-DD or YYYY-MM); without it, it is inferred.
        #[arg(long)]
        date: Option<String>,
    },
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
        Some(Command::Annotate { files, date, .. }) => annotate_cmd(&files, date.as_deref()),
        Some(Command::Train {
            data,
            out,
            epochs,
            cross_validate: false,
        }) => train_cmd(&data, &out, epochs),
        Some(Command::Train {
            data,
            epochs,
            cross_validate: true,
            ..
        }) => cross_validate_cmd(&data, epochs),
        Some(Command::Eval {
            file,
            model,
            sentences,
            errors,
            genre,
        }) => eval_cmd(&file, model.as_deref(), sentences, errors, genre.as_deref()),
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
    let shaped = m.shape(&doc.text, &doc.paragraphs, layout::mostly_rtl(&doc.text));
    let lay = layout::Layout::new(&shaped, params);
    let dump = layout::dump::dump(&doc.text, &lay, fonts::READING_FONT, font_size);
    let out = serde_json::to_string(&dump).context("cannot write JSON")?;
    println!("{out}");
    Ok(())
}

fn annotate_cmd(files: &[PathBuf], date: Option<&str>) -> Result<()> {
    use marsad::analysis::DocDate;
    use marsad::analysis::article::{Progress, analyze_document};
    use marsad::export::json::{Annotation, to_json};
    let given = match date {
        Some(d) => Some(
            DocDate::parse(d)
                .with_context(|| format!("--date {d:?} is not a date (YYYY-MM-DD or YYYY-MM)"))?,
        ),
        None => None,
    };
    let mut out = Vec::new();
    for file in files {
        let doc = document::load_path(file)?;
        let analysis = analyze_document(&doc, given, &Progress::default())?;
        let name = file.display().to_string();
        out.push(to_json(&Annotation {
            text_file: &name,
            text: &doc.text,
            analysis: &analysis,
        }));
    }
    let value = if out.len() == 1 {
        out.remove(0)
    } else {
        serde_json::Value::Array(out)
    };
    println!(
        "{}",
        serde_json::to_string_pretty(&value).context("cannot write JSON")?
    );
    Ok(())
}

fn read_corpus(path: &std::path::Path) -> Result<Vec<marsad::analysis::ner::corpus::Sentence>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    marsad::analysis::ner::corpus::parse(&text)
        .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}

fn print_scores(
    name: &str,
    scores: &[(marsad::analysis::MentionType, marsad::analysis::ner::Counts)],
) {
    use marsad::analysis::ner::Counts;
    println!("{name}");
    let mut micro = Counts::default();
    for (kind, c) in scores {
        println!(
            "  {:<13} precision {:5.1}  recall {:5.1}  F1 {:5.1}  ({} found, {} gold)",
            kind.name(),
            100.0 * c.precision(),
            100.0 * c.recall(),
            100.0 * c.f1(),
            c.tp + c.fp,
            c.tp + c.fn_
        );
        micro.tp += c.tp;
        micro.fp += c.fp;
        micro.fn_ += c.fn_;
    }
    println!(
        "  {:<13} precision {:5.1}  recall {:5.1}  F1 {:5.1}",
        "micro",
        100.0 * micro.precision(),
        100.0 * micro.recall(),
        100.0 * micro.f1()
    );
}

fn train_cmd(data: &std::path::Path, out: &std::path::Path, epochs: usize) -> Result<()> {
    use marsad::analysis::ner::{self, Recognizer};
    let anercorp = read_corpus(&data.join("anercorp-train.txt"))?;
    let (train_part, held_out) = ner::split_last_sixth(&anercorp);
    let aqmar = read_corpus(&data.join("aqmar-train.txt"))?;
    let dev = read_corpus(&data.join("aqmar-dev.txt"))?;
    eprintln!(
        "training on {} news and {} encyclopedia sentences ({} held out)",
        train_part.len(),
        aqmar.len(),
        held_out.len()
    );
    let bytes = ner::train(train_part, &aqmar, epochs, |e, wrong| {
        eprintln!("epoch {}: {wrong} sentences wrong", e + 1)
    });
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).ok();
    }
    std::fs::write(out, &bytes).with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!(
        "wrote {} ({:.1} MB)",
        out.display(),
        bytes.len() as f64 / 1e6
    );
    let rec = Recognizer::from_bytes(&bytes).map_err(|e| anyhow::anyhow!(e))?;
    for (name, gold) in [
        ("ANERcorp, last sixth (held out)", held_out),
        ("AQMAR dev", &dev[..]),
    ] {
        let genre = ner::genre_of_sentences(&rec, gold);
        let scores = ner::evaluate_as(&rec, gold, ner::Context::Document, Some(genre), None);
        print_scores(&format!("{name}, read as {}", genre.name()), &scores);
    }
    Ok(())
}

fn cross_validate_cmd(data: &std::path::Path, epochs: usize) -> Result<()> {
    use marsad::analysis::ner::{self, Recognizer};
    let anercorp = read_corpus(&data.join("anercorp-train.txt"))?;
    let aqmar = read_corpus(&data.join("aqmar-train.txt"))?;
    let sixths = ner::split_sixths(&anercorp);
    let mut sum = 0.0;
    for k in 0..sixths.len() {
        let training: Vec<_> = sixths
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != k)
            .flat_map(|(_, s)| s.iter().cloned())
            .collect();
        let bytes = ner::train(&training, &aqmar, epochs, |_, _| {});
        let rec = Recognizer::from_bytes(&bytes).map_err(|e| anyhow::anyhow!(e))?;
        let scores = ner::evaluate(&rec, sixths[k]);
        let micro = ner::micro(&scores);
        println!("sixth {}: micro F1 {:.1}", k + 1, 100.0 * micro.f1());
        sum += micro.f1();
    }
    println!("mean micro F1 {:.2}", 100.0 * sum / sixths.len() as f64);
    Ok(())
}

fn eval_cmd(
    file: &std::path::Path,
    model: Option<&std::path::Path>,
    sentences: bool,
    errors: bool,
    genre: Option<&str>,
) -> Result<()> {
    use marsad::analysis::ner::{self, Recognizer};
    let rec = match model {
        Some(p) => {
            let bytes = std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?;
            Recognizer::from_bytes(&bytes)
        }
        None => Recognizer::embedded(),
    }
    .map_err(|e| anyhow::anyhow!("the model cannot be loaded: {e}"))?;
    let context = if sentences {
        ner::Context::Sentence
    } else {
        ner::Context::Document
    };
    let gold = read_corpus(file)?;
    let mut misses = Vec::new();
    let genre = match genre {
        Some("encyclopedia") => ner::Genre::Encyclopedia,
        Some(_) => ner::Genre::News,
        None => ner::genre_of_sentences(&rec, &gold),
    };
    let scores = ner::evaluate_as(
        &rec,
        &gold,
        context,
        Some(genre),
        errors.then_some(&mut misses),
    );
    print_scores(
        &format!("{}, read as {}", file.display(), genre.name()),
        &scores,
    );
    for miss in misses {
        match miss {
            ner::Miss::Missed(kind, words) => println!("missed\t{}\t{words}", kind.name()),
            ner::Miss::Spurious(kind, words) => println!("wrong\t{}\t{words}", kind.name()),
        }
    }
    Ok(())
}
