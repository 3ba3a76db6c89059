package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// builtBinary is cmd/yusuan built once per test process: each build is a
// link of the whole program, seconds that every test would otherwise pay.
var builtBinary struct {
	once sync.Once
	dir  string
	bin  string
	err  error
}

// TestMain removes the built binary after the tests.
func TestMain(m *testing.M) {
	code := m.Run()
	if builtBinary.dir != "" {
		os.RemoveAll(builtBinary.dir)
	}
	os.Exit(code)
}

// buildBinary returns the path of cmd/yusuan, built on first use.
func buildBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	b := &builtBinary
	b.once.Do(func() {
		b.dir, b.err = os.MkdirTemp("", "yusuan-bin-")
		if b.err != nil {
			return
		}
		b.bin = filepath.Join(b.dir, "yusuan")
		if out, err := exec.Command("go", "build", "-o", b.bin, ".").CombinedOutput(); err != nil {
			b.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if b.err != nil {
		t.Fatal(b.err)
	}
	return b.bin
}

// copySamples writes n inputs made from the txt samples, each under its
// own name and with a different number of trailing spaces, so no two share
// a SHA-256.
func copySamples(t *testing.T, dir string, n int) {
	t.Helper()
	samples, err := filepath.Glob("../../samples/*.txt")
	if err != nil || len(samples) == 0 {
		t.Fatalf("no txt samples in ../../samples: %v", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for i := range n {
		src := samples[i%len(samples)]
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		b = append(b, bytes.Repeat([]byte(" "), i+1)...)
		name := fmt.Sprintf("%03d-%s", i, filepath.Base(src))
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// journalEntries counts the entry lines of a journal (its header aside).
func journalEntries(path string) int {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	n := 0
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, `{"path"`) {
			n++
		}
	}
	return n
}

// TestBatchKillAndResume SIGKILLs a batch halfway, reruns the same command
// and checks that the workbook has every document exactly once.
func TestBatchKillAndResume(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	const n = 60
	copySamples(t, in, n)
	out := filepath.Join(dir, "out.xlsx")
	args := []string{"batch", "--workers", "2", "-o", out, in}

	first := exec.Command(bin, args...)
	first.Env = append(os.Environ(), batchDelayEnv+"=50ms")
	var stderr1 bytes.Buffer
	first.Stderr = &stderr1
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	journal := out + ".journal.jsonl"
	deadline := time.Now().Add(60 * time.Second)
	for journalEntries(journal) < n/3 {
		if time.Now().After(deadline) {
			first.Process.Kill()
			t.Fatalf("the batch journaled %d files in 60s\n%s", journalEntries(journal), stderr1.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err := first.Process.Kill(); err != nil { // SIGKILL: no cleanup runs
		t.Fatal(err)
	}
	first.Wait()
	done := journalEntries(journal)
	if done >= n {
		t.Fatalf("killed too late: %d of %d files journaled", done, n)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Fatalf("a killed run left %s behind", out)
	}
	if b, err := os.ReadFile(out + ".lock"); err != nil || strings.TrimSpace(string(b)) != strconv.Itoa(first.Process.Pid) {
		t.Fatalf("want the dead run's lock left behind (stale), got %q, %v", b, err)
	}

	second := exec.Command(bin, args...)
	var stderr2 bytes.Buffer
	second.Stderr = &stderr2
	if err := second.Run(); err != nil {
		t.Fatalf("rerun: %v\n%s", err, stderr2.String())
	}
	if !strings.Contains(stderr2.String(), fmt.Sprintf("this run converted %d, resumed %d", n-done, done)) {
		t.Errorf("rerun should convert %d and resume %d:\n%s", n-done, done, stderr2.String())
	}

	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatalf("open %s: %v", out, err)
	}
	defer f.Close()
	for _, sheet := range f.GetSheetList() {
		if _, err := f.GetRows(sheet); err != nil {
			t.Errorf("sheet %s: %v", sheet, err)
		}
	}
	rows, err := f.GetRows("文件")
	if err != nil {
		t.Fatal(err)
	}
	paths := map[string]int{}
	for _, r := range rows[1:] {
		paths[r[0]]++
	}
	if len(rows)-1 != n || len(paths) != n {
		t.Errorf("documents sheet: %d rows, %d distinct paths; want %d each", len(rows)-1, len(paths), n)
	}
	for p, c := range paths {
		if c != 1 {
			t.Errorf("%s appears %d times", p, c)
		}
	}
	if errs, _ := f.GetRows("转换失败"); len(errs) != 1 {
		t.Errorf("errors sheet has %d rows, want only the header: %q", len(errs)-1, errs[1:])
	}
	if _, err := os.Stat(out + ".lock"); !os.IsNotExist(err) {
		t.Errorf("lock left after a finished run")
	}
}

// TestBatchSecondRunRefused starts a batch that cannot finish (each file
// waits an hour) and a second one on the same output: the second must
// refuse, naming the first's pid. Nothing depends on timing: the second run
// starts only once the first is converting, and the first never finishes.
func TestBatchSecondRunRefused(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	copySamples(t, in, 2)
	out := filepath.Join(dir, "out")
	first := exec.Command(bin, "batch", "--timeout", "0", "--workers", "1", "-o", out, in)
	first.Env = append(os.Environ(), batchDelayEnv+"=1h")
	var stderr1 bytes.Buffer
	first.Stderr = &stderr1
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { first.Wait(); close(exited) }()
	defer func() { first.Process.Kill(); <-exited }()
	// The journal is opened after the lock is taken and the inputs hashed:
	// once it exists the first run is converting, and stays so.
	journal := filepath.Join(out, ".yusuan-batch", "journal.jsonl")
	for {
		if _, err := os.Stat(journal); err == nil {
			break
		}
		select {
		case <-exited:
			t.Fatalf("the first run ended before converting\n%s", stderr1.String())
		case <-time.After(5 * time.Millisecond):
		}
	}
	second := exec.Command(bin, "batch", "--workers", "1", "-o", out, in)
	var stderr bytes.Buffer
	second.Stderr = &stderr
	err := second.Run()
	checkRefused(t, err, stderr.String(), first.Process.Pid)
}

// TestBatchRefusedBeforeLoading holds the lock of an output itself (a lock
// file naming this live test process) and runs a batch on that output with
// dictionaries that cannot load: the batch must refuse for the lock, which
// it takes before loading the segmenter, not fail for the dictionaries.
func TestBatchRefusedBeforeLoading(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	copySamples(t, in, 1)
	out := filepath.Join(dir, "out")
	state := filepath.Join(out, ".yusuan-batch")
	if err := os.MkdirAll(state, 0o755); err != nil {
		t.Fatal(err)
	}
	lock := filepath.Join(state, "lock")
	held := fmt.Sprintf("%d\n", os.Getpid())
	if err := os.WriteFile(lock, []byte(held), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "batch", "--dict-dir", filepath.Join(dir, "no-such-dict"), "-o", out, in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	checkRefused(t, err, stderr.String(), os.Getpid())
	if b, err := os.ReadFile(lock); err != nil || string(b) != held {
		t.Errorf("the refused run touched the lock: %q, %v", b, err)
	}
}

// checkRefused checks that a batch exited 1 because pid holds the lock, and
// printed no summary.
func checkRefused(t *testing.T, err error, msg string, pid int) {
	t.Helper()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != exitFail {
		t.Fatalf("second run: %v, want exit %d\n%s", err, exitFail, msg)
	}
	if !strings.Contains(msg, "another yusuan batch") || !strings.Contains(msg, "pid "+strconv.Itoa(pid)+" ") {
		t.Errorf("refusal should name the other run's pid %d:\n%s", pid, msg)
	}
	sc := bufio.NewScanner(strings.NewReader(msg))
	for sc.Scan() {
		if strings.Contains(sc.Text(), "inputs:") {
			t.Errorf("a refused run printed a summary: %s", sc.Text())
		}
	}
}
