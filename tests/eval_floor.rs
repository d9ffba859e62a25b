//! The labelled corpus (`eval/`) holds a floor under the extractor: a change
//! that breaks a convention lowers a total and fails here. The floors start
//! at the baseline (eval/BASELINE.md) rounded down; raise them as the
//! extractor improves, never lower them to let a change through. Also
//! `fengong eval` run on a corpus of one's own.

use std::path::Path;

use fengong::eval::{self, Counts};

/// A measure of a document or total, in [0, 1].
type Measure = fn(&Counts) -> f64;

/// (measure, floor on the micro total, floor on the worst document).
/// Raised with issue 9's extractor (every total at 100%, every document
/// at 100% when raised): a little below, so a change that breaks one
/// convention in one document fails.
const FLOORS: [(&str, Measure, f64, f64); 5] = [
    ("task recall", Counts::recall, 0.98, 0.9),
    ("task precision", Counts::precision, 0.98, 0.9),
    ("units exactly right", Counts::units, 0.97, 0.85),
    ("deadlines right", Counts::deadlines, 0.97, 0.85),
    ("goal recall", Counts::goals, 0.97, 0.9),
];

#[test]
fn corpus_totals_stay_above_the_floor() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("eval");
    let report = eval::run(&corpus, &[]).expect("the corpus scores");
    assert!(
        report.documents.len() >= 38 && report.total.gold_tasks >= 570,
        "the corpus lost documents: {} documents, {} gold tasks",
        report.documents.len(),
        report.total.gold_tasks
    );
    let mut failures = Vec::new();
    for (name, measure, total_floor, worst_floor) in FLOORS {
        let total = measure(&report.total);
        if total < total_floor {
            failures.push(format!("{name}: total {total:.3} < floor {total_floor}"));
        }
        let (doc, worst) = report.worst(measure).expect("documents");
        if worst < worst_floor {
            failures.push(format!("{name}: {doc} {worst:.3} < floor {worst_floor}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n\n{}",
        failures.join("\n"),
        report.to_text(60)
    );
}

/// The PDF and legacy-Office corpus (eval/pdf): the targets (95% of
/// tasks found, 90% with exactly the right units) as floors on the total
/// and on every PDF. The .doc/.xls documents are scored where LibreOffice
/// is installed; elsewhere (CI) they must say that it is missing.
#[test]
fn pdf_corpus_meets_the_targets() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("eval/pdf");
    let report = eval::run(&corpus, &[]).expect("the PDF corpus scores");
    let pdfs = report
        .documents
        .iter()
        .filter(|d| d.document.ends_with(".pdf"))
        .count();
    assert!(pdfs >= 4, "the PDF corpus lost documents");
    let mut total = Counts::default();
    let mut failures = Vec::new();
    for d in &report.documents {
        let legacy = !d.document.ends_with(".pdf");
        if legacy
            && d.warnings
                .iter()
                .any(|w| w.contains("LibreOffice, which is not installed"))
        {
            eprintln!("{}: skipped, LibreOffice is not installed", d.document);
            continue;
        }
        total.add(&d.counts);
        for (name, measure, floor) in [
            ("task recall", Counts::recall as Measure, 0.9),
            ("units exactly right", Counts::units as Measure, 0.9),
        ] {
            let v = measure(&d.counts);
            if v < floor {
                failures.push(format!("{}: {name} {v:.3} < {floor}", d.doc));
            }
        }
    }
    for (name, measure, floor) in [
        ("task recall", Counts::recall as Measure, 0.95),
        ("task precision", Counts::precision as Measure, 0.95),
        ("units exactly right", Counts::units as Measure, 0.95),
        ("deadlines right", Counts::deadlines as Measure, 0.95),
    ] {
        let v = measure(&total);
        if v < floor {
            failures.push(format!("{name}: total {v:.3} < {floor}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n\n{}",
        failures.join("\n"),
        report.to_text(20)
    );
}

/// `fengong eval` on a corpus a user labels: the table and the JSON carry
/// the gold's counts whatever the extractor finds, and a bad gold file or
/// folder is named in the error.
#[test]
fn fengong_eval_scores_a_corpus_of_ones_own() {
    use crate::common::{fengong, stderr, stdout_ok, temp_dir};
    let dir = temp_dir("eval-own");
    std::fs::create_dir_all(dir.join("docs")).unwrap();
    std::fs::create_dir_all(dir.join("gold")).unwrap();
    std::fs::write(
        dir.join("docs/a.txt"),
        "某县重点工作分工方案\n\n一、发展产业\n1.建设产业园。推进园区扩容。（县发改局牵头，县财政局配合）\n2.培育龙头企业。（县工信局牵头）\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("gold/a.gold"),
        "document: docs/a.txt\ntitle: 某县重点工作分工方案\ngoal: 一、 | 发展产业\ntask: 1. | 建设产业园 | 县发改局 | 县财政局 | |\ntask: 2. | 培育龙头企业 | 县工信局 | | |\n",
    )
    .unwrap();
    let corpus = dir.display().to_string();
    let text = stdout_ok(&fengong(&["eval", "--corpus", &corpus]));
    assert!(
        text.contains("fengong eval: 1 documents, 2 gold tasks, 1 gold goals"),
        "{text}"
    );
    assert!(text.lines().any(|l| l.starts_with("a ")), "{text}");
    assert!(text.contains("total (micro)"), "{text}");
    let json: serde_json::Value = serde_json::from_str(&stdout_ok(&fengong(&[
        "eval", "--corpus", &corpus, "--json",
    ])))
    .expect("JSON report");
    assert_eq!(json["total"]["gold_tasks"], 2);
    assert_eq!(json["documents"][0]["doc"], "a");

    std::fs::write(
        dir.join("gold/b.gold"),
        "document: docs/a.txt\ntask: 1. | 只有标题\n",
    )
    .unwrap();
    let o = fengong(&["eval", "--corpus", &corpus]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("b.gold:2:"), "{}", stderr(&o));

    let o = fengong(&[
        "eval",
        "--corpus",
        &dir.join("nowhere").display().to_string(),
    ]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("nowhere"), "{}", stderr(&o));
    let _ = std::fs::remove_dir_all(&dir);
}

/// The held-out sets (eval/holdout, holdout2 … holdout18) measure how the
/// extractor does on conventions it was not written from, so they are not
/// held to the targets here — their own READMEs report the scores.
/// These floors, a little under the scores at the time they were set, only
/// catch a change that loses what they showed to work. Legacy Office
/// documents count where LibreOffice is installed.
#[test]
fn held_out_sets_do_not_regress() {
    let mut failures = Vec::new();
    for (set, recall_floor, units_floor) in [
        ("eval/holdout", 0.99, 0.97),
        ("eval/holdout2", 0.99, 0.99),
        ("eval/holdout3", 0.99, 0.99),
        ("eval/holdout4", 0.99, 0.99),
        ("eval/holdout5", 0.99, 0.99),
        ("eval/holdout6", 0.99, 0.98),
        ("eval/holdout7", 0.99, 0.99),
        ("eval/holdout8", 0.99, 0.99),
        ("eval/holdout9", 0.99, 0.99),
        ("eval/holdout10", 0.99, 0.96),
        ("eval/holdout11", 0.98, 0.96),
        ("eval/holdout12", 0.97, 0.97),
        ("eval/holdout13", 0.99, 0.98),
        ("eval/holdout14", 0.99, 0.98),
        ("eval/holdout15", 0.99, 0.98),
        ("eval/holdout16", 0.99, 0.98),
        ("eval/holdout17", 0.99, 0.98),
        ("eval/holdout18", 0.99, 0.98),
    ] {
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join(set);
        let report = eval::run(&corpus, &[]).expect("the held-out set scores");
        let mut total = Counts::default();
        for d in &report.documents {
            let needs_libreoffice = d
                .warnings
                .iter()
                .any(|w| w.contains("LibreOffice, which is not installed"));
            if !needs_libreoffice {
                total.add(&d.counts);
            }
        }
        for (name, v, floor) in [
            ("task recall", total.recall(), recall_floor),
            ("units exactly right", total.units(), units_floor),
        ] {
            if v < floor {
                failures.push(format!("{set}: {name} {v:.3} < {floor}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
