package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func sample(name string) string { return filepath.Join("..", "..", "samples", name) }

func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestUsageAndExitCodes(t *testing.T) {
	cases := []struct {
		name string
		args []string
		code int
		want string // in stderr, or stdout for help
	}{
		{"no args", nil, exitUsage, "Commands:"},
		{"help", []string{"--help"}, exitOK, "Commands:"},
		{"unknown command", []string{"frobnicate"}, exitUsage, `unknown command "frobnicate"`},
		{"extract help", []string{"extract", "--help"}, exitOK, "Usage: yusuan extract"},
		{"extract no files", []string{"extract"}, exitUsage, "no input files"},
		{"extract bad flag", []string{"extract", "--nope", "x"}, exitUsage, "flag provided but not defined"},
		{"extract bad format", []string{"extract", "--format", "yaml", "x"}, exitUsage, "unknown --format"},
		{"xlsx needs -o", []string{"extract", "--format", "xlsx", "x"}, exitUsage, "needs -o"},
		{"inspect help", []string{"inspect", "-h"}, exitOK, "Usage: yusuan inspect"},
		{"schema help", []string{"schema", "--help"}, exitOK, "Usage: yusuan schema"},
		{"help command", []string{"help", "extract"}, exitOK, "Usage: yusuan extract"},
		{"help unknown", []string{"help", "nope"}, exitUsage, `unknown command "nope"`},
		{"help flag after files", []string{"extract", "a.txt", "--help"}, exitOK, "-max-pages"},
		{"version flag", []string{"--version"}, exitOK, "yusuan "},
		{"pages flag", []string{"extract", "--help"}, exitOK, "-pages RANGE"},
		{"bad pages", []string{"extract", "--pages", "5-2", "x"}, exitUsage, "bad page range"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, c.args...)
			got := stderr
			if code == exitOK {
				got = stdout // --help is asked for: standard output, exit 0
			}
			if code != c.code || !strings.Contains(got, c.want) {
				t.Errorf("exit %d, stdout %q stderr %q; want exit %d containing %q", code, stdout, stderr, c.code, c.want)
			}
		})
	}
}

func TestExtractSample(t *testing.T) {
	code, out, stderr := runCLI(t, "extract", sample("qinghe-agriculture-2023-budget.txt"))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not a JSON object: %v", err)
	}
	if doc["schema_version"] != "1" {
		t.Errorf("schema_version = %v", doc["schema_version"])
	}
}

// TestBadFilesDoNotStopTheOthers: each bad input gets one line naming it,
// the good file is still converted, and the exit code is 1.
func TestBadFilesDoNotStopTheOthers(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := sample("qinghe-agriculture-2023-budget.txt")
	seedText, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	bad := []struct{ path, reason string }{
		{write("empty.txt", nil), "empty"},
		{write("garbage.bin", bytes.Repeat([]byte{0, 1, 2, 0xff, 0xfe, 7}, 500)), "not a recognised document format"},
		{write("report.pdf", seedText), "not what its name says"},
		{dir, "is a directory"},
		{filepath.Join(dir, "missing.txt"), "no such file"},
		{write("book.xlsx", []byte("PK\x03\x04 xl/workbook.xml")), "xlsx"},
	}
	args := []string{"extract", good}
	for _, b := range bad {
		args = append(args, b.path)
	}
	code, out, stderr := runCLI(t, args...)
	if code != exitFail {
		t.Errorf("exit %d, want %d", code, exitFail)
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if len(lines) != len(bad) {
		t.Errorf("stderr has %d lines, want one per bad file (%d):\n%s", len(lines), len(bad), stderr)
	}
	for _, b := range bad {
		found := false
		for _, l := range lines {
			if strings.Contains(l, b.path+":") && strings.Contains(l, b.reason) {
				found = true
			}
		}
		if !found {
			t.Errorf("no line naming %s with %q in:\n%s", b.path, b.reason, stderr)
		}
	}
	var docs []map[string]any
	if err := json.Unmarshal([]byte(out), &docs); err != nil || len(docs) != 1 {
		t.Errorf("want an array holding the one good document, got %d docs (%v)", len(docs), err)
	}
}

func TestExtractJSONLAndXLSX(t *testing.T) {
	files := []string{sample("qinghe-agriculture-2023-budget.txt"), sample("shili-culture-2024-final.txt")}
	code, out, stderr := runCLI(t, append([]string{"extract", "--format", "jsonl"}, files...)...)
	if code != exitOK || strings.Count(out, "\n") != 2 {
		t.Fatalf("jsonl: exit %d, %d lines, %s", code, strings.Count(out, "\n"), stderr)
	}
	xlsx := filepath.Join(t.TempDir(), "out.xlsx")
	code, _, stderr = runCLI(t, append([]string{"extract", "--format", "xlsx", "-o", xlsx}, files...)...)
	if code != exitOK {
		t.Fatalf("xlsx: exit %d: %s", code, stderr)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("文件")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 {
		t.Errorf("documents sheet has %d rows, want header + 2", len(rows))
	}
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(xlsx), ".*tmp"))
	if len(matches) > 0 {
		t.Errorf("temporary files left behind: %v", matches)
	}
}

func TestInspectAndSchema(t *testing.T) {
	code, out, stderr := runCLI(t, "inspect", sample("qinghe-agriculture-2023-budget.txt"))
	if code != exitOK || !strings.Contains(out, "TABLE") || !strings.Contains(out, "一、部门职责及机构设置情况") {
		t.Errorf("inspect: exit %d, %s\n%s", code, stderr, out)
	}
	code, out, _ = runCLI(t, "inspect", "--format", "json", sample("qinghe-agriculture-2023-budget.txt"))
	var x map[string]any
	if code != exitOK || json.Unmarshal([]byte(out), &x) != nil || x["format"] != "txt" {
		t.Errorf("inspect json: exit %d, format %v", code, x["format"])
	}
	code, out, _ = runCLI(t, "schema", "--rules")
	if code != exitOK || !strings.Contains(out, "| `narrative.comparison_year` |") {
		t.Errorf("schema --rules: exit %d, no rule list:\n%s", code, out)
	}
	code, out, _ = runCLI(t, "schema")
	var s map[string]any
	if code != exitOK || json.Unmarshal([]byte(out), &s) != nil || s["$schema"] == nil {
		t.Errorf("schema: exit %d, not a JSON Schema", code)
	}
	code, out, _ = runCLI(t, "version")
	if code != exitOK || !strings.HasPrefix(out, "yusuan ") {
		t.Errorf("version: %d %q", code, out)
	}
}

func TestMissingDictionary(t *testing.T) {
	code, _, stderr := runCLI(t, "extract", "--dict-dir", filepath.Join(t.TempDir(), "nope"), sample("qinghe-agriculture-2023-budget.txt"))
	if code != exitFail || !strings.Contains(stderr, "--dict-dir") || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
		t.Errorf("exit %d, stderr %q: want one line saying how to provide the dictionaries", code, stderr)
	}
}
