package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// copySample copies a sample into dir under name.
func copySample(t *testing.T, sampleName, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(sample(sampleName))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func tmpLeft(t *testing.T, dir string) []string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(dir, ".*.tmp"))
	return m
}

// TestExtractOutputNeverLost: -o keeps a good file when nothing converts or
// the run is interrupted, refuses an input or a folder as the output,
// writes through a symbolic link, leaves no temporary file and makes the
// output 0644.
func TestExtractOutputNeverLost(t *testing.T) {
	const good = `{"good":true}`
	txt := "qinghe-agriculture-2023-budget.txt"
	cases := []struct {
		name  string
		setup func(t *testing.T, dir string) (args []string, ctx context.Context)
		code  int
		check func(t *testing.T, dir, stderr string)
	}{
		{"every input fails", func(t *testing.T, dir string) ([]string, context.Context) {
			return []string{"-o", filepath.Join(dir, "out.json"), filepath.Join(dir, "missing.txt")}, t.Context()
		}, exitFail, func(t *testing.T, dir, stderr string) {
			keptGood(t, filepath.Join(dir, "out.json"), good)
			if !strings.Contains(stderr, "left as it was") {
				t.Errorf("stderr should say the output was kept: %s", stderr)
			}
		}},
		{"interrupted", func(t *testing.T, dir string) ([]string, context.Context) {
			ctx, cancel := context.WithCancel(t.Context())
			cancel()
			return []string{"-o", filepath.Join(dir, "out.json"), copySample(t, txt, dir, "a.txt")}, ctx
		}, exitFail, func(t *testing.T, dir, stderr string) {
			keptGood(t, filepath.Join(dir, "out.json"), good)
			if !strings.Contains(stderr, "interrupted") {
				t.Errorf("stderr should say interrupted: %s", stderr)
			}
		}},
		{"output is an input", func(t *testing.T, dir string) ([]string, context.Context) {
			in := copySample(t, txt, dir, "in.txt")
			return []string{"-o", in, in}, t.Context()
		}, exitUsage, func(t *testing.T, dir, stderr string) {
			if b, _ := os.ReadFile(filepath.Join(dir, "in.txt")); !strings.Contains(string(b), "青禾县") {
				t.Errorf("the input was overwritten")
			}
		}},
		{"output is a folder", func(t *testing.T, dir string) ([]string, context.Context) {
			return []string{"-o", dir, copySample(t, txt, dir, "a.txt")}, t.Context()
		}, exitUsage, func(t *testing.T, dir, stderr string) {
			if !strings.Contains(stderr, "directory") {
				t.Errorf("stderr should name the problem: %s", stderr)
			}
		}},
		{"through a symlink", func(t *testing.T, dir string) ([]string, context.Context) {
			if err := os.Symlink("out.json", filepath.Join(dir, "link.json")); err != nil {
				t.Skip(err)
			}
			return []string{"-o", filepath.Join(dir, "link.json"), copySample(t, txt, dir, "a.txt")}, t.Context()
		}, exitOK, func(t *testing.T, dir, stderr string) {
			if st, err := os.Lstat(filepath.Join(dir, "link.json")); err != nil || st.Mode()&os.ModeSymlink == 0 {
				t.Errorf("the link was replaced by a file")
			}
			b, _ := os.ReadFile(filepath.Join(dir, "out.json"))
			if !strings.Contains(string(b), "schema_version") {
				t.Errorf("the link's target was not written: %.60s", b)
			}
			if st, _ := os.Stat(filepath.Join(dir, "out.json")); st.Mode().Perm() != 0o644 {
				t.Errorf("mode %v, want 0644", st.Mode().Perm())
			}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, "out.json"), []byte(good), 0o644)
			args, ctx := tc.setup(t, dir)
			var out, errb strings.Builder
			code := run(ctx, append([]string{"extract"}, args...), &out, &errb)
			if code != tc.code {
				t.Errorf("exit %d, want %d; stderr: %s", code, tc.code, errb.String())
			}
			tc.check(t, dir, errb.String())
			if left := tmpLeft(t, dir); len(left) != 0 {
				t.Errorf("temporary files left: %v", left)
			}
		})
	}
}

func keptGood(t *testing.T, path, good string) {
	t.Helper()
	if b, err := os.ReadFile(path); err != nil || string(b) != good {
		t.Errorf("%s = %q, %v; want the earlier output kept", path, b, err)
	}
}

// TestExtractNames: a name with a newline stays on one error line; a name
// that is not UTF-8 is kept, escaped, in source.path.
func TestExtractNames(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := runCLI(t, "extract", filepath.Join(dir, "no\nsuch.txt"))
	if code != exitFail || strings.Count(strings.TrimSpace(stderr), "\n") != 0 || !strings.Contains(stderr, `no\nsuch.txt"`) {
		t.Errorf("exit %d, stderr %q: want one line with the name quoted", code, stderr)
	}
	gbk := copySample(t, "qinghe-agriculture-2023-budget.txt", dir, "\xb9\xfa.txt")
	code, out, stderr := runCLI(t, "extract", gbk)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc struct {
		Source struct{ Path, Producer string }
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(doc.Source.Path, `\xb9\xfa.txt`) {
		t.Errorf("source.path = %q, want the bytes escaped", doc.Source.Path)
	}
	if !strings.HasPrefix(doc.Source.Producer, "yusuan ") {
		t.Errorf("source.producer = %q, want the yusuan build", doc.Source.Producer)
	}
}

// TestInspectPages reads only the pages asked for.
func TestInspectPages(t *testing.T) {
	code, out, stderr := runCLI(t, "inspect", "--format", "json", "--pages", "2", sample("pdf-disclosure-libreoffice.pdf"))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var x struct {
		Blocks []struct {
			At struct{ Page int }
		}
	}
	if err := json.Unmarshal([]byte(out), &x); err != nil {
		t.Fatal(err)
	}
	if len(x.Blocks) == 0 {
		t.Fatal("no blocks on page 2")
	}
	for _, b := range x.Blocks {
		if b.At.Page != 2 {
			t.Fatalf("a block from page %d", b.At.Page)
		}
	}
}
