// Package testcorpus finds the shared test material (../shared beside the
// repository: the seed disclosure and the corpus of real documents) for
// tests, and skips them with a clear message where it is absent, as on a
// user's machine.
package testcorpus

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
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

// Without returns v as generic JSON with the named keys removed at every
// depth, for comparing documents from different formats while ignoring
// what depends on the format (provenance "at", quoted "text", …).
func Without(t testing.TB, v any, keys ...string) any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var m any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	var strip func(any) any
	strip = func(x any) any {
		switch x := x.(type) {
		case map[string]any:
			for k, v := range x {
				if slices.Contains(keys, k) {
					delete(x, k)
					continue
				}
				x[k] = strip(v)
			}
		case []any:
			for i := range x {
				x[i] = strip(x[i])
			}
		}
		return x
	}
	return strip(m)
}

// Golden compares got with the golden file at path, or rewrites the file
// when update is set. A difference fails the test naming the first line
// that differs and how to review it.
func Golden(t testing.TB, path string, got []byte, update bool) {
	t.Helper()
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (rerun the test with -update to create it)", err)
	}
	if string(got) == string(want) {
		return
	}
	gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(gl) || i < len(wl); i++ {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			t.Fatalf("output differs from %s at line %d:\n got: %s\nwant: %s\n(review the change and rerun with -update)", path, i+1, g, w)
		}
	}
}

// ManifestPaths lists the paths (relative to corpus/) a MANIFEST.tsv names.
func ManifestPaths(t testing.TB, manifest string) []string {
	t.Helper()
	f, err := os.Open(manifest)
	if err != nil {
		t.Skipf("no manifest: %v", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = '\t', true, -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", manifest, err)
	}
	var out []string
	for _, row := range rows[1:] {
		if len(row) > 0 && row[0] != "" {
			out = append(out, row[0])
		}
	}
	return out
}
