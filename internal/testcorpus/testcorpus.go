// Package testcorpus finds the shared test material (../shared beside the
// repository: the seed disclosure and the corpus of real documents) for
// tests, and skips them with a clear message where it is absent, as on a
// user's machine.
package testcorpus

import (
	"os"
	"path/filepath"
	"testing"
)

// Root returns the repository root (the directory holding go.mod).
func Root(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("testcorpus: go.mod not found above the working directory")
		}
		dir = parent
	}
}

// Shared returns ../shared/<sub> beside the repository, or skips the test.
func Shared(t testing.TB, sub ...string) string {
	t.Helper()
	p := filepath.Join(append([]string{Root(t), "..", "shared"}, sub...)...)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("shared test material not found at %s (it sits beside the repository on developer machines and CI); skipping", p)
	}
	return p
}

// Seed returns the path of the seed disclosure, or skips.
func Seed(t testing.TB) string {
	return Shared(t, "seeds", "000_7c36b700d0d154f6.txt")
}

// Sample returns the path of a file in samples/.
func Sample(t testing.TB, name string) string {
	return filepath.Join(Root(t), "samples", name)
}
