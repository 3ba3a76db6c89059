package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestExtractFormat(t *testing.T) {
	tests := []struct{ format, out, want string }{
		{"", "", "json"},
		{"jsonl", "", "jsonl"},
		{"", "a.json", "json"},
		{"", "a.JSONL", "jsonl"},
		{"", "a.xlsx", "xlsx"},
		{"", "a.csv", "csv"},
		{"", "a.sqlite", "sqlite"},
		{"", "a.db", "sqlite"},
		{"xlsx", "a.xlsx", "xlsx"},
		{"json", "a.out", "json"},
		{"", "a.parquet", "error"},
		{"", "a", "error"},
		{"json", "a.xlsx", "error"},
		{"xlsx", "a.json", "error"},
		{"xlsx", "", "error"},
		{"sqlite", "", "error"},
		{"yaml", "a.yaml", "error"},
	}
	for _, tc := range tests {
		got, err := extractFormat(tc.format, tc.out)
		if err != nil {
			got = "error"
		}
		if got != tc.want {
			t.Errorf("extractFormat(%q, %q) = %s (%v), want %s", tc.format, tc.out, got, err, tc.want)
		}
	}
}

func TestExtractOutputByExtension(t *testing.T) {
	dir := t.TempDir()
	in := sample("qinghe-agriculture-2023-budget.txt")
	for _, c := range []struct {
		out   string
		files []string
	}{
		{"a.xlsx", []string{"a.xlsx"}},
		{"b.csv", []string{"b.文件.csv", "b.字段说明.csv", "b.检查发现.csv"}},
		{"c.sqlite", []string{"c.sqlite"}},
		{"d.json", []string{"d.json"}},
	} {
		code, _, stderr := runCLI(t, "extract", "-o", filepath.Join(dir, c.out), in)
		if code != exitOK {
			t.Fatalf("extract -o %s: exit %d: %s", c.out, code, stderr)
		}
		for _, f := range c.files {
			if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
				t.Errorf("extract -o %s: %v", c.out, err)
			}
		}
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "a.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if rows, err := f.GetRows("文件"); err != nil || len(rows) != 2 {
		t.Errorf("a.xlsx is not a Chinese workbook: %v (%d rows)", err, len(rows))
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "d.json")); !strings.HasPrefix(string(b), "{") {
		t.Errorf("d.json is not JSON: %.40q", b)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}

	code, _, stderr := runCLI(t, "extract", "-o", filepath.Join(dir, "x.parquet"), in)
	if code != exitUsage || !strings.Contains(stderr, "extension") {
		t.Errorf("-o x.parquet: exit %d, %q; want a usage error", code, stderr)
	}
	code, _, stderr = runCLI(t, "batch", "-o", filepath.Join(dir, "x.parquet"), in)
	if code != exitUsage {
		t.Errorf("batch -o x.parquet: exit %d, %q; want a usage error", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.parquet")); err == nil {
		t.Errorf("batch -o x.parquet made a folder")
	}
}

// TestReadmeSQLiteQueries converts the samples into a SQLite database and
// runs every ```sql block of README.md through the sqlite3 command line.
func TestReadmeSQLiteQueries(t *testing.T) {
	sqlite3, err := exec.LookPath("sqlite3")
	if err != nil {
		t.Skip("sqlite3 not installed (.ci/run installs it)")
	}
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```sql\n(.*?)```").FindAllStringSubmatch(string(readme), -1)
	if len(blocks) < 3 {
		t.Fatalf("README.md has %d sql blocks, want the three queries", len(blocks))
	}
	db := filepath.Join(t.TempDir(), "data.sqlite")
	code, _, stderr := runCLI(t, "batch", "--quiet", "-o", db, filepath.Join("..", "..", "samples"))
	if code != exitOK && code != exitFail {
		t.Fatalf("batch: exit %d: %s", code, stderr)
	}
	for i, b := range blocks {
		q := b[1]
		cmd := exec.Command(sqlite3, "-bail", "-readonly", "-header", db)
		cmd.Stdin = strings.NewReader(q)
		out, err := cmd.CombinedOutput()
		if err != nil || strings.Contains(string(out), "Error") {
			t.Errorf("README query %d: %v\n%s\n%s", i+1, err, q, out)
			continue
		}
		// The samples hold budgets and final accounts with 三公 and
		// basic/project figures: the first two queries must find them.
		if lines := strings.Count(string(out), "\n"); i < 2 && lines < 3 {
			t.Errorf("README query %d gave %d lines:\n%s", i+1, lines, out)
		}
		t.Logf("query %d:\n%s", i+1, out)
	}
}
