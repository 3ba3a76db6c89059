package batch

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/yusuan/yusuan/schema"
)

// TestCollectSkipsYusuanOutputs: a folder holding the outputs of earlier
// runs (workbook with journal and parts, CSV sheets, a JSON folder, JSON
// documents from extract, a journal) yields only the disclosure.
func TestCollectSkipsYusuanOutputs(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"a.txt":                      "某局\n一、部门职责\n",
		"out.xlsx":                   "PK",
		"out.xlsx.journal.jsonl":     `{"yusuan_batch_journal":1,"format":"xlsx"}` + "\n",
		"out.xlsx.log":               "level=WARN\n",
		"out.xlsx.parts/0a.json":     `{"schema_version":"1"}`,
		"set.csv.journal.jsonl":      `{"yusuan_batch_journal":1,"format":"csv"}` + "\n",
		"set.documents.csv":          "\ufeffdocument,format\r\n",
		"set.summary.csv":            "\ufeffdocument,field\r\n",
		"other.documents.csv":        "\ufeffdocument,format\r\n", // no journal: by content
		"doc.json":                   "{\n  \"schema_version\": \"1\",\n  \"source\": {}\n}\n",
		"docs.json":                  "[\n  {\n    \"schema_version\": \"1\"\n  }\n]\n",
		"jsonout/.yusuan-batch/lock": "1\n",
		"jsonout/index.jsonl":        `{"path":"a.txt","status":"ok"}` + "\n",
		"jsonout/a.json":             `{"schema_version":"1"}`,
		"moved/index.jsonl":          `{"path":"a.txt","sha256":"x","status":"ok"}` + "\n",
		"notes.csv":                  "name,amount\r\n", // a user's CSV is still taken
		"data.json":                  `{"name":"x"}`,
	})
	in := Collect([]string{dir}, nil)
	var got []string
	for _, f := range in.Files {
		rel, _ := filepath.Rel(dir, f)
		got = append(got, filepath.ToSlash(rel))
	}
	if want := "a.txt data.json notes.csv"; strings.Join(got, " ") != want {
		t.Errorf("files = %v, want %s", got, want)
	}
}

// TestRunEnvironmentalFailureRetried: a document that could not be written
// (here a folder sits where its JSON goes; in life a full disk) is
// converted again by the next run without --retry-failed, and a real
// failure is not.
func TestRunEnvironmentalFailureRetried(t *testing.T) {
	dir := t.TempDir()
	txtFiles(t, dir, 1, map[string]string{"in/bad.txt": "fail\n"})
	out := filepath.Join(dir, "json")
	blocker := filepath.Join(out, "doc000.json")
	if err := os.MkdirAll(blocker, 0o755); err != nil {
		t.Fatal(err)
	}
	in := []string{filepath.Join(dir, "in")}
	var calls atomic.Int64
	rep, err := Run(t.Context(), in, Options{Output: out, ConvertFunc: fakeConvert(nil, &calls)})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Failed() != 2 || calls.Load() != 2 {
		t.Fatalf("first run: %d failed, %d conversions; want 2, 2", rep.Failed(), calls.Load())
	}
	os.Remove(blocker) // space freed
	calls.Store(0)
	rep, err = Run(t.Context(), in, Options{Output: out, ConvertFunc: fakeConvert(nil, &calls)})
	if err != nil {
		t.Fatal(err)
	}
	if calls.Load() != 1 || rep.Failed() != 1 {
		t.Errorf("rerun: %d conversions, %d failed; want the write failure redone (1) and bad.txt kept failed (1)", calls.Load(), rep.Failed())
	}
}

// TestRunResumeKeyIsAbsolutePath: "in" and its absolute path are one input.
func TestRunResumeKeyIsAbsolutePath(t *testing.T) {
	dir := t.TempDir()
	txtFiles(t, dir, 2, nil)
	t.Chdir(dir)
	out := filepath.Join(dir, "out.xlsx")
	var calls atomic.Int64
	if _, err := Run(t.Context(), []string{"in"}, Options{Output: out, ConvertFunc: fakeConvert(nil, &calls)}); err != nil {
		t.Fatal(err)
	}
	calls.Store(0)
	rep, err := Run(t.Context(), []string{filepath.Join(dir, "in")}, Options{Output: out, ConvertFunc: fakeConvert(nil, &calls)})
	if err != nil {
		t.Fatal(err)
	}
	if calls.Load() != 0 || rep.Resumed != 2 {
		t.Errorf("rerun by absolute path: %d conversions, %d resumed; want 0, 2", calls.Load(), rep.Resumed)
	}
}

// TestRunInterruptedIsNotFailure: files a Ctrl-C stopped are reported as
// not converted, not as failures, in the report and the summary.
func TestRunInterruptedIsNotFailure(t *testing.T) {
	dir := t.TempDir()
	txtFiles(t, dir, 6, nil)
	ctx, cancel := context.WithCancel(t.Context())
	var n atomic.Int64
	convert := func(c context.Context, p string) (*schema.Document, error) {
		if n.Add(1) == 2 {
			cancel()
			<-c.Done()
			return nil, c.Err()
		}
		return fakeConvert(nil, nil)(c, p)
	}
	rep, err := Run(ctx, []string{filepath.Join(dir, "in")}, Options{Output: filepath.Join(dir, "out.xlsx"), Workers: 1, ConvertFunc: convert})
	if err == nil || rep == nil || !rep.Interrupted {
		t.Fatalf("Run = %v, %+v; want interrupted", err, rep)
	}
	if rep.Failed() != 0 || rep.Unfinished == 0 {
		t.Errorf("%d failed, %d unfinished; want 0 failed", rep.Failed(), rep.Unfinished)
	}
	var sum bytes.Buffer
	rep.WriteSummary(&sum)
	if !strings.Contains(sum.String(), " 0 failed") || !strings.Contains(sum.String(), "interrupted:") {
		t.Errorf("summary should say interrupted, with no failures:\n%s", sum.String())
	}
}

// TestRunNewlineInName keeps a failed file's summary line one line.
func TestRunNewlineInName(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "in", "bad\nname.txt")
	writeTree(t, dir, map[string]string{"in/bad\nname.txt": "fail\n"})
	rep, err := Run(t.Context(), []string{filepath.Join(dir, "in")}, Options{Output: filepath.Join(dir, "out.xlsx"), ConvertFunc: fakeConvert(nil, nil)})
	if err != nil {
		t.Fatal(err)
	}
	var sum bytes.Buffer
	rep.WriteSummary(&sum)
	for _, line := range strings.Split(sum.String(), "\n") {
		if strings.HasPrefix(line, "name.txt") {
			t.Errorf("a name's newline split the summary:\n%s", sum.String())
		}
	}
	if !strings.Contains(sum.String(), `bad\nname.txt"`) {
		t.Errorf("summary should quote %q:\n%s", name, sum.String())
	}
}

// TestRunCleansKilledXLSXWrite: excelize's temporary files of a run killed
// while writing the workbook (kept in a hidden folder beside the output)
// are removed by the next run, which leaves none of its own.
func TestRunCleansKilledXLSXWrite(t *testing.T) {
	dir := t.TempDir()
	txtFiles(t, dir, 2, nil)
	out := filepath.Join(dir, "out.xlsx")
	stale := filepath.Join(dir, ".out.xlsx.excelize.tmp", "excelize-123456")
	writeTree(t, dir, map[string]string{".out.xlsx.excelize.tmp/excelize-123456": "half a sheet"})
	if _, err := Run(t.Context(), []string{filepath.Join(dir, "in")}, Options{Output: out, ConvertFunc: fakeConvert(nil, nil)}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Dir(stale)); !os.IsNotExist(err) {
		t.Errorf("scratch folder left: %v", err)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(m) != 0 {
		t.Errorf("temporary files left: %v", m)
	}
}

// TestRunOutputsAreShared: every output file is 0644, as other tools make
// them (CreateTemp alone gives 0600).
func TestRunOutputsAreShared(t *testing.T) {
	for _, out := range []string{"out.xlsx", "set.csv", "csvdir", "jsondir"} {
		t.Run(out, func(t *testing.T) {
			dir := t.TempDir()
			txtFiles(t, dir, 1, nil)
			format := ""
			if out == "csvdir" {
				format = FormatCSV
			}
			rep, err := Run(t.Context(), []string{filepath.Join(dir, "in")}, Options{Output: filepath.Join(dir, out), Format: format, ConvertFunc: fakeConvert(nil, nil)})
			if err != nil {
				t.Fatal(err)
			}
			files, _ := filepath.Glob(filepath.Join(dir, "*.*"))
			more, _ := filepath.Glob(filepath.Join(rep.Output, "*"))
			for _, f := range append(files, more...) {
				if st, err := os.Stat(f); err == nil && st.Mode().IsRegular() && st.Mode().Perm() != 0o644 {
					t.Errorf("%s: mode %v, want 0644", filepath.Base(f), st.Mode().Perm())
				}
			}
		})
	}
}
