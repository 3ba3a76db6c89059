package yusuan_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yusuan/yusuan"
	"github.com/yusuan/yusuan/internal/testcorpus"
	"github.com/yusuan/yusuan/schema"
)

var update = flag.Bool("update", false, "rewrite testdata/golden from the current output")

// TestSamplesGolden converts every bundled sample and compares the schema
// document with testdata/golden/<sample>.json. Review a change to the
// goldens as a diff; rewrite them with go test -run TestSamplesGolden -update.
func TestSamplesGolden(t *testing.T) {
	dir := filepath.Join(testcorpus.Root(t), "samples")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, ".") || strings.HasSuffix(name, ".md") {
			continue
		}
		n++
		t.Run(name, func(t *testing.T) {
			doc, err := yusuan.ConvertFile(context.Background(), filepath.Join(dir, name), yusuan.Options{})
			if err != nil {
				t.Fatal(err)
			}
			doc.Source.Path = "samples/" + name
			doc.Source.Producer = "" // differs from build to build
			var buf bytes.Buffer
			if err := schema.WriteJSON(&buf, []*schema.Document{doc}, true); err != nil {
				t.Fatal(err)
			}
			testcorpus.Golden(t, filepath.Join("testdata", "golden", name+".json"), buf.Bytes(), *update)
		})
	}
	if n < 2 {
		t.Fatalf("found %d samples in %s, want at least 2", n, dir)
	}
}

// TestSamplesClean: the bundled samples are written to add up, so the
// validator must find nothing above info in them (no false alarms).
func TestSamplesClean(t *testing.T) {
	dir := filepath.Join(testcorpus.Root(t), "samples")
	matches, _ := filepath.Glob(filepath.Join(dir, "*"))
	for _, path := range matches {
		if strings.HasSuffix(path, ".md") {
			continue
		}
		doc, err := yusuan.ConvertFile(context.Background(), path, yusuan.Options{})
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		for _, f := range doc.Findings {
			if f.Severity != schema.SevInfo && !strings.HasPrefix(f.Rule, "extract.") {
				t.Errorf("%s: unexpected %s finding %s: %s", filepath.Base(path), f.Severity, f.Rule, f.Message)
			}
		}
		if doc.Summary.Revenue.Total == nil && doc.Summary.Expenditure.Total == nil {
			t.Errorf("%s: no revenue or expenditure total found", filepath.Base(path))
		}
	}
}
