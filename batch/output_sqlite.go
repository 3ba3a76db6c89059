package batch

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/yusuan/yusuan/schema"
)

// sqliteExts are the extensions of a SQLite output.
var sqliteExts = map[string]bool{".sqlite": true, ".sqlite3": true, ".db": true}

// jsonDirOK refuses, for a JSON directory output, a path that names a file
// format (out.xlsx with --format json, out.parquet): a folder made under
// such a name is never what was meant. An existing directory is taken
// whatever its name.
func jsonDirOK(out, ext string) error {
	if st, err := os.Stat(out); err == nil && st.IsDir() {
		return nil
	}
	switch {
	case ext == "":
		return nil
	case ext == ".xlsx" || ext == ".csv" || ext == ".json" || ext == ".jsonl" || sqliteExts[ext]:
		return fmt.Errorf("%w: json output is a directory of files, not %s", ErrOutput, out)
	case isFormatExt(ext):
		return fmt.Errorf("%w: %s: unknown output format %s (xlsx, csv, sqlite, or a directory for json)", ErrOutput, out, ext)
	}
	return nil
}

// isFormatExt tells whether ext (lower case) looks like a file format
// (.parquet, .tsv) rather than part of a folder name (out.2024, run.v2):
// two to eight ASCII letters.
func isFormatExt(ext string) bool {
	e := strings.TrimPrefix(ext, ".")
	return len(e) >= 2 && len(e) <= 8 && !strings.ContainsFunc(e, func(r rune) bool { return r < 'a' || r > 'z' })
}

// finalizeSQLite writes the database under a temporary name beside the
// output and renames it into place.
func (t *target) finalizeSQLite(entries []Entry) error {
	f, err := os.CreateTemp(filepath.Dir(t.path), "."+filepath.Base(t.path)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	// CreateTemp makes the file private; the dataset is for sharing, like
	// the other outputs (internal/atomicfile).
	err = errors.Join(f.Chmod(0o644), f.Close())
	defer os.Remove(tmp)
	if err != nil {
		return err
	}
	sw, err := schema.NewSQLiteWriter(tmp)
	if err != nil {
		return err
	}
	if err := t.feed(entries, sw.Add, sw.AddError); err != nil {
		sw.Close()
		return err
	}
	if err := sw.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, t.path)
}
