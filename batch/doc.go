// Package batch converts many disclosures into one dataset, in parallel,
// resumably: it is the engine behind "yusuan batch".
//
// # Input
//
// Run takes paths: files, folders (walked recursively) and glob patterns.
// Hidden entries (".x"), office lock and temp files ("~$x.docx", ".~lock.x#",
// "x.tmp", "x~") and the run's own output are skipped while walking; a file
// named explicitly is always taken. The format is decided by content
// (extract.Detect on the first 64 KiB), never by the extension. Files with
// the same SHA-256 are converted once: the first in path order is converted,
// the others are reported as duplicates of it.
//
// # Work
//
// Workers (default runtime.NumCPU) share one yusuan.Converter (made once by
// the caller, or by Run with Options.NewConverter once it holds the lock;
// its options hold the limits, such as the largest input).
// Each file gets a deadline (Options.Timeout): a conversion still running at
// the deadline is abandoned — the file is reported as timed out whether or
// not the extractor honours its context — and the worker moves on. A panic
// while converting one file becomes that file's error; its stack goes to the
// debug log. Nothing about one file aborts the batch.
//
// # Output
//
// Options.Output and Options.Format choose one of four outputs (a path
// with another extension that names a format, such as out.parquet, is
// refused rather than made a directory):
//
//   - a path ending in .xlsx: one workbook (schema.XLSXWriter: documents,
//     summary, three_public, sections, indicators, assets, tables,
//     line_items, findings, errors);
//   - a path ending in .csv: one CSV per sheet beside it, named
//     "<stem>.<sheet>.csv" (out.csv gives out.documents.csv, …); or a
//     directory with Format "csv": documents.csv, … inside it;
//   - a path ending in .sqlite, .sqlite3 or .db: one SQLite database
//     (schema.SQLiteWriter: the same tables keyed by document id, a fields
//     table, Chinese views, full-text search over sections);
//   - any other path, a directory: one pretty JSON file per document, named
//     after the input (sanitised, made unique with "-2", "-3"), plus
//     index.jsonl with one line per input (an Entry: path, sha256, output,
//     status, issuer, year, kind, findings counts, error).
//
// Files that cannot be converted (templates, unsupported formats, damaged
// files, timeouts) and duplicates are listed on the errors sheet (errors.csv)
// or in index.jsonl with the reason. Final outputs are written under a
// temporary name and renamed into place, so a killed run never leaves a
// truncated file. Rows are written in input path order, whatever order the
// workers finished in.
//
// # State: journal, parts, lock
//
// Beside a file output X (X = out.xlsx or out.csv) the run keeps
//
//	X.journal.jsonl   the journal
//	X.parts/          one JSON document per converted file, <sha256>.json
//	X.lock            the lock
//	X.log             the debug log (panics with their stacks, timeouts)
//
// and for a directory output D, the same inside D/.yusuan-batch/ as
// journal.jsonl, parts/ (CSV only: the JSON files are the parts), lock and
// debug.log.
//
// The journal is JSON Lines, appended to as files finish. Its first line is
// a header,
//
//	{"yusuan_batch_journal":1,"format":"xlsx","yusuan":"v1.2.0 3f2c1a9d8e7b"}
//
// (yusuan: the build that started the journal),
// and every other line is one finished file, an Entry:
//
//	{"path":"a/b.pdf","sha256":"9f…","bytes":123456,"format":"pdf",
//	 "status":"warnings","part":"parts/9f….json","issuer":"…","year":2024,
//	 "kind":"budget","scope":"department","findings":{"warning":2},
//	 "ms":812,"time":"2026-01-02T15:04:05Z","producer":"yusuan v1.2.0 3f2c1a9d8e7b"}
//
// status is ok, warnings (converted with warning or error findings),
// failed or timeout; error holds the reason for the last two. part
// (XLSX/CSV) is the document's JSON relative to the state location, output
// (directory) its file name in the directory. A part or output file is
// complete (written and renamed) before its line is appended, and the last
// line for a path wins. A torn last line, left by a kill mid-write, is
// dropped when the journal is reopened.
//
// On a rerun with the same output, an input whose path (cleaned and made
// absolute, so "in/a.pdf" and "/work/in/a.pdf" are one input) and SHA-256
// match a journal line is not converted again (Options.RetryFailed redoes
// failed and timed-out ones; a failure to write the output, such as a full
// disk, is marked "environmental" and redone anyway); the rest are converted, and the final output is rebuilt
// from the journal and parts, so it holds every input exactly once.
// Options.Fresh ignores and clears the journal and parts. A header whose
// format differs from this run's also starts afresh. A run starts by
// deleting the temporary files a killed run left (".out.xlsx.*.tmp",
// half-written parts) and ends by deleting parts no journal line refers to.
//
// The lock is created with O_EXCL and holds the owner's PID: a second run on
// the same output refuses (ErrLocked) while that process lives, and takes
// over a lock whose process is gone. The lock is taken before anything slow
// (loading the segmenter, hashing the inputs), so a second run is refused
// however long the first one takes to start.
//
// # Non-goals
//
// batch does not watch folders or fetch URLs, and does not merge journals
// of different outputs.
//
// BUG(batch): a conversion abandoned at its deadline keeps running in the
// background until the extractor returns; an extractor that never returns
// holds its memory until the process exits. The summary counts them.
package batch
