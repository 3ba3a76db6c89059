package batch

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yusuan/yusuan/internal/atomicfile"
	"github.com/yusuan/yusuan/schema"
)

// Output formats.
const (
	FormatXLSX = "xlsx"
	FormatCSV  = "csv"
	FormatJSON = "json"
	// FormatSQLite is one SQLite database (schema.SQLiteWriter).
	FormatSQLite = "sqlite"
)

// ErrOutput reports an output path that cannot be used as asked.
var ErrOutput = errors.New("bad output")

// target is where a run writes: the final output and its state files.
type target struct {
	format  string
	path    string // the .xlsx file, the .csv "prefix" file, or the directory
	dir     bool   // path is a directory
	state   string // directory output: D/.yusuan-batch
	journal string
	parts   string // spool directory (xlsx, csv)
	lock    string
	log     string
	labels  schema.Labels // names in the xlsx and csv outputs
}

// stateDirName is the state folder inside a directory output.
const stateDirName = ".yusuan-batch"

// resolveTarget decides the output from the path and the requested format
// ("" means: by the path's extension, else a JSON directory).
func resolveTarget(out, format string) (*target, error) {
	if out == "" {
		return nil, fmt.Errorf("%w: no output path", ErrOutput)
	}
	out = filepath.Clean(out)
	ext := strings.ToLower(filepath.Ext(out))
	t := &target{path: out}
	switch {
	case format == "" && ext == ".xlsx", format == FormatXLSX:
		if ext != ".xlsx" {
			return nil, fmt.Errorf("%w: xlsx output needs a path ending in .xlsx, got %s", ErrOutput, out)
		}
		t.format = FormatXLSX
	case format == "" && ext == ".csv", format == FormatCSV && ext == ".csv":
		t.format = FormatCSV
	case format == FormatCSV:
		t.format, t.dir = FormatCSV, true
	case format == "" && sqliteExts[ext], format == FormatSQLite:
		if !sqliteExts[ext] {
			return nil, fmt.Errorf("%w: sqlite output needs a path ending in .sqlite or .db, got %s", ErrOutput, out)
		}
		t.format = FormatSQLite
	case format == "" || format == FormatJSON:
		if err := jsonDirOK(out, ext); err != nil {
			return nil, err
		}
		t.format, t.dir = FormatJSON, true
	default:
		return nil, fmt.Errorf("%w: unknown format %q (xlsx, csv, sqlite or json)", ErrOutput, format)
	}
	st, err := os.Stat(out)
	switch {
	case err == nil && t.dir && !st.IsDir():
		return nil, fmt.Errorf("%w: %s is a file, but %s output is a directory", ErrOutput, out, t.format)
	case err == nil && !t.dir && st.IsDir():
		return nil, fmt.Errorf("%w: %s is a directory, but %s output is a file", ErrOutput, out, t.format)
	}
	if t.dir {
		s := filepath.Join(out, stateDirName)
		t.state = s
		t.journal = filepath.Join(s, "journal.jsonl")
		t.lock = filepath.Join(s, "lock")
		t.log = filepath.Join(s, "debug.log")
		if t.format != FormatJSON {
			t.parts = filepath.Join(s, "parts")
		}
	} else {
		t.journal = out + ".journal.jsonl"
		t.lock = out + ".lock"
		t.log = out + ".log"
		t.parts = out + ".parts"
	}
	return t, nil
}

// prepare creates the folders the run writes into.
func (t *target) prepare() error {
	dirs := []string{filepath.Dir(t.path)}
	if t.dir {
		dirs = append(dirs, t.path, t.state)
	}
	if t.parts != "" {
		dirs = append(dirs, t.parts)
	}
	for _, d := range dirs {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return fmt.Errorf("output: %w", err)
		}
	}
	return nil
}

// csvName returns the final name of one CSV file of a ".csv" target: out.csv
// gives out.documents.csv, out.summary.csv, … beside it.
func (t *target) csvName(sheet string) string {
	stem := strings.TrimSuffix(t.path, filepath.Ext(t.path))
	return stem + "." + sheet
}

// excluded lists the paths Collect must not take as inputs.
func (t *target) excluded() []string {
	ex := []string{t.path, t.journal, t.lock, t.log}
	if t.parts != "" {
		ex = append(ex, t.parts)
	}
	if t.format == FormatCSV && !t.dir {
		// out.documents.csv, out.summary.csv, …
		ex = append(ex, escapeMeta(strings.TrimSuffix(t.path, filepath.Ext(t.path)))+".*.csv")
	}
	return ex
}

// partRel is where the part of a document with this hash is kept, relative
// to the state location (the output's folder for a file output).
func (t *target) partRel(sha string) string {
	if t.dir {
		return filepath.ToSlash(filepath.Join("parts", sha+".json"))
	}
	return filepath.ToSlash(filepath.Join(filepath.Base(t.parts), sha+".json"))
}

// partPath resolves a part name from the journal.
func (t *target) partPath(rel string) string {
	if t.dir {
		return filepath.Join(t.state, filepath.FromSlash(rel))
	}
	return filepath.Join(filepath.Dir(t.path), filepath.FromSlash(rel))
}

// writeDocJSON writes doc to path atomically.
func writeDocJSON(path string, doc *schema.Document, pretty bool) error {
	return atomicfile.Write(path, func(w *bufio.Writer) error {
		if pretty {
			return schema.WriteJSON(w, []*schema.Document{doc}, true)
		}
		return schema.WriteJSONL(w, doc)
	})
}

// readDocJSON reads a document written by writeDocJSON.
func readDocJSON(path string) (*schema.Document, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var d schema.Document
	if err := json.Unmarshal(b, &d); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &d, nil
}

// maxNameBytes bounds output file names (most file systems allow 255).
const maxNameBytes = 180

// sanitizeName turns an input path into a file name stem: the base name
// without extension, with separators, control characters and characters
// Windows forbids replaced by "_", trimmed to maxNameBytes.
func sanitizeName(path string) string {
	base := filepath.Base(path)
	base = strings.TrimSuffix(base, filepath.Ext(base))
	var b strings.Builder
	for _, r := range base {
		switch {
		case r == utf8.RuneError, unicode.IsControl(r), strings.ContainsRune(`<>:"/\|?*`, r):
			b.WriteByte('_')
		case unicode.IsSpace(r):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	s := strings.Trim(b.String(), " .")
	for len(s) > maxNameBytes {
		_, n := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-n]
	}
	if s == "" {
		s = "document"
	}
	return s
}

// namer hands out unique JSON file names in a directory.
type namer struct{ taken map[string]bool }

func newNamer() *namer { return &namer{taken: map[string]bool{"index.jsonl": true}} }

// reserve marks name as used (names already in the journal).
func (n *namer) reserve(name string) { n.taken[strings.ToLower(name)] = true }

// name returns a free file name for the input at path: stem.json, then
// stem-2.json, stem-3.json, …. Comparison ignores case, for file systems
// that do.
func (n *namer) name(path string) string {
	stem := sanitizeName(path)
	for i := 1; ; i++ {
		name := stem + ".json"
		if i > 1 {
			name = stem + "-" + strconv.Itoa(i) + ".json"
		}
		if !n.taken[strings.ToLower(name)] {
			n.taken[strings.ToLower(name)] = true
			return name
		}
	}
}

// finalize writes the final output from entries, in their order.
func (t *target) finalize(entries []Entry) error {
	switch t.format {
	case FormatXLSX:
		// excelize spills big sheets to temporary files: keep them where
		// removeStaleTemps finds them after a kill.
		scratch := filepath.Join(filepath.Dir(t.path), "."+filepath.Base(t.path)+".excelize.tmp")
		if err := os.MkdirAll(scratch, 0o755); err != nil {
			return err
		}
		defer os.RemoveAll(scratch)
		return atomicfile.Write(t.path, func(w *bufio.Writer) error {
			xw, err := schema.NewXLSXWriterLabels(w, scratch, t.labels)
			if err != nil {
				return err
			}
			if err := t.feed(entries, xw.Add, xw.AddError); err != nil {
				xw.Close()
				return err
			}
			return xw.Close()
		})
	case FormatCSV:
		return t.finalizeCSV(entries)
	case FormatSQLite:
		return t.finalizeSQLite(entries)
	default:
		return atomicfile.Write(filepath.Join(t.path, "index.jsonl"), func(w *bufio.Writer) error {
			enc := json.NewEncoder(w)
			enc.SetEscapeHTML(false)
			for _, e := range entries {
				if err := enc.Encode(e); err != nil {
					return err
				}
			}
			return nil
		})
	}
}

func (t *target) finalizeCSV(entries []Entry) error {
	if t.dir {
		cw, err := schema.NewCSVWriterLabels(t.path, t.labels)
		if err != nil {
			return err
		}
		if err := t.feed(entries, cw.Add, cw.AddError); err != nil {
			cw.Close()
			return err
		}
		return cw.Close()
	}
	// out.csv: write the set in a scratch folder, then rename each file to
	// out.<sheet>.csv beside it.
	tmp, err := os.MkdirTemp(filepath.Dir(t.path), "."+filepath.Base(t.path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	cw, err := schema.NewCSVWriterLabels(tmp, t.labels)
	if err != nil {
		return err
	}
	if err := t.feed(entries, cw.Add, cw.AddError); err != nil {
		cw.Close()
		return err
	}
	if err := cw.Close(); err != nil {
		return err
	}
	files, err := os.ReadDir(tmp)
	if err != nil {
		return err
	}
	for _, f := range files {
		if !strings.HasSuffix(f.Name(), ".csv") || strings.HasPrefix(f.Name(), ".") {
			continue
		}
		if err := os.Rename(filepath.Join(tmp, f.Name()), t.csvName(f.Name())); err != nil {
			return err
		}
	}
	return nil
}

// feed replays entries into a tabular writer: converted documents from
// their parts, everything else as an error row with the reason.
func (t *target) feed(entries []Entry, add func(*schema.Document) error, addError func(path, format, reason string) error) error {
	for _, e := range entries {
		if !e.Status.Converted() {
			if err := addError(e.Path, e.Format, reasonOf(e)); err != nil {
				return err
			}
			continue
		}
		doc, err := readDocJSON(t.partPath(e.Part))
		if err != nil {
			// The journal said done, the part is gone: say so rather than
			// drop the file silently.
			if err := addError(e.Path, e.Format, fmt.Sprintf("converted, but its spooled document is unreadable (%v); rerun with --fresh", unwrapPathError(err))); err != nil {
				return err
			}
			continue
		}
		if err := add(doc); err != nil {
			return err
		}
	}
	return nil
}

// reasonOf is the errors-sheet reason for an entry that is not a document.
func reasonOf(e Entry) string {
	switch e.Status {
	case StatusDuplicate:
		return "duplicate of " + e.DuplicateOf + " (same SHA-256); converted once"
	case StatusTimeout:
		if e.Error != "" {
			return e.Error
		}
		return "timed out"
	}
	return e.Error
}

// partOK reports whether a journaled entry's document is still on disk.
func (t *target) partOK(e Entry) bool {
	var p string
	switch {
	case !e.Status.Converted():
		return true
	case t.format == FormatJSON:
		p = filepath.Join(t.path, e.Output)
	default:
		p = t.partPath(e.Part)
	}
	st, err := os.Stat(p)
	return err == nil && st.Size() > 0
}

// clearState removes the journal and parts (--fresh).
func (t *target) clearState() error {
	var errs []error
	if err := os.Remove(t.journal); err != nil && !errors.Is(err, fs.ErrNotExist) {
		errs = append(errs, err)
	}
	if t.parts != "" {
		errs = append(errs, os.RemoveAll(t.parts))
	}
	return errors.Join(errs...)
}

// escapeMeta quotes the pattern characters of a literal path.
func escapeMeta(p string) string {
	var b strings.Builder
	for _, r := range p {
		if strings.ContainsRune(`*?[\\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// removeStaleTemps deletes the temporary files a killed run left: the
// final output's (".out.xlsx.*.tmp" beside it, ".documents.csv.*.tmp" in a
// CSV folder, scratch folders of a CSV set) and half-written parts or JSON
// files. Only called with the lock held.
func (t *target) removeStaleTemps() {
	type place struct{ dir, prefix string }
	places := []place{{filepath.Dir(t.path), "." + filepath.Base(t.path) + "."}}
	if t.dir {
		places = append(places, place{t.path, "."})
	}
	if t.parts != "" {
		places = append(places, place{t.parts, "."})
	}
	for _, p := range places {
		ents, err := os.ReadDir(p.dir)
		if err != nil {
			continue
		}
		for _, e := range ents {
			if n := e.Name(); strings.HasPrefix(n, p.prefix) && strings.HasSuffix(n, ".tmp") {
				os.RemoveAll(filepath.Join(p.dir, n))
			}
		}
	}
}

// pruneParts removes spooled documents no journal entry refers to any more
// (the file changed and was converted again, or --fresh).
func (t *target) pruneParts(keep map[string]bool) {
	if t.parts == "" {
		return
	}
	ents, err := os.ReadDir(t.parts)
	if err != nil {
		return
	}
	for _, e := range ents {
		if n := e.Name(); strings.HasSuffix(n, ".json") && !keep[n] {
			os.Remove(filepath.Join(t.parts, n))
		}
	}
}
