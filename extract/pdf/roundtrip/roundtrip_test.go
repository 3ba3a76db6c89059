package roundtrip_test

// Format invariance: the same disclosure printed to PDF by different
// programs must come out with the same tables, and the same schema figures
// as its source.

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/yusuan/yusuan"
	"github.com/yusuan/yusuan/extract"
	exthtml "github.com/yusuan/yusuan/extract/html"
	"github.com/yusuan/yusuan/extract/pdf"
	"github.com/yusuan/yusuan/extract/txt"
	"github.com/yusuan/yusuan/internal/testcorpus"
	"github.com/yusuan/yusuan/schema"
)

// gridOf renders a table's cells with their spans: "text" or
// "text{rs×cs}", covered cells "〃".
func gridOf(t *extract.Table) []string {
	var out []string
	for _, row := range t.Rows {
		var cs []string
		for _, c := range row {
			switch {
			case c.Covered:
				cs = append(cs, "〃")
			case c.RowSpan > 1 || c.ColSpan > 1:
				cs = append(cs, fmt.Sprintf("%s{%d×%d}", c.Text, max(c.RowSpan, 1), max(c.ColSpan, 1)))
			default:
				cs = append(cs, c.Text)
			}
		}
		out = append(out, strings.Join(cs, " | "))
	}
	return out
}

func docTables(d *extract.Document) []*extract.Table {
	var ts []*extract.Table
	for _, b := range d.Blocks {
		if b.Kind == extract.KindTable {
			ts = append(ts, b.Table)
		}
	}
	return ts
}

// TestSamplesMatchHTML: samples/pdf-disclosure-*.pdf, printed from
// extract/pdf/testdata/render/disclosure.html by Chromium and LibreOffice
// (scripts/render-samples.sh), hold the tables of the HTML cell for cell:
// same texts (a wrapped name joined, "" apart from "0" and "-"), spans,
// header rows and unit.
func TestSamplesMatchHTML(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "testdata", "render", "disclosure.html"))
	if err != nil {
		t.Fatal(err)
	}
	hdoc, err := exthtml.Extract(context.Background(), src, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := docTables(hdoc)
	if len(want) != 3 {
		t.Fatalf("HTML source has %d tables, want 3", len(want))
	}
	for _, name := range []string{"pdf-disclosure-chromium.pdf", "pdf-disclosure-libreoffice.pdf"} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(testcorpus.Sample(t, name))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := pdf.Extract(context.Background(), data, extract.Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := docTables(doc)
			if len(got) != len(want) {
				t.Fatalf("%d tables, want %d", len(got), len(want))
			}
			for i := range want {
				g, w := gridOf(got[i]), gridOf(want[i])
				if !reflect.DeepEqual(g, w) {
					t.Errorf("table %d:\n got %q\nwant %q", i+1, g, w)
				}
				if got[i].HeaderRows != want[i].HeaderRows || got[i].Unit != "万元" {
					t.Errorf("table %d: header rows %d (HTML %d), unit %q", i+1, got[i].HeaderRows, want[i].HeaderRows, got[i].Unit)
				}
				if len(got[i].Caption) == 0 || !strings.HasSuffix(got[i].Caption[0], "表") {
					t.Errorf("table %d: caption %q", i+1, got[i].Caption)
				}
			}
			if n := got[1].Notes; len(n) != 1 || !strings.HasPrefix(n[0], "注：") {
				t.Errorf("notes of table 2: %q", n)
			}
		})
	}
}

// seedHTML renders the seed's intermediate document (its tab-per-cell
// tables rebuilt by the txt extractor) as a plain HTML page with ruled
// tables (ruled by CSS, which LibreOffice's HTML import ignores: there they
// print unruled), each table's caption lines as paragraphs above it.
func seedHTML(d *extract.Document) string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>
body { font-family: "WenQuanYi Zen Hei", "Noto Sans CJK SC", sans-serif; font-size: 10pt; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; page-break-inside: avoid; }
td { border: 1px solid #000; padding: 2pt 3pt; }
</style></head><body>
`)
	for _, bl := range d.Blocks {
		switch bl.Kind {
		case extract.KindHeading:
			lv := min(max(bl.Level, 1), 4) + 1
			fmt.Fprintf(&b, "<h%d>%s</h%d>\n", lv, html.EscapeString(bl.Text), lv)
		case extract.KindTable:
			for _, c := range bl.Table.Caption {
				fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(c))
			}
			b.WriteString("<table>\n")
			for _, row := range bl.Table.Rows {
				b.WriteString("<tr>")
				for _, c := range row {
					if c.Covered {
						continue
					}
					b.WriteString("<td")
					if c.RowSpan > 1 {
						fmt.Fprintf(&b, ` rowspan="%d"`, c.RowSpan)
					}
					if c.ColSpan > 1 {
						fmt.Fprintf(&b, ` colspan="%d"`, c.ColSpan)
					}
					fmt.Fprintf(&b, ">%s</td>", strings.ReplaceAll(html.EscapeString(c.Text), "\n", "<br>"))
				}
				b.WriteString("</tr>\n")
			}
			b.WriteString("</table>\n")
		default:
			fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(bl.Text))
		}
	}
	b.WriteString("</body></html>\n")
	return b.String()
}

// chromiumPDF prints an HTML file to PDF, or skips the test.
func chromiumPDF(t *testing.T, htmlPath string) []byte {
	t.Helper()
	bin := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			bin = p
			break
		}
	}
	if bin == "" {
		t.Skip("chromium not on PATH (apt-get install -y chromium fonts-wqy-zenhei)")
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "out.pdf")
	cmd := exec.Command(bin, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--no-pdf-header-footer",
		"--print-to-pdf="+out, "file://"+htmlPath)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, b)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// figures keeps the parts of a schema document the seed test compares,
// without provenance and printed text.
func figures(t *testing.T, v any) any { return testcorpus.Without(t, v, "at", "text") }

func noTitles(its []schema.IndicatorTable) []schema.IndicatorTable {
	out := make([]schema.IndicatorTable, len(its))
	for i, it := range its {
		it.Title = ""
		out[i] = it
	}
	return out
}

// checkSeedFigures compares what a rendering of the seed gives with what the
// txt gives: meta, summary, 三公, 机关运行经费, procurement, both indicator
// tables (17 rows; titles may differ in spaces), assets, the lists and the
// finding rules.
func checkSeedFigures(t *testing.T, got, want *schema.Document) {
	t.Helper()
	if n := len(got.Performance.IndicatorTables); n != 2 {
		t.Errorf("%d indicator tables through PDF, want 2", n)
	}
	n := 0
	for _, it := range got.Performance.IndicatorTables {
		n += len(it.Rows)
	}
	if n != 17 {
		t.Errorf("indicator rows through PDF: %d, want 17", n)
	}
	for _, f := range []struct {
		name      string
		got, want any
	}{
		{"meta", got.Meta, want.Meta},
		{"summary", got.Summary, want.Summary},
		{"three_public", got.ThreePublic, want.ThreePublic},
		{"operating_expenses", got.OperatingExpenses, want.OperatingExpenses},
		{"procurement.total", got.Procurement.Total, want.Procurement.Total},
		{"indicator tables", noTitles(got.Performance.IndicatorTables), noTitles(want.Performance.IndicatorTables)},
		{"assets.as_of", got.Assets.AsOf, want.Assets.AsOf},
		{"assets.total", got.Assets.Total, want.Assets.Total},
		{"assets.items", got.Assets.Items, want.Assets.Items},
		{"responsibilities", len(got.Responsibilities), len(want.Responsibilities)},
		{"glossary", len(got.Glossary), len(want.Glossary)},
		{"finding rules", findingRules(got), findingRules(want)},
	} {
		g, w := figures(t, f.got), figures(t, f.want)
		if !reflect.DeepEqual(g, w) {
			gb, _ := json.Marshal(g)
			wb, _ := json.Marshal(w)
			t.Errorf("%s differs through PDF:\n got %s\nwant %s", f.name, gb, wb)
		}
	}
}

// TestSeedThroughPDF prints the seed disclosure to PDF with Chromium at
// test time and checks that the PDF path gives the schema figures of the
// txt path: summary, 三公, 机关运行经费, the indicator tables (17 rows) and
// the asset items.
func TestSeedThroughPDF(t *testing.T) {
	if testing.Short() {
		t.Skip("renders with chromium; skipped in -short mode")
	}
	seed := testcorpus.Seed(t)
	data, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	td, err := txt.Extract(context.Background(), data, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	want, err := yusuan.ConvertFile(ctx, seed, yusuan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Chromium embeds WenQuanYi as CID TrueType (Identity-H) and Noto CJK as
	// Type 3 fonts: both routes must give the txt's figures.
	for _, font := range []struct{ name, family string }{
		{"wenquanyi", `"WenQuanYi Zen Hei"`},
		{"noto", `"Noto Sans CJK SC", "Noto Serif CJK SC"`},
	} {
		t.Run(font.name, func(t *testing.T) {
			page := filepath.Join(t.TempDir(), "seed.html")
			html := strings.Replace(seedHTML(td), `font-family: "WenQuanYi Zen Hei", "Noto Sans CJK SC", sans-serif;`,
				"font-family: "+font.family+", sans-serif;", 1)
			if err := os.WriteFile(page, []byte(html), 0o644); err != nil {
				t.Fatal(err)
			}
			got, err := yusuan.ConvertBytes(ctx, chromiumPDF(t, page), "seed.pdf", yusuan.Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkSeedFigures(t, got, want)
		})
	}
}

// libreofficePDF converts a file (txt or html) to PDF with LibreOffice, or
// skips the test.
func libreofficePDF(t *testing.T, src string) []byte {
	t.Helper()
	bin, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice not on PATH (apt-get install -y libreoffice-writer fonts-wqy-zenhei)")
	}
	dir := t.TempDir()
	cmd := exec.Command(bin, "--headless", "--norestore",
		"-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "pdf", "--outdir", dir, src)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	out := filepath.Join(dir, strings.TrimSuffix(filepath.Base(src), filepath.Ext(src))+".pdf")
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("soffice wrote no PDF: %v", err)
	}
	return data
}

func findingRules(d *schema.Document) []string {
	var rules []string
	for _, f := range d.Findings {
		rules = append(rules, f.Rule+" "+f.Severity+" "+f.Expected+" "+f.Actual)
	}
	sort.Strings(rules)
	return rules
}

// TestSeedThroughLibreOffice prints the seed disclosure to PDF with
// LibreOffice at test time, once from the .txt itself (its tables come out
// as runs of indented one-cell lines, no ruling) and once from the seed's
// HTML page (ruled tables), and checks that the PDF path gives the schema
// figures of the txt path.
func TestSeedThroughLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("renders with LibreOffice; skipped in -short mode")
	}
	seed := testcorpus.Seed(t)
	data, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	want, err := yusuan.ConvertFile(ctx, seed, yusuan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	td, err := txt.Extract(ctx, data, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, file, content string }{
		{"txt", "seed.txt", string(data)},
		{"html", "page.html", seedHTML(td)},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := filepath.Join(t.TempDir(), c.file)
			if err := os.WriteFile(src, []byte(c.content), 0o644); err != nil {
				t.Fatal(err)
			}
			pdfData := libreofficePDF(t, src)
			got, err := yusuan.ConvertBytes(ctx, pdfData, "seed.pdf", yusuan.Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkSeedFigures(t, got, want)
			if t.Failed() {
				p := filepath.Join(os.TempDir(), "seed-libreoffice-"+c.name+".pdf")
				if os.WriteFile(p, pdfData, 0o644) == nil {
					t.Logf("PDF kept at %s", p)
				}
			}
		})
	}
}
