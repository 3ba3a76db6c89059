package pdf

import (
	"context"
	"os"
	"strconv"
	"testing"

	"github.com/yusuan/yusuan/extract"
)

// TestDumpPage prints the rules and lines of page $PAGE of $PDF (a debugging aid).
func TestDumpPage(t *testing.T) {
	path, pg := os.Getenv("PDF"), os.Getenv("PAGE")
	if path == "" || pg == "" {
		t.Skip("PDF and PAGE not set")
	}
	n, _ := strconv.Atoi(pg)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := Read(context.Background(), data, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := f.Pages[n-1]
	t.Logf("page %d %vx%v rules %d glyphs %d", p.Number, p.Width, p.Height, len(p.Rules), len(p.Glyphs))
	for _, r := range p.Rules {
		t.Logf("rule %.1f %.1f %.1f %.1f", r.X0, r.Y0, r.X1, r.Y1)
	}
	for _, l := range PageLines(p) {
		s := ""
		for _, c := range l.Cells {
			s += " [" + strconv.FormatFloat(c.X0, 'f', 1, 64) + "-" + strconv.FormatFloat(c.X1, 'f', 1, 64) + " " + c.Text + "]"
		}
		t.Logf("line base %.1f y %.1f-%.1f sz %.1f:%s", l.Base, l.Y0, l.Y1, l.Size, s)
	}
}

// TestInspect prints $PDF as `yusuan inspect` does (a debugging aid that
// needs no command build).
func TestInspect(t *testing.T) {
	path := os.Getenv("PDF")
	if path == "" || os.Getenv("PAGE") != "" {
		t.Skip("PDF not set")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Extract(context.Background(), data, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	extract.WriteText(os.Stdout, doc)
}
