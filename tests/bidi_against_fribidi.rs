//! The visual order of every line, checked against FriBidi (GNU FriBidi, the
//! implementation in GTK and Pango, loaded from the system's libfribidi.so.0):
//! an implementation of UAX #9 independent of the `unicode-bidi` crate the
//! engine uses. For each line the engine lays out, FriBidi resolves the whole
//! paragraph and reorders the same line; both must give the same characters
//! left to right, at the same levels.

use std::ops::Range;

use libloading::{Library, Symbol};
use marsad::layout::{self, CharWidths, LineParams};

type Levels = unsafe extern "C" fn(*const u32, *const u32, i32, *mut u32, *mut i8) -> i8;
type Types = unsafe extern "C" fn(*const u32, i32, *mut u32);
type Brackets = unsafe extern "C" fn(*const u32, i32, *const u32, *mut u32);
type Reorder =
    unsafe extern "C" fn(u32, *const u32, i32, i32, u32, *mut i8, *mut u32, *mut i32) -> i8;

const PAR_ON: u32 = 0x40;

struct FriBidi {
    lib: Library,
}

impl FriBidi {
    fn load() -> FriBidi {
        // SAFETY: loading a well-known system library with no init side effects.
        let lib = unsafe { Library::new("libfribidi.so.0") }
            .expect("the bidi cross-check needs GNU FriBidi: apt-get install libfribidi0");
        FriBidi { lib }
    }

    /// For each line (char range) of a paragraph, the visual order as logical
    /// char indices, and each char's level.
    fn reorder(&self, chars: &[u32], lines: &[Range<usize>]) -> (bool, Vec<Vec<usize>>, Vec<i8>) {
        let n = chars.len();
        let mut types = vec![0u32; n];
        let mut brackets = vec![0u32; n];
        let mut levels = vec![0i8; n];
        let mut base = PAR_ON;
        // SAFETY: every array has `n` elements, as FriBidi's API requires.
        unsafe {
            let get_types: Symbol<Types> = self.lib.get(b"fribidi_get_bidi_types").unwrap();
            let get_brackets: Symbol<Brackets> =
                self.lib.get(b"fribidi_get_bracket_types").unwrap();
            let get_levels: Symbol<Levels> = self
                .lib
                .get(b"fribidi_get_par_embedding_levels_ex")
                .unwrap();
            let reorder: Symbol<Reorder> = self.lib.get(b"fribidi_reorder_line").unwrap();
            get_types(chars.as_ptr(), n as i32, types.as_mut_ptr());
            get_brackets(
                chars.as_ptr(),
                n as i32,
                types.as_ptr(),
                brackets.as_mut_ptr(),
            );
            let max = get_levels(
                types.as_ptr(),
                brackets.as_ptr(),
                n as i32,
                &mut base,
                levels.as_mut_ptr(),
            );
            assert!(max > 0, "FriBidi failed");
            let mut out = Vec::new();
            let resolved = levels.clone();
            for line in lines {
                let mut lv = resolved.clone();
                let mut map: Vec<i32> = (0..n as i32).collect();
                let ok = reorder(
                    0,
                    types.as_ptr(),
                    line.len() as i32,
                    line.start as i32,
                    base,
                    lv.as_mut_ptr(),
                    std::ptr::null_mut(),
                    map.as_mut_ptr(),
                );
                assert!(ok > 0, "FriBidi failed to reorder");
                out.push(map[line.clone()].iter().map(|&i| i as usize).collect());
            }
            (base & 1 == 1, out, resolved)
        }
    }
}

/// Widths for the test: 9 px a character, 4 px a space.
const CHARS: CharWidths = CharWidths {
    letter: 9.0,
    space: 4.0,
};

/// Checks every line of `text` at `width`; returns how many lines it checked.
fn check(text: &str, width: f32) -> usize {
    let fribidi = FriBidi::load();
    let paragraphs = marsad::document::split_paragraphs(text);
    let params = LineParams {
        width,
        line_height: 30.0,
        paragraph_gap: 0.0,
    };
    let (shaped, lay) = layout::layout_text(text, &paragraphs, true, params, &mut CHARS.clone());
    let mut checked = 0;
    for (pi, p) in shaped.paragraphs.iter().enumerate() {
        let ptext = &text[p.range.clone()];
        let starts: Vec<usize> = ptext
            .char_indices()
            .map(|(i, _)| i + p.range.start)
            .collect();
        let ci = |byte: usize| starts.partition_point(|&s| s < byte);
        let chars: Vec<u32> = ptext.chars().map(u32::from).collect();
        let lines: Vec<&layout::Line> = lay.lines.iter().filter(|l| l.paragraph == pi).collect();
        let ranges: Vec<Range<usize>> = lines
            .iter()
            .map(|l| ci(l.range.start)..ci(l.range.end))
            .collect();
        let (rtl, visual, levels) = fribidi.reorder(&chars, &ranges);
        assert_eq!(rtl, p.rtl, "paragraph direction of {ptext:?}");
        let is_space = |i: usize| char::from_u32(chars[i]).is_some_and(char::is_whitespace);
        for (line, want) in lines.iter().zip(visual) {
            let want: Vec<usize> = want.into_iter().filter(|&i| !is_space(i)).collect();
            let mut got = Vec::new();
            for item in &line.items {
                let r = ci(item.range().start)..ci(item.range().end);
                for i in r.clone() {
                    assert_eq!(
                        levels[i] % 2 == 1,
                        item.rtl,
                        "direction of {:?} in {ptext:?}",
                        &text[item.range()]
                    );
                }
                if item.rtl {
                    got.extend(r.rev());
                } else {
                    got.extend(r);
                }
            }
            let show = |v: &[usize]| {
                v.iter()
                    .map(|&i| char::from_u32(chars[i]).unwrap())
                    .collect::<String>()
            };
            assert_eq!(
                show(&got),
                show(&want),
                "visual order of line {:?}",
                &text[line.range.clone()]
            );
            assert_eq!(got, want);
            checked += 1;
        }
    }
    checked
}

#[test]
fn sample_article_lines_match_fribidi() {
    let text = marsad::document::SAMPLE_TEXT;
    for width in [250.0, 600.0, 1200.0] {
        assert!(check(text, width) > 17, "every paragraph has lines");
    }
}

#[test]
fn mixed_script_lines_match_fribidi() {
    let text = include_str!("fixtures/mixed-script.txt");
    for width in [180.0, 400.0, 700.0, 5000.0] {
        assert!(check(text, width) >= 3);
    }
}
