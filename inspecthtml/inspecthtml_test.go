package inspecthtml_test

import (
	"bytes"
	"context"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/yusuan/yusuan"
	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/inspecthtml"
	"github.com/yusuan/yusuan/internal/testcorpus"
	"github.com/yusuan/yusuan/schema"
)

// render converts path and renders its page.
func render(t testing.TB, path string) (*schema.Document, []byte) {
	t.Helper()
	d, x, err := yusuan.ConvertFileInspected(context.Background(), path, yusuan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := inspecthtml.Write(&buf, x, d, inspecthtml.Options{}); err != nil {
		t.Fatal(err)
	}
	return d, buf.Bytes()
}

// mustMark lists the schema paths the page must mark: the summary, 三公
// and 机关运行经费 figures and every line item's amounts.
var mustMark = regexp.MustCompile(`^(summary\.|three_public\.|operating_expenses$|tables\[\d+\]\.line_items\[)`)

// externalRef matches anything that would make the page reach outside itself.
var externalRef = regexp.MustCompile(`http://|https://|//|src=|href=|url\(|@import`)

func checkSelfContained(t *testing.T, page []byte) {
	t.Helper()
	if loc := externalRef.FindIndex(page); loc != nil {
		t.Errorf("page refers outside itself: …%s…", page[max(loc[0]-60, 0):min(loc[1]+60, len(page))])
	}
}

// checkMarks checks that every figure mustMark selects has a data-field
// element in doc, with a tooltip naming its value in 元.
func checkMarks(t *testing.T, d *schema.Document, dom *goquery.Document) {
	t.Helper()
	n := 0
	for _, f := range inspecthtml.Fields(d) {
		if !mustMark.MatchString(f.Path) {
			continue
		}
		n++
		sel := dom.Find(`[data-field="` + f.Path + `"]`)
		if sel.Length() == 0 {
			t.Errorf("no data-field element for %s (%s, at %s)", f.Path, f.Amount.Text, f.Amount.At)
			continue
		}
		title, _ := sel.First().Attr("title")
		if !strings.Contains(title, f.Amount.Yuan.String()+" 元") || !strings.Contains(title, f.Label) {
			t.Errorf("%s: tooltip %q lacks the label %q or the value in 元", f.Path, title, f.Label)
		}
	}
	if n == 0 {
		t.Error("the document has no summary, 三公 or line-item figure: the test checks nothing")
	}
}

func TestSamplesMarkEveryFigure(t *testing.T) {
	root := testcorpus.Root(t)
	for _, name := range []string{"qinghe-agriculture-2023-budget.txt", "html-nongye-2024.html", "xlsx-qingxi-greening-2026-budget.xlsx", "pdf-disclosure-chromium.pdf"} {
		t.Run(name, func(t *testing.T) {
			d, page := render(t, filepath.Join(root, "samples", name))
			checkSelfContained(t, page)
			dom, err := goquery.NewDocumentFromReader(bytes.NewReader(page))
			if err != nil {
				t.Fatal(err)
			}
			checkMarks(t, d, dom)
			for i := range d.Findings {
				if len(d.Findings[i].At) > 0 && dom.Find(`[data-show-finding]`).Length() != len(d.Findings) {
					t.Errorf("side panel lists %d findings, document has %d", dom.Find(`[data-show-finding]`).Length(), len(d.Findings))
					break
				}
			}
			if dom.Find(".tbl .tinfo").Length() == 0 && len(d.Tables) > 0 {
				t.Error("no table label drawn")
			}
		})
	}
}

func TestFieldLabelsComeFromSchema(t *testing.T) {
	d := &schema.Document{OperatingExpenses: &schema.Amount{}}
	d.ThreePublic.Total = &schema.Amount{}
	d.Tables = []schema.Table{{LineItems: []schema.LineItem{{Name: "行政运行", Amounts: map[schema.ColumnKey]*schema.Amount{schema.ColTotal: {}}}}}}
	want := map[string]string{
		"three_public.total":                    "三公经费 › 三公经费合计",
		"operating_expenses":                    "机关运行经费",
		"tables[0].line_items[0].amounts.total": "表格 › [0] › 科目明细 › [0]「行政运行」 › 金额 › 合计（total）",
	}
	got := map[string]string{}
	for _, f := range inspecthtml.Fields(d) {
		got[f.Path] = f.Label
	}
	for p, l := range want {
		if got[p] != l {
			t.Errorf("label of %s = %q, want %q", p, got[p], l)
		}
	}
	if len(got) != len(want) {
		t.Errorf("fields = %v, want %d", got, len(want))
	}
}

func TestPageFromJSONAlone(t *testing.T) {
	root := testcorpus.Root(t)
	d, _ := render(t, filepath.Join(root, "samples", "xlsx-qingxi-greening-2026-budget.xlsx"))
	var buf bytes.Buffer
	if err := inspecthtml.Write(&buf, nil, d, inspecthtml.Options{}); err != nil {
		t.Fatal(err)
	}
	checkSelfContained(t, buf.Bytes())
	dom, err := goquery.NewDocumentFromReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range inspecthtml.Fields(d) {
		if strings.HasPrefix(f.Path, "tables[") && dom.Find(`[data-field="`+f.Path+`"]`).Length() == 0 {
			t.Errorf("page from JSON: no mark for %s", f.Path)
		}
	}
}

func TestFindingInChinese(t *testing.T) {
	for _, tc := range []struct {
		f    schema.Finding
		want string
	}{
		{schema.Finding{Rule: "three_public.parts_equal_total", Severity: schema.SevWarning, Expected: "100", Actual: "90"}, "警告 · 三公经费：应为 100 元，实为 90 元"},
		{schema.Finding{Rule: "extract.no_text_layer", Severity: schema.SevInfo}, "提示 · 提取"},
		{schema.Finding{Rule: "summary.revenue_equals_expenditure", Severity: schema.SevError, Actual: "5"}, "错误 · 收支总体情况：实为 5 元"},
		{schema.Finding{Rule: "summary.revenue_equals_expenditure", Severity: schema.SevWarning, Message: "支出总额与收入总额不符：…", MessageEn: "revenue total vs expenditure total: …", Actual: "5"},
			"警告 · 收支总体情况：支出总额与收入总额不符：…"},
	} {
		if got := inspecthtml.FindingZh(tc.f); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.f.Rule, got, tc.want)
		}
	}
}

// TestProvenanceNowhere: provenance that points at nothing drawn (a page
// beyond the document, a table that does not exist, a finding without
// places) is listed, never a crash.
func TestProvenanceNowhere(t *testing.T) {
	root := testcorpus.Root(t)
	d, x, err := yusuan.ConvertFileInspected(context.Background(), filepath.Join(root, "samples", "pdf-disclosure-chromium.pdf"), yusuan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	nine, minus := 99, -3
	box := [4]float64{-10, -10, 1e6, 1e6}
	d.OperatingExpenses = &schema.Amount{Text: "1万元", At: schema.At{Page: 999, BBox: &box}}
	d.ThreePublic.Total = &schema.Amount{Text: "2万元", At: schema.At{Table: &nine, Row: &minus, Col: &minus}}
	d.Findings = append(d.Findings,
		schema.Finding{Rule: "x.y", Severity: schema.SevInfo},
		schema.Finding{Rule: "x.z", Severity: schema.SevInfo, At: []schema.At{{Page: 999}, {Table: &nine}, {Selector: "nowhere"}}})
	x.Blocks = append(x.Blocks, x.Blocks[0])
	x.Blocks[len(x.Blocks)-1].Spans = append(x.Blocks[len(x.Blocks)-1].Spans, extractSpan(-5), extractSpan(1<<20))
	var buf bytes.Buffer
	if err := inspecthtml.Write(&buf, x, d, inspecthtml.Options{}); err != nil {
		t.Fatal(err)
	}
	dom, err := goquery.NewDocumentFromReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"operating_expenses", "three_public.total"} {
		if dom.Find(`.unplaced [title="`+p+`"]`).Length() != 1 {
			t.Errorf("%s: not listed among the figures that could not be placed", p)
		}
	}
}

func extractSpan(off int) extract.Span { return extract.Span{Offset: off} }

// TestUnreadableTableOutlined: a table that failed its self-check is
// outlined on the page and says why.
func TestUnreadableTableOutlined(t *testing.T) {
	root := testcorpus.Root(t)
	d, x, err := yusuan.ConvertFileInspected(context.Background(), filepath.Join(root, "samples", "xlsx-qingxi-greening-2026-budget.xlsx"), yusuan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(d.Tables, func(tb schema.Table) bool { return len(tb.LineItems) > 0 })
	if i < 0 {
		t.Fatal("the sample has no table with line items")
	}
	d.Tables[i].Check = &schema.TableCheck{Status: schema.CheckUnreadable, Failed: 3, Causes: 3, Reason: "3 of its sums miss by 3 different amounts"}
	var buf bytes.Buffer
	if err := inspecthtml.Write(&buf, x, d, inspecthtml.Options{}); err != nil {
		t.Fatal(err)
	}
	dom, err := goquery.NewDocumentFromReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	bad := dom.Find(".tbl.bad")
	if bad.Length() == 0 || !strings.Contains(dom.Text(), "表内自检未通过") || !strings.Contains(dom.Text(), "3 different amounts") {
		t.Errorf("unreadable table not outlined with its reason (%d outlined)", bad.Length())
	}
}
