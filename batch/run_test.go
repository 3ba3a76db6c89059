package batch

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/yusuan/yusuan/schema"
)

// fakeConvert stands in for yusuan.ConvertFile. The file's first line says
// what to do: "panic", "hang" (ignores its context until release is
// closed), "fail", "warn" (a document with a warning finding); anything
// else is a document issued by that line.
func fakeConvert(release <-chan struct{}, calls *atomic.Int64) func(context.Context, string) (*schema.Document, error) {
	return func(ctx context.Context, path string) (*schema.Document, error) {
		if calls != nil {
			calls.Add(1)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		first, _, _ := strings.Cut(string(b), "\n")
		switch first {
		case "panic":
			var m map[string]int
			m["boom"]++ // a real runtime error, as a bug would be
		case "hang":
			<-release
			return nil, errors.New("released")
		case "slow":
			select { // honours its context, with its own error
			case <-ctx.Done():
				return nil, errors.New("pdf: page 3: stopped")
			case <-time.After(10 * time.Second):
			}
		case "fail":
			return nil, fmt.Errorf("%s: %w", path, errors.New("format not supported yet: xlsx"))
		}
		sum := sha256.Sum256(b)
		d := &schema.Document{SchemaVersion: schema.Version,
			Source: schema.Source{Path: path, Format: "txt", SHA256: hex.EncodeToString(sum[:]), Bytes: int64(len(b))},
			Meta:   schema.Meta{Issuer: schema.Issuer{Name: first}, FiscalYear: 2024, Kind: schema.KindBudget}}
		if first == "warn" {
			d.Findings = []schema.Finding{{Rule: "x.y", Severity: schema.SevWarning}}
		}
		return d, nil
	}
}

// txtFiles writes n small text files (distinct content) plus extra ones.
func txtFiles(t *testing.T, dir string, n int, extra map[string]string) {
	t.Helper()
	files := map[string]string{}
	for i := range n {
		files[fmt.Sprintf("in/doc%03d.txt", i)] = fmt.Sprintf("某局%d\n一、部门职责\n", i)
	}
	for k, v := range extra {
		files[k] = v
	}
	writeTree(t, dir, files)
}

// sheetRows reads a sheet's rows after the header.
func sheetRows(t *testing.T, path, sheet string) [][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatalf("%s: %v", sheet, err)
	}
	if len(rows) == 0 {
		t.Fatalf("%s: no header", sheet)
	}
	return rows[1:]
}

func TestRunXLSXFailuresStayPerFile(t *testing.T) {
	dir := t.TempDir()
	txtFiles(t, dir, 3, map[string]string{
		"in/zcopy.txt":  "某局0\n一、部门职责\n", // same bytes as doc000.txt
		"in/panic.txt":  "panic\n",
		"in/hang.txt":   "hang\n",
		"in/slow.txt":   "slow\n",
		"in/fail.txt":   "fail\n",
		"in/warn.txt":   "warn\n",
		"in/fake.pdf":   "<html><body>not found</body></html>",
		"in/~$open.txt": "lock",
	})
	release := make(chan struct{})
	defer close(release)
	out := filepath.Join(dir, "out.xlsx")
	rep, err := Run(t.Context(), []string{filepath.Join(dir, "in")}, Options{
		Output: out, Workers: 3, Timeout: 300 * time.Millisecond, ConvertFunc: fakeConvert(release, nil),
	})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Status{
		"doc000.txt": StatusOK, "doc001.txt": StatusOK, "doc002.txt": StatusOK, "warn.txt": StatusWarnings,
		"zcopy.txt": StatusDuplicate, "panic.txt": StatusFailed, "hang.txt": StatusTimeout, "slow.txt": StatusTimeout,
		"fail.txt": StatusFailed, "fake.pdf": StatusFailed,
	}
	got := map[string]Entry{}
	for _, e := range rep.Entries {
		got[filepath.Base(e.Path)] = e
	}
	if len(got) != len(want) {
		t.Errorf("%d entries, want %d: %v", len(got), len(want), got)
	}
	for name, st := range want {
		if got[name].Status != st {
			t.Errorf("%s: status %q (%s), want %q", name, got[name].Status, got[name].Error, st)
		}
	}
	if e := got["panic.txt"]; !strings.Contains(e.Error, "panic") {
		t.Errorf("panic.txt error %q should say it panicked", e.Error)
	}
	if e := got["zcopy.txt"]; filepath.Base(e.DuplicateOf) != "doc000.txt" {
		t.Errorf("zcopy.txt duplicate of %q", e.DuplicateOf)
	}
	if rep.Abandoned != 1 {
		t.Errorf("abandoned %d, want 1 (hang.txt)", rep.Abandoned)
	}
	if len(rep.Skipped) != 1 {
		t.Errorf("skipped %v, want the ~$ file", rep.Skipped)
	}
	if rep.Failed() != 5 {
		t.Errorf("Failed() = %d, want 5", rep.Failed())
	}
	log, err := os.ReadFile(out + ".log")
	if err != nil || !strings.Contains(string(log), "goroutine") || !strings.Contains(string(log), "panic.txt") {
		t.Errorf("debug log should hold panic.txt's stack: %v\n%s", err, log)
	}

	docs := sheetRows(t, out, "documents")
	if len(docs) != 4 {
		t.Errorf("documents sheet: %d rows, want 4", len(docs))
	}
	errs := sheetRows(t, out, "errors")
	reasons := map[string]string{}
	for _, r := range errs {
		reasons[filepath.Base(r[0])] = r[len(r)-1]
	}
	for _, name := range []string{"zcopy.txt", "panic.txt", "hang.txt", "fail.txt", "fake.pdf"} {
		if reasons[name] == "" {
			t.Errorf("errors sheet: no reason for %s (have %v)", name, reasons)
		}
	}
	if r := reasons["fail.txt"]; r != "format not supported yet: xlsx" {
		t.Errorf("fail.txt reason %q: the path should not be repeated", r)
	}
	if _, err := os.Stat(out + ".lock"); !os.IsNotExist(err) {
		t.Errorf("lock left behind after a clean run")
	}
	var sum strings.Builder
	rep.WriteSummary(&sum)
	if !strings.Contains(sum.String(), "3 ok, 1 with warnings, 5 failed (2 timed out), 1 duplicates") {
		t.Errorf("summary:\n%s", sum.String())
	}
}

func TestRunResume(t *testing.T) {
	dir := t.TempDir()
	txtFiles(t, dir, 12, nil)
	out := filepath.Join(dir, "out.xlsx")
	in := []string{filepath.Join(dir, "in")}
	var calls atomic.Int64
	conv := fakeConvert(nil, &calls)

	// First run: interrupted after a few files finish.
	ctx, cancel := context.WithCancel(t.Context())
	var n atomic.Int64
	rep, err := Run(ctx, in, Options{Output: out, Workers: 2, ConvertFunc: func(c context.Context, p string) (*schema.Document, error) {
		if n.Add(1) == 5 {
			cancel()
		}
		return conv(c, p)
	}})
	cancel()
	if !errors.Is(err, context.Canceled) || rep == nil || !rep.Interrupted {
		t.Fatalf("interrupted run: err %v, rep %+v", err, rep)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("an interrupted run must not write the output")
	}
	entries, _, _, _ := readJournal(out + ".journal.jsonl")
	if len(entries) == 0 || len(entries) >= 12 {
		t.Fatalf("journal has %d entries after the interruption, want some but not all", len(entries))
	}
	journaled := len(entries)

	steps := []struct {
		name               string
		prepare            func()
		opts               Options
		converted, resumed int
	}{
		{"rerun finishes the rest", nil, Options{}, 12 - journaled, journaled},
		{"rerun again converts nothing", nil, Options{}, 0, 12},
		{"a changed file is converted again", func() {
			os.WriteFile(filepath.Join(dir, "in", "doc003.txt"), []byte("某局3改\n"), 0o644)
		}, Options{}, 1, 11},
		{"a new file is added", func() {
			os.WriteFile(filepath.Join(dir, "in", "doc100.txt"), []byte("新局\n"), 0o644)
		}, Options{}, 1, 12},
		{"fresh converts everything", nil, Options{Fresh: true}, 13, 0},
	}
	for _, st := range steps {
		if st.prepare != nil {
			st.prepare()
		}
		calls.Store(0)
		o := st.opts
		o.Output, o.Workers, o.ConvertFunc = out, 2, conv
		rep, err := Run(t.Context(), in, o)
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if rep.Converted != st.converted || rep.Resumed != st.resumed || int(calls.Load()) != st.converted {
			t.Errorf("%s: converted %d (calls %d), resumed %d; want %d, %d", st.name, rep.Converted, calls.Load(), rep.Resumed, st.converted, st.resumed)
		}
		rows := sheetRows(t, out, "documents")
		paths := map[string]int{}
		for _, r := range rows {
			paths[r[0]]++
		}
		total := len(Collect(in, nil).Files)
		if len(rows) != total || len(paths) != total {
			t.Errorf("%s: documents sheet has %d rows, %d paths; want %d each", st.name, len(rows), len(paths), total)
		}
		// Superseded parts are pruned: one per document.
		if parts, _ := os.ReadDir(out + ".parts"); len(parts) != total {
			t.Errorf("%s: %d parts spooled, want %d", st.name, len(parts), total)
		}
	}
	rows := sheetRows(t, out, "documents")
	for _, r := range rows {
		if strings.HasSuffix(r[0], "doc003.txt") && !slices.Contains(r, "某局3改") {
			t.Errorf("doc003.txt row is stale: %q", r)
		}
	}
}

func TestRunRetryFailed(t *testing.T) {
	dir := t.TempDir()
	txtFiles(t, dir, 2, map[string]string{"in/bad.txt": "fail\n"})
	out := filepath.Join(dir, "out.xlsx")
	in := []string{filepath.Join(dir, "in")}
	var calls atomic.Int64
	for _, tc := range []struct {
		retry bool
		calls int64
	}{{false, 3}, {false, 0}, {true, 1}} {
		calls.Store(0)
		if _, err := Run(t.Context(), in, Options{Output: out, RetryFailed: tc.retry, ConvertFunc: fakeConvert(nil, &calls)}); err != nil {
			t.Fatal(err)
		}
		if calls.Load() != tc.calls {
			t.Errorf("retry %v: %d conversions, want %d", tc.retry, calls.Load(), tc.calls)
		}
	}
}

func TestRunRefusesLockedOutput(t *testing.T) {
	dir := t.TempDir()
	txtFiles(t, dir, 1, nil)
	out := filepath.Join(dir, "out.xlsx")
	// A live process (our parent) holds the lock.
	os.WriteFile(out+".lock", []byte(strconv.Itoa(os.Getppid())+"\n"), 0o644)
	var calls atomic.Int64
	_, err := Run(t.Context(), []string{filepath.Join(dir, "in")}, Options{Output: out, ConvertFunc: fakeConvert(nil, &calls)})
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("Run = %v, want ErrLocked", err)
	}
	if calls.Load() != 0 {
		t.Errorf("a refused run converted %d files", calls.Load())
	}
	if b, _ := os.ReadFile(out + ".lock"); strings.TrimSpace(string(b)) != strconv.Itoa(os.Getppid()) {
		t.Errorf("a refused run touched the other run's lock: %q", b)
	}
}

func TestRunJSONDirectory(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"in/a/预算.txt":    "甲局\n",
		"in/b/预算.txt":    "乙局\n",
		"in/c/预算.pdf":    "not a pdf at all",
		"in/d/other.txt": "甲局\n", // duplicate of a/预算.txt
	})
	out := filepath.Join(dir, "json")
	in := []string{filepath.Join(dir, "in")}
	for run := range 2 {
		rep, err := Run(t.Context(), in, Options{Output: out, ConvertFunc: fakeConvert(nil, nil)})
		if err != nil {
			t.Fatal(err)
		}
		if run == 1 && rep.Resumed != 3 {
			t.Errorf("second run resumed %d, want 3", rep.Resumed)
		}
		f, err := os.Open(filepath.Join(out, "index.jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		var idx []Entry
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			var e Entry
			if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
				t.Fatal(err)
			}
			idx = append(idx, e)
		}
		f.Close()
		got := map[string]string{}
		for _, e := range idx {
			got[filepath.ToSlash(strings.TrimPrefix(e.Path, filepath.Join(dir, "in")+string(filepath.Separator)))] = string(e.Status) + " " + e.Output
		}
		want := map[string]string{
			"a/预算.txt":    "ok 预算.json",
			"b/预算.txt":    "ok 预算-2.json",
			"c/预算.pdf":    "failed ",
			"d/other.txt": "duplicate ",
		}
		for k, v := range want {
			if got[k] != v {
				t.Errorf("run %d: index %s = %q, want %q", run, k, got[k], v)
			}
		}
		var d schema.Document
		b, _ := os.ReadFile(filepath.Join(out, "预算-2.json"))
		if err := json.Unmarshal(b, &d); err != nil || d.Meta.Issuer.Name != "乙局" {
			t.Errorf("预算-2.json: %v, issuer %q", err, d.Meta.Issuer.Name)
		}
	}
	if _, err := os.Stat(filepath.Join(out, stateDirName, "journal.jsonl")); err != nil {
		t.Errorf("journal not inside the directory: %v", err)
	}
}

func TestRunCSV(t *testing.T) {
	dir := t.TempDir()
	txtFiles(t, dir, 3, map[string]string{"in/bad.txt": "fail\n"})
	in := []string{filepath.Join(dir, "in")}
	tests := []struct {
		out, format string
		docs, errs  string
	}{
		{filepath.Join(dir, "set.csv"), "", filepath.Join(dir, "set.documents.csv"), filepath.Join(dir, "set.errors.csv")},
		{filepath.Join(dir, "csvdir"), "csv", filepath.Join(dir, "csvdir", "documents.csv"), filepath.Join(dir, "csvdir", "errors.csv")},
	}
	for _, tc := range tests {
		if _, err := Run(t.Context(), in, Options{Output: tc.out, Format: tc.format, ConvertFunc: fakeConvert(nil, nil)}); err != nil {
			t.Fatal(err)
		}
		for file, lines := range map[string]int{tc.docs: 4, tc.errs: 2} {
			b, err := os.ReadFile(file)
			if err != nil {
				t.Errorf("%s: %v", tc.out, err)
				continue
			}
			if n := strings.Count(string(b), "\r\n"); n != lines {
				t.Errorf("%s: %d lines, want %d", file, n, lines)
			}
		}
	}
}

func TestResolveTarget(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "exists.txt")
	os.WriteFile(file, nil, 0o644)
	tests := []struct {
		out, format string
		want        string // format, "dir" suffix for directories, or "error"
	}{
		{"x.xlsx", "", "xlsx"},
		{"X.XLSX", "", "xlsx"},
		{"x.csv", "", "csv"},
		{"x.csv", "csv", "csv"},
		{"x", "csv", "csv dir"},
		{"x", "", "json dir"},
		{"x", "json", "json dir"},
		{"x.json", "", "error"},
		{"x", "xlsx", "error"},
		{"x.xlsx", "pdf", "error"},
		{file, "", "error"},
		{dir, "xlsx", "error"},
		{"", "", "error"},
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

func TestProgressLine(t *testing.T) {
	p := newProgress(nil, 10)
	p.begun = time.Unix(1000, 0)
	for i := range 4 {
		p.begin(fmt.Sprint("f", i))
	}
	p.current["old/"+strings.Repeat("很长的文件名", 7)+".pdf"] = time.Unix(999, 0)
	p.done(Entry{Status: StatusOK})
	p.done(Entry{Status: StatusTimeout})
	p.end("f0")
	got := p.line(time.Unix(1002, 0))
	want := "2/10 files  1.0 files/s  ETA 8s  failed 1  " + strings.Repeat("很长的文件名", 6) + "很长的…"
	if got != want {
		t.Errorf("line\n got %q\nwant %q", got, want)
	}
	if got := newProgress(nil, 3).line(time.Now()); !strings.Contains(got, "ETA --") {
		t.Errorf("no rate yet: %q", got)
	}
}

func TestRunRemovesStaleTemps(t *testing.T) {
	dir := t.TempDir()
	txtFiles(t, dir, 2, nil)
	out := filepath.Join(dir, "out.xlsx")
	stale := []string{
		filepath.Join(dir, ".out.xlsx.12345.tmp"),             // a killed finalize
		filepath.Join(out+".parts", ".deadbeef.json.999.tmp"), // a killed part write
	}
	keep := filepath.Join(dir, ".other.xlsx.1.tmp") // not ours
	for _, p := range append(stale, keep) {
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("half"), 0o644)
	}
	if _, err := Run(t.Context(), []string{filepath.Join(dir, "in")}, Options{Output: out, ConvertFunc: fakeConvert(nil, nil)}); err != nil {
		t.Fatal(err)
	}
	for _, p := range stale {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("%s survived", p)
		}
	}
	if _, err := os.Stat(keep); err != nil {
		t.Errorf("another output's temp file was removed")
	}
}
