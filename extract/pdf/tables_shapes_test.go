package pdf

import (
	"fmt"
	"strings"
	"testing"
)

// Table shapes seen with other publishers' producers (corpus raw2): each
// test builds the shape on synthetic pages.

// ruledRows draws a ruled table at x edges xs with rows from top (one
// row per entry, cells split by "|") and returns the bottom edge.
func ruledRows(p *Page, xs []float64, top float64, rows []string) float64 {
	y := top
	for _, r := range rows {
		for c, s := range strings.Split(r, "|") {
			if s != "" {
				put(p, xs[c]+4, y-14, 9, s)
			}
		}
		p.Rules = append(p.Rules, Rule{xs[0], y, xs[len(xs)-1], y})
		y -= 20
	}
	p.Rules = append(p.Rules, Rule{xs[0], y, xs[len(xs)-1], y})
	for _, x := range xs {
		p.Rules = append(p.Rules, Rule{x, y, x, top})
	}
	return y
}

// TestContinuationOverRaisedPageNumber: landscape table pages whose page
// number ("— 9 —", "— 1 0 —" letter-spaced) stands above the outer tenth
// of the page; it is furniture, and the table goes on over the pages as
// one table instead of stopping at the page number.
func TestContinuationOverRaisedPageNumber(t *testing.T) {
	xs := []float64{74, 300, 450}
	var pages []*Page
	for n, rows := range [][]string{{"科目名称|金额", "行政运行|100", "机关服务|200"}, {"科目名称|金额", "住房公积金|300"}} {
		p := &Page{Number: 9 + n, Width: 842, Height: 595}
		if n == 0 {
			put(p, 300, 560, 14, "部门收入总体情况表")
		}
		ruledRows(p, xs, 530, rows)
		num := "— 9 —"
		if n == 1 {
			num = "— 1 0 —"
		}
		put(p, 396, 70, 10, num)
		pages = append(pages, p)
	}
	doc := Layout(&File{Pages: pages, NumPages: 2})
	for _, b := range doc.Blocks {
		if b.Kind != "table" {
			t.Errorf("page number kept as %s %q", b.Kind, b.Text)
		}
	}
	ts := tablesOf(doc)
	if len(ts) != 1 {
		t.Fatalf("got %d tables, want 1", len(ts))
	}
	want := [][]string{{"科目名称", "金额"}, {"行政运行", "100"}, {"机关服务", "200"}, {"住房公积金", "300"}}
	if got := tableTexts(ts[0]); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("cells\n got %q\nwant %q", got, want)
	}
}
