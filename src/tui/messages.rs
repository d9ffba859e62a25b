//! What the library's errors and notes say in the explorer, in the
//! interface language. The library's `Display` texts are English, for the
//! command line; here the same facts (a path, an extension, an OS error
//! kind) are put into Chinese or English sentences, so that no status line
//! reads `导出失败: … folder does not exist`.

use std::path::Path;

use super::i18n::Lang;
use crate::atomic::{WriteError, WriteNote};
use crate::bundled::DataOrigin;
use crate::export::{Format, FormatError};
use crate::query::QueryError;
use crate::sanitise;

/// The extensions the export writes, as the messages list them.
const EXTENSIONS: &str = ".csv .xlsx .json .jsonl .md";

fn shown(p: &Path) -> String {
    sanitise::path(p)
}

/// A file name that does not go with a format: what to type instead.
pub fn format_error(lang: Lang, e: &FormatError) -> String {
    match (lang, e) {
        (Lang::Zh, FormatError::UnknownExtension { path, ext, instead }) => format!(
            "{}: 不能导出 .{ext} 文件;请输入 {}({}),或以 {EXTENSIONS} 结尾的文件名",
            shown(path),
            shown(instead),
            label(instead),
        ),
        (Lang::En, FormatError::UnknownExtension { path, ext, instead }) => format!(
            "{}: fengong does not write .{ext} files; type {} ({}), or a name ending in {EXTENSIONS}",
            shown(path),
            shown(instead),
            label(instead),
        ),
        (
            Lang::Zh,
            FormatError::Mismatch {
                path,
                named,
                asked,
                instead,
            },
        ) => format!(
            "{}: 文件名是 {} 格式,所选格式是 {};要 {} 请输入 {}",
            shown(path),
            named.label(),
            asked.label(),
            asked.label(),
            shown(instead),
        ),
        (
            Lang::En,
            FormatError::Mismatch {
                path,
                named,
                asked,
                instead,
            },
        ) => format!(
            "{}: the name says {} but the format chosen is {}; type {} for {}",
            shown(path),
            named.label(),
            asked.label(),
            shown(instead),
            asked.label(),
        ),
    }
}

fn label(p: &Path) -> &'static str {
    Format::from_path(p).map_or("", Format::label)
}

/// Why a file could not be written.
pub fn write_error(lang: Lang, e: &WriteError) -> String {
    let zh = lang == Lang::Zh;
    match e {
        WriteError::Exists(p) if zh => format!("{}: 文件已存在", shown(p)),
        WriteError::Exists(p) => format!("{}: the file exists", shown(p)),
        WriteError::NotAFile(p, what) if zh => format!(
            "{}: 是{},不是普通文件;只写普通文件,也不替换其他东西",
            shown(p),
            file_kind_zh(what)
        ),
        WriteError::NotAFile(p, what) => format!(
            "{}: is {what}, not a regular file; only regular files are written, nothing else is replaced",
            shown(p)
        ),
        WriteError::Io(p, io) => format!("{}: {}", shown(p), io_error(lang, io)),
        WriteError::Other(p, _) if zh => format!("{}: 无法生成文件", shown(p)),
        WriteError::Other(p, e) => format!("{}: {e:#}", shown(p)),
    }
}

/// [`crate::model::special_file_kind`]'s words in Chinese.
fn file_kind_zh(what: &str) -> &'static str {
    match what {
        "a folder" => "文件夹",
        "a character device" => "字符设备",
        "a block device" => "块设备",
        "a named pipe (FIFO)" => "命名管道",
        "a socket" => "套接字",
        _ => "特殊文件",
    }
}

/// An operating-system error, by its kind. A kind without words of its
/// own keeps the system's text in English and its number in Chinese.
pub fn io_error(lang: Lang, e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let zh = lang == Lang::Zh;
    let (cn, en) = match e.kind() {
        K::NotFound => ("文件夹不存在", "the folder does not exist"),
        K::PermissionDenied => ("没有写入权限", "permission denied"),
        K::StorageFull => ("磁盘已满", "the disk is full"),
        K::ReadOnlyFilesystem => ("文件系统只读", "the file system is read-only"),
        K::FileTooLarge => ("文件太大", "the file is too large"),
        K::IsADirectory => ("这是一个文件夹", "it is a folder"),
        K::NotADirectory => (
            "路径中有一段不是文件夹",
            "a part of the path is not a folder",
        ),
        K::InvalidFilename => ("文件名无效", "the file name is not valid"),
        K::AlreadyExists => ("文件已存在", "the file exists"),
        K::Interrupted => ("写入被中断", "the write was interrupted"),
        _ if zh => {
            return match e.raw_os_error() {
                Some(n) => format!("系统错误(错误码 {n})"),
                None => "系统错误".to_owned(),
            };
        }
        _ => return e.to_string(),
    };
    if zh { cn } else { en }.to_owned()
}

/// What a write that worked has to say.
pub fn write_note(lang: Lang, n: &WriteNote) -> String {
    match (lang, n) {
        (Lang::Zh, WriteNote::HardLinksKept { path, others }) => format!(
            "{}: 已替换;它的另外 {others} 个硬链接仍是原来的内容",
            shown(path)
        ),
        (Lang::En, n) => n.to_string(),
    }
}

/// A filter naming nothing in the data.
pub fn query_error(lang: Lang, e: &QueryError) -> String {
    match (lang, e) {
        (Lang::Zh, QueryError::UnknownDoc(s)) => format!("没有与“{s}”匹配的文档"),
        (Lang::Zh, QueryError::UnknownRegion(s)) => format!("没有与“{s}”匹配的区域"),
        (Lang::Zh, QueryError::UnknownUnit(s)) => format!("没有与“{s}”匹配的单位"),
        (Lang::En, e) => e.to_string(),
    }
}

/// Where the data came from, for the title bar.
pub fn data_origin(lang: Lang, o: &DataOrigin) -> String {
    match o {
        DataOrigin::File(p) => shown(p),
        DataOrigin::Stdin => lang.s().origin_stdin.to_owned(),
        DataOrigin::Bundled => format!("{} data/tasks.json", lang.s().origin_bundled),
    }
}
