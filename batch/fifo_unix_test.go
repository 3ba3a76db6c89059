//go:build unix

package batch

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestRunRefusesFIFO: a named pipe named explicitly fails with a reason at
// once, instead of blocking the run on open.
func TestRunRefusesFIFO(t *testing.T) {
	dir := t.TempDir()
	txtFiles(t, dir, 1, nil)
	fifo := filepath.Join(dir, "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	rep, err := Run(t.Context(), []string{filepath.Join(dir, "in"), fifo}, Options{Output: filepath.Join(dir, "out.xlsx"), ConvertFunc: fakeConvert(nil, nil)})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range rep.Entries {
		if e.Path == fifo && (e.Status != StatusFailed || !strings.Contains(e.Error, "not a regular file")) {
			t.Errorf("fifo: %s %q, want failed: not a regular file", e.Status, e.Error)
		}
	}
	if rep.Failed() != 1 {
		t.Errorf("%d failed, want the fifo only", rep.Failed())
	}
}
