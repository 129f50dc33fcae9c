//! Opening real files: encodings, saved web pages and bad input.

use std::path::{Path, PathBuf};

use marsad::document::{self, Format, LoadError};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

const TITLE: &str = "واشنطن تنفي علاقة مباحثاتها مع بغداد بملف الانسحاب العسكري";

#[test]
fn every_encoding_gives_the_same_text() {
    let reference = document::load_path(&fixture("sample-utf8-bom.txt")).unwrap();
    assert_eq!(reference.title, TITLE);
    assert!(!reference.text.starts_with('\u{feff}'));
    for (name, encoding) in [
        ("sample-cp1256.txt", "windows-1256"),
        ("sample-iso8859-6.txt", "ISO-8859-6"),
        ("sample-utf16le.txt", "UTF-16LE"),
        ("sample-utf16be.txt", "UTF-16BE"),
    ] {
        let doc = document::load_path(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(doc.encoding, encoding, "{name}");
        assert_eq!(doc.title, TITLE, "{name}");
        assert_eq!(doc.text, reference.text, "{name}");
        assert_eq!(doc.paragraphs.len(), 3, "{name}");
    }
}

#[test]
fn saved_news_page_gives_title_and_article_paragraphs() {
    for name in ["news-page.html", "news-page-cp1256.htm"] {
        let doc = document::load_path(&fixture(name)).unwrap();
        assert_eq!(doc.format, Format::Html);
        assert_eq!(
            doc.title, TITLE,
            "{name}: the <h1>, not the <title> with the site name"
        );
        let paras: Vec<&str> = doc
            .paragraphs
            .iter()
            .map(|r| &doc.text[r.clone()])
            .collect();
        assert_eq!(paras[0], TITLE);
        assert_eq!(
            paras[1], "واشنطن - 26 يناير 2024",
            "{name}: the dateline is kept"
        );
        assert!(
            paras.iter().any(|p| p.starts_with("نفت المتحدثة")),
            "{name}: {paras:?}"
        );
        assert!(
            paras.iter().any(|p| p.contains("2500 عسكري في العراق")),
            "{name}"
        );
        assert!(
            paras.iter().any(|p| p.contains("The Washington Post")),
            "{name}"
        );
        for dropped in [
            "الرئيسية",
            "تتبع",
            "showAd",
            "إعلان",
            "font-family",
            "الأكثر قراءة",
            "جميع الحقوق",
        ] {
            assert!(
                !doc.text.contains(dropped),
                "{name}: {dropped:?} should be dropped"
            );
        }
    }
}

#[test]
fn markdown_title_loses_its_hashes() {
    let doc = document::load_bytes("# عنوان المقال\n\nنص".as_bytes(), Path::new("a.md")).unwrap();
    assert_eq!(doc.format, Format::Markdown);
    assert_eq!(doc.title, "عنوان المقال");
}

#[test]
fn bad_input_gets_a_clear_error() {
    let cases: Vec<(PathBuf, &str)> = vec![
        (fixture("empty.txt"), "is empty"),
        (fixture("binary.png"), "not a text file"),
        (fixture("image-named.txt"), "not a text file"),
        (fixture("does-not-exist.txt"), "no such file"),
        (fixture(""), "is a folder"),
    ];
    for (path, words) in cases {
        let err = document::load_path(&path).expect_err("must fail");
        let msg = err.to_string();
        assert!(msg.contains(words), "{}: {msg}", path.display());
    }
}

#[test]
fn a_file_too_large_is_refused_without_reading_it() {
    let dir = std::env::temp_dir().join(format!("marsad-big-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("huge.txt");
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(200 * 1024 * 1024).unwrap(); // sparse: takes no disk
    let err = document::load_path(&path).unwrap_err();
    assert!(matches!(err, LoadError::TooLarge { .. }));
    assert!(err.to_string().contains("larger than"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn unreadable_file_is_an_error_not_a_panic() {
    // A path through a file (not a folder) cannot be opened.
    let err = document::load_path(&fixture("empty.txt/inner.txt")).unwrap_err();
    assert!(!err.to_string().is_empty());
}
