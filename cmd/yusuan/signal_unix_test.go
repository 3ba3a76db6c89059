//go:build unix

package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// waitFor polls until ok or fails after a while.
func waitFor(t *testing.T, what string, ok func() bool) {
	t.Helper()
	for i := 0; !ok(); i++ {
		if i > 6000 {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestExtractSIGTERM stops an extract writing -o with SIGTERM: the earlier
// output stays, no temporary file is left, exit 1.
func TestExtractSIGTERM(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	copySamples(t, in, 400)
	inputs, _ := filepath.Glob(filepath.Join(in, "*.txt"))
	out := filepath.Join(dir, "out.json")
	os.WriteFile(out, []byte("GOOD"), 0o644)
	cmd := exec.Command(bin, append([]string{"extract", "-o", out}, inputs...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	waitFor(t, "the temporary output", func() bool { return len(tmpLeft(t, dir)) > 0 })
	cmd.Process.Signal(syscall.SIGTERM)
	err := cmd.Wait()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != exitFail {
		t.Errorf("exit: %v, want %d\n%s", err, exitFail, stderr.String())
	}
	keptGood(t, out, "GOOD")
	if left := tmpLeft(t, dir); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
	if !strings.Contains(stderr.String(), "interrupted") {
		t.Errorf("stderr should say interrupted:\n%s", stderr.String())
	}
}

// TestBatchCtrlC interrupts a batch: it reports the run as interrupted,
// with no failures, and the summary agrees.
func TestBatchCtrlC(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	copySamples(t, in, 8)
	out := filepath.Join(dir, "out.xlsx")
	cmd := exec.Command(bin, "batch", "--workers", "1", "-o", out, in)
	cmd.Env = append(os.Environ(), batchDelayEnv+"=300ms")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	waitFor(t, "a journaled file", func() bool { return journalEntries(out+".journal.jsonl") >= 1 })
	cmd.Process.Signal(os.Interrupt)
	err := cmd.Wait()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != exitFail {
		t.Errorf("exit: %v, want %d", err, exitFail)
	}
	msg := stderr.String()
	if !strings.Contains(msg, " 0 failed") || !strings.Contains(msg, "interrupted: ") || strings.Contains(msg, "\nfailed:") {
		t.Errorf("want an interrupted run with no failures:\n%s", msg)
	}
}
