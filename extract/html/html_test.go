package html

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/yusuan/yusuan/extract"
)

func extractString(t *testing.T, src string) *extract.Document {
	t.Helper()
	doc, err := Extract(context.Background(), []byte(src), extract.Options{})
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	return doc
}

// texts lists "kind:text" of the non-table blocks.
func texts(doc *extract.Document) []string {
	var out []string
	for _, b := range doc.Blocks {
		switch b.Kind {
		case extract.KindTable:
			out = append(out, "table")
		case extract.KindImage:
			out = append(out, "image:"+b.Image.Src)
		default:
			out = append(out, string(b.Kind)+":"+b.Text)
		}
	}
	return out
}

func TestSniff(t *testing.T) {
	tests := []struct {
		head string
		want bool
	}{
		{"<!DOCTYPE html><html>", true},
		{"<!doctype HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">", true},
		{"\xEF\xBB\xBF<html><body>x", true},
		{"  \n\t<HTML>", true},
		{"<!-- saved from url=(0042)http://x/ -->\n<html>", true},
		{"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE html PUBLIC", true},
		{"<head><title>x</title>", true},
		{"<body>", true},
		{"<meta charset=\"gb2312\">", true},
		{"<div class=\"a\">", true},
		{"<p>段落</p>", true},
		{"<table border=1>", true},
		{"<%@ page language=\"java\" contentType=\"text/html; charset=UTF-8\"%>", true},
		{"<%-- comment --%>\n<html>", true},
		{"某县农业农村局2024年部门预算\n一、部门概况", false},
		{"Plain text mentioning <html> later", false},
		{"", false},
		{"<!-- unterminated comment", false},
		{"<pre>", false},
		{"<?xml version=\"1.0\"?><worksheet>", false},
	}
	for _, tt := range tests {
		if got := Sniff([]byte(tt.head)); got != tt.want {
			t.Errorf("Sniff(%q) = %v, want %v", tt.head, got, tt.want)
		}
	}
}

func TestNormalizeSpace(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  一、部门概况  ", "一、部门概况"},
		{"\u00a0\u00a0\u00a0 一、单位基本情况", "一、单位基本情况"},
		{"岚城乡\n人民政府", "岚城乡人民政府"},
		{"2017 年", "2017年"},
		{"收入 3382.19 万元", "收入3382.19万元"},
		{"Total   budget\tplan", "Total budget plan"},
		{"a\u200bb\u200dc", "abc"},
		{"“三公” 经费", "“三公”经费"},
		{"　　全角缩进", "全角缩进"},
		{"already clean", "already clean"},
		{"", ""},
		{"   ", ""},
	}
	for _, tt := range tests {
		if got := normalizeSpace(tt.in); got != tt.want {
			t.Errorf("normalizeSpace(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func gbk(t *testing.T, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDecode(t *testing.T) {
	const body = "<p>某县财政局2024年部门预算</p>"
	tests := []struct {
		name     string
		data     []byte
		enc      string
		mismatch bool
	}{
		{"utf8 meta", []byte(`<meta charset="utf-8">` + body), "utf-8", false},
		{"utf8 bom", append([]byte{0xEF, 0xBB, 0xBF}, body...), "utf-8", false},
		{"gb2312 meta", gbk(t, `<meta charset="gb2312">`+body), "gb18030", false},
		{"gbk http-equiv", gbk(t, `<meta http-equiv="Content-Type" content="text/html; charset=GBK">`+body), "gb18030", false},
		{"jsp directive", gbk(t, `<%@ page contentType="text/html; charset=GB2312"%>`+body), "gb18030", false},
		{"no meta gbk", gbk(t, "<html>"+body), "gb18030", false},
		{"no meta utf8", []byte("<html>" + body), "utf-8", false},
		{"declared utf8 but gbk", gbk(t, `<meta charset="utf-8">`+body), "gb18030", true},
		{"declared gb2312 but utf8", []byte(`<meta charset="gb2312">` + body), "utf-8", true},
		{"unknown label", []byte(`<meta charset="x-klingon">` + body), "utf-8", false},
		{"charset outside meta", gbk(t, `<p>charset=utf-8</p>`+body), "gb18030", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := decode(tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if d.encoding != tt.enc || d.mismatch != tt.mismatch {
				t.Errorf("encoding %q mismatch %v, want %q %v", d.encoding, d.mismatch, tt.enc, tt.mismatch)
			}
			if !strings.Contains(d.text, "某县财政局2024年部门预算") {
				t.Errorf("text not decoded: %q", d.text)
			}
		})
	}
}

func TestHeadings(t *testing.T) {
	tests := []struct {
		html      string
		kind      extract.BlockKind
		numbering string
		level     int
	}{
		{"<p>一、部门基本情况</p>", extract.KindHeading, "一、", 2},
		{"<p>（一）职能职责。</p>", extract.KindHeading, "（一）", 3},
		{"<p>第一部分 部门概况</p>", extract.KindHeading, "第一部分", 1},
		{"<p>1、政府采购情况</p>", extract.KindHeading, "1、", 4},
		{"<h3>部门概况</h3>", extract.KindHeading, "", 3},
		{"<h2>三、“三公”经费</h2>", extract.KindHeading, "三、", 2},
		{"<p><b>名词解释</b></p>", extract.KindHeading, "", 0},
		{"<p style=\"text-align:center\">部门预算公开</p>", extract.KindHeading, "", 0},
		{"<p><span style=\"font-family:黑体\">机关运行经费</span></p>", extract.KindHeading, "", 0},
		// Paragraphs that start with numbering or are bold but read as sentences.
		{"<p>１、负责推进综合交通运输体系建设，统筹规划铁路、公路、水路、民航以及邮政行业发展。</p>", extract.KindParagraph, "", 0},
		{"<p>（一）财政拨款收入：指本级财政当年拨付的资金。</p>", extract.KindParagraph, "", 0},
		{"<p>2.事业收入0.00万元。</p>", extract.KindParagraph, "", 0},
		{"<p>（三）组织制定和实施本乡发展计划；</p>", extract.KindParagraph, "", 0},
		{"<p>一是加强预算管理</p>", extract.KindParagraph, "", 0},
		{"<p><b>现将有关情况说明如下：</b></p>", extract.KindParagraph, "", 0},
		{"<p>2018年收入预算100.00万元</p>", extract.KindParagraph, "", 0},
	}
	for _, tt := range tests {
		doc := extractString(t, "<html><body>"+tt.html+"</body></html>")
		if len(doc.Blocks) != 1 {
			t.Errorf("%s: %d blocks %q", tt.html, len(doc.Blocks), texts(doc))
			continue
		}
		b := doc.Blocks[0]
		if b.Kind != tt.kind || b.Numbering != tt.numbering || b.Level != tt.level {
			t.Errorf("%s: kind %s numbering %q level %d, want %s %q %d", tt.html, b.Kind, b.Numbering, b.Level, tt.kind, tt.numbering, tt.level)
		}
	}
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name, html string
		want       []string
	}{
		{"inline flattened", `<p>收入<b>100.00</b><span>万元</span>，<a href="#">详见</a>附表。</p>`,
			[]string{"paragraph:收入100.00万元，详见附表。"}},
		{"br splits", `<p>一、概况<br>&nbsp;&nbsp;本部门共有人员10人。<br><br>二、收支</p>`,
			[]string{"heading:一、概况", "paragraph:本部门共有人员10人。", "heading:二、收支"}},
		{"div text and nested block", `<div>前文<p>中间段落。</p>后文</div>`,
			[]string{"paragraph:前文", "paragraph:中间段落。", "paragraph:后文"}},
		{"pre lines", "<pre>第一行\n第二行</pre>", []string{"paragraph:第一行", "paragraph:第二行"}},
		{"ascii spacing", `<p>Budget <i>plan</i>  2024</p>`, []string{"paragraph:Budget plan 2024"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := texts(extractString(t, "<body>"+tt.html+"</body>"))
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestChromeDropped(t *testing.T) {
	const page = `<%@ page contentType="text/html; charset=UTF-8"%>
<html><head><title>t</title><style>.hide{display:none} #x, .y {display:none}</style>
<script>document.write("脚本文字")</script></head><body>
<div class="top-nav"><a href="/">首页</a><a href="/zwgk">政务公开</a></div>
<div class="breadCutNav">当前位置：<a href="/">首页</a> &gt; 部门预算</div>
<div id="main"><div class="article">
<h1>某县统计局2024年部门预算</h1>
<p>发布时间：2024-01-01 来源：本站</p>
<p>一、部门概况</p><p>本部门负责全县统计工作，编制${user.name}人数12人。</p>
<p style="display: none">隐藏一</p><p hidden>隐藏二</p><p class="hide">隐藏三</p><p id="x">隐藏四</p>
<!-- 注释文字 --><c:if test="${a}"><p>模板条件内的正文。</p></c:if>
<p>【打印本页】【关闭窗口】</p>
<div class="bdshare">分享到：微信 微博</div>
</div></div>
<div class="footer">版权所有 某县人民政府</div>
<noscript>请开启脚本</noscript></body></html>`
	got := strings.Join(texts(extractString(t, page)), "|")
	want := "heading:某县统计局2024年部门预算|heading:一、部门概况|paragraph:本部门负责全县统计工作，编制人数12人。|paragraph:模板条件内的正文。"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// grid renders a table as rows of cells: text, "~" for covered, spans in braces.
func grid(tb *extract.Table) string {
	var rows []string
	for _, r := range tb.Rows {
		var cs []string
		for _, c := range r {
			s := c.Text
			if c.Covered {
				s = "~"
			}
			if c.RowSpan > 1 || c.ColSpan > 1 {
				s += "{" + spanText(c.RowSpan) + "," + spanText(c.ColSpan) + "}"
			}
			cs = append(cs, s)
		}
		rows = append(rows, strings.Join(cs, ","))
	}
	return strings.Join(rows, "/")
}

// spanText prints a span, empty for 0 (no span).
func spanText(i int) string {
	if i == 0 {
		return ""
	}
	return strconv.Itoa(i)
}

func firstTable(t *testing.T, doc *extract.Document) *extract.Table {
	t.Helper()
	for _, b := range doc.Blocks {
		if b.Kind == extract.KindTable {
			return b.Table
		}
	}
	t.Fatalf("no table in %q", texts(doc))
	return nil
}

func TestTables(t *testing.T) {
	tests := []struct {
		name, html string
		grid       string
		header     int
		colNo      int
		caption    string
		unit       string
		notes      string
	}{
		{name: "plain", html: `<table><tr><td>项目</td><td>预算数</td></tr><tr><td>合计</td><td>1.00</td></tr></table>`,
			grid: "项目,预算数/合计,1.00", header: 1, colNo: -1},
		{name: "rowspan colspan", html: `<table>
<tr><th rowspan="2">科目</th><th colspan="2">其中</th></tr>
<tr><th>基本</th><th>项目</th></tr>
<tr><td>合计</td><td>3.00</td><td>4.00</td></tr></table>`,
			grid: "科目{2,},其中{,2},~/~,基本,项目/合计,3.00,4.00", header: 2, colNo: -1},
		{name: "ragged and rowspan past end", html: `<table><tr><td rowspan="9">a</td><td>b</td><td>c</td></tr><tr><td>1</td></tr></table>`,
			grid: "a{2,},b,c/~,1,", header: 1, colNo: -1},
		{name: "caption row and unit", html: `<table>
<tr><td colspan="3">表1 收支总表（单位：万元）</td></tr>
<tr><td>项目</td><td>本年</td><td>上年</td></tr>
<tr><td>收入</td><td>5.00</td><td>4.00</td></tr>
<tr><td colspan="3">注：无政府性基金收入。</td></tr></table>`,
			grid: "项目,本年,上年/收入,5.00,4.00", header: 1, colNo: -1, caption: "表1收支总表（单位：万元）", unit: "万元", notes: "注：无政府性基金收入。"},
		{name: "title and unit cells", html: `<table>
<tr><td colspan="2">支出决算表</td><td>单位：元</td></tr>
<tr><td>项目</td><td>栏次</td><td>金额</td></tr>
<tr><td>栏次</td><td>1</td><td>2</td></tr>
<tr><td>合计</td><td>1</td><td>9.00</td></tr></table>`,
			grid: "项目,栏次,金额/栏次,1,2/合计,1,9.00", header: 1, colNo: 1, caption: "支出决算表|单位：元", unit: "元"},
		{name: "caption paragraphs above", html: `<p>一、收支情况</p><p style="text-align:center">表2 支出总表</p><p>单位：万元</p>
<table><thead><tr><td>项目</td><td>金额</td></tr></thead><tr><td>合计</td><td>—</td></tr></table><p>注：本表无数据。</p>`,
			grid: "项目,金额/合计,—", header: 1, colNo: -1, caption: "表2支出总表|单位：万元", unit: "万元", notes: "注：本表无数据。"},
		{name: "nested table flattened", html: `<table><tr><td>项目</td><td>说明</td><td>金额</td></tr>
<tr><td>采购</td><td><table><tr><td>货物</td><td>服务</td></tr></table></td><td>2.00</td></tr>
<tr><td>合计</td><td></td><td>2.00</td></tr></table>`,
			grid: "项目,说明,金额/采购,货物\n服务,2.00/合计,,2.00", header: 1, colNo: -1},
		{name: "bad spans", html: `<table><tr><td colspan="x">a</td><td colspan="-3">b</td><td rowspan="0">c</td></tr><tr><td>1</td><td>2</td></tr></table>`,
			grid: "a,b,c{2,}/1,2,~", header: 1, colNo: -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := extractString(t, "<body>"+tt.html+"</body>")
			tb := firstTable(t, doc)
			if g := grid(tb); g != tt.grid {
				t.Errorf("grid %s\nwant %s", g, tt.grid)
			}
			if tb.HeaderRows != tt.header || tb.ColumnNumberRow != tt.colNo {
				t.Errorf("header %d colno %d, want %d %d", tb.HeaderRows, tb.ColumnNumberRow, tt.header, tt.colNo)
			}
			if c := strings.Join(tb.Caption, "|"); c != tt.caption {
				t.Errorf("caption %q, want %q", c, tt.caption)
			}
			if tb.Unit != tt.unit || strings.Join(tb.Notes, "|") != tt.notes {
				t.Errorf("unit %q notes %q, want %q %q", tb.Unit, tb.Notes, tt.unit, tt.notes)
			}
			checkTable(t, tb)
		})
	}
}

// checkTable asserts the grid invariants: rectangular, every covered cell
// inside some origin's span, provenance on every cell.
func checkTable(t testing.TB, tb *extract.Table) {
	t.Helper()
	w := tb.NumCols()
	covered := make([][]bool, len(tb.Rows))
	for r, row := range tb.Rows {
		if len(row) != w {
			t.Fatalf("row %d has %d cells, want %d", r, len(row), w)
		}
		covered[r] = make([]bool, w)
	}
	for r, row := range tb.Rows {
		for c, cell := range row {
			if cell.At.Row == nil || *cell.At.Row != r || cell.At.Col == nil || *cell.At.Col != c {
				t.Fatalf("cell (%d,%d) has position %v", r, c, cell.At)
			}
			if cell.Covered {
				continue
			}
			for dr := 0; dr < max(cell.RowSpan, 1) && r+dr < len(tb.Rows); dr++ {
				for dc := 0; dc < max(cell.ColSpan, 1) && c+dc < w; dc++ {
					if dr+dc > 0 {
						covered[r+dr][c+dc] = true
					}
				}
			}
		}
	}
	for r, row := range tb.Rows {
		for c, cell := range row {
			if cell.Covered != covered[r][c] {
				t.Fatalf("cell (%d,%d) covered=%v, spans say %v", r, c, cell.Covered, covered[r][c])
			}
		}
	}
}

func TestLayoutTable(t *testing.T) {
	long := strings.Repeat("本部门主要职责是贯彻落实各项政策。", 30)
	page := `<body><table><tr><td><a href="/">首页</a></td></tr></table>
<table width="980"><tr><td class="leftbar"><a href="#">栏目</a></td><td>
<p>一、部门概况</p><p>` + long + `</p>
<table border="1"><tr><td>项目</td><td>金额</td></tr><tr><td>合计</td><td>1.00</td></tr></table>
</td></tr></table></body>`
	doc := extractString(t, page)
	got := texts(doc)
	if len(got) != 3 || got[0] != "heading:一、部门概况" || got[2] != "table" {
		t.Fatalf("blocks %q", got)
	}
	if g := grid(doc.Blocks[2].Table); g != "项目,金额/合计,1.00" {
		t.Errorf("grid %s", g)
	}
}

func TestImages(t *testing.T) {
	tests := []struct {
		name, html string
		images     int
		problems   int
	}{
		{"no table in article", `<p>一、三公经费</p><p><img src="/a/1.gif" width="750" height="800"></p>`, 1, 1},
		{"named like a table", `<table><tr><td>a</td><td>1</td></tr></table><img src="/up/shouzhi_biao.png">`, 1, 1},
		{"alt names a table", `<table><tr><td>a</td><td>1</td></tr></table><img src="/up/1.png" alt="收支总表">`, 1, 1},
		{"photo beside a table", `<table><tr><td>a</td><td>1</td></tr></table><img src="/up/photo.jpg" width="200" height="150">`, 1, 0},
		{"icon skipped", `<p><img src="/ewebeditor/sysimage/icon16/xls.gif">附表1.xls</p>`, 0, 0},
		{"tiny skipped", `<p><img src="/x.gif" width="16" height="16">文字</p>`, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := extractString(t, "<body>"+tt.html+"</body>")
			n := 0
			for _, b := range doc.Blocks {
				if b.Kind == extract.KindImage {
					n++
					if b.Image.Src == "" || b.At.Selector == "" {
						t.Errorf("image block %+v", b)
					}
				}
			}
			p := 0
			for _, pr := range doc.Problems {
				if pr.Code == "extract.table_image" {
					p++
				}
			}
			if n != tt.images || p != tt.problems {
				t.Errorf("%d images %d problems, want %d %d", n, p, tt.images, tt.problems)
			}
		})
	}
}

func TestTOC(t *testing.T) {
	doc := extractString(t, `<body><p>目录</p><p>一、部门概况…………1</p><p>二、收支情况</p>
<p>一、部门概况</p><p>正文一。</p><p>二、收支情况</p><p>正文二。</p></body>`)
	var toc []string
	for _, b := range doc.Blocks {
		if b.TOC {
			toc = append(toc, b.Text)
		}
	}
	if strings.Join(toc, "|") != "目录|一、部门概况…………1|二、收支情况" {
		t.Errorf("TOC %q", toc)
	}
}

func TestErrors(t *testing.T) {
	ctx := context.Background()
	if _, err := Extract(ctx, []byte("   \n"), extract.Options{}); !errors.Is(err, extract.ErrEmpty) {
		t.Errorf("empty: %v", err)
	}
	if _, err := Extract(ctx, []byte("<html>"+strings.Repeat("x", 100)), extract.Options{MaxBytes: 10}); !errors.Is(err, extract.ErrTooLarge) {
		t.Errorf("too large: %v", err)
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := Extract(cctx, []byte("<html><p>x</p>"), extract.Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}

func TestRegistered(t *testing.T) {
	data := []byte("<!DOCTYPE html><html><body><p>一、部门概况</p></body></html>")
	f, err := extract.Detect(data, "x.txt")
	if err != nil || f != extract.FormatHTML {
		t.Fatalf("Detect = %v, %v", f, err)
	}
	doc, err := extract.Extract(context.Background(), data, extract.Options{})
	if err != nil || len(doc.Blocks) != 1 {
		t.Fatalf("Extract = %v, %v", doc, err)
	}
}
