package batch

import (
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/yusuan/yusuan/schema"
)

func countRows(t *testing.T, path, table string) int {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestRunSQLite(t *testing.T) {
	dir := t.TempDir()
	txtFiles(t, dir, 3, map[string]string{"in/bad.txt": "fail\n"})
	in := []string{filepath.Join(dir, "in")}
	out := filepath.Join(dir, "data.sqlite")
	run := func() *Report {
		rep, err := Run(t.Context(), in, Options{Output: out, ConvertFunc: fakeConvert(nil, nil)})
		if err != nil {
			t.Fatal(err)
		}
		return rep
	}
	rep := run()
	if rep.Converted != 4 || len(rep.Written) != 1 || rep.Written[0] != out {
		t.Errorf("report: converted %d, written %v", rep.Converted, rep.Written)
	}
	if st, err := os.Stat(out); err != nil {
		t.Fatal(err)
	} else if st.Mode().Perm() != 0o644 {
		t.Errorf("%s: mode %v; want 0644 like the other outputs", out, st.Mode())
	}
	if n := countRows(t, out, "documents"); n != 3 {
		t.Errorf("documents: %d rows, want 3", n)
	}
	if n := countRows(t, out, "errors"); n != 1 {
		t.Errorf("errors: %d rows, want 1", n)
	}

	// Append: a new file; the rerun converts only it and rewrites the
	// database with all four.
	if err := os.WriteFile(filepath.Join(dir, "in", "new.txt"), []byte("新局\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	rep = run()
	if rep.Converted != 1 || rep.Resumed != 4 {
		t.Errorf("rerun: converted %d, resumed %d; want 1, 4", rep.Converted, rep.Resumed)
	}
	if n := countRows(t, out, "documents"); n != 4 {
		t.Errorf("documents after the rerun: %d rows, want 4", n)
	}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if filepath.Ext(e.Name()) == ".tmp" {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}

func TestResolveTargetFormats(t *testing.T) {
	dir := t.TempDir()
	existing := filepath.Join(dir, "run.final")
	os.Mkdir(existing, 0o755)
	tests := []struct{ out, format, want string }{
		{"x.sqlite", "", "sqlite"},
		{"x.db", "", "sqlite"},
		{"x.SQLite3", "", "sqlite"},
		{"x.db", "sqlite", "sqlite"},
		{"x", "sqlite", "error"},
		{"x.parquet", "", "error"},
		{"x.tsv", "", "error"},
		{"x.sqlite", "json", "error"},
		{"out.2024", "", "json dir"},
		{"run.v2", "", "json dir"},
		{existing, "", "json dir"},
	}
	for _, tc := range tests {
		tg, err := resolveTarget(tc.out, tc.format)
		got := "error"
		if err == nil {
			got = tg.format
			if tg.dir {
				got += " dir"
			}
		} else if !errors.Is(err, ErrOutput) {
			t.Errorf("resolveTarget(%q, %q): %v is not ErrOutput", tc.out, tc.format, err)
		}
		if got != tc.want {
			t.Errorf("resolveTarget(%q, %q) = %s (%v), want %s", tc.out, tc.format, got, err, tc.want)
		}
	}
}

func TestRunChineseLabels(t *testing.T) {
	dir := t.TempDir()
	txtFiles(t, dir, 2, nil)
	out := filepath.Join(dir, "out.xlsx")
	rep, err := Run(t.Context(), []string{filepath.Join(dir, "in")}, Options{Output: out, Labels: schema.LabelsZH, ConvertFunc: fakeConvert(nil, nil)})
	if err != nil {
		t.Fatal(err)
	}
	if rows := sheetRows(t, out, "文件"); len(rows) != 2 || rep.Converted != 2 {
		t.Errorf("文件 sheet: %d rows, converted %d; want 2", len(rows), rep.Converted)
	}
}
