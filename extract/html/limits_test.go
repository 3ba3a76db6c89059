package html

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/internal/memwatch"
)

// heapGrowth runs f and returns the bytes allocated while it ran.
func heapGrowth(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// Regression: 100k nested <div>s made x/net/html refuse the whole page
// ("open stack of elements exceeds 512 nodes"); they are flattened and cut
// at MaxDepth instead, the text kept.
func TestDeepNesting(t *testing.T) {
	const n = 100_000
	for _, tag := range []string{"div", "span", "b", "table", "ul"} {
		t.Run(tag, func(t *testing.T) {
			src := "<html><body><p>一、部门概况</p>" + strings.Repeat("<"+tag+">", n) + "深处的文字" + strings.Repeat("</"+tag+">", n) + "<p>二、收支情况</p></body></html>"
			var doc *extract.Document
			var err error
			alloc := heapGrowth(func() {
				doc, err = Extract(context.Background(), []byte(src), extract.Options{})
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(doc.Blocks) == 0 || doc.Blocks[0].Text != "一、部门概况" {
				t.Errorf("blocks %q", texts(doc))
			}
			if !hasProblem(doc, "extract.too_deep") && tag != "table" {
				t.Errorf("no extract.too_deep problem: %+v", doc.Problems)
			}
			if limit := uint64(200 * len(src)); alloc > limit {
				t.Errorf("allocated %d bytes for a %d-byte page (limit %d)", alloc, len(src), limit)
			}
		})
	}
}

func TestMaxDepthOption(t *testing.T) {
	src := "<body>" + strings.Repeat("<div>", 50) + "<p>深处</p>" + strings.Repeat("</div>", 50) + "<p>浅处</p></body>"
	doc, err := Extract(context.Background(), []byte(src), extract.Options{MaxDepth: 20})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(texts(doc), "|"); got != "paragraph:浅处" || !hasProblem(doc, "extract.too_deep") {
		t.Errorf("blocks %q problems %+v", got, doc.Problems)
	}
}

func hasProblem(doc *extract.Document, code string) bool {
	for _, p := range doc.Problems {
		if p.Code == code {
			return true
		}
	}
	return false
}

// largePage builds a portal page of about size bytes: chrome, then numbered
// sections of paragraphs and a budget table with spans.
func largePage(size int) []byte {
	var b bytes.Buffer
	b.WriteString(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>某市2024年部门预算</title><script>var a=1;</script></head><body>
<div class="nav"><a href="/">首页</a><a href="/zwgk">政务公开</a></div><div id="content"><h1>某市2024年部门预算公开</h1>`)
	for i := 1; b.Len() < size; i++ {
		fmt.Fprintf(&b, "<p><strong>%d、第%d项支出说明</strong></p>", i, i)
		for j := 0; j < 5; j++ {
			fmt.Fprintf(&b, `<p style="text-indent:2em"><span style="font-size:16pt">2024年第%d项支出预算%d.%02d万元，比上年增加%d.00万元，主要用于<b>保障</b>机构正常运转和完成日常工作任务。</span></p>`, i, i*100+j, j, j)
		}
		b.WriteString(`<table border="1"><tr><td rowspan="2">科目</td><td colspan="2">其中</td></tr><tr><td>基本支出</td><td>项目支出</td></tr>`)
		for j := 0; j < 10; j++ {
			fmt.Fprintf(&b, "<tr><td>2010%d%02d 行政运行</td><td>%d.00</td><td>%d.50</td></tr>", i%10, j, i+j, j)
		}
		b.WriteString("</table>")
	}
	b.WriteString(`</div><div class="footer">版权所有</div></body></html>`)
	return b.Bytes()
}

// TestHugePage: a 4 MB page (near maxElements) is read whole, in memory
// proportional to it.
func TestHugePage(t *testing.T) {
	if testing.Short() {
		t.Skip("large page skipped in -short mode")
	}
	data := largePage(4 << 20)
	var doc *extract.Document
	var err error
	alloc := heapGrowth(func() {
		doc, err = Extract(context.Background(), data, extract.Options{})
	})
	if err != nil {
		t.Fatal(err)
	}
	var tables, headings int
	for _, b := range doc.Blocks {
		switch b.Kind {
		case extract.KindTable:
			tables++
		case extract.KindHeading:
			headings++
		}
	}
	if tables < 1000 || headings < 1000 {
		t.Errorf("%d tables %d headings from a %d-byte page", tables, headings, len(data))
	}
	if limit := uint64(40 * len(data)); alloc > limit {
		t.Errorf("allocated %d MB for a %d MB page (limit %d MB)", alloc>>20, len(data)>>20, limit>>20)
	}
	t.Logf("%d MB page: %d blocks, %d MB allocated", len(data)>>20, len(doc.Blocks), alloc>>20)
}

// A colspan/rowspan bomb is clamped: the grid stays within maxCells.
func TestSpanBomb(t *testing.T) {
	row := `<tr><td colspan="99999" rowspan="99999">x</td><td colspan="1000">y</td></tr>`
	src := "<body><table>" + strings.Repeat(row, 3000) + "</table></body>"
	doc, err := Extract(context.Background(), []byte(src), extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range doc.Blocks {
		if b.Kind == extract.KindTable {
			cells := len(b.Table.Rows) * b.Table.NumCols()
			if cells > maxCells || b.Table.NumCols() > maxCols {
				t.Errorf("grid of %d cells, %d columns", cells, b.Table.NumCols())
			}
		}
	}
}

// Malformed markup never panics and never leaves a broken grid.
func TestMalformed(t *testing.T) {
	inputs := []string{
		"<html><body><table><tr><td>a<table><tr><td>b</table></td><td rowspan=3>c</tr></table>",
		"<p><b><i><u>一、</p></b>未闭合的<table><td>孤立的单元格",
		"<table><caption>表<table><tr><td>嵌套在caption里</td></tr></table></caption><tr><td>1</td></tr></table>",
		"<%@ page %><% if (x) { %><p>条件</p><% } %><%= y %><%",
		"<body><select><option>一、选项</option></select><textarea>二、文本</textarea></body>",
		"<frameset><frame src=a.html></frameset>",
		"\x00\x01<html>\xff\xfe",
		"<svg><table><tr><td>svg中的表</td></tr></table></svg><math><p>x</p></math>",
		"<table>" + strings.Repeat("<tr>", 600) + "<td>x</td></table>",
	}
	for i, in := range inputs {
		doc, err := Extract(context.Background(), []byte(in), extract.Options{})
		if err != nil {
			t.Errorf("input %d: %v", i, err)
			continue
		}
		for _, b := range doc.Blocks {
			if b.Kind == extract.KindTable {
				checkTable(t, b.Table)
			}
		}
	}
}

// TestHostilePages holds the reader to bounded memory on pages of 50 MB:
// each ends, within a 10 s context, with a document or one short error.
func TestHostilePages(t *testing.T) {
	if testing.Short() {
		t.Skip("builds large inputs")
	}
	const size = 50 << 20
	page := func(unit string) []byte {
		return []byte("<html><body>" + strings.Repeat(unit, size/len(unit)) + "</body></html>")
	}
	for _, tc := range []struct {
		name    string
		data    []byte
		wantErr error // nil: a document
	}{
		{"millions of paragraphs", page("<p>段落</p>"), extract.ErrLimit},
		{"a table of millions of cells", page("<tr><td>1</td><td>2</td></tr>"), extract.ErrLimit},
		{"one paragraph of 50 MB", page("很长的文字"), extract.ErrLimit},
		{"300,000 paragraphs", []byte("<body>" + strings.Repeat("<p>第一段落的文字</p>\n", 300_000)), extract.ErrLimit},
		{"250,000 paragraphs", []byte("<body>" + strings.Repeat("<p>第一段落的文字</p>\n", 250_000)), extract.ErrLimit},
		{"60,000 paragraphs", []byte("<body>" + strings.Repeat("<p>第一段落的文字</p>\n", 60_000)), nil},
		{"one paragraph of 15 MB", []byte("<body><p>" + strings.Repeat("很长的文字", 1<<20)), nil},
		{"a table of 40,000 cells", []byte("<body><table>" + strings.Repeat("<tr><td>项目</td><td>1</td></tr>", 20_000) + "</table>"), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			var err error
			peak := memwatch.Peak(func() { _, err = Extract(ctx, tc.data, extract.Options{}) })
			t.Logf("%d MB in, peak heap %d MB", len(tc.data)>>20, peak>>20)
			if peak > 400<<20 {
				t.Errorf("peak heap %d MB, want under 400 MB", peak>>20)
			}
			if errors.Is(err, context.DeadlineExceeded) {
				t.Logf("stopped by the deadline") // a slow, shared machine
				return
			}
			if tc.wantErr == nil && err != nil {
				t.Fatalf("err = %v", err)
			}
			if tc.wantErr != nil && (!errors.Is(err, tc.wantErr) || strings.Contains(err.Error(), "\n") || len(err.Error()) > 200) {
				t.Fatalf("err = %v, want one short line wrapping %v", err, tc.wantErr)
			}
		})
	}
}

// TestPageSizeBeforeDecoding: a page over the page limit is refused before
// it is decoded, so refusing it costs no copy of it (decoding a UTF-8 page
// copies it once, a GBK page more).
func TestPageSizeBeforeDecoding(t *testing.T) {
	if testing.Short() {
		t.Skip("builds large inputs")
	}
	body := strings.Repeat("<p>段落</p>", (maxPageBytes+1<<20)/len("<p>段落</p>"))
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"utf-8", []byte("<html><body>" + body)},
		{"declared gbk", []byte(`<html><head><meta charset="gbk"></head><body>` + strings.Repeat("<p>abc</p>", (maxPageBytes+1<<20)/10))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			_, err := Extract(context.Background(), tc.data, extract.Options{})
			runtime.ReadMemStats(&after)
			if !errors.Is(err, extract.ErrLimit) || !strings.Contains(err.Error(), "page of") {
				t.Fatalf("err = %v, want the page limit", err)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > uint64(len(tc.data))/4 {
				t.Errorf("refusing a %d MB page allocated %d MB: it was decoded first", len(tc.data)>>20, alloc>>20)
			}
		})
	}
}
