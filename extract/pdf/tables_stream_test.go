package pdf

import (
	"reflect"
	"strings"
	"testing"

	"github.com/yusuan/yusuan/extract"
)

// TestStreamTable: an unruled table with a caption and unit line above, a
// header, a name wrapped onto a second line, cells filled up to a narrow
// gutter (0.3 em), a note below; prose around it stays prose.
func TestStreamTable(t *testing.T) {
	p := &Page{Number: 2, Width: 595, Height: 842}
	put(p, 60, 780, 10, "本部门2024年收入预算情况如下，具体内容详见下表所列各项收入的金额和说明。")
	put(p, 200, 750, 12, "收入预算表")
	put(p, 460, 735, 10, "单位：万元")
	// Columns: 60–150 name, 153–200 code, 260–300 amount, 360–400 share.
	put(p, 60, 715, 10, "项目名称")
	put(p, 153, 715, 10, "科目")
	put(p, 260, 715, 10, "金额")
	put(p, 360, 715, 10, "占比")
	put(p, 60, 700, 10, "一般公共预算拨款")
	put(p, 153, 700, 10, "20101")
	put(p, 260, 700, 10, "1,234.50")
	put(p, 360, 700, 10, "80%")
	put(p, 60, 686, 10, "政府性基金预算拨")
	put(p, 153, 686, 10, "20102")
	put(p, 260, 686, 10, "300.00")
	put(p, 360, 686, 10, "19%")
	put(p, 60, 676, 10, "款收入") // the name wrapped
	put(p, 60, 661, 10, "其他收入")
	put(p, 153, 661, 10, "20103")
	put(p, 260, 661, 10, "15.20")
	put(p, 360, 661, 10, "1%")
	put(p, 60, 640, 10, "注：本表不含上年结转。")
	put(p, 60, 610, 10, "收入预算较上年有所增加，主要原因是人员经费和项目支出的增加以及物价上涨等因素。")
	doc := Layout(&File{Pages: []*Page{p}, NumPages: 1})
	ts := tablesOf(doc)
	if len(ts) != 1 {
		t.Fatalf("%d tables, want 1: %+v", len(ts), doc.Blocks)
	}
	tb := ts[0]
	want := [][]string{
		{"项目名称", "科目", "金额", "占比"},
		{"一般公共预算拨款", "20101", "1,234.50", "80%"},
		{"政府性基金预算拨款收入", "20102", "300.00", "19%"},
		{"其他收入", "20103", "15.20", "1%"},
	}
	if got := tableTexts(tb); !reflect.DeepEqual(got, want) {
		t.Errorf("rows:\n got %q\nwant %q", got, want)
	}
	if tb.HeaderRows != 1 || tb.Unit != "万元" || len(tb.Caption) != 2 || tb.Caption[0] != "收入预算表" {
		t.Errorf("header rows %d, unit %q, caption %q", tb.HeaderRows, tb.Unit, tb.Caption)
	}
	if len(tb.Notes) != 1 || !strings.HasPrefix(tb.Notes[0], "注：") {
		t.Errorf("notes %q", tb.Notes)
	}
	c := tb.Rows[2][0]
	if c.At.Page != 2 || c.At.BBox == nil || c.At.Table == nil || *c.At.Row != 2 || *c.At.Col != 0 {
		t.Errorf("cell at %+v", c.At)
	}
	var paras int
	for _, b := range doc.Blocks {
		if b.Kind == extract.KindParagraph && strings.Contains(b.Text, "。") {
			paras++
		}
	}
	if paras != 2 {
		t.Errorf("%d prose paragraphs kept, want 2", paras)
	}
}

// TestStreamNotTables: lists and short lines that line up are not tables.
func TestStreamNotTables(t *testing.T) {
	cases := map[string]func(p *Page){
		// A list of short items, two columns only.
		"two columns": func(p *Page) {
			for i, s := range []string{"一、收入预算", "二、支出预算", "三、三公经费", "四、政府采购"} {
				y := 700 - float64(i)*15
				put(p, 60, y, 10, s)
				put(p, 400, y, 10, "12")
			}
		},
		// Three aligned columns of words, no figure.
		"no figures": func(p *Page) {
			for i, s := range []string{"办公室", "财务科", "人事科", "法制科"} {
				y := 700 - float64(i)*15
				put(p, 60, y, 10, s)
				put(p, 200, y, 10, "负责人")
				put(p, 340, y, 10, "综合协调")
			}
		},
		// Sentences in the cells.
		"sentences": func(p *Page) {
			for i := range 4 {
				y := 700 - float64(i)*15
				put(p, 60, y, 10, "项目"+string(rune('A'+i)))
				put(p, 150, y, 10, "100")
				put(p, 220, y, 10, "本项目用于保障机构正常运转，完成日常工作任务，支出较上年有所增加。")
			}
		},
	}
	for name, fill := range cases {
		t.Run(name, func(t *testing.T) {
			p := &Page{Number: 1, Width: 595, Height: 842}
			fill(p)
			doc := Layout(&File{Pages: []*Page{p}, NumPages: 1})
			if ts := tablesOf(doc); len(ts) != 0 {
				t.Errorf("%d tables: %q", len(ts), tableTexts(ts[0]))
			}
		})
	}
}

// TestPrintoutTable: a plain-text table printed as is — one cell per line
// at the tab stop, a blank line between rows, an empty cell as one more
// empty line — with its caption lines, a cell carried on at the body
// margin, and the table crossing a page.
func TestPrintoutTable(t *testing.T) {
	const pitch, empty = 14.6, 11.35 // a line of CJK text; an empty line
	p1 := &Page{Number: 1, Width: 595, Height: 842}
	p2 := &Page{Number: 2, Width: 595, Height: 842}
	body := func(p *Page, y float64, s string) { put(p, 57, y, 10, s) }
	y := 773.6
	for _, s := range []string{
		"第一段正文内容较长，用于确定正文的左边距和行距，后面还有一些文字以使这一行足够长。",
		"第二段正文内容也较长，它同样用于确定正文的左边距和行距，后面还有一些文字。",
		"固定资产情况如下表所示，本年度没有新增固定资产，具体如下表。",
	} {
		body(p1, y, s)
		y -= pitch
	}
	for y > 250 {
		body(p1, y, "正文续行，用于把表格推到页面下部，使它跨到下一页，这一行也足够长一些。")
		y -= pitch
	}
	// Rows (each cell a line at x 92, nil an empty cell).
	rows := [][]any{
		{"固定资产占用情况表"},
		{"编制部门：某局", "截止时间：2019年12月31日"},
		{"项目", "数量", "价值（金额单位：万元）"},
		{"资产总额", nil, "78.8"},
		{"1、房屋（平方米）", "1320", "75"},
		{"其中：办公用房", "1320", nil},
		{"2、车辆", "1", "3.8"},
	}
	p := p1
	first := true
	for _, row := range rows {
		if !first {
			y -= empty // the blank line between rows
		}
		first = false
		for _, c := range row {
			if y < 80 {
				p, y = p2, 773.6
			}
			if c == nil {
				y -= empty
				continue
			}
			put(p, 92.3, y, 10, c.(string))
			if hasWide(c.(string)) {
				y -= pitch
			} else {
				y -= empty // a line without CJK text is as tall as an empty one
			}
		}
	}
	y -= empty
	body(p, y, "以上为本部门固定资产情况，其他事项说明如下，本部门无其他需要说明的事项。")
	for y -= pitch; y > 300; y -= pitch {
		body(p, y, "补充说明文字，用于填满页面，使正文的行距和左边距可以测得，这一行足够长。")
	}
	doc := Layout(&File{Pages: []*Page{p1, p2}, NumPages: 2})
	ts := tablesOf(doc)
	if len(ts) != 1 {
		t.Fatalf("%d tables, want 1", len(ts))
	}
	tb := ts[0]
	want := [][]string{
		{"项目", "数量", "价值（金额单位：万元）"},
		{"资产总额", "", "78.8"},
		{"1、房屋（平方米）", "1320", "75"},
		// Its empty cell and the blank line after it fell at the foot of
		// page 1, where nothing shows them: the row is short, its last
		// cell spans the rest.
		{"其中：办公用房", "1320", "〃"},
		{"2、车辆", "1", "3.8"},
	}
	if got := tableTexts(tb); !reflect.DeepEqual(got, want) {
		t.Errorf("rows:\n got %q\nwant %q", got, want)
	}
	if !reflect.DeepEqual(tb.Caption, []string{"固定资产占用情况表", "编制部门：某局", "截止时间：2019年12月31日"}) || tb.Unit != "万元" {
		t.Errorf("caption %q unit %q", tb.Caption, tb.Unit)
	}
	if tb.Rows[0][0].At.Page != 1 || tb.Rows[4][0].At.Page != 2 || tb.Rows[4][0].At.Row == nil {
		t.Errorf("cells at %+v … %+v: want pages 1 … 2", tb.Rows[0][0].At, tb.Rows[4][0].At)
	}
}
