//! Exports of a filtered view: CSV, JSON, JSONL, Markdown, XLSX.
pub mod xlsx;
