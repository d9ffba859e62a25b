#!/usr/bin/env bash
# Peak memory and time of fengong on hostile inputs (docs/HOSTILE.md).
# Makes each file (small on disk; python3's zlib streams the bombs), runs
#   /usr/bin/time -v BIN extract FILE -o out.json -q
# and prints exit code, peak RSS and wall time. Runs under `ulimit -v`
# (8 GB, or LIMIT_KB) so an older build that tries to take the machine fails instead.
#
#   bash benches/hostile_memory.sh [BIN]     (default: target/release/fengong)
set -uo pipefail
BIN=$(realpath "${1:-target/release/fengong}")
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
cd "$DIR"

python3 - <<'PY'
import zipfile, zlib

def zip_parts(name, parts):
    with zipfile.ZipFile(name, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for part, chunks in parts:
            with z.open(part, "w", force_zip64=True) as f:
                for c in chunks:
                    f.write(c)

def repeat(head, unit, total, tail):
    yield head
    block = unit * ((1 << 20) // len(unit))
    left = total
    while left > 0:
        n = min(left, len(block))
        yield block[:n]
        left -= n
    yield tail

W = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
zip_parts("docx_4gb_of_spaces.docx", [("word/document.xml",
    repeat(W + b"<w:p><w:r><w:t>", b" ", 4 << 30, b"</w:t></w:r></w:p></w:body></w:document>"))])
zip_parts("docx_3gb_of_paragraphs.docx", [("word/document.xml",
    repeat(W, b"<w:p><w:r><w:t>x</w:t></w:r></w:p>", 3 << 30, b"</w:body></w:document>"))])

# Complete enough for Excel and calamine, so an older build meets the hostile part.
WB = (b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
      b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
      b'<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
RELS = (b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
        b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        b'<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
TYPES = (b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         b'<Default Extension="xml" ContentType="application/xml"/>'
         b'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
         b'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
         b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
ROOT = (b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
        b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
SS = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
def xlsx(name, rows, shared=None):
    parts = [("[Content_Types].xml", [TYPES]), ("_rels/.rels", [ROOT]),
             ("xl/workbook.xml", [WB]), ("xl/_rels/workbook.xml.rels", [RELS]),
             ("xl/worksheets/sheet1.xml", [SS, *rows, b"</sheetData></worksheet>"])]
    if shared:
        parts.append(("xl/sharedStrings.xml", [shared]))
    zip_parts(name, parts)

xlsx("xlsx_A1_and_XFD1048576.xlsx", [b'<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>'])
xlsx("xlsx_uniqueCount_4294967295.xlsx", [b'<row r="1"><c r="A1" t="s"><v>0</v></c></row>'],
     b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4294967295" uniqueCount="4294967295"><si><t>x</t></si></sst>')
xlsx("xlsx_ref_AAAAAAAA99999999999.xlsx", [b'<row r="1"><c r="AAAAAAAA99999999999"><v>1</v></c></row>'])
rows = [b'<row r="%d"><c r="A%d"><v>%d</v></c><c r="XFD%d"><v>1</v></c></row>' % (r, r, r, r) for r in range(1, 80001)]
xlsx("xlsx_4mb_sheet_A_to_XFD.xlsx", rows)

C = (b'<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
     b'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
     b'<office:body><office:spreadsheet><table:table table:name="S"><table:table-row><table:table-cell><text:p>x</text:p></table:table-cell></table:table-row>')
with zipfile.ZipFile("ods_unclosed_table.ods", "w") as z:
    z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    z.writestr("META-INF/manifest.xml", '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
    z.writestr("content.xml", C, compress_type=zipfile.ZIP_DEFLATED)
PY

run() {
  local label=$1; shift
  ( ulimit -v "${LIMIT_KB:-8000000}"; /usr/bin/time -v "$@" >/dev/null 2>"$DIR/err" ); local code=$?
  local rss; rss=$(grep "Maximum resident" "$DIR/err" | awk '{print $NF}')
  local wall; wall=$(grep "Elapsed (wall" "$DIR/err" | awk '{print $NF}')
  local msg; msg=$(grep -v "^\s" "$DIR/err" | grep -v "Command \(being timed\|exited\|terminated\)" | head -1 | cut -c1-110)
  printf '%-36s exit %-3s peak %6d MB  %8s  %s\n' "$label" "$code" $((rss / 1024)) "$wall" "$msg"
}

for f in *.docx *.xlsx *.ods; do
  printf '%-36s %s on disk\n' "$f" "$(du -h "$f" | cut -f1)"
done
echo
for f in *.docx *.xlsx *.ods; do
  run "$f" "$BIN" extract "$f" -o out.json -q
done
run "--data /dev/zero" "$BIN" --data /dev/zero units
run "extract -o /dev/zero" "$BIN" extract ods_unclosed_table.ods -o /dev/zero -q
