//! A page's content stream → positioned glyphs and ruling lines.
//!
//! This is the part of a PDF viewer that places text, without drawing it:
//! the graphics state (`q`/`Q`/`cm`), the text state (`BT`, `Tf`, `Tm`,
//! `Td`, `TJ`, `Tc`, `Tw`, `Tz`, `TL`, `Ts`…), form XObjects (`Do`, to a
//! bounded depth), each glyph's advance from the font's widths, and its
//! text from the font's ToUnicode map (lopdf decodes it). Straight thin
//! strokes and thin filled rectangles are kept as ruling lines: table
//! borders, which tell the layout where cells are.

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Encoding, Object, ObjectId};

use super::{Budget, PdfError};

/// One glyph in page space (points, y up), with its text.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    pub text: char,
    /// Left end of the baseline.
    pub x: f32,
    pub y: f32,
    /// Advance width along the baseline.
    pub width: f32,
    /// Font size in page space (the height of an em).
    pub size: f32,
}

/// A straight horizontal or vertical line segment in page space.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
}

impl Rule {
    pub fn horizontal(&self) -> bool {
        (self.y1 - self.y0).abs() < 1.0 && (self.x1 - self.x0).abs() >= 1.0
    }
    pub fn vertical(&self) -> bool {
        (self.x1 - self.x0).abs() < 1.0 && (self.y1 - self.y0).abs() >= 1.0
    }
}

#[derive(Debug, Default)]
pub struct PageContent {
    pub glyphs: Vec<Glyph>,
    pub rules: Vec<Rule>,
    /// The page's box: (x0, y0, x1, y1).
    pub media: (f32, f32, f32, f32),
    /// Image XObjects drawn on the page (a scan has images and no glyphs).
    pub images: usize,
}

type Matrix = [f32; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn mul(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

fn apply(m: &Matrix, x: f32, y: f32) -> (f32, f32) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

/// How to turn a font's codes into text and advances.
struct Font<'a> {
    encoding: Option<Encoding<'a>>,
    /// Type0 (CID) fonts use two-byte codes (Identity-H and the UCS-2
    /// CMaps); simple fonts one byte.
    two_byte: bool,
    widths: HashMap<u32, f32>,
    default_width: f32,
}

impl Font<'_> {
    fn width(&self, code: u32) -> f32 {
        self.widths
            .get(&code)
            .copied()
            .unwrap_or(self.default_width)
    }

    fn text(&self, bytes: &[u8]) -> Option<String> {
        let enc = self.encoding.as_ref()?;
        let s = enc.bytes_to_string(bytes).ok()?;
        (!s.is_empty()).then_some(s)
    }
}

fn number(o: &Object) -> Option<f32> {
    match o {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) => Some(*r),
        _ => None,
    }
    .filter(|v| v.is_finite())
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    match o {
        Object::Reference(id) => doc.get_object(*id).unwrap_or(o),
        _ => o,
    }
}

fn load_font<'a>(doc: &'a Document, dict: &'a Dictionary, budget: &Budget) -> Font<'a> {
    let subtype = dict.get(b"Subtype").and_then(Object::as_name).ok();
    let two_byte = subtype == Some(b"Type0".as_slice());
    // A ToUnicode map says what each glyph is, whatever /Encoding says
    // (LibreOffice's Type 1 subsets name glyphs by number).
    let encoding = if dict.has(b"ToUnicode") {
        let mut only_map = dict.clone();
        only_map.remove(b"Encoding");
        match only_map.get_font_encoding_with_limit(doc, budget.stream_limit) {
            // The map owns its data: no borrow of the clone survives.
            Ok(Encoding::UnicodeMapEncoding(map)) => Some(Encoding::UnicodeMapEncoding(map)),
            _ => None,
        }
    } else {
        None
    };
    let encoding = encoding.or_else(|| {
        if two_byte {
            // Two-byte codes without a ToUnicode map are glyph ids: unreadable.
            return None;
        }
        dict.get_font_encoding_with_limit(doc, budget.stream_limit)
            .ok()
    });
    let mut widths = HashMap::new();
    let mut default_width = 0.5;
    if two_byte {
        let descendant = dict
            .get(b"DescendantFonts")
            .map(|o| deref(doc, o))
            .and_then(Object::as_array)
            .ok()
            .and_then(|a| a.first())
            .map(|o| deref(doc, o))
            .and_then(|o| o.as_dict().ok());
        default_width = 1.0;
        if let Some(d) = descendant {
            if let Some(dw) = d.get(b"DW").ok().and_then(number) {
                default_width = dw / 1000.0;
            }
            if let Ok(w) = d
                .get(b"W")
                .map(|o| deref(doc, o))
                .and_then(Object::as_array)
            {
                read_cid_widths(doc, w, &mut widths);
            }
        }
    } else {
        let first = dict.get(b"FirstChar").ok().and_then(number).unwrap_or(0.0) as u32;
        if let Ok(w) = dict
            .get(b"Widths")
            .map(|o| deref(doc, o))
            .and_then(Object::as_array)
        {
            for (k, o) in w.iter().take(256).enumerate() {
                if let Some(v) = number(deref(doc, o)) {
                    widths.insert(first + k as u32, v / 1000.0);
                }
            }
        }
    }
    Font {
        encoding,
        two_byte,
        widths,
        default_width,
    }
}

/// `/W [c [w1 w2 …] c_first c_last w …]`, bounded to 65536 codes.
fn read_cid_widths(doc: &Document, w: &[Object], out: &mut HashMap<u32, f32>) {
    let mut i = 0;
    while i < w.len() && out.len() < 65_536 {
        let Some(first) = number(deref(doc, &w[i])) else {
            return;
        };
        let first = first.max(0.0) as u32;
        match w.get(i + 1).map(|o| deref(doc, o)) {
            Some(Object::Array(list)) => {
                for (k, o) in list.iter().take(65_536).enumerate() {
                    if let Some(v) = number(deref(doc, o)) {
                        out.insert(first.saturating_add(k as u32), v / 1000.0);
                    }
                }
                i += 2;
            }
            Some(o) => {
                let (Some(last), Some(v)) =
                    (number(o), w.get(i + 2).and_then(|o| number(deref(doc, o))))
                else {
                    return;
                };
                let last = (last.max(0.0) as u32).min(first.saturating_add(65_536));
                for c in first..=last {
                    out.insert(c, v / 1000.0);
                }
                i += 3;
            }
            None => return,
        }
    }
}

/// The state `q` saves and `Q` restores.
#[derive(Clone)]
struct GState {
    ctm: Matrix,
    char_spacing: f32,
    word_spacing: f32,
    h_scale: f32,
    leading: f32,
    rise: f32,
    font: Option<Vec<u8>>,
    font_size: f32,
}

impl Default for GState {
    fn default() -> Self {
        GState {
            ctm: IDENTITY,
            char_spacing: 0.0,
            word_spacing: 0.0,
            h_scale: 1.0,
            leading: 0.0,
            rise: 0.0,
            font: None,
            font_size: 0.0,
        }
    }
}

/// Reads one page's glyphs and rules, within `budget`.
pub fn page_content(
    doc: &Document,
    page: ObjectId,
    budget: &mut Budget,
) -> Result<PageContent, PdfError> {
    let mut out = PageContent::default();
    let page_dict = doc.get_dictionary(page).map_err(PdfError::damaged)?;
    out.media = media_box(doc, page_dict);
    let content = doc
        .get_page_content_with_limit(page, budget.page_limit)
        .map_err(|e| PdfError::from_lopdf(&e))?;
    budget.spend_bytes(content.len())?;
    let resources = page_resources(doc, page);
    let mut reader = Interpreter {
        doc,
        fonts: HashMap::new(),
        out: &mut out,
        budget,
    };
    reader.run(&content, resources.as_slice(), GState::default(), 0)?;
    Ok(out)
}

/// The page's resource dictionaries, its own first, then inherited ones.
fn page_resources(doc: &Document, page: ObjectId) -> Vec<&Dictionary> {
    let Ok((own, inherited)) = doc.get_page_resources(page) else {
        return Vec::new();
    };
    let mut all: Vec<&Dictionary> = own.into_iter().collect();
    all.extend(
        inherited
            .into_iter()
            .filter_map(|id| doc.get_dictionary(id).ok()),
    );
    all
}

fn media_box(doc: &Document, page: &Dictionary) -> (f32, f32, f32, f32) {
    let default = (0.0, 0.0, 595.0, 842.0);
    let mut dict = Some(page);
    // MediaBox is inheritable: walk up a few parents.
    for _ in 0..8 {
        let Some(d) = dict else { break };
        if let Ok(a) = d
            .get(b"MediaBox")
            .map(|o| deref(doc, o))
            .and_then(Object::as_array)
        {
            let v: Vec<f32> = a.iter().filter_map(|o| number(deref(doc, o))).collect();
            if v.len() == 4 {
                return (
                    v[0].min(v[2]),
                    v[1].min(v[3]),
                    v[0].max(v[2]),
                    v[1].max(v[3]),
                );
            }
            return default;
        }
        dict = d
            .get(b"Parent")
            .ok()
            .and_then(|o| o.as_reference().ok())
            .and_then(|id| doc.get_dictionary(id).ok());
    }
    default
}

struct Interpreter<'a, 'b> {
    doc: &'a Document,
    fonts: HashMap<(usize, Vec<u8>), Font<'a>>,
    out: &'b mut PageContent,
    budget: &'b mut Budget,
}

/// Form XObjects inside form XObjects: deeper nesting is ignored.
const MAX_FORM_DEPTH: usize = 6;

impl<'a> Interpreter<'a, '_> {
    fn find_resource(
        &self,
        resources: &[&'a Dictionary],
        kind: &[u8],
        name: &[u8],
    ) -> Option<(usize, &'a Object)> {
        resources.iter().enumerate().find_map(|(k, r)| {
            let dict = r
                .get(kind)
                .map(|o| deref(self.doc, o))
                .and_then(Object::as_dict)
                .ok()?;
            dict.get(name).ok().map(|o| (k, deref(self.doc, o)))
        })
    }

    fn run(
        &mut self,
        content: &[u8],
        resources: &[&'a Dictionary],
        start: GState,
        depth: usize,
    ) -> Result<(), PdfError> {
        let ops = lopdf::content::Content::decode(content)
            .map(|c| c.operations)
            // A damaged content stream: what was readable of the page is
            // lost, the rest of the document is not.
            .unwrap_or_default();
        self.budget.spend_ops(ops.len())?;
        let mut gs = start;
        let mut stack: Vec<GState> = Vec::new();
        let mut tm = IDENTITY;
        let mut tlm = IDENTITY;
        // Path points in page space since the last painting operator.
        let mut path: Vec<Rule> = Vec::new();
        let mut current: Option<(f32, f32)> = None;
        let mut subpath_start: Option<(f32, f32)> = None;
        for op in &ops {
            let args = &op.operands;
            let n = |i: usize| args.get(i).and_then(number).unwrap_or(0.0);
            match op.operator.as_str() {
                // Deeper nesting than 256 is ignored, not followed.
                "q" if stack.len() < 256 => stack.push(gs.clone()),
                "Q" => {
                    if let Some(s) = stack.pop() {
                        gs = s;
                    }
                }
                "cm" if args.len() == 6 => {
                    gs.ctm = mul(&[n(0), n(1), n(2), n(3), n(4), n(5)], &gs.ctm);
                }
                "BT" => {
                    tm = IDENTITY;
                    tlm = IDENTITY;
                }
                "Tf" => {
                    gs.font = args
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .map(<[u8]>::to_vec);
                    gs.font_size = n(1);
                }
                "Tc" => gs.char_spacing = n(0),
                "Tw" => gs.word_spacing = n(0),
                "Tz" => gs.h_scale = n(0) / 100.0,
                "TL" => gs.leading = n(0),
                "Ts" => gs.rise = n(0),
                "Td" => {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, n(0), n(1)], &tlm);
                    tm = tlm;
                }
                "TD" => {
                    gs.leading = -n(1);
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, n(0), n(1)], &tlm);
                    tm = tlm;
                }
                "Tm" if args.len() == 6 => {
                    tlm = [n(0), n(1), n(2), n(3), n(4), n(5)];
                    tm = tlm;
                }
                "T*" => {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], &tlm);
                    tm = tlm;
                }
                "Tj" | "'" | "\"" => {
                    if op.operator != "Tj" {
                        if op.operator == "\"" {
                            gs.word_spacing = n(0);
                            gs.char_spacing = n(1);
                        }
                        tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], &tlm);
                        tm = tlm;
                    }
                    if let Some(Object::String(bytes, _)) = args.last() {
                        self.show(bytes, &gs, &mut tm, resources)?;
                    }
                }
                "TJ" => {
                    if let Some(Object::Array(items)) = args.first() {
                        for item in items {
                            match item {
                                Object::String(bytes, _) => {
                                    self.show(bytes, &gs, &mut tm, resources)?
                                }
                                o => {
                                    if let Some(adj) = number(o) {
                                        let tx = -adj / 1000.0 * gs.font_size * gs.h_scale;
                                        tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &tm);
                                    }
                                }
                            }
                        }
                    }
                }
                "Do" => {
                    let Some(name) = args.first().and_then(|o| o.as_name().ok()) else {
                        continue;
                    };
                    let Some((_, Object::Stream(stream))) =
                        self.find_resource(resources, b"XObject", name)
                    else {
                        continue;
                    };
                    match stream.dict.get(b"Subtype").and_then(Object::as_name) {
                        Ok(b"Image") => self.out.images += 1,
                        Ok(b"Form") if depth < MAX_FORM_DEPTH => {
                            let data = stream
                                .decompressed_content_with_limit(self.budget.stream_limit)
                                .map_err(|e| PdfError::from_lopdf(&e))
                                .or_else(|e| match e {
                                    PdfError::TooLarge(_) => Err(e),
                                    _ => Ok(stream.content.clone()),
                                })?;
                            self.budget.spend_bytes(data.len())?;
                            let mut inner = gs.clone();
                            if let Ok(m) = stream.dict.get(b"Matrix").and_then(Object::as_array) {
                                let v: Vec<f32> = m.iter().filter_map(number).collect();
                                if v.len() == 6 {
                                    inner.ctm = mul(&[v[0], v[1], v[2], v[3], v[4], v[5]], &gs.ctm);
                                }
                            }
                            let mut res: Vec<&'a Dictionary> = Vec::new();
                            if let Ok(r) = stream
                                .dict
                                .get(b"Resources")
                                .map(|o| deref(self.doc, o))
                                .and_then(Object::as_dict)
                            {
                                res.push(r);
                            }
                            res.extend_from_slice(resources);
                            self.run(&data, &res, inner, depth + 1)?;
                        }
                        _ => {}
                    }
                }
                "BI" => self.out.images += 1,
                // Paths: only straight segments and rectangles matter.
                "m" => {
                    let p = apply(&gs.ctm, n(0), n(1));
                    current = Some(p);
                    subpath_start = Some(p);
                }
                "l" => {
                    let p = apply(&gs.ctm, n(0), n(1));
                    if let Some(c) = current {
                        path.push(Rule {
                            x0: c.0,
                            y0: c.1,
                            x1: p.0,
                            y1: p.1,
                        });
                    }
                    current = Some(p);
                }
                "h" => {
                    if let (Some(c), Some(s)) = (current, subpath_start) {
                        path.push(Rule {
                            x0: c.0,
                            y0: c.1,
                            x1: s.0,
                            y1: s.1,
                        });
                    }
                    current = subpath_start;
                }
                "re" => {
                    let (x, y, w, h) = (n(0), n(1), n(2), n(3));
                    let a = apply(&gs.ctm, x, y);
                    let b = apply(&gs.ctm, x + w, y + h);
                    let (x0, x1) = (a.0.min(b.0), a.0.max(b.0));
                    let (y0, y1) = (a.1.min(b.1), a.1.max(b.1));
                    // A thin filled rectangle is a line; a box has four sides.
                    if y1 - y0 < 2.0 {
                        let y = (y0 + y1) / 2.0;
                        path.push(Rule {
                            x0,
                            y0: y,
                            x1,
                            y1: y,
                        });
                    } else if x1 - x0 < 2.0 {
                        let x = (x0 + x1) / 2.0;
                        path.push(Rule {
                            x0: x,
                            y0,
                            x1: x,
                            y1,
                        });
                    } else {
                        path.push(Rule { x0, y0, x1, y1: y0 });
                        path.push(Rule { x0, y0: y1, x1, y1 });
                        path.push(Rule { x0, y0, x1: x0, y1 });
                        path.push(Rule { x0: x1, y0, x1, y1 });
                    }
                    current = Some(a);
                    subpath_start = Some(a);
                }
                "S" | "s" | "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" => {
                    for r in path.drain(..) {
                        let r = Rule {
                            x0: r.x0.min(r.x1),
                            y0: r.y0.min(r.y1),
                            x1: r.x0.max(r.x1),
                            y1: r.y0.max(r.y1),
                        };
                        if (r.horizontal() || r.vertical()) && self.out.rules.len() < 100_000 {
                            self.out.rules.push(r);
                        }
                    }
                    current = None;
                }
                "n" => {
                    path.clear();
                    current = None;
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Shows a string: one glyph per code, advancing the text matrix.
    fn show(
        &mut self,
        bytes: &[u8],
        gs: &GState,
        tm: &mut Matrix,
        resources: &[&'a Dictionary],
    ) -> Result<(), PdfError> {
        let Some(name) = gs.font.clone() else {
            return Ok(());
        };
        let key = {
            let Some((k, _)) = self.find_resource(resources, b"Font", &name) else {
                return Ok(());
            };
            (k, name.clone())
        };
        if !self.fonts.contains_key(&key) {
            let Some((_, Object::Dictionary(dict))) = self.find_resource(resources, b"Font", &name)
            else {
                return Ok(());
            };
            let font = load_font(self.doc, dict, self.budget);
            self.fonts.insert(key.clone(), font);
        }
        let font = &self.fonts[&key];
        let step = if font.two_byte { 2 } else { 1 };
        self.budget.spend_glyphs(bytes.len() / step)?;
        let size = gs.font_size;
        for code_bytes in bytes.chunks(step) {
            let code = code_bytes.iter().fold(0u32, |a, &b| a << 8 | u32::from(b));
            let w0 = font.width(code);
            let mut tx = w0 * size + gs.char_spacing;
            if step == 1 && code == 32 {
                tx += gs.word_spacing;
            }
            tx *= gs.h_scale;
            let trm = mul(
                &[size * gs.h_scale, 0.0, 0.0, size, 0.0, gs.rise],
                &mul(tm, &gs.ctm),
            );
            let (x, y) = (trm[4], trm[5]);
            let end = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &mul(tm, &gs.ctm));
            let width = ((end[4] - x).powi(2) + (end[5] - y).powi(2)).sqrt();
            let em = (trm[2].powi(2) + trm[3].powi(2)).sqrt();
            let text = font.text(code_bytes);
            for c in text.as_deref().unwrap_or("\u{fffd}").chars() {
                if x.is_finite() && y.is_finite() {
                    self.out.glyphs.push(Glyph {
                        text: super::compat::fold(c),
                        x,
                        y,
                        width,
                        size: em,
                    });
                }
            }
            *tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], tm);
        }
        Ok(())
    }
}
