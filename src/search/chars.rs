//! Per-character facts the matcher needs, looked up in one dense table:
//! the simplified, lower-cased form of a character and its pinyin readings.
//!
//! Built once per process (a few milliseconds) so that normalising a line
//! costs one array lookup per character, which matters for `fengong filter`
//! over a million lines.

use std::sync::OnceLock;

use pinyin::ToPinyinMulti;

/// First and last code point covered by the table: CJK Extension A and the
/// Unified Ideographs block, where all characters of the seed documents live.
const CJK_FIRST: u32 = 0x3400;
const CJK_LAST: u32 = 0x9FFF;

#[derive(Clone, Copy, Default)]
struct Entry {
    /// The simplified form (the character itself when already simplified).
    simplified: char,
    /// Readings of the simplified form: `readings[start..start + count]`,
    /// most common reading first.
    start: u32,
    count: u8,
    /// Bit `n` set when some reading contains the letter `'a' + n`.
    letters: u32,
    /// Bit `n` set when some reading starts with the letter `'a' + n`.
    initials: u32,
}

struct Table {
    entries: Vec<Entry>,
    /// Plain readings without tones, `ü` written `v` as people type it.
    readings: Vec<Box<str>>,
    /// For each entry of `readings`, its syllable number in `syllables`.
    reading_ids: Vec<u16>,
    /// Every distinct plain syllable (about 400).
    syllables: Vec<Box<str>>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(build_table)
}

fn build_table() -> Table {
    let mut entries = Vec::with_capacity((CJK_LAST - CJK_FIRST + 1) as usize);
    let mut readings: Vec<Box<str>> = Vec::new();
    let mut buf = [0u8; 4];
    for code in CJK_FIRST..=CJK_LAST {
        let Some(c) = char::from_u32(code) else {
            entries.push(Entry::default());
            continue;
        };
        // Context-free conversion: the few context-dependent cases fast2s
        // knows (著 → 着 only in 看著) do not matter for finding names.
        let converted = fast2s::convert(c.encode_utf8(&mut buf));
        let simplified = single_char(&converted).unwrap_or(c);
        let start = readings.len() as u32;
        let mut letters = 0u32;
        let mut initials = 0u32;
        let multi = simplified.to_pinyin_multi().or_else(|| c.to_pinyin_multi());
        if let Some(multi) = multi {
            for p in multi {
                let plain: Box<str> = p.plain().replace('ü', "v").into();
                // Tones are dropped, so 和 (hé, hè, huó, huò, hú) gives he, huo, hu.
                if readings[start as usize..].contains(&plain) {
                    continue;
                }
                for b in plain.bytes().filter(u8::is_ascii_lowercase) {
                    letters |= 1 << (b - b'a');
                }
                if let Some(b) = plain.bytes().next().filter(u8::is_ascii_lowercase) {
                    initials |= 1 << (b - b'a');
                }
                readings.push(plain);
            }
        }
        let count = (readings.len() as u32 - start).min(u8::MAX as u32) as u8;
        entries.push(Entry {
            simplified,
            start,
            count,
            letters,
            initials,
        });
    }
    let mut syllables: Vec<Box<str>> = readings.clone();
    syllables.sort();
    syllables.dedup();
    let reading_ids = readings
        .iter()
        .map(|r| syllables.binary_search(r).unwrap_or(0) as u16)
        .collect();
    Table {
        entries,
        readings,
        reading_ids,
        syllables,
    }
}

fn single_char(s: &str) -> Option<char> {
    let mut it = s.chars();
    let c = it.next()?;
    it.next().is_none().then_some(c)
}

fn entry(c: char) -> Option<&'static Entry> {
    let code = c as u32;
    if (CJK_FIRST..=CJK_LAST).contains(&code) {
        Some(&table().entries[(code - CJK_FIRST) as usize])
    } else {
        None
    }
}

/// The form a character is compared in: simplified, lower case, and
/// full-width ASCII (`ＩＰｖ６`) folded to ASCII. Always one char for one
/// char, so positions in the normalised text are positions in the original.
pub fn normalise(c: char) -> char {
    if let Some(e) = entry(c) {
        return e.simplified;
    }
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let c = match c as u32 {
        // Full-width forms of ASCII 0x21..=0x7E.
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c),
        0x3000 => ' ',
        _ => c,
    };
    if c.is_uppercase() {
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) => l,
            _ => c,
        }
    } else {
        c.to_ascii_lowercase()
    }
}

/// Normalises a whole string with [`normalise`].
pub fn normalise_str(s: &str) -> String {
    s.chars().map(normalise).collect()
}

/// The pinyin readings (without tones) of a normalised character, most
/// common first; empty for anything that is not a Chinese character.
pub fn readings(c: char) -> &'static [Box<str>] {
    match entry(c) {
        Some(e) if e.count > 0 => {
            let t = table();
            &t.readings[e.start as usize..e.start as usize + e.count as usize]
        }
        _ => &[],
    }
}

/// The syllable numbers of [`readings`], in the same order.
pub fn reading_ids(c: char) -> &'static [u16] {
    match entry(c) {
        Some(e) if e.count > 0 => {
            let t = table();
            &t.reading_ids[e.start as usize..e.start as usize + e.count as usize]
        }
        _ => &[],
    }
}

/// All distinct syllables, indexed by the numbers [`reading_ids`] returns.
pub fn syllables() -> &'static [Box<str>] {
    &table().syllables
}

/// Whether `c` is a Chinese character with at least one reading.
pub fn has_readings(c: char) -> bool {
    entry(c).is_some_and(|e| e.count > 0)
}

/// A 64-bit summary of what a text can match, used to reject candidates
/// before running the aligner: bits 0..26 for letters (typed or reachable
/// through a reading), bits 26..64 a hash of every other character.
/// A query can only match a text whose mask contains the query's mask.
pub fn mask_of_char(c: char) -> u64 {
    if c.is_ascii_lowercase() {
        return 1 << (c as u8 - b'a');
    }
    let mut m = 0;
    if let Some(e) = entry(c) {
        m |= e.letters as u64;
    }
    m | other_bit(c)
}

/// Letters a match can start a syllable (or a typed letter) with at `c`:
/// bit `n` for `'a' + n`.
pub fn initials_of_char(c: char) -> u32 {
    if c.is_ascii_lowercase() {
        return 1 << (c as u8 - b'a');
    }
    entry(c).map_or(0, |e| e.initials)
}

/// Letters of `term` that must start a syllable (or be typed literally)
/// in any text matching it: those no syllable can reach from an earlier
/// letter. `fgj` needs f, g and j; `fagai` needs f and g.
pub fn required_initials(term: &[char]) -> u32 {
    let syllables = &table().syllables;
    let mut need = 0;
    for i in 0..term.len() {
        let c = term[i];
        if !c.is_ascii_lowercase() {
            continue;
        }
        let continues = (i.saturating_sub(5)..i).any(|k| {
            term[k..i].iter().all(char::is_ascii_lowercase) && {
                let p: String = term[k..=i].iter().collect();
                syllables.iter().any(|s| s.starts_with(p.as_str()))
            }
        });
        if !continues {
            need |= 1 << (c as u8 - b'a');
        }
    }
    need
}

/// The mask bit a query character needs: its letter bit, or its hash bit.
pub fn query_bit(c: char) -> u64 {
    if c.is_ascii_lowercase() {
        1 << (c as u8 - b'a')
    } else {
        other_bit(c)
    }
}

fn other_bit(c: char) -> u64 {
    // Multiplicative hash into the 38 upper bits.
    let h = (c as u32).wrapping_mul(0x9E37_79B1) >> 16;
    1 << (26 + (h % 38))
}

// (character, neighbour before, neighbour after, reading); every
// character here is listed in `has_word_readings`.
const WORDS: &[(char, Option<char>, Option<char>, &str)] = &[
    ('重', None, Some('庆'), "chong"),
    ('重', None, Some('新'), "chong"),
    ('重', None, Some('复'), "chong"),
    ('重', None, Some('建'), "chong"),
    ('重', None, Some('阳'), "chong"),
    ('行', Some('银'), None, "hang"),
    ('行', None, Some('业'), "hang"),
    ('行', None, Some('长'), "hang"),
    ('行', Some('同'), None, "hang"),
    ('长', None, Some('沙'), "chang"),
    ('长', None, Some('江'), "chang"),
    ('长', None, Some('期'), "chang"),
    ('长', None, Some('效'), "chang"),
    ('长', None, Some('远'), "chang"),
    ('长', None, Some('度'), "chang"),
    ('长', None, Some('廊'), "chang"),
    ('长', Some('延'), None, "chang"),
    ('长', Some('专'), None, "chang"),
    ('长', Some('擅'), None, "chang"),
    ('厦', None, Some('门'), "xia"),
    ('会', None, Some('计'), "kuai"),
    ('调', None, Some('查'), "diao"),
    ('调', None, Some('研'), "diao"),
    ('调', None, Some('度'), "diao"),
    ('调', None, Some('整'), "tiao"),
    ('调', None, Some('节'), "tiao"),
    ('调', None, Some('控'), "tiao"),
    ('调', Some('协'), None, "tiao"),
    ('都', None, Some('斛'), "du"),
    ('都', None, Some('市'), "du"),
    ('都', Some('首'), None, "du"),
    ('乐', None, Some('器'), "yue"),
    ('乐', Some('音'), None, "yue"),
    ('种', None, Some('植'), "zhong"),
    ('种', None, Some('养'), "zhong"),
    ('单', None, Some('县'), "shan"),
    ('参', None, Some('与'), "can"),
    ('藏', Some('西'), None, "zang"),
];

/// The reading a character takes in a known word when that is not its most
/// common reading on its own: the default gets 重庆 (zhongqing), 银行
/// (yinxing) and 长沙 (zhangsha) wrong. Only polyphonic characters are looked
/// up, with their neighbours.
pub fn word_reading(prev: Option<char>, c: char, next: Option<char>) -> Option<&'static str> {
    // Called for every polyphonic character the matcher passes, so the
    // common case (no word known for it) must be one comparison.
    if !has_word_readings(c) {
        return None;
    }
    WORDS
        .iter()
        .find(|(w, before, after, _)| {
            *w == c
                && before.is_none_or(|b| Some(b) == prev)
                && after.is_none_or(|a| Some(a) == next)
        })
        .map(|&(_, _, _, r)| r)
}

/// Whether [`word_reading`] knows words for `c`.
pub fn has_word_readings(c: char) -> bool {
    matches!(
        c,
        '重' | '行' | '长' | '厦' | '会' | '调' | '都' | '乐' | '种' | '单' | '参' | '藏'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_traditional_case_and_full_width() {
        assert_eq!(normalise_str("發展和改革局"), "发展和改革局");
        assert_eq!(normalise_str("臺城"), "台城");
        assert_eq!(normalise_str("ＩＰｖ6 AbC"), "ipv6 abc");
        assert_eq!(normalise_str("發展").chars().count(), 2);
    }

    #[test]
    fn polyphonic_characters_have_every_reading_common_first() {
        let has = |c: char, r: &str| readings(c).iter().any(|x| &**x == r);
        assert_eq!(readings('发').first().map(|r| &**r), Some("fa"));
        assert!(
            has('重', "zhong") && has('重', "chong"),
            "{:?}",
            readings('重')
        );
        assert!(has('行', "hang") && has('行', "xing"));
        assert!(has('长', "chang") && has('长', "zhang"));
        assert!(has('绿', "lv"), "{:?}", readings('绿'));
        assert!(readings('a').is_empty());
    }

    #[test]
    fn every_word_character_is_flagged() {
        for (c, ..) in WORDS {
            assert!(has_word_readings(*c), "{c}");
            assert!(readings(*c).len() > 1, "{c}");
        }
    }

    #[test]
    fn initials_a_term_needs() {
        let bits = |s: &str| s.bytes().fold(0u32, |m, b| m | 1 << (b - b'a'));
        let term = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(required_initials(&term("fgj")), bits("fgj"));
        assert_eq!(required_initials(&term("fagai")), bits("fg"));
        assert_eq!(required_initials(&term("taicheng")), bits("tc"));
        assert_eq!(required_initials(&term("发g")), bits("g"));
        assert_eq!(initials_of_char('发'), bits("f"));
    }

    #[test]
    fn syllables_are_interned() {
        let ids = reading_ids('重');
        assert_eq!(ids.len(), readings('重').len());
        for (id, r) in ids.iter().zip(readings('重')) {
            assert_eq!(&syllables()[*id as usize], r);
        }
        assert!(syllables().len() > 300 && syllables().len() < 600);
    }

    #[test]
    fn word_readings_override_the_character_default() {
        assert_eq!(word_reading(None, '重', Some('庆')), Some("chong"));
        assert_eq!(word_reading(Some('银'), '行', None), Some("hang"));
        assert_eq!(word_reading(None, '长', Some('沙')), Some("chang"));
        assert_eq!(word_reading(None, '长', Some('大')), None);
    }

    #[test]
    fn masks_cover_readings_and_literals() {
        let m = "发改".chars().fold(0, |m, c| m | mask_of_char(c));
        for c in "fagai".chars() {
            assert_ne!(m & query_bit(c), 0);
        }
        assert_ne!(m & query_bit('发'), 0);
    }
}
