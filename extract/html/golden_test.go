package html

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yusuan/yusuan/extract"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/*.json from the current output")

// corpusDir finds shared/corpus next to the repository root (…/main →
// …/shared/corpus) by walking up from the package directory.
func corpusDir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return filepath.Join(filepath.Dir(d), "shared", "corpus")
		}
		if filepath.Dir(d) == d {
			return filepath.Join(dir, "shared", "corpus")
		}
	}
}

// samplesDir is the repository's samples/ directory.
func samplesDir(t testing.TB) string {
	return filepath.Join(filepath.Dir(corpusDir(t)), "..", "main", "samples")
}

type goldenCase struct {
	name string // golden file base name
	path string
}

func goldenCases(t *testing.T) []goldenCase {
	var cs []goldenCase
	samples, _ := filepath.Glob(filepath.Join("..", "..", "samples", "html-*.html"))
	for _, p := range samples {
		cs = append(cs, goldenCase{strings.TrimSuffix(filepath.Base(p), ".html"), p})
	}
	corpus := corpusDir(t)
	cq := filepath.Join(corpus, "raw", "chongqing-jiaowei", "budget2017.jsp")
	cs = append(cs, goldenCase{"corpus-chongqing-jiaowei-budget2017", cq})
	pt, _ := filepath.Glob(filepath.Join(corpus, "raw", "fujian-pingtan", "*.html"))
	for _, p := range pt {
		id, _, _ := strings.Cut(filepath.Base(p), "_")
		cs = append(cs, goldenCase{"corpus-fujian-pingtan-" + id, p})
	}
	return cs
}

func extractFile(t testing.TB, path string) *extract.Document {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		if os.IsNotExist(err) {
			t.Skipf("input %s is absent; skipping", path)
		}
		t.Fatal(err)
	}
	doc, err := Extract(context.Background(), data, extract.Options{Name: filepath.Base(path)})
	if err != nil {
		t.Fatalf("extract %s: %v", path, err)
	}
	return doc
}

func TestGolden(t *testing.T) {
	for _, c := range goldenCases(t) {
		t.Run(c.name, func(t *testing.T) {
			if testing.Short() && strings.HasPrefix(c.name, "corpus-") {
				t.Skip("corpus skipped in -short mode")
			}
			doc := extractFile(t, c.path)
			got, err := json.MarshalIndent(doc, "", " ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := filepath.Join("testdata", "golden", c.name+".json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./extract/html -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s; run with -update and review the diff", c.path, golden)
			}
		})
	}
}
