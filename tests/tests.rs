//! The integration tests, as one binary (as ripgrep does): one link
//! instead of one per file, so `cargo test` builds much faster. Each module
//! is one area; shared helpers live in `common/`.
//!
//! Run one area with `cargo test --test tests tui_render`.

mod common;

// Extraction: seeds, conventions, readers, the command.
mod cli_extract;
mod eval_floor;
mod extract_conventions;
mod extract_mechanisms;
mod extract_props;
mod extract_seeds;
mod first_run;
mod notes_conventions;
mod notes_fuzz;
mod notes_seed000;
mod read_formats;
mod read_fuzz;
mod read_legacy;
mod read_pdf;

// Queries, search and overlaps, as libraries and as commands.
mod deadline_forms;
mod export_cli;
mod overlap_cli;
mod overlap_coverage;
mod overlap_engine;
mod overlap_labelled;
mod overlap_seeds;
mod progress_cli;
mod search_bundled;
mod search_cli;
mod search_queries;
mod taizhang_cli;

// Hostile input, signals and write paths (docs/HOSTILE.md).
mod hostile_data;
mod hostile_readers;
mod hostile_text;
mod hostile_writes;

// The explorer: state, drawing, the real binary in tmux.
mod e2e_coverage;
mod e2e_ledger;
mod e2e_sizes;
mod e2e_tui;
mod e2e_ux;
mod import_graph;
mod tui_bundled;
mod tui_coverage;
mod tui_hostile;
mod tui_ledger;
mod tui_render;
mod tui_sizes;
mod tui_state;
mod tui_ux;
