//! Deadlines as dates: the words a plan writes, read as a date range.
//!
//! `2025年底前` → by 2025-12-31; `2022年10月底前` → by 2022-10-31; `年内`
//! and `年底前` → by the end of the plan's year (from its date, else its
//! title); `2023—2025年` → a span from 2023-01-01 to 2025-12-31; `持续推进`
//! and `长期坚持` → ongoing; `每年12月底前` → yearly. Words that name no date
//! are `unparsed`: kept as written, and reported by the extractor.
//!
//! Where plans are ambiguous the rules are (docs/FORMAT.md lists them too):
//! - `前`, `之前`, `以内`, `内` after a period mean *by its end*:
//!   `2025年前` and `2025年内` are by 2025-12-31, `6月前` by 30 June (the
//!   way 分工方案 use them, not "before 1 June").
//! - `上旬` ends on the 10th, `中旬` on the 20th, `下旬`/`底`/`末` on the
//!   month's last day; `年初` ends with the first quarter, `年中` with June.
//! - A list (`2022年6月底前、12月底前`) is due by its latest date; a later
//!   item without a year takes the earlier item's year.
//! - A date and a standing phrase (`2022年底前完成并长期坚持`) is due by the
//!   date: that is the part that can be checked. Standing work within a
//!   period (`年内持续推进`) spans the period and is due at its end.
//! - `三年内` is by the end of the plan's year + 2 (the plan's first year
//!   counts as one).
//!
//! Everything here is a pure function of the words, the plan's year and a
//! `today` passed in: no clock is read, so tests and reports can fix the date.

use chrono::{Datelike, Days, NaiveDate};

use serde::{Deserialize, Serialize};

/// A deadline read as dates (this module): `2025年底前` is
/// `{ by, end: 2025-12-31 }`, `2023—2025年` a span, `持续推进` ongoing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Due {
    pub kind: DueKind,
    /// First day, `YYYY-MM-DD` (spans, and ongoing work that says when it starts).
    pub start: Option<String>,
    /// Last day, `YYYY-MM-DD`; for `yearly` the day in every year (`--12-31`),
    /// for `monthly` the day in every month (`---10`) or `null` for its end.
    pub end: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DueKind {
    /// Done by `end` (`2025年底前`, `2022年10月`, `年内`).
    By,
    /// Worked on from `start` to `end` (`2023—2025年`).
    Span,
    /// Every year by the day in `end` (`每年12月底前`).
    Yearly,
    /// Every half year, by 30 June and 31 December (`每半年`).
    HalfYearly,
    /// Every quarter, by its last day (`每季度`).
    Quarterly,
    /// Every month, by the day in `end` or the month's last day (`每月`).
    Monthly,
    /// Standing work without an end (`持续推进`, `长期坚持`).
    Ongoing,
    /// Words that name no date fengong can read; kept as written and
    /// reported by the extractor.
    Unparsed,
}

/// Reads deadline words as dates. `plan_year` resolves words without a
/// year (`年内`, `6月底前`); without it they are unparsed.
pub fn read(words: &str, plan_year: Option<i32>) -> Due {
    let prepared = prepare(words);
    parse(&prepared, plan_year).unwrap_or(Due {
        kind: DueKind::Unparsed,
        start: None,
        end: None,
    })
}

/// The year a plan speaks of when it says `年内`: the year of its date,
/// else the earliest year its title names (`2022年政府工作报告…`,
/// `…三年行动方案（2023—2025年）`), leaving out far targets (`2035年远景目标`).
pub fn plan_year(date: Option<&str>, title: &str) -> Option<i32> {
    if let Some(y) = date.and_then(|d| d.get(..4)).and_then(|y| y.parse().ok()) {
        return Some(y);
    }
    let title: Vec<char> = prepare(title);
    let mut best: Option<i32> = None;
    let mut i = 0;
    while i + 4 <= title.len() {
        if title[i..i + 4].iter().all(char::is_ascii_digit)
            && (i == 0 || !title[i - 1].is_ascii_digit())
            && title.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
        {
            let year: i32 = title[i..i + 4]
                .iter()
                .collect::<String>()
                .parse()
                .unwrap_or(0);
            let rest: String = title[i + 4..].iter().take(4).collect();
            let far_target = rest.contains("远景");
            if (1949..=2200).contains(&year) && !far_target {
                best = Some(best.map_or(year, |b| b.min(year)));
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    best
}

/// A [`Due`] with its dates parsed, for arithmetic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    By(NaiveDate),
    Span(NaiveDate, NaiveDate),
    /// Every year by month/day.
    Yearly(u32, u32),
    HalfYearly,
    Quarterly,
    /// Every month by the day, or by its last day.
    Monthly(Option<u32>),
    /// Standing work, perhaps from a start date.
    Ongoing(Option<NaiveDate>),
    /// Words that name no date.
    Unread,
}

impl When {
    /// The typed form of a stored [`Due`]; malformed dates (a hand-edited
    /// file) read as [`When::Unread`].
    pub fn of(due: &Due) -> When {
        let date = |s: &Option<String>| s.as_deref().and_then(parse_iso);
        match due.kind {
            DueKind::By => date(&due.end).map_or(When::Unread, When::By),
            DueKind::Span => match (date(&due.start), date(&due.end)) {
                (Some(s), Some(e)) => When::Span(s, e),
                (None, Some(e)) => When::By(e),
                _ => When::Unread,
            },
            DueKind::Yearly => due
                .end
                .as_deref()
                .and_then(|e| e.strip_prefix("--"))
                .and_then(|md| {
                    let (m, d) = md.split_once('-')?;
                    let (m, d) = (m.parse().ok()?, d.parse().ok()?);
                    // Valid in a leap year (29 Feb is allowed).
                    NaiveDate::from_ymd_opt(2000, m, d).map(|_| When::Yearly(m, d))
                })
                .unwrap_or(When::Unread),
            DueKind::HalfYearly => When::HalfYearly,
            DueKind::Quarterly => When::Quarterly,
            DueKind::Monthly => When::Monthly(
                due.end
                    .as_deref()
                    .and_then(|e| e.strip_prefix("---"))
                    .and_then(|d| d.parse().ok())
                    .filter(|d| (1..=31).contains(d)),
            ),
            DueKind::Ongoing => When::Ongoing(date(&due.start)),
            DueKind::Unparsed => When::Unread,
        }
    }

    /// The day by which the work is next due as seen on `today`: the end
    /// of a dated deadline (past or not), the next occurrence of a
    /// recurring one; `None` for standing or unread words.
    pub fn next_end(&self, today: NaiveDate) -> Option<NaiveDate> {
        match *self {
            When::By(e) | When::Span(_, e) => Some(e),
            When::Yearly(m, d) => {
                let this_year = yearly_date(today.year(), m, d)?;
                if this_year >= today {
                    Some(this_year)
                } else {
                    yearly_date(today.year() + 1, m, d)
                }
            }
            When::HalfYearly => {
                let m = if today.month() <= 6 { 6 } else { 12 };
                month_end(today.year(), m)
            }
            When::Quarterly => month_end(today.year(), today.month().div_ceil(3) * 3),
            When::Monthly(day) => {
                let end = month_end(today.year(), today.month())?;
                match day {
                    None => Some(end),
                    Some(d) => {
                        let this = today.with_day(d.min(end.day()))?;
                        if this >= today {
                            Some(this)
                        } else {
                            let next = end.checked_add_days(Days::new(1))?;
                            let next_end = month_end(next.year(), next.month())?;
                            next.with_day(d.min(next_end.day()))
                        }
                    }
                }
            }
            When::Ongoing(_) | When::Unread => None,
        }
    }

    /// Days past a dated deadline on `today` (1 the day after it), or
    /// `None` when it has not passed or cannot pass (recurring, standing).
    pub fn days_late(&self, today: NaiveDate) -> Option<i64> {
        match *self {
            When::By(e) | When::Span(_, e) if e < today => Some((today - e).num_days()),
            _ => None,
        }
    }
}

/// Where a task falls in the deadline view, relative to a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Bucket {
    /// A dated deadline that has passed.
    Overdue,
    /// Due within 30 days (today included).
    Within30,
    /// Due in 31 to 90 days.
    Within90,
    Later,
    /// Standing work (`持续推进`).
    Ongoing,
    /// No deadline, or words that name no date.
    None,
}

impl Bucket {
    pub const ALL: [Bucket; 6] = [
        Bucket::Overdue,
        Bucket::Within30,
        Bucket::Within90,
        Bucket::Later,
        Bucket::Ongoing,
        Bucket::None,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Bucket::Overdue => "逾期",
            Bucket::Within30 => "30天内到期",
            Bucket::Within90 => "90天内到期",
            Bucket::Later => "90天以后",
            Bucket::Ongoing => "持续推进",
            Bucket::None => "无时限",
        }
    }

    /// The key used in JSON output.
    pub fn key(self) -> &'static str {
        match self {
            Bucket::Overdue => "overdue",
            Bucket::Within30 => "within_30_days",
            Bucket::Within90 => "within_90_days",
            Bucket::Later => "later",
            Bucket::Ongoing => "ongoing",
            Bucket::None => "none",
        }
    }
}

/// The bucket of a task's deadline on `today`.
pub fn bucket(due: Option<&Due>, today: NaiveDate) -> Bucket {
    let Some(due) = due else {
        return Bucket::None;
    };
    let when = When::of(due);
    match when {
        When::Ongoing(_) => Bucket::Ongoing,
        When::Unread => Bucket::None,
        _ => match when.next_end(today) {
            Some(e) if e < today => Bucket::Overdue,
            Some(e) => match (e - today).num_days() {
                0..=30 => Bucket::Within30,
                31..=90 => Bucket::Within90,
                _ => Bucket::Later,
            },
            None => Bucket::None,
        },
    }
}

/// The dates of a deadline for a table cell: `2025-12-31`,
/// `2023-01-01—2025-12-31`, `每年12-31`, `持续`; empty when unread.
pub fn describe(due: &Due) -> String {
    match When::of(due) {
        When::By(e) => e.to_string(),
        When::Span(s, e) => format!("{s}—{e}"),
        When::Yearly(m, d) => format!("每年{m:02}-{d:02}"),
        When::HalfYearly => "每半年".into(),
        When::Quarterly => "每季度末".into(),
        When::Monthly(None) => "每月底".into(),
        When::Monthly(Some(d)) => format!("每月{d}日"),
        When::Ongoing(None) => "持续".into(),
        When::Ongoing(Some(s)) => format!("{s}起持续"),
        When::Unread => String::new(),
    }
}

/// A date as `YYYY-MM-DD` (also the `--today` form).
pub fn parse_iso(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

/// Today's date in the local time zone.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
}

/// `m`/`d` in `year`; 29 February falls back to the 28th in other years.
fn yearly_date(year: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, m, d).or_else(|| NaiveDate::from_ymd_opt(year, m, d - 1))
}

// ---------------------------------------------------------------------------
// Parsing

/// Full-width digits and letters made ASCII, Chinese-numeral years
/// (`二〇二五年`) made digits, numeric dates (`2022.6.30`, `2022-06`) made
/// `2022年6月30日`, whitespace removed.
fn prepare(words: &str) -> Vec<char> {
    let mut c: Vec<char> = words
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '〜' => '~',
            _ => c,
        })
        .collect();
    // 二〇二五年 → 2025年.
    let mut i = 0;
    while i + 4 < c.len() {
        if c[i + 4] == '年' && c[i..i + 4].iter().all(|&d| cn_digit(d).is_some()) {
            for k in 0..4 {
                c[i + k] = char::from_digit(cn_digit(c[i + k]).unwrap(), 10).unwrap();
            }
            i += 5;
        } else {
            i += 1;
        }
    }
    numeric_dates(&c)
}

/// `2022.6.30` / `2022-06-30` / `2022/6` → `2022年6月30日` / `2022年6月`.
/// `2023-2025` stays a span: the part after the year has at most two digits.
fn numeric_dates(c: &[char]) -> Vec<char> {
    let digits_at = |i: usize, max: usize| -> usize {
        c[i.min(c.len())..]
            .iter()
            .take(max + 1)
            .take_while(|d| d.is_ascii_digit())
            .count()
    };
    let mut out = Vec::with_capacity(c.len() + 4);
    let mut i = 0;
    while i < c.len() {
        let starts_number = i == 0 || !c[i - 1].is_ascii_digit();
        if starts_number && digits_at(i, 4) == 4 && i + 4 < c.len() && ".-/".contains(c[i + 4]) {
            let sep = c[i + 4];
            let m_len = digits_at(i + 5, 2);
            if (1..=2).contains(&m_len) {
                let after_m = i + 5 + m_len;
                out.extend(&c[i..i + 4]);
                out.push('年');
                out.extend(&c[i + 5..after_m]);
                out.push('月');
                i = after_m;
                if i < c.len() && c[i] == sep {
                    let d_len = digits_at(i + 1, 2);
                    if (1..=2).contains(&d_len) {
                        out.extend(&c[i + 1..i + 1 + d_len]);
                        out.push('日');
                        i += 1 + d_len;
                    }
                }
                continue;
            }
        }
        out.push(c[i]);
        i += 1;
    }
    out
}

fn cn_digit(c: char) -> Option<u32> {
    match c {
        '〇' | '零' => Some(0),
        '一' => Some(1),
        '二' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '七' => Some(7),
        '八' => Some(8),
        '九' => Some(9),
        _ => None,
    }
}

/// Which year a point names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum YearRef {
    Abs(i32),
    /// The plan's year plus an offset (`年内` 0, `明年` 1).
    Plan(i32),
    /// Not said: taken from a neighbouring point, else the plan's year.
    Missing,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MonthPart {
    Whole,
    Early,
    Middle,
    Late,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Period {
    Year,
    Half(u32),
    Quarter(u32),
    /// `年初`: the first quarter.
    YearStart,
    /// `年中`: the first half.
    YearMid,
    Month(u32, MonthPart),
    Day(u32, u32),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Point {
    year: YearRef,
    period: Period,
}

impl Point {
    fn year(&self, context: Option<i32>, plan: Option<i32>) -> Option<i32> {
        match self.year {
            YearRef::Abs(y) => Some(y),
            YearRef::Plan(k) => plan.map(|p| p + k),
            YearRef::Missing => context.or(plan),
        }
    }

    fn range(&self, year: i32) -> Option<(NaiveDate, NaiveDate)> {
        let ymd = NaiveDate::from_ymd_opt;
        Some(match self.period {
            Period::Year => (ymd(year, 1, 1)?, ymd(year, 12, 31)?),
            Period::Half(1) | Period::YearMid => (ymd(year, 1, 1)?, ymd(year, 6, 30)?),
            Period::Half(_) => (ymd(year, 7, 1)?, ymd(year, 12, 31)?),
            Period::YearStart => (ymd(year, 1, 1)?, ymd(year, 3, 31)?),
            Period::Quarter(q) => (ymd(year, q * 3 - 2, 1)?, month_end(year, q * 3)?),
            Period::Month(m, part) => {
                let end = month_end(year, m)?;
                match part {
                    MonthPart::Whole => (ymd(year, m, 1)?, end),
                    MonthPart::Early => (ymd(year, m, 1)?, ymd(year, m, 10)?),
                    MonthPart::Middle => (ymd(year, m, 11)?, ymd(year, m, 20)?),
                    MonthPart::Late => (ymd(year, m, 21)?, end),
                }
            }
            Period::Day(m, d) => {
                let day = ymd(year, m, d)?;
                (day, day)
            }
        })
    }
}

/// A cursor over prepared characters.
struct Cur<'a> {
    c: &'a [char],
    i: usize,
}

impl Cur<'_> {
    fn done(&self) -> bool {
        self.i >= self.c.len()
    }

    fn peek(&self) -> Option<char> {
        self.c.get(self.i).copied()
    }

    /// Consumes `word` if it comes next.
    fn eat(&mut self, word: &str) -> bool {
        let w: Vec<char> = word.chars().collect();
        if self.c[self.i..].starts_with(&w) {
            self.i += w.len();
            true
        } else {
            false
        }
    }

    fn eat_any(&mut self, words: &[&str]) -> bool {
        words.iter().any(|w| self.eat(w))
    }

    /// A number written in digits or Chinese numerals (`12`, `十二`).
    fn number(&mut self) -> Option<u32> {
        let rest = &self.c[self.i..];
        let digits = rest.iter().take_while(|c| c.is_ascii_digit()).count();
        let len = if digits > 0 {
            digits
        } else {
            rest.iter()
                .take(3)
                .take_while(|&&c| "一二三四五六七八九十两".contains(c))
                .count()
        };
        let n = crate::zh::cn_number(&rest[..len].iter().collect::<String>())?;
        self.i += len;
        Some(n)
    }

    /// One point in time: `2025年底`, `2022年10月`, `6月30日`, `年内`,
    /// `2024年第三季度`, `上半年`. Restores the cursor when none is here.
    fn point(&mut self) -> Option<Point> {
        let start = self.i;
        let year = self.year_ref();
        let period = self.period(year != YearRef::Missing);
        match period {
            Some(p) => Some(Point { year, period: p }),
            None => {
                self.i = start;
                None
            }
        }
    }

    fn year_ref(&mut self) -> YearRef {
        let start = self.i;
        let digits: String = self.c[self.i..]
            .iter()
            .take(5)
            .take_while(|c| c.is_ascii_digit())
            .collect();
        if digits.len() == 4 {
            self.i += 4;
            if self.eat("年") {
                self.eat("度");
                return YearRef::Abs(digits.parse().unwrap());
            }
            self.i = start;
        }
        if self.eat_any(&["今年", "当年", "本年", "全年"]) {
            self.eat("度");
            return YearRef::Plan(0);
        }
        if self.eat_any(&["明年", "次年", "下一年"]) {
            return YearRef::Plan(1);
        }
        // `年底`, `年内`, `年中`: the plan's own year. Only before a word
        // that needs a year, so `年` alone is not a point.
        if self.peek() == Some('年')
            && matches!(
                self.c.get(self.i + 1),
                Some('底' | '末' | '内' | '中' | '初' | '终' | '前')
            )
        {
            self.i += 1;
            return YearRef::Plan(0);
        }
        YearRef::Missing
    }

    /// The part of a year a point names; `had_year` allows a bare year.
    fn period(&mut self, had_year: bool) -> Option<Period> {
        let start = self.i;
        if self.eat_any(&["年底", "年末", "年终", "底", "末", "终"]) {
            return Some(Period::Year);
        }
        if self.eat("上半年") {
            return Some(Period::Half(1));
        }
        if self.eat("下半年") {
            return Some(Period::Half(2));
        }
        if self.eat_any(&["年中", "中期"]) || (had_year && self.eat("中")) {
            return Some(Period::YearMid);
        }
        if self.eat_any(&["年初", "初"]) {
            return Some(Period::YearStart);
        }
        // Quarters: 第三季度, 三季度, 第3季度, 四季度末.
        let q_start = self.i;
        self.eat("第");
        if let Some(q) = self.number()
            && (1..=4).contains(&q)
            && self.eat_any(&["季度", "季"])
        {
            self.eat_any(&["末", "底"]);
            return Some(Period::Quarter(q));
        }
        self.i = q_start;
        if let Some(m) = self.number()
            && (1..=12).contains(&m)
            && self.eat("月")
        {
            self.eat("份");
            let d_start = self.i;
            if let Some(d) = self.number()
                && (1..=31).contains(&d)
                && self.eat_any(&["日", "号"])
            {
                return Some(Period::Day(m, d));
            }
            self.i = d_start;
            let part = if self.eat_any(&["上旬", "初"]) {
                MonthPart::Early
            } else if self.eat_any(&["中旬", "中"]) {
                MonthPart::Middle
            } else if self.eat_any(&["下旬", "底", "末"]) {
                MonthPart::Late
            } else {
                MonthPart::Whole
            };
            return Some(Period::Month(m, part));
        }
        self.i = start;
        had_year.then_some(Period::Year)
    }

    /// `前`, `之前`, `以前`, `内`, `以内`: "by". Returns whether one was here.
    fn by_marker(&mut self) -> bool {
        self.eat_any(&["之前", "以前", "前", "以内", "之内", "内"])
    }
}

/// What one part of a list reads as.
#[derive(Debug, Clone, Copy)]
enum Part {
    Dates(NaiveDate, NaiveDate, bool),
    Recurring(When),
    Ongoing(Option<NaiveDate>),
}

/// How the second part of a two-part time clause opens when it names the
/// rest of the work or what follows (`其余年内完成`, `此后持续推进`,
/// `并长期坚持`). The
/// notes grammar reads the same list to keep such a part in the deadline.
pub(crate) const DEADLINE_CONTINUATIONS: &[&str] = &[
    "其余", "其他", "剩余", "此后", "之后", "以后", "其后", "随后", "并",
];

const ONGOING_MARKERS: [&str; 14] = [
    "持续",
    "长期",
    "常态",
    "逐年",
    "经常",
    "长效",
    "不断",
    "动态",
    "日常",
    "逐步",
    "分年度",
    "分阶段",
    "分步",
    "分批",
];

const PREFIXES: [&str; 14] = [
    "完成时限:",
    "完成时间:",
    "时限:",
    "力争",
    "争取",
    "确保",
    "计划",
    "预计",
    "最迟于",
    "最迟",
    "不晚于",
    "截至",
    "截止",
    "于",
];

const SUFFIXES: [&str; 10] = [
    "前全部完成",
    "前基本完成",
    "全部完成",
    "基本完成",
    "全面完成",
    "前完成",
    "完成",
    "为止",
    "止",
    "。",
];

fn parse(c: &[char], plan_year: Option<i32>) -> Option<Due> {
    let text: String = c.iter().collect();
    let text = text.replace('：', ":");
    let chars: Vec<char> = without_labels_and_verbs(&text).chars().collect();
    let mut parts = Vec::new();
    let mut context_year = None;
    let pieces = split_list(&chars);
    for piece in &pieces {
        // Each part of a two-part clause (`2027年底前基本完成、2028年全面
        // 完成`, `…，其余年内完成`) has its own verbs and opener.
        let piece: String = piece.iter().collect();
        let piece = without_labels_and_verbs(&piece);
        let piece = DEADLINE_CONTINUATIONS
            .iter()
            .find_map(|w| piece.strip_prefix(w).filter(|rest| !rest.is_empty()))
            .unwrap_or(piece);
        let piece: Vec<char> = piece.chars().collect();
        match read_part(&piece, plan_year, &mut context_year) {
            Some(part) => parts.push(part),
            // A part naming no date at all (`汛期前完成修复`) leaves the
            // others to say when; one with a date that cannot be read
            // leaves the whole unread.
            None if pieces.len() > 1 && !piece.iter().any(char::is_ascii_digit) => {}
            None => return None,
        }
    }
    combine(&parts)
}

/// `s` without the labels and verbs around its date (`完成时限：`, `力争`,
/// `前完成`), which carry no date.
fn without_labels_and_verbs(text: &str) -> &str {
    let mut s = text;
    loop {
        let before = s;
        for p in PREFIXES.iter().chain(&["到", "在"]) {
            if let Some(rest) = s.strip_prefix(p)
                && !rest.is_empty()
            {
                s = rest;
            }
        }
        for suffix in SUFFIXES {
            if let Some(rest) = s.strip_suffix(suffix)
                && !rest.is_empty()
            {
                s = rest;
            }
        }
        if s == before {
            break;
        }
    }
    s
}

/// Splits a list at `、，,；;和及并` (not inside a span).
fn split_list(c: &[char]) -> Vec<&[char]> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &ch) in c.iter().enumerate() {
        if "、，,；;和及并".contains(ch) {
            if i > start {
                out.push(&c[start..i]);
            }
            start = i + 1;
        }
    }
    if start < c.len() {
        out.push(&c[start..]);
    }
    out
}

fn read_part(c: &[char], plan_year: Option<i32>, context_year: &mut Option<i32>) -> Option<Part> {
    let text: String = c.iter().collect();
    // Recurring: 每年12月底前, 每季度, 每月10日前, 每半年.
    if let Some(rest) = text.strip_prefix('每') {
        return recurring(rest);
    }
    // Recurring from a year: `2026年起每年考核` is yearly work from 2026.
    let mut cur = Cur { c, i: 0 };
    if let Some(p) = cur.point()
        && cur.eat_any(&["起", "开始"])
        && cur.eat("每")
    {
        let rest: String = c[cur.i..].iter().collect();
        let (start, _) = p.range(p.year(*context_year, plan_year)?)?;
        return match recurring(&rest)? {
            Part::Ongoing(None) => Some(Part::Ongoing(Some(start))),
            part => Some(part),
        };
    }
    // Standing work, perhaps from a year: 持续推进, 2022年起长期坚持; or
    // for a period, `年内持续推进`: worked on through it, due at its end.
    if ONGOING_MARKERS.iter().any(|m| text.contains(m)) {
        let mut cur = Cur { c, i: 0 };
        if let Some(p) = cur.point()
            && cur.by_marker()
        {
            let year = p.year(*context_year, plan_year)?;
            let (start, end) = p.range(year)?;
            return Some(Part::Dates(start, end, true));
        }
        cur.i = 0;
        let start = cur
            .point()
            .filter(|_| cur.eat_any(&["起", "开始"]))
            .and_then(|p| p.range(p.year(*context_year, plan_year)?))
            .map(|(s, _)| s);
        return Some(Part::Ongoing(start));
    }
    // `三年内`: within N years of the plan's (first) year.
    if let Some(n) = relative_years(c)
        && let Some(p) = plan_year
    {
        let end = NaiveDate::from_ymd_opt(p + n as i32 - 1, 12, 31)?;
        let start = NaiveDate::from_ymd_opt(p, 1, 1)?;
        return Some(Part::Dates(start, end, false));
    }
    // A span: 2023—2025年, 2022年10月至12月, 2023年-2025年底.
    if let Some((left, right)) = split_span(c) {
        let mut r = Cur { c: right, i: 0 };
        let rp = r.point()?;
        r.by_marker();
        if !r.done() {
            return None;
        }
        let lp = span_left(left, right)?;
        let right_year = match rp.year {
            YearRef::Missing => None,
            _ => rp.year(*context_year, plan_year),
        };
        let ly = lp.year(right_year.or(*context_year), plan_year)?;
        let ry = rp.year(Some(ly), plan_year)?;
        let (start, _) = lp.range(ly)?;
        let (_, end) = rp.range(ry)?;
        if start > end {
            return None;
        }
        *context_year = Some(ry);
        return Some(Part::Dates(start, end, true));
    }
    // One point, optionally followed by "by" and then words (`2025年底前完成主体工程`).
    let mut cur = Cur { c, i: 0 };
    let p = cur.point()?;
    // `年底完成种植任务`: done by then, like `年底前完成…`.
    let by = cur.by_marker() || cur.eat_any(&["基本完成", "全面完成", "全部完成", "完成"]);
    if !cur.done() && !by {
        return None;
    }
    let year = p.year(*context_year, plan_year)?;
    let (start, end) = p.range(year)?;
    *context_year = Some(year);
    Some(Part::Dates(start, end, false))
}

fn recurring(rest: &str) -> Option<Part> {
    let c: Vec<char> = rest.chars().collect();
    let mut cur = Cur { c: &c, i: 0 };
    let when = if cur.eat_any(&["半年"]) {
        When::HalfYearly
    } else if cur.eat_any(&["个季度", "季度", "季"]) {
        cur.eat_any(&["末", "底"]);
        When::Quarterly
    } else if cur.eat_any(&["个月", "月"]) {
        cur.eat_any(&["底", "末"]);
        let d_start = cur.i;
        match cur.number() {
            Some(d) if (1..=31).contains(&d) && cur.eat_any(&["日", "号"]) => {
                When::Monthly(Some(d))
            }
            _ => {
                cur.i = d_start;
                When::Monthly(None)
            }
        }
    } else if cur.eat_any(&["年度", "年"]) {
        // `每年`, `每年考核`: every year, no day said.
        let Some(p) = cur.point() else {
            return Some(Part::Ongoing(None));
        };
        let (_, end) = p.range(2000)?;
        When::Yearly(end.month(), end.day())
    } else if cur.eat_any(&["周", "星期", "日", "天"]) {
        // Weekly and daily work is standing work at a 台账's grain.
        return Some(Part::Ongoing(None));
    } else {
        return None;
    };
    cur.by_marker();
    // Trailing words (`每季度末报送进展`) after the period are allowed.
    Some(Part::Recurring(when))
}

/// `3年内`, `三年内`, `两年内`: n ≤ 20.
fn relative_years(c: &[char]) -> Option<u32> {
    let text: String = c.iter().collect();
    let body = text
        .strip_suffix("年内")
        .or_else(|| text.strip_suffix("年以内"))?;
    let body = body.strip_suffix('个').unwrap_or(body);
    let n = if body == "两" {
        2
    } else {
        let bc: Vec<char> = body.chars().collect();
        let mut cur = Cur { c: &bc, i: 0 };
        let n = cur.number()?;
        if !cur.done() {
            return None;
        }
        n
    };
    (1..=20).contains(&n).then_some(n)
}

/// Splits `left—right` at the first span separator with text on both sides.
fn split_span(c: &[char]) -> Option<(&[char], &[char])> {
    let i = c
        .iter()
        .position(|&ch| "—–-~至到".contains(ch))
        .filter(|&i| i > 0)?;
    let mut j = i + 1;
    while j < c.len() && "—–-~".contains(c[j]) {
        j += 1;
    }
    (j < c.len()).then(|| (&c[..i], &c[j..]))
}

/// The left side of a span, which may leave out its unit: `2023` in
/// `2023—2025年`, `10` in `10—12月`.
fn span_left(left: &[char], right: &[char]) -> Option<Point> {
    let mut cur = Cur { c: left, i: 0 };
    if let Some(p) = cur.point()
        && cur.done()
    {
        return Some(p);
    }
    if !left.iter().all(char::is_ascii_digit) {
        return None;
    }
    let unit = if left.len() == 4 {
        '年'
    } else if right.contains(&'月') {
        '月'
    } else {
        return None;
    };
    let with_unit: Vec<char> = left.iter().copied().chain([unit]).collect();
    let mut cur = Cur {
        c: &with_unit,
        i: 0,
    };
    cur.point().filter(|_| cur.done())
}

fn combine(parts: &[Part]) -> Option<Due> {
    let iso = |d: NaiveDate| Some(d.to_string());
    let dated: Vec<(NaiveDate, NaiveDate, bool)> = parts
        .iter()
        .filter_map(|p| match *p {
            Part::Dates(s, e, span) => Some((s, e, span)),
            _ => None,
        })
        .collect();
    if !dated.is_empty() {
        let end = dated.iter().map(|d| d.1).max()?;
        if dated.iter().any(|d| d.2) {
            let start = dated.iter().map(|d| d.0).min()?;
            return Some(Due {
                kind: DueKind::Span,
                start: iso(start),
                end: iso(end),
            });
        }
        return Some(Due {
            kind: DueKind::By,
            start: None,
            end: iso(end),
        });
    }
    if let Some(when) = parts.iter().find_map(|p| match p {
        Part::Recurring(w) => Some(*w),
        _ => None,
    }) {
        let (kind, end) = match when {
            When::Yearly(m, d) => (DueKind::Yearly, Some(format!("--{m:02}-{d:02}"))),
            When::HalfYearly => (DueKind::HalfYearly, None),
            When::Quarterly => (DueKind::Quarterly, None),
            When::Monthly(d) => (DueKind::Monthly, d.map(|d| format!("---{d:02}"))),
            _ => return None,
        };
        return Some(Due {
            kind,
            start: None,
            end,
        });
    }
    parts.iter().find_map(|p| match *p {
        Part::Ongoing(start) => Some(Due {
            kind: DueKind::Ongoing,
            start: start.map(|s| s.to_string()),
            end: None,
        }),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_iso(s).unwrap()
    }

    #[test]
    fn buckets_relative_to_a_fixed_day() {
        let today = d("2022-06-30");
        let by = |e: &str| Due {
            kind: DueKind::By,
            start: None,
            end: Some(e.into()),
        };
        assert_eq!(bucket(Some(&by("2022-06-29")), today), Bucket::Overdue);
        assert_eq!(bucket(Some(&by("2022-06-30")), today), Bucket::Within30);
        assert_eq!(bucket(Some(&by("2022-07-30")), today), Bucket::Within30);
        assert_eq!(bucket(Some(&by("2022-07-31")), today), Bucket::Within90);
        assert_eq!(bucket(Some(&by("2022-09-28")), today), Bucket::Within90);
        assert_eq!(bucket(Some(&by("2022-09-29")), today), Bucket::Later);
        assert_eq!(bucket(None, today), Bucket::None);
        assert_eq!(
            bucket(Some(&read("持续推进", None)), today),
            Bucket::Ongoing
        );
        assert_eq!(bucket(Some(&read("按上级部署", None)), today), Bucket::None);
        // Recurring work is due at its next occurrence, never overdue.
        assert_eq!(
            bucket(Some(&read("每年12月底前", None)), today),
            Bucket::Later
        );
        assert_eq!(bucket(Some(&read("每季度", None)), today), Bucket::Within30);
        assert_eq!(When::of(&by("2022-06-01")).days_late(today), Some(29));
        assert_eq!(When::of(&by("2022-06-30")).days_late(today), None);
    }

    #[test]
    fn next_occurrences() {
        let w = When::of(&read("每年6月底前", None));
        assert_eq!(w.next_end(d("2022-06-30")), Some(d("2022-06-30")));
        assert_eq!(w.next_end(d("2022-07-01")), Some(d("2023-06-30")));
        let m = When::of(&read("每月10日前", None));
        assert_eq!(m.next_end(d("2022-06-10")), Some(d("2022-06-10")));
        assert_eq!(m.next_end(d("2022-06-11")), Some(d("2022-07-10")));
        assert_eq!(
            When::of(&read("每季度", None)).next_end(d("2022-11-02")),
            Some(d("2022-12-31"))
        );
        assert_eq!(
            When::of(&read("每半年", None)).next_end(d("2022-02-02")),
            Some(d("2022-06-30"))
        );
    }

    #[test]
    fn malformed_stored_dates_read_as_unread() {
        let bad = Due {
            kind: DueKind::By,
            start: None,
            end: Some("2022-13-01".into()),
        };
        assert_eq!(When::of(&bad), When::Unread);
        assert_eq!(bucket(Some(&bad), d("2022-01-01")), Bucket::None);
        assert_eq!(describe(&bad), "");
    }
}
