//go:build unix

package main

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestExtractRefusesFIFO: a named pipe is refused at once, not read forever.
func TestExtractRefusesFIFO(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe.pdf")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	for _, cmd := range []string{"extract", "inspect"} {
		code, _, stderr := runCLI(t, cmd, fifo)
		if code != exitFail || !strings.Contains(stderr, "not a regular file (a named pipe)") {
			t.Errorf("%s: exit %d, stderr %q", cmd, code, stderr)
		}
	}
}
