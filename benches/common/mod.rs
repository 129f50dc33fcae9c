//! What the benchmarks share: real news text of a given size, and the
//! binary's allocator.

/// The binary's allocator (`src/main.rs`), so that the window and the
/// exports are measured as `marsad` runs them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Real news text: ANERcorp's tokens joined by spaces, five sentences a
/// paragraph, repeated up to `bytes`.
pub fn news_text(bytes: usize) -> String {
    let corpus = include_str!("../../data/ner/anercorp-train.txt");
    let mut paragraphs = Vec::new();
    let mut sentence = Vec::new();
    let mut para = String::new();
    let mut count = 0;
    for line in corpus.lines() {
        match line.split_once(' ') {
            Some((token, _)) => sentence.push(token),
            None => {
                if !sentence.is_empty() {
                    para.push_str(&sentence.join(" "));
                    para.push(' ');
                    sentence.clear();
                    count += 1;
                    if count % 5 == 0 {
                        paragraphs.push(std::mem::take(&mut para).trim_end().to_owned());
                    }
                }
            }
        }
    }
    let mut text = String::with_capacity(bytes + 4096);
    'outer: loop {
        for p in &paragraphs {
            if text.len() + p.len() > bytes {
                break 'outer;
            }
            text.push_str(p);
            text.push('\n');
        }
    }
    text
}
