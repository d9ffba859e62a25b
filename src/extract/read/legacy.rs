//! Old binary Office files (`.doc`, `.wps`, `.xls`, `.et`) read through
//! LibreOffice: `soffice --headless --convert-to docx|xlsx` into a private
//! temporary folder, with a profile of its own there (so a LibreOffice the
//! user has open does not take the job, or interfere) and a timeout, then
//! the .docx or .xlsx reader. The folder is removed whatever happens.
//!
//! No maintained Rust crate reads Word 97-2003 text and tables (see the
//! README's crates table), and LibreOffice's filters are the ones WPS and
//! Word files are tested against. Without LibreOffice the message says so
//! and what to install.
//!
//! `FENGONG_SOFFICE` names the program to run instead of `soffice` from
//! `PATH` (tests use a script of their own; a user may point it at an
//! installation outside `PATH`), `FENGONG_SOFFICE_TIMEOUT` the seconds a
//! conversion may take (120).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::{MAX_BYTES, ReadErrorKind, SourceText};

/// What a legacy file converts to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Legacy {
    /// .doc, .wps → .docx
    Text,
    /// .xls, .et → .xlsx
    Sheet,
}

impl Legacy {
    pub(super) fn of_extension(ext: &str) -> Option<Legacy> {
        match ext {
            "doc" | "wps" | "dot" => Some(Legacy::Text),
            "xls" | "et" | "xlt" => Some(Legacy::Sheet),
            _ => None,
        }
    }

    /// An OLE compound file saved under another name: which kind, from the
    /// names of the streams in its directory (`WordDocument`, `Workbook`).
    pub(super) fn sniff(bytes: &[u8]) -> Legacy {
        let utf16 = |s: &str| -> Vec<u8> { s.encode_utf16().flat_map(u16::to_le_bytes).collect() };
        let has = |name: &str| {
            let needle = utf16(name);
            bytes.windows(needle.len()).any(|w| w == needle.as_slice())
        };
        if has("Workbook") || has("Book") {
            Legacy::Sheet
        } else {
            Legacy::Text
        }
    }

    fn target(self) -> &'static str {
        match self {
            Legacy::Text => "docx",
            Legacy::Sheet => "xlsx",
        }
    }

    fn format(self) -> &'static str {
        match self {
            Legacy::Text => "Word 97-2003 / WPS (.doc, .wps)",
            Legacy::Sheet => "Excel 97-2003 / WPS (.xls, .et)",
        }
    }

    fn package(self) -> &'static str {
        match self {
            Legacy::Text => "libreoffice-writer",
            Legacy::Sheet => "libreoffice-calc",
        }
    }
}

/// How long one conversion may take, unless `FENGONG_SOFFICE_TIMEOUT`
/// (seconds) says otherwise.
const TIMEOUT: Duration = Duration::from_secs(120);

fn timeout() -> Duration {
    std::env::var("FENGONG_SOFFICE_TIMEOUT")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .map_or(TIMEOUT, Duration::from_secs)
}

/// Converts `bytes` (a file of kind `kind`, extension `ext`) with
/// LibreOffice and reads the result.
pub(super) fn read_legacy(
    bytes: &[u8],
    ext: &str,
    kind: Legacy,
) -> Result<SourceText, ReadErrorKind> {
    let Some(soffice) = find_soffice() else {
        return Err(ReadErrorKind::NeedsLibreOffice {
            format: kind.format(),
            package: kind.package(),
        });
    };
    let dir =
        PrivateDir::new().map_err(|e| ReadErrorKind::Io(format!("no temporary folder: {e}")))?;
    let ext = if ext.chars().all(|c| c.is_ascii_alphanumeric()) && !ext.is_empty() {
        ext
    } else if kind == Legacy::Text {
        "doc"
    } else {
        "xls"
    };
    let input = dir.path.join(format!("document.{ext}"));
    std::fs::write(&input, bytes).map_err(|e| ReadErrorKind::Io(e.to_string()))?;
    let out_dir = dir.path.join("out");
    let profile = dir.path.join("profile");
    let mut command = Command::new(&soffice);
    // Its own process group, so a timeout ends LibreOffice's helpers too.
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let mut child = command
        .arg(format!("-env:UserInstallation={}", file_url(&profile)))
        .args(["--headless", "--norestore", "--nolockcheck", "--convert-to"])
        .arg(kind.target())
        .arg("--outdir")
        .arg(&out_dir)
        .arg(&input)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| {
            ReadErrorKind::Io(format!(
                "LibreOffice ({}) could not be started: {e}",
                soffice.display()
            ))
        })?;
    let started = Instant::now();
    let limit = timeout();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() > limit => {
                #[cfg(unix)]
                let _ = Command::new("kill")
                    .args(["-KILL", "--", &format!("-{}", child.id())])
                    .stderr(Stdio::null())
                    .status();
                let _ = child.kill();
                let _ = child.wait();
                return Err(ReadErrorKind::OverLimit {
                    what: format!(
                        "LibreOffice took longer than {} s to convert it",
                        limit.as_secs()
                    ),
                });
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(25)),
            Err(e) => return Err(ReadErrorKind::Io(e.to_string())),
        }
    };
    let output = out_dir.join(format!("document.{}", kind.target()));
    let converted = std::fs::metadata(&output)
        .ok()
        .filter(|m| m.is_file() && m.len() > 0);
    let Some(meta) = converted else {
        return Err(ReadErrorKind::Damaged {
            format: kind.format(),
            detail: format!(
                "LibreOffice could not convert it ({})",
                if status.success() {
                    "it wrote nothing".to_string()
                } else {
                    status.to_string()
                }
            ),
        });
    };
    if meta.len() > MAX_BYTES {
        return Err(ReadErrorKind::TooLarge { bytes: meta.len() });
    }
    let converted = std::fs::read(&output).map_err(|e| ReadErrorKind::Io(e.to_string()))?;
    let mut source = super::read_bytes(kind.target(), &converted)?;
    source.encoding = match kind {
        Legacy::Text => "doc (LibreOffice)",
        Legacy::Sheet => "xls (LibreOffice)",
    };
    Ok(source)
}

/// `FENGONG_SOFFICE`, else `soffice` (or `libreoffice`) on `PATH`, else
/// the usual install places on Windows and macOS.
fn find_soffice() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("FENGONG_SOFFICE").filter(|p| !p.is_empty()) {
        // Named but absent: not installed there.
        return Some(PathBuf::from(p)).filter(|p| p.is_file());
    }
    let names: &[&str] = if cfg!(windows) {
        &["soffice.exe", "soffice.com"]
    } else {
        &["soffice", "libreoffice"]
    };
    if let Some(path) = std::env::var_os("PATH") {
        for dir in std::env::split_paths(&path) {
            for name in names {
                let p = dir.join(name);
                if p.is_file() {
                    return Some(p);
                }
            }
        }
    }
    let places: &[&str] = if cfg!(windows) {
        &[
            r"C:\Program Files\LibreOffice\program\soffice.exe",
            r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
        ]
    } else if cfg!(target_os = "macos") {
        &["/Applications/LibreOffice.app/Contents/MacOS/soffice"]
    } else {
        &[]
    };
    places.iter().map(PathBuf::from).find(|p| p.is_file())
}

/// A `file://` URL for LibreOffice's `-env:UserInstallation`.
fn file_url(path: &Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    let mut url = String::from("file://");
    if !s.starts_with('/') {
        url.push('/');
    }
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' | b':' => {
                url.push(b as char)
            }
            _ => url.push_str(&format!("%{b:02X}")),
        }
    }
    url
}

/// A folder only we can read, removed with everything in it on drop.
struct PrivateDir {
    path: PathBuf,
}

impl PrivateDir {
    fn new() -> std::io::Result<PrivateDir> {
        use std::sync::atomic::{AtomicU32, Ordering};
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let base = std::env::temp_dir();
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        for _ in 0..16 {
            let n = COUNTER.fetch_add(1, Ordering::Relaxed);
            let path = base.join(format!(
                "fengong-convert-{}-{nanos:x}-{n}",
                std::process::id()
            ));
            let mut builder = std::fs::DirBuilder::new();
            #[cfg(unix)]
            {
                use std::os::unix::fs::DirBuilderExt;
                builder.mode(0o700);
            }
            match builder.create(&path) {
                Ok(()) => return Ok(PrivateDir { path }),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
        }
        Err(std::io::Error::other("could not create a unique folder"))
    }
}

impl Drop for PrivateDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profile_urls() {
        assert_eq!(
            file_url(Path::new("/tmp/fengong convert/profile")),
            "file:///tmp/fengong%20convert/profile"
        );
        assert_eq!(file_url(Path::new(r"C:\Temp\p")), "file:///C:/Temp/p");
    }

    #[test]
    fn ole_files_tell_word_from_excel() {
        let name = |s: &str| -> Vec<u8> { s.encode_utf16().flat_map(u16::to_le_bytes).collect() };
        let mut word = vec![0xD0, 0xCF, 0x11, 0xE0];
        word.extend(name("WordDocument"));
        let mut book = vec![0xD0, 0xCF, 0x11, 0xE0];
        book.extend(name("Workbook"));
        assert_eq!(Legacy::sniff(&word), Legacy::Text);
        assert_eq!(Legacy::sniff(&book), Legacy::Sheet);
    }

    #[test]
    fn private_folders_are_removed() {
        let dir = PrivateDir::new().unwrap();
        let path = dir.path.clone();
        std::fs::write(path.join("x"), b"x").unwrap();
        drop(dir);
        assert!(!path.exists());
    }
}
