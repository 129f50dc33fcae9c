//! Names seen as entities in training, looked up as token n-grams of the
//! folded text. Features from it tell the model "this was a place before";
//! during training each fold's gazetteer comes from the other folds
//! (jackknife), so the model does not learn to trust it blindly.

use std::borrow::Cow;

use hashbrown::HashTable;
use rustc_hash::FxHashMap as HashMap;

use super::table::{KeyedLines, for_each_row, hash};

use super::corpus::Sentence;
use crate::analysis::MentionType;
use crate::analysis::Text;
use crate::analysis::normalize::fold_key;
use crate::analysis::tokenize::readings;

const PREFIX: u8 = 0x80;

/// The bits of each reading of a word in a table (`None`: it neither is
/// nor begins an entry); a word has at most eight readings
/// ([`Gazetteer::firsts`]).
pub type Firsts = [Option<u8>; 8];
const MAX_LEN: usize = 5;

/// Entity strings (folded tokens joined by spaces) with their types as bits,
/// and every proper prefix marked, so that lookups stop early.
///
/// The keys lie one after another in one string and the table holds where
/// each lies: a list of 60,000 full names loads with no allocation per name,
/// and a table shipped as text ([`Gazetteer::from_table`]) is read in place.
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    keys: Cow<'static, str>,
    entries: HashTable<Entry>,
    /// For a table shipped as text and indexed by the build
    /// ([`Gazetteer::indexed`]): its lines, which `keys` holds too;
    /// `entries` is then empty.
    shipped: Option<KeyedLines>,
}

#[derive(Clone, Copy, Debug)]
struct Entry {
    /// Where the key lies in `keys`.
    start: u32,
    len: u32,
    /// Type bits, and [`PREFIX`] when it begins a longer entry.
    bits: u8,
}

fn key_of<'k>(keys: &'k str, e: &Entry) -> &'k str {
    &keys[e.start as usize..][..e.len as usize]
}

/// Two gazetteers are equal when they hold the same keys with the same bits.
impl PartialEq for Gazetteer {
    fn eq(&self, other: &Self) -> bool {
        self.rows().count() == other.rows().count()
            && self.rows().all(|(k, bits)| other.get(k) == Some(bits))
    }
}

pub fn type_bit(k: MentionType) -> u8 {
    match k {
        MentionType::Person => 1,
        MentionType::Organization => 2,
        MentionType::Place => 4,
        _ => 0,
    }
}

impl Gazetteer {
    /// See [`KeyedLines::touch`] (a shipped list; a built one, none).
    pub fn touch(&self, h: u64) -> u8 {
        self.shipped.as_ref().map_or(0, |t| t.touch(h))
    }

    pub fn insert<S: AsRef<str>>(&mut self, folded_tokens: &[S], bit: u8) {
        let key: Vec<&str> = folded_tokens.iter().map(|t| t.as_ref()).collect();
        self.insert_joined(&key.join(" "), bit);
    }

    /// [`Gazetteer::insert`] of folded tokens joined by spaces.
    pub fn insert_joined(&mut self, key: &str, bit: u8) {
        // Bytes, not characters: a space is one byte and no other
        // character's bytes include it.
        let spaces = || (0..key.len()).filter(|&i| key.as_bytes()[i] == b' ');
        if key.is_empty() || spaces().count() >= MAX_LEN {
            return;
        }
        let ends = spaces().map(|i| (i, PREFIX)).chain([(key.len(), bit)]);
        for (end, flag) in ends {
            self.mark(&key[..end], flag);
        }
    }

    /// Adds `flag` to the bits of `key`, an entry from now on.
    fn mark(&mut self, key: &str, flag: u8) {
        if self.shipped.is_some()
            && let Cow::Borrowed(text) = self.keys
        {
            // A shipped table changed: built as a table of its own first.
            *self = Gazetteer::from_table(text).unwrap_or_default();
        }
        let h = hash(key);
        let keys = &self.keys;
        if let Some(e) = self.entries.find_mut(h, |e| key_of(keys, e) == key) {
            e.bits |= flag;
            return;
        }
        let (Ok(start), Ok(len)) = (u32::try_from(self.keys.len()), u32::try_from(key.len()))
        else {
            return;
        };
        if start.checked_add(len).is_none() {
            return;
        }
        self.keys.to_mut().push_str(key);
        let keys = &self.keys;
        self.entries.insert_unique(
            h,
            Entry {
                start,
                len,
                bits: flag,
            },
            |e| hash(key_of(keys, e)),
        );
    }

    /// The bits of `key`, if it is an entry or begins one.
    fn get(&self, key: &str) -> Option<u8> {
        if let Some(table) = &self.shipped {
            return table.get(key)?.parse().ok();
        }
        self.entries
            .find(hash(key), |e| key_of(&self.keys, e) == key)
            .map(|e| e.bits)
    }

    /// Each key with its bits, in no order.
    fn rows(&self) -> Box<dyn Iterator<Item = (&str, u8)> + '_> {
        match &self.shipped {
            Some(table) => Box::new(
                table
                    .iter()
                    .filter_map(|(k, bits)| Some((k, bits.parse().ok()?))),
            ),
            None => Box::new(self.entries.iter().map(|e| (key_of(&self.keys, e), e.bits))),
        }
    }

    /// From the entities of gold sentences.
    pub fn from_sentences<'a>(sentences: impl IntoIterator<Item = &'a Sentence>) -> Self {
        let mut g = Gazetteer::default();
        for s in sentences {
            for (r, kind) in &s.entities {
                let text = s.tokens[r.clone()].join(" ");
                let t = Text::new(&text);
                let folded: Vec<String> = (0..t.tokens.len()).map(|i| fold_key(t.key(i))).collect();
                g.insert(&folded, type_bit(*kind));
            }
        }
        g
    }

    /// Whether `key` (folded tokens joined by spaces) is an entry.
    pub fn contains(&self, key: &str) -> bool {
        self.has(key, 7)
    }

    /// Whether `key` is an entry with one of the bits of `mask`.
    pub fn has(&self, key: &str, mask: u8) -> bool {
        self.get(key).is_some_and(|v| v & mask != 0)
    }

    /// The entries with one of the bits of `mask`.
    pub fn count(&self, mask: u8) -> usize {
        self.rows().filter(|(_, bits)| bits & mask != 0).count()
    }

    pub fn len(&self) -> usize {
        self.count(7)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// For each token, the (template, value) features of the n-grams around
    /// it that are entries: where it stands in the match and the type.
    pub fn features<S: AsRef<str>>(&self, folded: &[S]) -> Vec<Vec<(u8, &'static str)>> {
        self.features_with(folded, &[(1, "PER"), (2, "ORG"), (4, "LOC")], 0)
    }

    /// [`Gazetteer::features`] with other labels for the type bits and
    /// templates starting at `template`.
    pub fn features_with<S: AsRef<str>>(
        &self,
        folded: &[S],
        labels: &[(u8, &'static str)],
        template: u8,
    ) -> Vec<Vec<(u8, &'static str)>> {
        self.features_read(folded, None, None, labels, template)
    }

    /// The bits of each of `reads` ([`Firsts`]): what a walk from a token
    /// with these readings finds first, known per word.
    pub fn firsts(&self, reads: &crate::analysis::tokenize::Readings) -> Firsts {
        let mut out = [None; 8];
        for (o, (_, r)) in out.iter_mut().zip(reads) {
            *o = self.get(r);
        }
        out
    }

    /// [`Gazetteer::features_with`] with the readings of each token given,
    /// and the bits of each reading ([`Gazetteer::firsts`]).
    pub fn features_read<'a, S: AsRef<str>>(
        &self,
        folded: &'a [S],
        pre: Option<&[crate::analysis::tokenize::Readings<'a>]>,
        firsts: Option<&[Firsts]>,
        labels: &[(u8, &'static str)],
        template: u8,
    ) -> Vec<Vec<(u8, &'static str)>> {
        let [out] = self.features_of_groups(folded, pre, firsts, [(labels, template)]);
        out
    }

    /// [`Gazetteer::features_read`] for several groups of labels at once, a
    /// list of each token's features for each group: one walk over the
    /// table for lists that share it ([`LEXICONS`]). Each group's features
    /// come in the order a table of its own would give them. With
    /// `firsts` (of `pre`, the readings given), a walk looks up only the
    /// keys of two tokens or more.
    pub fn features_of_groups<'a, S: AsRef<str>, const G: usize>(
        &self,
        folded: &'a [S],
        pre: Option<&[crate::analysis::tokenize::Readings<'a>]>,
        firsts: Option<&[Firsts]>,
        groups: [(&[(u8, &'static str)], u8); G],
    ) -> [Vec<Vec<(u8, &'static str)>>; G] {
        let mut out: [Vec<Vec<(u8, &'static str)>>; G] =
            std::array::from_fn(|_| vec![Vec::new(); folded.len()]);
        let values: [Vec<[&'static str; 8]>; G] = groups.map(|(labels, _)| {
            labels
                .iter()
                .map(|(_, name)| feature_values(name))
                .collect()
        });
        // The key of the tokens from a start on, grown a token at a time.
        let mut key = String::new();
        for start in 0..folded.len() {
            if firsts.is_some_and(|f| f[start].iter().all(Option::is_none)) {
                continue;
            }
            let reads = match pre {
                Some(r) => r[start].clone(),
                None => readings(folded[start].as_ref()),
            };
            for (k, (_, first)) in reads.iter().enumerate() {
                // Most words start no entry: look before allocating.
                let found = match firsts {
                    Some(f) => f[start].get(k).copied().flatten(),
                    None => self.get(first),
                };
                let Some(mut v) = found else {
                    continue;
                };
                key.clear();
                key.push_str(first);
                let mut end = start;
                loop {
                    let n = end - start + 1;
                    for (((labels, template), values), out) in
                        groups.iter().zip(&values).zip(out.iter_mut())
                    {
                        for (&(bit, _), values) in labels.iter().zip(values) {
                            if v & bit != 0 {
                                for (k, feats) in out[start..=end].iter_mut().enumerate() {
                                    feats.reserve(8);
                                    let pos = usize::from(k > 0) * 4;
                                    feats.push((*template, values[pos]));
                                    feats.push((*template + 1, values[pos + n.min(3)]));
                                }
                            }
                        }
                    }
                    if v & PREFIX == 0 || end + 1 >= folded.len() || n >= MAX_LEN {
                        break;
                    }
                    end += 1;
                    key.push(' ');
                    key.push_str(folded[end].as_ref());
                    match self.get(&key) {
                        Some(next) => v = next,
                        None => break,
                    }
                }
            }
        }
        out
    }

    /// Every entry and prefix a line, sorted: the key, a tab, its bits
    /// (with [`PREFIX`]), what [`Gazetteer::from_table`] reads.
    pub fn to_table(&self) -> String {
        self.sorted()
            .iter()
            .map(|(k, v)| format!("{k}\t{v}\n"))
            .collect()
    }

    /// Every key with its bits, sorted by key.
    fn sorted(&self) -> Vec<(&str, u8)> {
        let mut rows: Vec<(&str, u8)> = self.rows().collect();
        rows.sort();
        rows
    }

    /// The table of [`Gazetteer::to_table`]'s text, read in place: its
    /// keys are not copied. Refused when a line has no tab or no bits, or a
    /// key comes twice.
    pub fn from_table(text: &'static str) -> Result<Gazetteer, String> {
        if text.len() >= u32::MAX as usize {
            return Err("table too large".into());
        }
        let mut entries = HashTable::with_capacity(text.len() / 16);
        for_each_row(text, |start, tab, end| {
            let (key, bits) = (&text[start..tab], &text[tab + 1..end]);
            let bits: u8 = bits
                .parse()
                .map_err(|_| format!("not a line of bits: {key:?}\t{bits:?}"))?;
            let h = hash(key);
            if entries
                .find(h, |e: &Entry| key_of(text, e) == key)
                .is_some()
            {
                return Err(format!("{key:?} comes twice"));
            }
            let e = Entry {
                start: start as u32,
                len: key.len() as u32,
                bits,
            };
            entries.insert_unique(h, e, |e: &Entry| hash(key_of(text, e)));
            Ok(())
        })?;
        Ok(Gazetteer {
            keys: Cow::Borrowed(text),
            entries,
            shipped: None,
        })
    }

    /// A table of [`Gazetteer::to_table`]'s text with the index `build.rs`
    /// made of its lines: read in place, nothing built at start (a test
    /// compares it with [`Gazetteer::from_table`] of the same text).
    pub fn indexed(text: &'static str, index: &'static [u8]) -> Gazetteer {
        Gazetteer {
            keys: Cow::Borrowed(text),
            entries: HashTable::new(),
            shipped: Some(KeyedLines::indexed(text, index)),
        }
    }

    /// One entry a line: type bits, a tab, the key.
    pub fn to_text(&self) -> String {
        self.sorted()
            .iter()
            .filter(|(_, v)| v & 7 != 0)
            .map(|(k, v)| format!("{}\t{k}\n", v & 7))
            .collect()
    }

    pub fn from_text(text: &str) -> Result<Self, String> {
        let mut g = Gazetteer::default();
        for (n, line) in text.lines().enumerate() {
            let (bits, key) = line
                .split_once('\t')
                .ok_or_else(|| format!("gazetteer line {}: no tab", n + 1))?;
            let bits: u8 = bits
                .parse()
                .map_err(|_| format!("gazetteer line {}: bad type", n + 1))?;
            g.insert_joined(key, bits);
        }
        Ok(g)
    }
}

/// The feature values of a gazetteer label, made once: «B» and «I» before
/// it, alone and with the length of the match (1, 2, 3 or more):
/// `[BX, BX1, BX2, BX3, IX, IX1, IX2, IX3]`.
fn feature_values(label: &'static str) -> [&'static str; 8] {
    static VALUES: std::sync::Mutex<Vec<(&'static str, [&'static str; 8])>> =
        std::sync::Mutex::new(Vec::new());
    let mut values = VALUES.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, v)) = values.iter().find(|(l, _)| *l == label) {
        return *v;
    }
    let make = |pos: &str, n: &str| -> &'static str { format!("{pos}{label}{n}").leak() };
    let v = [
        make("B", ""),
        make("B", "1"),
        make("B", "2"),
        make("B", "3"),
        make("I", ""),
        make("I", "1"),
        make("I", "2"),
        make("I", "3"),
    ];
    values.push((label, v));
    v
}

/// The bits of [`LEXICONS`]: a given name, a surname (for units that
/// mostly serve as such), a place, a full name, an organisation name mined
/// from Wikipedia (sure or weak, see [`super::organisations`]).
pub const GIVEN: u8 = 1;
pub const SURNAME: u8 = 2;
pub const PLACE: u8 = 4;
pub const FULL_NAME: u8 = 8;
pub const ORG_SURE: u8 = 16;
pub const ORG_WEAK: u8 = 32;

/// The name lists the recogniser reads, in one table so that a word is
/// looked up once for all of them (see `data/lexicons/` and
/// `assets/ner/`): given names and surnames and full names of people from
/// Wikidata, territory and city names from CLDR, organisation names mined
/// from Wikipedia. Each list has its bits ([`GIVEN`] and the others).
///
/// The binary carries the table made from the lists
/// (`assets/ner/lexicons.tsv`, [`lexicons_of`]), read in place: nothing is
/// folded when it starts.
pub static LEXICONS: std::sync::LazyLock<Gazetteer> = std::sync::LazyLock::new(lexicons);

/// The shipped table of [`LEXICONS`], read anew.
pub fn lexicons() -> Gazetteer {
    Gazetteer::indexed(SHIPPED_LEXICONS, SHIPPED_LEXICONS_INDEX)
}

/// The table of [`LEXICONS`] and the index of its lines, made by `build.rs`.
const SHIPPED_LEXICONS: &str = include_str!("../../../assets/ner/lexicons.tsv");
const SHIPPED_LEXICONS_INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicons.idx"));

/// The table of [`LEXICONS`] made from the lists' texts: the given names
/// and surnames, the full names and the places of `data/lexicons/`, the
/// organisations of `assets/ner/organisations.tsv`.
pub fn lexicons_of(names: &str, full_names: &str, places: &str, organisations: &str) -> Gazetteer {
    let texts = [names, full_names, places, organisations];
    // About one entry and one prefix a row: no table grows while it loads.
    let rows: usize = texts.iter().map(|t| t.lines().count()).sum();
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let mut g = Gazetteer {
        keys: Cow::Owned(String::with_capacity(2 * bytes)),
        entries: HashTable::with_capacity(2 * rows),
        shipped: None,
    };
    add_rows(&mut g, names, |cols| {
        let (name, given, surname) = (cols.next()?, cols.next()?, cols.next()?);
        let (given, surname): (u32, u32) =
            (given.parse().unwrap_or(0), surname.parse().unwrap_or(0));
        let mut bits = 0;
        if given * 3 >= given + surname {
            bits |= GIVEN;
        }
        if surname * 3 >= given + surname {
            bits |= SURNAME;
        }
        Some((fold_key(name), bits))
    });
    add_rows(&mut g, full_names, |cols| {
        Some((fold_key(cols.next()?), FULL_NAME))
    });
    add_rows(&mut g, places, |cols| {
        let t = Text::new(cols.next()?);
        let tokens: Vec<String> = (0..t.tokens.len()).map(|i| fold_key(t.key(i))).collect();
        Some((tokens.join(" "), PLACE))
    });
    super::organisations::add_to(&mut g, organisations, ORG_SURE, ORG_WEAK);
    g
}

/// Adds tab-separated rows (a `#` line is a comment) to `g`: `row` reads a
/// row's columns into its folded tokens joined by spaces (folding a name
/// whole folds each of its words) and its bits.
fn add_rows(
    g: &mut Gazetteer,
    text: &str,
    row: impl Fn(&mut std::str::Split<'_, char>) -> Option<(String, u8)>,
) {
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        if let Some((key, bits)) = row(&mut line.split('\t')) {
            g.insert_joined(&key, bits);
        }
    }
}

/// Words that announce an entity: heads of organisation names, titles
/// before a person, speech verbs, words before a place, name particles.
pub static TRIGGERS: std::sync::LazyLock<HashMap<String, &'static str>> =
    std::sync::LazyLock::new(|| {
        let groups: &[(&str, &[&str])] = &[
            (
                "org",
                &[
                    "وزارة",
                    "حركة",
                    "تنظيم",
                    "صحيفة",
                    "وكالة",
                    "جامعة",
                    "شركة",
                    "حزب",
                    "مجلس",
                    "منظمة",
                    "هيئة",
                    "جمعية",
                    "اتحاد",
                    "جبهة",
                    "بنك",
                    "مصرف",
                    "لجنة",
                    "اللجنة",
                    "محكمة",
                    "الحكومة",
                    "حكومة",
                    "جيش",
                    "الجيش",
                    "قوات",
                    "جماعة",
                    "مؤسسة",
                    "معهد",
                    "مركز",
                    "إذاعة",
                    "قناة",
                    "تلفزيون",
                    "نادي",
                    "فريق",
                    "البرلمان",
                    "الكونغرس",
                    "الأمم",
                    "مجموعة",
                    "كتائب",
                    "ائتلاف",
                    "تحالف",
                    "التحالف",
                    "رابطة",
                    "نقابة",
                    "سلطة",
                    "السلطة",
                    "مكتب",
                    "دائرة",
                    "صندوق",
                    "برنامج",
                ],
            ),
            (
                "title",
                &[
                    "الرئيس",
                    "رئيس",
                    "الرئيسة",
                    "رئيسة",
                    "الوزير",
                    "وزير",
                    "وزيرة",
                    "الملك",
                    "الأمير",
                    "الشيخ",
                    "السيد",
                    "السيدة",
                    "الدكتور",
                    "المتحدث",
                    "المتحدثة",
                    "الناطق",
                    "الجنرال",
                    "اللواء",
                    "العقيد",
                    "النائب",
                    "السفير",
                    "المبعوث",
                    "الزعيم",
                    "القائد",
                    "المستشار",
                    "الأمين",
                    "الكاتب",
                    "الصحفي",
                    "المراسل",
                    "المدرب",
                    "اللاعب",
                    "الفنان",
                    "المطرب",
                    "المخرج",
                    "البابا",
                    "الإمام",
                    "المرشد",
                    "نائب",
                    "زعيم",
                    "قائد",
                    "مدير",
                    "المدير",
                    "الأمينة",
                    "الممثل",
                    "الحاكم",
                    "المحافظ",
                    "السناتور",
                    "المستشارة",
                    "الملكة",
                ],
            ),
            (
                "speech",
                &[
                    "قال",
                    "قالت",
                    "أعلن",
                    "أعلنت",
                    "أكد",
                    "أكدت",
                    "أضاف",
                    "أضافت",
                    "صرح",
                    "صرحت",
                    "أوضح",
                    "أوضحت",
                    "نفى",
                    "نفت",
                    "ذكر",
                    "ذكرت",
                    "أشار",
                    "أشارت",
                    "اعتبر",
                    "اعتبرت",
                    "طالب",
                    "طالبت",
                    "دعا",
                    "دعت",
                ],
            ),
            (
                "place",
                &[
                    "مدينة",
                    "بلدة",
                    "قرية",
                    "منطقة",
                    "محافظة",
                    "ولاية",
                    "عاصمة",
                    "العاصمة",
                    "إقليم",
                    "جزيرة",
                    "شمال",
                    "جنوب",
                    "شرق",
                    "غرب",
                    "وسط",
                    "ضواحي",
                    "مخيم",
                    "حي",
                    "دولة",
                    "بلاد",
                    "جمهورية",
                    "مملكة",
                    "إمارة",
                ],
            ),
            (
                "kin",
                &["بن", "ابن", "أبو", "أبي", "أبا", "آل", "عبد", "أم", "بنت"],
            ),
        ];
        let mut m = HashMap::default();
        for (class, words) in groups {
            for w in *words {
                m.insert(fold_key(w), *class);
            }
        }
        m
    });

/// Words that give a sentence its topic, where a name's type depends on it:
/// in sport, a city's name is often its club (برشلونة, دينامو كييف); in
/// business, an unknown name is often a company. Bit 1 sport, bit 2
/// business. Keys folded.
pub static TOPICS: std::sync::LazyLock<HashMap<String, u8>> = std::sync::LazyLock::new(|| {
    let sport: &[&str] = &[
        "مباراة",
        "مباريات",
        "المباراة",
        "الدوري",
        "دوري",
        "بطولة",
        "البطولة",
        "كأس",
        "هدف",
        "أهداف",
        "الأهداف",
        "الفريق",
        "فريق",
        "المنتخب",
        "منتخب",
        "لاعب",
        "اللاعب",
        "لاعبي",
        "لاعبين",
        "اللاعبين",
        "المدرب",
        "مدرب",
        "نادي",
        "النادي",
        "الملعب",
        "ملعب",
        "تعادل",
        "التعادل",
        "فوز",
        "الفوز",
        "فاز",
        "هزم",
        "خسر",
        "مرمى",
        "المرمى",
        "الكرة",
        "كرة",
        "الشوط",
        "شوط",
        "ركلة",
        "ضربة",
        "جزاء",
        "المجموعة",
        "تصفيات",
        "ذهاب",
        "إياب",
        "دقيقة",
        "الدقيقة",
        "نهائي",
        "النهائي",
        "نصف",
        "ربع",
        "الأبطال",
        "أبطال",
        "بطل",
        "لقب",
        "اللقب",
        "التأهل",
        "تأهل",
        "المدافع",
        "المهاجم",
        "مهاجم",
        "الحارس",
        "حارس",
        "الرياضة",
        "رياضة",
        "الرياضي",
        "الرياضية",
        "ميدالية",
        "الأولمبية",
        "الأولمبي",
        "سباق",
        "السباق",
        "التنس",
        "الجولة",
        "جولة",
        "المرحلة",
        "الترتيب",
        "نقطة",
        "نقاط",
        "الصدارة",
        "الهبوط",
        "الإعارة",
        "انتقال",
        "الانتقالات",
        "عقد",
        "موسم",
        "الموسم",
    ];
    let business: &[&str] = &[
        "شركة",
        "الشركة",
        "شركات",
        "الشركات",
        "أسهم",
        "الأسهم",
        "سهم",
        "السوق",
        "الأسواق",
        "بورصة",
        "البورصة",
        "مبيعات",
        "المبيعات",
        "أرباح",
        "الأرباح",
        "سيارة",
        "سيارات",
        "السيارات",
        "صفقة",
        "الصفقة",
        "استثمار",
        "الاستثمار",
        "المستثمرين",
        "إنتاج",
        "الإنتاج",
        "منتجات",
        "تكنولوجيا",
        "التكنولوجيا",
        "البرمجيات",
        "الهاتف",
        "مصنع",
        "المصنع",
        "العملاق",
        "دولار",
        "يورو",
        "مليار",
        "عائدات",
        "إيرادات",
        "الإيرادات",
        "العلامة",
        "التجارية",
    ];
    let mut m = HashMap::default();
    for (bit, words) in [(1u8, sport), (2, business)] {
        for w in words {
            *m.entry(fold_key(w)).or_insert(0) |= bit;
        }
    }
    m
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn n_gram_matches_after_proclitics() {
        let s = super::super::corpus::parse("في O\nالولايات B-LOC\nالمتحدة I-LOC\n").unwrap();
        let g = Gazetteer::from_sentences(&s);
        assert_eq!(g.len(), 1);
        let folded: Vec<String> = ["وصل", "والولايات", "المتحده"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let f = g.features(&folded);
        assert!(f[0].is_empty());
        assert!(f[1].contains(&(0, "BLOC")));
        assert!(f[2].contains(&(0, "ILOC")));
        assert!(f[2].contains(&(1, "ILOC2")));
        assert_eq!(Gazetteer::from_text(&g.to_text()).unwrap(), g);
    }

    /// Keys kept one after another in one string: a key that is also the
    /// prefix of a longer one keeps both marks, types add up, and the order
    /// of insertion does not matter.
    #[test]
    fn entries_and_prefixes_share_one_string_of_keys() {
        let mut a = Gazetteer::default();
        a.insert_joined("بنك", 2);
        a.insert_joined("بنك مصر", 2);
        a.insert_joined("مصر", 4);
        a.insert_joined("بنك مصر", 1);
        a.insert_joined("ا ب ت ث ج ح", 4);
        let mut b = Gazetteer::default();
        b.insert(&["بنك", "مصر"], 3);
        b.insert(&["مصر"], 4);
        b.insert(&["بنك"], 2);
        assert_eq!(a, b);
        assert_eq!(a.get("بنك"), Some(2 | PREFIX));
        assert_eq!(a.get("بنك مصر"), Some(3));
        assert_eq!(a.get("بن"), None);
        assert!(!a.contains("ا"), "six words are more than an entry holds");
        assert_eq!(a.len(), 3);
        assert_eq!(a.to_text(), "2\tبنك\n3\tبنك مصر\n4\tمصر\n");
    }

    /// Lists sharing one table give each list's features as a table of its
    /// own would, in the same order, even where one list's entry is the
    /// prefix of another's.
    #[test]
    fn lists_in_one_table_read_as_lists_apart() {
        let people = [("محمد", 1), ("محمد علي", 1), ("علي", 2)];
        let places = [("محمد", 1), ("علي بابا", 1), ("بغداد", 1)];
        let (mut a, mut b, mut both) = (
            Gazetteer::default(),
            Gazetteer::default(),
            Gazetteer::default(),
        );
        for (k, bit) in people {
            a.insert_joined(k, bit);
            both.insert_joined(k, bit);
        }
        for (k, bit) in places {
            b.insert_joined(k, bit);
            both.insert_joined(k, bit << 2);
        }
        let folded = ["قال", "محمد", "علي", "بابا", "في", "وبغداد", "محمد"];
        let [x, y] = both.features_of_groups(
            &folded,
            None,
            None,
            [(&[(1, "P1"), (2, "P2")], 2), (&[(4, "L")], 8)],
        );
        assert_eq!(x, a.features_with(&folded, &[(1, "P1"), (2, "P2")], 2));
        assert_eq!(y, b.features_with(&folded, &[(1, "L")], 8));
        assert!(!y[5].is_empty(), "a proclitic does not hide a place");
    }

    /// The walk told each reading's bits by the word (as the recogniser's
    /// memo does) finds what it finds looking them up.
    #[test]
    fn a_walk_told_the_first_bits_finds_what_a_walk_looking_them_up_finds() {
        let mut g = Gazetteer::default();
        for (k, bit) in [("محمد", 1), ("محمد علي", 1), ("علي بابا", 4), ("بغداد", 4)]
        {
            g.insert_joined(k, bit);
        }
        let folded = ["قال", "محمد", "علي", "بابا", "في", "وبغداد", "ومحمد", "علي"];
        let reads: Vec<_> = folded.iter().map(|w| readings(w)).collect();
        let firsts: Vec<Firsts> = reads.iter().map(|r| g.firsts(r)).collect();
        let labels = [(1, "P"), (4, "L")];
        let told = g.features_read(&folded, Some(&reads), Some(&firsts), &labels, 0);
        assert_eq!(told, g.features_with(&folded, &labels, 0));
        assert!(!told[5].is_empty() && !told[7].is_empty());
        assert!(told[0].is_empty() && told[4].is_empty());
    }

    #[test]
    fn the_shipped_lexicons_read_through_the_index_are_the_table() {
        let built = Gazetteer::from_table(SHIPPED_LEXICONS).unwrap();
        let indexed = lexicons();
        // Equal each way: every key of each with the same bits in the other.
        assert!(indexed == built);
        assert!(built == indexed);
        assert_eq!(indexed.count(7), built.count(7));
        assert!(indexed.contains(&fold_key("بغداد")));
        assert_eq!(indexed.get("zzzz"), None);
        // A shipped table that changes becomes a table of its own.
        let mut changed = lexicons();
        changed.insert_joined("مرصدي تجريبي", 2);
        assert!(changed.has("مرصدي تجريبي", 2));
        assert_eq!(changed.count(7), built.count(7) + 1);
        assert!(changed.contains(&fold_key("بغداد")));
    }

    /// The table shipped is the one made from the lists. After a list or
    /// the folding changes, `MARSAD_BLESS=1 cargo test --release
    /// the_shipped_lexicons_are_made_from_the_lists` writes it anew.
    #[test]
    fn the_shipped_lexicons_are_made_from_the_lists() {
        let made = lexicons_of(
            include_str!("../../../data/lexicons/person-names.tsv"),
            include_str!("../../../data/lexicons/person-full-names.tsv"),
            include_str!("../../../data/lexicons/places.tsv"),
            include_str!("../../../assets/ner/organisations.tsv"),
        )
        .to_table();
        if std::env::var_os("MARSAD_BLESS").is_some() {
            let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
            std::fs::write(root.join("assets/ner/lexicons.tsv"), &made).unwrap();
            return;
        }
        let shipped = include_str!("../../../assets/ner/lexicons.tsv");
        assert!(
            made == shipped,
            "assets/ner/lexicons.tsv is stale: bless it"
        );
        let table = Gazetteer::from_table(shipped).unwrap();
        assert_eq!(table.to_table(), made);
        assert!(Gazetteer::from_table("ا\t1\nا\t2\n").is_err());
        assert!(Gazetteer::from_table("ا 1\n").is_err());
        assert!(Gazetteer::from_table("ا\tx\n").is_err());
    }

    #[test]
    fn person_names_know_given_names_and_surnames() {
        let folded: Vec<String> = ["قال", "محمد", "السوداني"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let f = LEXICONS.features_with(&folded, &[(GIVEN, "GIVEN"), (SURNAME, "SUR")], 2);
        assert!(f[1].contains(&(2, "BGIVEN")), "{:?}", f[1]);
        assert!(LEXICONS.count(GIVEN | SURNAME) > 10_000);
        assert!(LEXICONS.count(FULL_NAME) > 50_000);
        assert!(LEXICONS.count(PLACE) > 300);
    }
}
