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
			var buf bytes.Buffer
			if err := schema.WriteJSON(&buf, []*schema.Document{doc}, true); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "golden", name+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -run TestSamplesGolden -update to create it)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("output differs from %s; rerun with -update and review the diff:\n%s", golden, firstDiff(string(want), buf.String()))
			}
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

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return "line " + itoa(i+1) + ":\n- " + x + "\n+ " + y
		}
	}
	return ""
}

func itoa(i int) string { return fmtInt(i) }

func fmtInt(i int) string {
	if i == 0 {
		return "0"
	}
	var b []byte
	for i > 0 {
		b = append([]byte{byte('0' + i%10)}, b...)
		i /= 10
	}
	return string(b)
}
