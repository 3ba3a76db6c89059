package yusuan_test

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/yusuan/yusuan"
	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/extract/txt"
	"github.com/yusuan/yusuan/internal/testcorpus"
	"github.com/yusuan/yusuan/schema"
)

// TestSeedAsHTML is format invariance for HTML: the seed published as a
// county portal article — paragraphs as <p>, headings in <strong>, tables as
// <table> (the indicator tables with a rowspan on 一级指标), wrapped in
// navigation, breadcrumbs, a share bar, a script and a footer — once as
// UTF-8 and once as GBK, must give the schema fields the txt gives.
func TestSeedAsHTML(t *testing.T) {
	seed := testcorpus.Seed(t)
	data, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	x, err := txt.Extract(context.Background(), data, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := convertSeed(t)
	page := portalPage(x, "utf-8", false, false)
	gbkPage, err := simplifiedchinese.GBK.NewEncoder().String(portalPage(x, "gbk", false, false))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, page, encoding string }{
		{"utf8", page, "utf-8"},
		{"gbk", gbkPage, "gb18030"},
		// The same article as an editor with heading tags and <th> header cells writes it,
		// and as one that sets every line as a plain paragraph.
		{"h-tags", portalPage(x, "utf-8", true, false), "utf-8"},
		// Captions (title, 编制部门, 单位) as paragraphs above each table.
		{"captions-above", portalPage(x, "utf-8", false, true), "utf-8"},
		{"plain-p", strings.NewReplacer("<strong>", "", "</strong>", "").Replace(page), "utf-8"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := yusuan.ConvertBytes(context.Background(), []byte(c.page), "seed.html", yusuan.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got.Source.Format != "html" || got.Source.Encoding != c.encoding {
				t.Errorf("source = %s %s, want html %s", got.Source.Format, got.Source.Encoding, c.encoding)
			}
			for _, f := range []struct {
				name      string
				got, want any
			}{
				{"meta", got.Meta, want.Meta},
				{"summary", got.Summary, want.Summary},
				{"operating_expenses", got.OperatingExpenses, want.OperatingExpenses},
				{"three_public", got.ThreePublic, want.ThreePublic},
				{"procurement.total", got.Procurement.Total, want.Procurement.Total},
				{"assets", got.Assets, want.Assets},
				{"responsibilities", got.Responsibilities, want.Responsibilities},
				{"glossary", got.Glossary, want.Glossary},
				{"performance.goals", got.Performance.Goals, want.Performance.Goals},
				{"performance.indicator_tables", got.Performance.IndicatorTables, want.Performance.IndicatorTables},
				{"section keys", sectionKeys(got), sectionKeys(want)},
				{"finding rules", findingRules(got), findingRules(want)},
			} {
				g, w := withoutProvenance(t, f.got), withoutProvenance(t, f.want)
				if !reflect.DeepEqual(g, w) {
					gb, _ := json.Marshal(g)
					wb, _ := json.Marshal(w)
					t.Errorf("%s differs from the txt's:\n got %s\nwant %s", f.name, gb, wb)
				}
			}
		})
	}
}

func sectionKeys(d *schema.Document) []string {
	var keys []string
	for _, s := range d.Sections {
		for _, k := range s.Keys {
			if !slices.Contains(keys, k) {
				keys = append(keys, k)
			}
		}
	}
	slices.Sort(keys)
	return keys
}

func findingRules(d *schema.Document) []string {
	var rules []string
	for _, f := range d.Findings {
		rules = append(rules, f.Rule+" "+f.Severity+" "+f.Expected+" "+f.Actual)
	}
	slices.Sort(rules)
	return rules
}

// withoutProvenance drops what depends on the format: where a value was
// found and the prose quoted around it.
func withoutProvenance(t *testing.T, v any) any {
	return testcorpus.Without(t, v, "at", "explanation")
}

// portalPage renders an extracted document as a portal article page.
func portalPage(x *extract.Document, charset string, headingTags, captionsAbove bool) string {
	esc := func(s string) string {
		return strings.ReplaceAll(html.EscapeString(s), "\u00a0", "&nbsp;")
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=%s">
<title>%s - 广阳区人民政府</title>
<script>var _hmt = _hmt || []; document.write("统计代码");</script>
<style>.nav li{display:inline} .hide{display:none}</style></head>
<body>
<div class="header"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/bsfw/">办事服务</a></div>
<ul class="nav"><li><a href="/">网站首页</a></li><li><a href="/xxgk/">信息公开</a></li><li><a href="/zfxxgk/">政府信息公开目录</a></li><li><a href="/hdjl/">互动交流</a></li></ul>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/xxgk/">信息公开</a> &gt; 部门预算</div>
<div class="article"><h1 class="title">%s</h1>
<div class="info">发布时间：2020-03-10　来源：区财政局　浏览次数：<span id="hits">${hits}</span></div>
<div class="share">分享到：<a href="#">微信</a><a href="#">微博</a></div>
<div id="content">
`, charset, esc(x.Title), esc(x.Title))
	for i, bl := range x.Blocks {
		switch bl.Kind {
		case extract.KindHeading:
			if i == 0 {
				continue // the title is the page's <h1>
			}
			if headingTags {
				lv := min(max(bl.Level, 2), 6)
				fmt.Fprintf(&b, "<h%d>%s</h%d>\n", lv, esc(bl.Text), lv)
			} else {
				fmt.Fprintf(&b, "<p><strong>%s</strong></p>\n", esc(bl.Text))
			}
		case extract.KindTable:
			writeHTMLTable(&b, bl.Table, esc, headingTags, captionsAbove)
		default:
			fmt.Fprintf(&b, "<p>%s</p>\n", esc(bl.Text))
		}
	}
	b.WriteString(`</div></div>
<div class="related hide">相关链接</div>
<div class="footer">版权所有：廊坊市广阳区人民政府办公室　地址：廊坊市广阳区　<a href="/sitemap">网站地图</a><br>网站标识码 1310030001　冀ICP备00000000号</div>
</body></html>
`)
	return b.String()
}

// writeHTMLTable writes t as a <table>. In an indicator table (six columns,
// 一级指标 first) a blank 一级指标 under a filled one becomes part of a
// rowspan, as Word and portal editors publish it.
func writeHTMLTable(b *strings.Builder, t *extract.Table, esc func(string) string, th, captionsAbove bool) {
	rows := make([][]string, len(t.Rows))
	for r, row := range t.Rows {
		for _, c := range row {
			if !c.Covered {
				rows[r] = append(rows[r], c.Text)
			}
		}
	}
	indicator := false
	for _, r := range rows {
		if len(r) == 6 && strings.HasSuffix(r[1], "指标") {
			indicator = true
		}
	}
	span := make([]int, len(rows)) // rowspan of the first cell; -1 covered
	if indicator {
		for r := range rows {
			if len(rows[r]) == 5 {
				rows[r] = append([]string{""}, rows[r]...) // the missing 一级指标
			}
		}
		for r := 0; r < len(rows); r++ {
			if len(rows[r]) != 6 || rows[r][0] == "" {
				continue
			}
			n := 1
			for r+n < len(rows) && len(rows[r+n]) == 6 && rows[r+n][0] == "" {
				span[r+n] = -1
				n++
			}
			span[r] = n
		}
	}
	width := 0
	for _, r := range rows {
		width = max(width, len(r))
	}
	if captionsAbove {
		for _, line := range t.Caption {
			fmt.Fprintf(b, "<p>%s</p>\n", esc(line))
		}
	}
	b.WriteString(`<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse">` + "\n")
	if !captionsAbove {
		// The caption lines (title, 编制部门, 单位) as full-width rows, as editors paste them.
		for _, line := range t.Caption {
			fmt.Fprintf(b, `<tr><td colspan="%d" style="border:none">%s</td></tr>`+"\n", width, esc(line))
		}
	}
	for r, row := range rows {
		b.WriteString("<tr>")
		for c, text := range row {
			if c == 0 && span[r] == -1 {
				continue
			}
			attr := ""
			if c == 0 && span[r] > 1 {
				attr = fmt.Sprintf(` rowspan="%d"`, span[r])
			}
			if c == len(row)-1 && len(row) < width {
				attr += fmt.Sprintf(` colspan="%d"`, width-len(row)+1)
			}
			tag := "td"
			if th && r == 0 && len(rows) > 1 && !strings.ContainsAny(text, "0123456789≥≤") {
				tag = "th"
			}
			fmt.Fprintf(b, `<%s%s><p style="text-align:center">%s</p></%s>`, tag, attr, strings.ReplaceAll(esc(text), "\n", "<br>"), tag)
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</table>\n")
}
