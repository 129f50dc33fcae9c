//! `marsad`: the reader window, and command-line tools over the same library.

use std::path::PathBuf;

use anyhow::{Context as _, Result};
use clap::{Parser, Subcommand};

use marsad::analysis::ner::embedding::SkipGram;
use marsad::document;
use marsad::export::Format;
use marsad::layout::{self, LineParams};
use marsad::ui::{fonts, measure};

/// mimalloc rather than the system's allocator: the analysis makes many
/// small short-lived allocations on two threads.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "marsad", version, about = "A desktop reader for Arabic news")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// The article to open (.txt, .html, .htm, .md); without one, the sample.
    file: Option<PathBuf>,
}

/// Where and how annotations are written.
#[derive(clap::Args)]
struct Output {
    /// Output format: json, jsonl, csv, brat, conll, w3c, timeline.
    #[arg(long, default_value = "json", value_parser = parse_format)]
    format: Format,
    /// Write the files into this folder (needed for csv, brat, folders and
    /// several articles in w3c or timeline); without it, standard output.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Overwrite files that exist in the output folder.
    #[arg(long)]
    force: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Train the actor and place recogniser on the gold corpora and write
    /// the model; prints its scores on AQMAR dev (and on ANERcorp's last
    /// sixth with --hold-out).
    Train {
        /// Folder with anercorp-train.txt, aqmar-train.txt and aqmar-dev.txt.
        #[arg(long, default_value = "data/ner")]
        data: PathBuf,
        /// Where to write the model.
        #[arg(long, default_value = "assets/ner/model.bin")]
        out: PathBuf,
        /// Passes over the training data: the perceptron's, and the LSTM's
        /// up to 12.
        #[arg(long, default_value_t = 15)]
        epochs: usize,
        /// Keep ANERcorp's last sixth out of training and score the model
        /// on it (by default the model learns from all of ANERcorp).
        #[arg(long, conflicts_with = "cross_validate")]
        hold_out: bool,
        /// Instead of writing a model, score each sequential sixth of
        /// ANERcorp with a model trained on the rest (and AQMAR train), and
        /// print their mean: a steadier yardstick than one held-out sixth.
        #[arg(long)]
        cross_validate: bool,
        /// With --cross-validate: train with this many orders of the
        /// sentences and average over them too.
        #[arg(long, default_value_t = 1)]
        seeds: u64,
        /// With --cross-validate: write each model to this folder, as
        /// s{seed}-k{sixth}.bin.
        #[arg(long, requires = "cross_validate")]
        keep_models: Option<PathBuf>,
        /// With --cross-validate: take each model's LSTM from the model of
        /// the same seed and sixth in this folder (--keep-models) instead of
        /// training it, which gives the same models when only the
        /// perceptron's side changed, in a twentieth of the time.
        #[arg(long, requires = "cross_validate")]
        lstm_from: Option<PathBuf>,
    },
    /// Learn the word clusters the recogniser reads: skip-gram vectors of
    /// the unlabelled text (a gzip or plain file, a paragraph a line) and of
    /// the training corpora's text, clustered at three granularities.
    /// Deterministic; writes assets/ner/clusters.bin, and the vectors
    /// beside it (vectors.bin).
    Clusters {
        /// Unlabelled text, e.g. ../shared/corpora/arwiki-2017-10k.txt.gz.
        #[arg(long, required = true)]
        corpus: Vec<PathBuf>,
        /// Folder with anercorp-train.txt and aqmar-train.txt, whose text is
        /// added to the unlabelled text.
        #[arg(long, default_value = "data/ner")]
        data: PathBuf,
        #[arg(long, default_value = "assets/ner/clusters.bin")]
        out: PathBuf,
        #[arg(long, default_value_t = 3)]
        epochs: usize,
        #[arg(long, default_value_t = 100)]
        dim: usize,
        #[arg(long, default_value_t = 5)]
        min_count: u64,
        /// The largest distance of a context word.
        #[arg(long, default_value_t = 5)]
        window: usize,
    },
    /// Mine organisation names from unlabelled text (a gzip or plain file,
    /// a paragraph a line): the words that follow heads such as «شركة» and
    /// «نادي» far more often than chance. Deterministic; writes
    /// assets/ner/organisations.tsv.
    Organisations {
        /// Unlabelled text, e.g. ../shared/corpora/arwiki-2017-10k.txt.gz.
        #[arg(long, required = true)]
        corpus: Vec<PathBuf>,
        #[arg(long, default_value = "assets/ner/organisations.tsv")]
        out: PathBuf,
    },
    /// Mine the organisation heads whose names go on with a complement
    /// («الاتحاد الدولي» of «الاتحاد الدولي لكرة القدم») from unlabelled
    /// text (a gzip or plain file, a paragraph a line): a head and its
    /// definite words that a word with «ل» follows in at least half of
    /// their occurrences. Deterministic; writes assets/ner/complements.tsv.
    Complements {
        /// Unlabelled text, e.g. ../shared/corpora/arwiki-2017-10k.txt.gz.
        #[arg(long, required = true)]
        corpus: Vec<PathBuf>,
        #[arg(long, default_value = "assets/ner/complements.tsv")]
        out: PathBuf,
    },
    /// Learn which words are verbs in the perfect and in the imperfect from
    /// unlabelled text (a gzip or plain file, a paragraph a line): what
    /// follows «قد» and what follows «سوف», «لن», «لم». Dates written
    /// without their year read their clause's tense from them.
    /// Deterministic; writes assets/dates/verbs.tsv.
    Verbs {
        /// Unlabelled text, e.g. ../shared/corpora/arwiki-2017-10k.txt.gz.
        #[arg(long, required = true)]
        corpus: Vec<PathBuf>,
        #[arg(long, default_value = "assets/dates/verbs.tsv")]
        out: PathBuf,
    },
    /// Pretrain the recogniser's LSTM as two language models on unlabelled
    /// text (a gzip or plain file, a paragraph a line): each direction
    /// learns to tell the word clusters of the tokens that follow or come
    /// before. Deterministic; writes assets/ner/pretrained.bin, where
    /// `marsad train` starts its LSTM from.
    Pretrain {
        /// Unlabelled text, e.g. ../shared/corpora/arwiki-2017-10k.txt.gz.
        #[arg(long, required = true)]
        corpus: Vec<PathBuf>,
        #[arg(long, default_value = "assets/ner/pretrained.bin")]
        out: PathBuf,
        /// Passes over the text.
        #[arg(long, default_value_t = 1)]
        epochs: usize,
        /// Read only the first this many lines of the text.
        #[arg(long)]
        lines: Option<usize>,
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
    /// Annotate articles: actors, places, numbers, dates and the timeline,
    /// in one of the export formats. FILE may be a folder (searched
    /// recursively for .txt, .html, .htm and .md, analysed on all cores) or
    /// `-` for standard input (JSON lines with `id` and `text`, or one
    /// plain-text article), which writes jsonl to standard output.
    Annotate {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[command(flatten)]
        output: Output,
        /// The document date relative expressions resolve against
        /// (YYYY-MM-DD or YYYY-MM); without it, it is inferred.
        #[arg(long)]
        date: Option<String>,
    },
    /// Read annotations back (a json or jsonl export, or a brat .ann with
    /// its .txt beside it), check them against the article text, and write
    /// them in any export format.
    Import {
        /// The export: NAME.json, NAME.jsonl, NAME.ann (with NAME.txt), or a
        /// session file (.ron).
        file: PathBuf,
        /// The article a json export annotates (default: its "text_file").
        #[arg(long)]
        text: Option<PathBuf>,
        #[command(flatten)]
        output: Output,
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
        Some(Command::Annotate {
            files,
            output,
            date,
        }) => annotate_cmd(&files, &output, date.as_deref()),
        Some(Command::Import { file, text, output }) => import_cmd(&file, text.as_deref(), &output),
        Some(Command::Train {
            data,
            out,
            epochs,
            hold_out,
            cross_validate: false,
            ..
        }) => train_cmd(&data, &out, epochs, hold_out),
        Some(Command::Train {
            data,
            epochs,
            cross_validate: true,
            seeds,
            keep_models,
            lstm_from,
            ..
        }) => cross_validate_cmd(
            &data,
            epochs,
            seeds,
            keep_models.as_deref(),
            lstm_from.as_deref(),
        ),
        Some(Command::Clusters {
            corpus,
            data,
            out,
            epochs,
            dim,
            min_count,
            window,
        }) => clusters_cmd(
            &corpus,
            &data,
            &out,
            SkipGram {
                epochs,
                dim,
                min_count,
                window,
                ..SkipGram::default()
            },
        ),
        Some(Command::Organisations { corpus, out }) => organisations_cmd(&corpus, &out),
        Some(Command::Complements { corpus, out }) => complements_cmd(&corpus, &out),
        Some(Command::Verbs { corpus, out }) => verbs_cmd(&corpus, &out),
        Some(Command::Pretrain {
            corpus,
            out,
            epochs,
            lines,
        }) => pretrain_cmd(&corpus, &out, epochs, lines),
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

fn parse_format(s: &str) -> Result<Format, String> {
    Format::parse(s).ok_or_else(|| {
        let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
        format!("unknown format {s:?}; one of {}", names.join(", "))
    })
}

fn annotate_cmd(files: &[PathBuf], output: &Output, date: Option<&str>) -> Result<()> {
    let (format, out, force) = (output.format, output.out.as_deref(), output.force);
    use marsad::analysis::DocDate;
    use marsad::export::{Article, batch, render};
    use std::io::Write as _;
    let given = match date {
        Some(d) => Some(
            DocDate::parse(d)
                .with_context(|| format!("--date {d:?} is not a date (YYYY-MM-DD or YYYY-MM)"))?,
        ),
        None => None,
    };
    if files.iter().any(|f| f.as_os_str() == "-") {
        anyhow::ensure!(
            files.len() == 1,
            "`-` (standard input) cannot be mixed with files"
        );
        anyhow::ensure!(
            format == Format::Jsonl || format == Format::Json && out.is_none(),
            "standard input is written as jsonl to standard output (--format jsonl)"
        );
        let stdin = std::io::stdin().lock();
        let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
        let s = batch::stream(stdin, &mut stdout, given).context("cannot read standard input")?;
        stdout.flush().context("cannot write standard output")?;
        if s.failures > 0 {
            anyhow::bail!("{} of {} articles failed", s.failures, s.articles);
        }
        return Ok(());
    }
    let inputs = batch::collect_inputs(files);
    let many = inputs.len() > 1 || files.iter().any(|f| f.is_dir());
    if let Some(out) = out {
        anyhow::ensure!(
            !inputs.is_empty(),
            "no article (.txt, .html, .htm, .md) found"
        );
        let bar = indicatif::ProgressBar::new(inputs.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} articles, {eta} left")
                .expect("a valid template"),
        );
        if inputs.len() < 2 {
            bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
        }
        let started = std::time::Instant::now();
        let done = |path: &std::path::Path, r: Result<usize, &str>| {
            if let Err(e) = r {
                bar.suspend(|| eprintln!("marsad: {}: {e}", path.display()));
            }
            bar.inc(1);
        };
        let summary = batch::run_to_folder(&inputs, format, out, force, given, &done)?;
        bar.finish_and_clear();
        if many {
            eprintln!(
                "{} files, {} mentions, {} failed, {:.1} s",
                summary.files,
                summary.mentions,
                summary.failures.len(),
                started.elapsed().as_secs_f64()
            );
        }
        match summary.failures.as_slice() {
            [] => return Ok(()),
            [(_, e)] if !many => anyhow::bail!("{e}"),
            f => anyhow::bail!("{} of {} files failed", f.len(), summary.files),
        }
    }
    // Standard output.
    anyhow::ensure!(
        !format.needs_folder(),
        "--format {} makes several files: give a folder with --out",
        format.name()
    );
    anyhow::ensure!(
        !many || matches!(format, Format::Json | Format::Jsonl | Format::Conll),
        "--format {} of several articles needs a folder (--out)",
        format.name()
    );
    let mut values = Vec::new();
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    for input in &inputs {
        let (doc, analysis) = batch::analyze_file(&input.path, given)?;
        let id = input.path.display().to_string();
        let article = Article {
            id: &id,
            doc: &doc,
            analysis: &analysis,
        };
        if format == Format::Json && !many {
            // One article: serialised straight to standard output.
            marsad::export::json::write_pretty(&article, &mut stdout)
                .context("cannot write standard output")?;
            continue;
        }
        if format == Format::Json {
            values.push(marsad::export::json::to_json(&article));
            continue;
        }
        for f in render(format, &article) {
            stdout
                .write_all(&f.bytes)
                .context("cannot write standard output")?;
        }
    }
    if format == Format::Json && many {
        let value = if values.len() == 1 {
            values.remove(0)
        } else {
            serde_json::Value::Array(values)
        };
        serde_json::to_writer_pretty(&mut stdout, &value).context("cannot write JSON")?;
        writeln!(stdout).context("cannot write standard output")?;
    }
    stdout.flush().context("cannot write standard output")?;
    Ok(())
}

fn import_cmd(
    file: &std::path::Path,
    text: Option<&std::path::Path>,
    output: &Output,
) -> Result<()> {
    use marsad::export::{Article, ImportError, import, render};
    use std::io::Write as _;
    let (format, out, force) = (output.format, output.out.as_deref(), output.force);
    let imported = match import::read(file, text) {
        Err(e @ ImportError::NoArticle(_)) => anyhow::bail!("{e}: give it with --text"),
        other => other?,
    };
    if imported.changed {
        eprintln!(
            "marsad: {} has changed since it was edited; edits on text that changed are left out",
            imported.article.display()
        );
    }
    for o in &imported.orphans {
        eprintln!("marsad: not applied ({:?}): {:?}", o.why, o.edit);
    }
    let id = file.with_extension("txt").display().to_string();
    let article = Article {
        id: &id,
        doc: &imported.doc,
        analysis: &imported.analysis,
    };
    match out {
        Some(dir) => {
            marsad::export::write_folder_files(format, dir)?;
            marsad::export::write_files(&render(format, &article), dir, force)?;
        }
        None => {
            anyhow::ensure!(
                !format.needs_folder(),
                "--format {} makes several files: give a folder with --out",
                format.name()
            );
            let mut stdout = std::io::stdout().lock();
            for f in render(format, &article) {
                stdout
                    .write_all(&f.bytes)
                    .context("cannot write standard output")?;
            }
        }
    }
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

fn train_cmd(
    data: &std::path::Path,
    out: &std::path::Path,
    epochs: usize,
    hold_out: bool,
) -> Result<()> {
    use marsad::analysis::ner::{self, Recognizer};
    let anercorp = read_corpus(&data.join("anercorp-train.txt"))?;
    let (train_part, held_out) = if hold_out {
        ner::split_last_sixth(&anercorp)
    } else {
        (&anercorp[..], &[][..])
    };
    let aqmar = read_corpus(&data.join("aqmar-train.txt"))?;
    let dev = read_corpus(&data.join("aqmar-dev.txt"))?;
    eprintln!(
        "training on {} news and {} encyclopedia sentences{}",
        train_part.len(),
        aqmar.len(),
        if hold_out {
            format!(" ({} news sentences held out)", held_out.len())
        } else {
            String::new()
        }
    );
    if !ner::train::pretrained() {
        eprintln!(
            "assets/ner/pretrained.bin does not fit the word vectors: the LSTM starts from \
             drawn weights (run marsad pretrain, then rebuild)"
        );
    }
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
        if gold.is_empty() {
            continue;
        }
        let genre = ner::genre_of_sentences(&rec, gold);
        let scores = ner::evaluate_as(&rec, gold, ner::Context::Document, Some(genre), None);
        print_scores(&format!("{name}, read as {}", genre.name()), &scores);
    }
    Ok(())
}

/// An unlabelled text file, gzipped or plain UTF-8.
fn read_unlabelled(path: &std::path::Path) -> Result<String> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let bytes = if bytes.starts_with(&[0x1f, 0x8b]) {
        marsad::analysis::ner::clusters::gunzip(&bytes)
            .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?
    } else {
        bytes
    };
    String::from_utf8(bytes).map_err(|_| anyhow::anyhow!("{} is not UTF-8 text", path.display()))
}

/// The unlabelled texts of `corpus`, and their file names for the header of
/// a list derived from them.
fn read_corpora(corpus: &[PathBuf]) -> Result<(Vec<String>, String)> {
    let texts = corpus
        .iter()
        .map(|p| read_unlabelled(p))
        .collect::<Result<Vec<_>>>()?;
    let names: Vec<String> = corpus
        .iter()
        .filter_map(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .collect();
    Ok((texts, names.join(", ")))
}

fn organisations_cmd(corpus: &[PathBuf], out: &std::path::Path) -> Result<()> {
    use marsad::analysis::ner::organisations;
    let (texts, names) = read_corpora(corpus)?;
    let mined = organisations::mine(texts.iter().flat_map(|t| t.lines()));
    std::fs::write(out, organisations::to_tsv(&mined, &names))
        .with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!(
        "{} names written to {}; the recogniser reads them once the name lists' table is \
         made anew (MARSAD_BLESS=1 cargo test --release \
         the_shipped_lexicons_are_made_from_the_lists) and the model retrained",
        mined.len(),
        out.display()
    );
    Ok(())
}

fn complements_cmd(corpus: &[PathBuf], out: &std::path::Path) -> Result<()> {
    use marsad::analysis::ner::complements;
    let (texts, names) = read_corpora(corpus)?;
    let mined = complements::mine(texts.iter().flat_map(|t| t.lines()));
    let tsv = complements::to_tsv(&mined, &names);
    std::fs::write(out, &tsv).with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!(
        "{} of {} phrases begin names, written to {}; rebuild Marsad to use them",
        complements::read(&tsv).len(),
        mined.len(),
        out.display()
    );
    Ok(())
}

fn verbs_cmd(corpus: &[PathBuf], out: &std::path::Path) -> Result<()> {
    use marsad::analysis::dates::tense;
    let (texts, names) = read_corpora(corpus)?;
    let verbs = tense::mine(texts.iter().flat_map(|t| t.lines()));
    std::fs::write(out, tense::to_tsv(&verbs, &names))
        .with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!(
        "{} verbs in the perfect and {} in the imperfect written to {}; rebuild Marsad to use them",
        verbs.perfect.len(),
        verbs.imperfect.len(),
        out.display()
    );
    Ok(())
}

fn pretrain_cmd(
    corpus: &[PathBuf],
    out: &std::path::Path,
    epochs: usize,
    lines: Option<usize>,
) -> Result<()> {
    use marsad::analysis::ner::{clusters::CLUSTERS, lstm::pretrain, vectors::VECTORS};
    let start = std::time::Instant::now();
    let mut texts = Vec::new();
    for path in corpus {
        texts.push(read_unlabelled(path)?);
    }
    let all: Vec<&str> = texts
        .iter()
        .flat_map(|t| t.lines())
        .filter(|l| !l.trim().is_empty())
        .take(lines.unwrap_or(usize::MAX))
        .collect();
    eprintln!(
        "{} lines read ({:.0} s)",
        all.len(),
        start.elapsed().as_secs_f64()
    );
    let mut last = 0.0;
    let net = pretrain::pretrain(&VECTORS, &CLUSTERS, &all, epochs, 0x9e37, |done, loss| {
        let now = start.elapsed().as_secs_f64();
        if now - last > 20.0 {
            last = now;
            eprintln!("{done} lines, loss {loss:.3} a token ({now:.0} s)");
        }
    });
    let bytes = net.to_bytes();
    std::fs::write(out, &bytes).with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!(
        "wrote {} ({:.1} MB) in {:.0} s",
        out.display(),
        bytes.len() as f64 / 1e6,
        start.elapsed().as_secs_f64()
    );
    Ok(())
}

fn clusters_cmd(
    corpus: &[PathBuf],
    data: &std::path::Path,
    out: &std::path::Path,
    p: SkipGram,
) -> Result<()> {
    use marsad::analysis::ner::clusters;
    let start = std::time::Instant::now();
    let mut sentences = Vec::new();
    for path in corpus {
        sentences.extend(clusters::sentences_of(&read_unlabelled(path)?));
    }
    for name in ["anercorp-train.txt", "aqmar-train.txt"] {
        let text: String = read_corpus(&data.join(name))?
            .iter()
            .map(|s| s.text() + "\n")
            .collect();
        sentences.extend(clusters::sentences_of(&text));
    }
    let words: usize = sentences.iter().map(Vec::len).sum();
    eprintln!(
        "{} sentences, {words} words read ({:.0} s)",
        sentences.len(),
        start.elapsed().as_secs_f64()
    );
    let (table, vectors) = clusters::build(&sentences, &p, |m| {
        eprintln!("{m} ({:.0} s)", start.elapsed().as_secs_f64())
    });
    let bytes = table.to_bytes();
    std::fs::write(out, &bytes).with_context(|| format!("cannot write {}", out.display()))?;
    let vectors_out = out.with_file_name("vectors.bin");
    let vector_bytes = vectors.to_bytes();
    std::fs::write(&vectors_out, &vector_bytes)
        .with_context(|| format!("cannot write {}", vectors_out.display()))?;
    eprintln!(
        "wrote {} ({:.1} MB)",
        vectors_out.display(),
        vector_bytes.len() as f64 / 1e6
    );
    eprintln!(
        "wrote {} ({} words, {:.1} MB) in {:.0} s",
        out.display(),
        table.len(),
        bytes.len() as f64 / 1e6,
        start.elapsed().as_secs_f64()
    );
    Ok(())
}

fn cross_validate_cmd(
    data: &std::path::Path,
    epochs: usize,
    seeds: u64,
    keep_models: Option<&std::path::Path>,
    lstm_from: Option<&std::path::Path>,
) -> Result<()> {
    use marsad::analysis::MentionType;
    use marsad::analysis::ner::{self, Counts, Recognizer};
    let anercorp = read_corpus(&data.join("anercorp-train.txt"))?;
    let aqmar = read_corpus(&data.join("aqmar-train.txt"))?;
    let sixths = ner::split_sixths(&anercorp);
    if let Some(dir) = keep_models {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let mut sum = 0.0;
    // Per type, counted over every sixth and seed.
    let mut pooled: Vec<(MentionType, Counts)> = Vec::new();
    for seed in 0..seeds.max(1) {
        let mut sum_seed = 0.0;
        for k in 0..sixths.len() {
            let training: Vec<_> = sixths
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != k)
                .flat_map(|(_, s)| s.iter().cloned())
                .collect();
            let name = format!("s{}-k{}.bin", seed + 1, k + 1);
            let lstm = match lstm_from {
                Some(dir) => {
                    let path = dir.join(&name);
                    let bytes = std::fs::read(&path)
                        .with_context(|| format!("reading {}", path.display()))?;
                    let lstm = ner::lstm_of_model(&bytes)
                        .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
                    Some(lstm)
                }
                None => None,
            };
            let bytes = ner::train_seeded_with(
                &training,
                &aqmar,
                epochs,
                ner::train::SEED + seed,
                lstm,
                |_, _| {},
            );
            if let Some(dir) = keep_models {
                let path = dir.join(&name);
                std::fs::write(&path, &bytes)
                    .with_context(|| format!("writing {}", path.display()))?;
            }
            let rec = Recognizer::from_bytes(&bytes).map_err(|e| anyhow::anyhow!(e))?;
            let scores = ner::evaluate(&rec, sixths[k]);
            for (kind, c) in &scores {
                match pooled.iter_mut().find(|(k, _)| k == kind) {
                    Some((_, p)) => {
                        p.tp += c.tp;
                        p.fp += c.fp;
                        p.fn_ += c.fn_;
                    }
                    None => pooled.push((*kind, *c)),
                }
            }
            let micro = ner::micro(&scores);
            println!(
                "seed {} sixth {}: micro F1 {:.1}",
                seed + 1,
                k + 1,
                100.0 * micro.f1()
            );
            sum_seed += micro.f1();
        }
        println!(
            "seed {}: mean micro F1 {:.2}",
            seed + 1,
            100.0 * sum_seed / sixths.len() as f64
        );
        sum += sum_seed;
    }
    print_scores("all sixths and seeds, pooled", &pooled);
    println!(
        "mean micro F1 {:.2}",
        100.0 * sum / (sixths.len() as f64 * seeds.max(1) as f64)
    );
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
