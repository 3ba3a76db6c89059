package pdf

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/yusuan/yusuan/extract"
)

func TestDumpGlyphs(t *testing.T) {
	path := os.Getenv("PDF")
	if path == "" {
		t.Skip("PDF not set")
	}
	data, _ := os.ReadFile(path)
	f, err := Read(context.Background(), data, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range f.Pages[:min(2, len(f.Pages))] {
		var b strings.Builder
		for _, g := range p.Glyphs {
			b.WriteString(g.Text)
		}
		t.Logf("page %d %.0fx%.0f glyphs %d rules %d: %s", p.Number, p.Width, p.Height, len(p.Glyphs), len(p.Rules), b.String())
	}
	t.Log(f.Problems, f.Outline)
}
