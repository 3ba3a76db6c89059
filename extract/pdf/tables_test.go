package pdf

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yusuan/yusuan/extract"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/*.json from the current output")

// box draws a rectangle's four edges as rules.
func box(p *Page, x0, y0, x1, y1 float64) {
	p.Rules = append(p.Rules, Rule{x0, y0, x1, y0}, Rule{x0, y1, x1, y1}, Rule{x0, y0, x0, y1}, Rule{x1, y0, x1, y1})
}

// tableTexts renders a table as rows of cell texts, covered cells as "〃".
func tableTexts(t *extract.Table) [][]string {
	out := make([][]string, len(t.Rows))
	for r, row := range t.Rows {
		for _, c := range row {
			s := c.Text
			if c.Covered {
				s = "〃"
			}
			out[r] = append(out[r], s)
		}
	}
	return out
}

func tablesOf(doc *extract.Document) []*extract.Table {
	var ts []*extract.Table
	for _, b := range doc.Blocks {
		if b.Kind == extract.KindTable {
			ts = append(ts, b.Table)
		}
	}
	return ts
}

// TestRuledGrid: a grid with a header cell spanning two columns, a name
// cell spanning two rows, a value printed above its baseline, a
// letter-spaced total and a caption and note outside the rules.
func TestRuledGrid(t *testing.T) {
	p := &Page{Number: 3, Width: 595, Height: 842}
	put(p, 200, 760, 14, "部门收支总表")
	put(p, 100, 735, 10, "编制部门：某局")
	put(p, 430, 735, 10, "单位：万元")
	// Row edges 730 710 690 670 650; column edges 100 250 350 450. 项目
	// spans rows 0–1 (no rule under it), 金额 columns 1–2 (no rule
	// between them in row 0).
	for _, y := range []float64{730, 690, 670, 650} {
		p.Rules = append(p.Rules, Rule{100, y, 450, y})
	}
	p.Rules = append(p.Rules, Rule{250, 710, 450, 710})
	p.Rules = append(p.Rules, Rule{100, 650, 100, 730}, Rule{250, 650, 250, 730}, Rule{350, 650, 350, 710}, Rule{450, 650, 450, 730})
	put(p, 110, 705, 10, "项目")
	put(p, 280, 716, 10, "金额")
	put(p, 260, 696, 10, "本年")
	put(p, 360, 696, 10, "上年")
	put(p, 110, 676, 10, "人员经费")
	put(p, 260, 682, 10, "1,234.50") // printed ~6 pt above the baseline
	put(p, 360, 676, 10, "0")
	put(p, 110, 656, 10, "合")
	put(p, 140, 656, 10, "计")
	put(p, 260, 656, 10, "1,234.50")
	put(p, 100, 630, 10, "注：本表无政府性基金。")
	f := &File{Pages: []*Page{p}, NumPages: 1}
	doc := Layout(f)
	ts := tablesOf(doc)
	if len(ts) != 1 {
		for _, b := range doc.Blocks {
			t.Logf("%s %q", b.Kind, b.Text)
		}
		t.Fatalf("got %d tables, want 1", len(ts))
	}
	tb := ts[0]
	want := [][]string{
		{"项目", "金额", "〃"},
		{"〃", "本年", "上年"},
		{"人员经费", "1,234.50", "0"},
		{"合计", "1,234.50", ""},
	}
	if got := tableTexts(tb); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("cells\n got %q\nwant %q", got, want)
	}
	if tb.Rows[0][0].RowSpan != 2 || tb.Rows[0][1].ColSpan != 2 {
		t.Errorf("spans: 项目 rowspan %d, 金额 colspan %d", tb.Rows[0][0].RowSpan, tb.Rows[0][1].ColSpan)
	}
	if tb.HeaderRows != 2 || tb.Unit != "万元" || tb.ColumnNumberRow != -1 {
		t.Errorf("header rows %d unit %q column number row %d", tb.HeaderRows, tb.Unit, tb.ColumnNumberRow)
	}
	if fmt.Sprint(tb.Caption) != "[部门收支总表 编制部门：某局 单位：万元]" || fmt.Sprint(tb.Notes) != "[注：本表无政府性基金。]" {
		t.Errorf("caption %q notes %q", tb.Caption, tb.Notes)
	}
	for _, b := range doc.Blocks {
		if b.Kind != extract.KindTable {
			t.Errorf("stray block %s %q", b.Kind, b.Text)
		}
	}
	c := tb.Rows[2][1]
	if c.At.Page != 3 || c.At.BBox == nil || *c.At.BBox != [4]float64{250, 670, 350, 690} || *c.At.Table != 0 || *c.At.Row != 2 || *c.At.Col != 1 {
		t.Errorf("provenance of 1,234.50: %+v", c.At)
	}
}

// TestContinuation: a table whose rows go on over the next page with the
// header repeated is one table; rows keep their page.
func TestContinuation(t *testing.T) {
	var pages []*Page
	for n, rows := range [][]string{{"行政运行", "一般行政管理事务"}, {"住房公积金"}} {
		p := &Page{Number: n + 1, Width: 595, Height: 842}
		if n == 0 {
			put(p, 200, 760, 14, "一般公共预算支出表")
		}
		y := 730.0
		lines := append([]string{"项目|金额"}, rows...)
		for i, r := range lines {
			if i > 0 {
				r += "|" + fmt.Sprint(100*i)
			}
			parts := strings.Split(r, "|")
			put(p, 110, y-15, 10, parts[0])
			put(p, 260, y-15, 10, parts[1])
			p.Rules = append(p.Rules, Rule{100, y, 400, y})
			y -= 20
		}
		p.Rules = append(p.Rules, Rule{100, y, 400, y}, Rule{100, y, 100, 730}, Rule{250, y, 250, 730}, Rule{400, y, 400, 730})
		pages = append(pages, p)
	}
	doc := Layout(&File{Pages: pages, NumPages: 2})
	ts := tablesOf(doc)
	if len(ts) != 1 {
		t.Fatalf("got %d tables, want 1", len(ts))
	}
	want := [][]string{{"项目", "金额"}, {"行政运行", "100"}, {"一般行政管理事务", "200"}, {"住房公积金", "100"}}
	if got := tableTexts(ts[0]); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("cells\n got %q\nwant %q", got, want)
	}
	if ts[0].Rows[3][0].At.Page != 2 || ts[0].Rows[1][0].At.Page != 1 || *ts[0].Rows[3][0].At.Row != 3 {
		t.Errorf("row pages: %+v %+v", ts[0].Rows[1][0].At, ts[0].Rows[3][0].At)
	}
}

func TestCellText(t *testing.T) {
	for in, want := range map[string]string{
		"合　　计":         "合计",
		"人 员 经 费":      "人员经费",
		"Hello  World": "Hello World",
		"1,234.50":     "1,234.50",
		"其他 2,000 万元":  "其他2,000万元",
	} {
		if got := squeezeCJK(in); got != want {
			t.Errorf("squeezeCJK(%q) = %q, want %q", in, got, want)
		}
	}
	if got := joinCellText([]string{"机关事业单位基本", "养老保险缴费"}); got != "机关事业单位基本养老保险缴费" {
		t.Errorf("wrapped name: %q", got)
	}
	// Figures wrapped in a narrow cell join when together they are one
	// well-formed figure, and stay apart when they are not.
	for _, tc := range []struct {
		parts []string
		want  string
	}{
		{[]string{"174,900", ".64"}, "174,900.64"},
		{[]string{"12,345,6", "78.90"}, "12,345,678.90"},
		{[]string{"32,365.09", "0089"}, "32,365.090089"},
		{[]string{"174,900", "64"}, "174,900 64"},
		{[]string{"1,234.50", "2,000.00"}, "1,234.50 2,000.00"},
		{[]string{"其中：", "100.00"}, "其中：100.00"},
	} {
		if got := joinCellText(tc.parts); got != tc.want {
			t.Errorf("joinCellText(%q) = %q, want %q", tc.parts, got, tc.want)
		}
	}
}

func TestColumnNumberRow(t *testing.T) {
	row := func(ss ...string) []extract.Cell {
		var cs []extract.Cell
		for _, s := range ss {
			cs = append(cs, extract.Cell{Text: s})
		}
		return cs
	}
	tb := &extract.Table{Rows: [][]extract.Cell{
		row("项目", "合计", "基本支出", "项目支出"),
		row("栏次", "1", "2", "3"),
		row("合计", "0", "-", ""),
	}}
	detectHeader(tb)
	if tb.ColumnNumberRow != 1 || tb.HeaderRows != 2 {
		t.Errorf("column number row %d, header rows %d", tb.ColumnNumberRow, tb.HeaderRows)
	}
}

// goldenTable is the reviewable form of a table in testdata/golden.
type goldenTable struct {
	Caption         []string `json:"caption,omitempty"`
	Notes           []string `json:"notes,omitempty"`
	Unit            string   `json:"unit,omitempty"`
	HeaderRows      int      `json:"header_rows"`
	ColumnNumberRow int      `json:"column_number_row"`
	Pages           []string `json:"row_pages"` // "p15 r0-24"
	Spans           []string `json:"spans,omitempty"`
	Rows            []string `json:"rows"` // cells joined by " | "
}

func toGolden(t *extract.Table) goldenTable {
	g := goldenTable{Caption: t.Caption, Notes: t.Notes, Unit: t.Unit, HeaderRows: t.HeaderRows, ColumnNumberRow: t.ColumnNumberRow}
	for _, row := range tableTexts(t) {
		g.Rows = append(g.Rows, strings.Join(row, " | "))
	}
	start := 0
	for r, row := range t.Rows {
		if r+1 == len(t.Rows) || t.Rows[r+1][0].At.Page != row[0].At.Page {
			g.Pages = append(g.Pages, fmt.Sprintf("p%d r%d-%d", row[0].At.Page, start, r))
			start = r + 1
		}
		for c, cell := range row {
			if !cell.Covered && (cell.RowSpan > 1 || cell.ColSpan > 1) {
				g.Spans = append(g.Spans, fmt.Sprintf("r%dc%d %dx%d", r, c, max(cell.RowSpan, 1), max(cell.ColSpan, 1)))
			}
		}
	}
	return g
}

// goldenTables pins tables of corpus PDFs: the table whose caption holds
// title (first match) in file.
var goldenTables = []struct {
	name, file, title string
}{
	{"sifaju-b1-summary", "shanghai-putuo/上海市普陀区司法局2026年部门预算_dept_budget.pdf", "部门财务收支预算总表"},
	{"sifaju-b5-two-pages", "shanghai-putuo/上海市普陀区司法局2026年部门预算_dept_budget.pdf", "一般公共预算支出功能分类预算表"},
	{"sifaju-b7-sangong", "shanghai-putuo/上海市普陀区司法局2026年部门预算_dept_budget.pdf", "三公"},
	{"jiangsu-wb2019-three-block", "jiangsu-province/江苏省委办公厅2019年度部门预算公开表格.pdf", "收支预算总表"},
	{"jiangsu-zx2019-three-block", "jiangsu-province/江苏省政协办公厅2019年预算公开表.pdf", "收支预算总表"},
	{"shegong-f2-two-pages", "shanghai-putuo/中共上海市普陀区委社会工作部 2024 年度部门决算.pdf", "收入决算表"},
	{"shegong-f6-side-by-side", "shanghai-putuo/中共上海市普陀区委社会工作部 2024 年度部门决算.pdf", "基本支出决算表"},
	{"guihua-f6-side-by-side", "shanghai-putuo/上海市普陀区规划和自然资源局 2024 年度部门决算.pdf", "基本支出决算表"},
	{"guihua-f7-sangong", "shanghai-putuo/上海市普陀区规划和自然资源局 2024 年度部门决算.pdf", "三公"},
}

func findTable(doc *extract.Document, title string) *extract.Table {
	for _, tb := range tablesOf(doc) {
		for _, c := range tb.Caption {
			if strings.Contains(c, title) {
				return tb
			}
		}
	}
	return nil
}

func TestTablesGolden(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus tests skipped in -short mode")
	}
	dir := filepath.Join(corpusDir(t), "raw")
	docs := map[string]*extract.Document{}
	for _, g := range goldenTables {
		t.Run(g.name, func(t *testing.T) {
			path := filepath.Join(dir, g.file)
			doc := docs[path]
			if doc == nil {
				data, err := os.ReadFile(path)
				if err != nil {
					t.Skipf("corpus file missing: %v", err)
				}
				if doc, err = Extract(context.Background(), data, extract.Options{}); err != nil {
					t.Fatal(err)
				}
				docs[path] = doc
			}
			tb := findTable(doc, g.title)
			if tb == nil {
				t.Fatalf("no table captioned %q in %s", g.title, g.file)
			}
			got, err := json.MarshalIndent(toGolden(tb), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := filepath.Join("testdata", "golden", g.name+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (rerun with -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs; rerun with -update and review the diff. Got:\n%s", golden, got)
			}
		})
	}
}

// TestCorpusSifaju checks the acceptance facts of the 司法局 budget.
func TestCorpusSifaju(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus tests skipped in -short mode")
	}
	path := filepath.Join(corpusDir(t), "raw", "shanghai-putuo", "上海市普陀区司法局2026年部门预算_dept_budget.pdf")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("corpus file missing: %v", err)
	}
	doc, err := Extract(context.Background(), data, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	b1 := findTable(doc, "部门财务收支预算总表")
	if b1 == nil {
		t.Fatal("no 部门财务收支预算总表")
	}
	hasRow := func(tb *extract.Table, label, value string) bool {
		for _, row := range tb.Rows {
			for c := 0; c+1 < len(row); c++ {
				if row[c].Text == label && row[c+1].Text == value {
					return true
				}
			}
		}
		return false
	}
	if !hasRow(b1, "1.一般公共预算", "96,282,213.44") || !hasRow(b1, "一、公共安全支出", "87,267,272.44") {
		t.Errorf("B1 lacks its label|value pairs:\n%q", tableTexts(b1))
	}
	b5 := findTable(doc, "一般公共预算支出功能分类预算表")
	if b5 == nil {
		t.Fatal("no 一般公共预算支出功能分类预算表")
	}
	pages := map[string]int{}
	headers := 0
	for _, row := range b5.Rows {
		for _, c := range row {
			if !c.Covered {
				pages[c.Text] = c.At.Page
			}
			if c.Text == "功能分类科目名称" {
				headers++
			}
		}
	}
	if pages["行政运行"] != 15 || pages["住房公积金"] != 16 || headers != 1 {
		t.Errorf("B5: 行政运行 on page %d, 住房公积金 on page %d, header %d times", pages["行政运行"], pages["住房公积金"], headers)
	}
	for _, tb := range tablesOf(doc) {
		for r, row := range tb.Rows {
			for c, cell := range row {
				if cell.At.Page == 0 || cell.At.BBox == nil || cell.At.Table == nil || *cell.At.Row != r || *cell.At.Col != c {
					t.Fatalf("cell r%dc%d without provenance: %+v", r, c, cell.At)
				}
			}
		}
	}
}

// TestColMap: a continuation page whose 合计 row draws no rules between
// the code columns still maps onto the first page's columns.
func TestColMap(t *testing.T) {
	a := []float64{55, 80, 104, 128, 250, 330, 400, 460, 530, 600}
	b := []float64{57, 250.5, 331, 399, 460, 530, 598}
	if got := fmt.Sprint(colMap(b, a)); got != "[0 4 5 6 7 8 9]" {
		t.Errorf("colMap = %s", got)
	}
	if colMap([]float64{55, 300, 600}, a) != nil {
		t.Error("an edge a lacks must not map")
	}
	tb := &extract.Table{Rows: [][]extract.Cell{{{Text: "合计"}, {Text: "1"}, {Text: "2"}, {Text: "3"}, {Text: "4"}, {Text: "5"}}}}
	got := tableTexts(remapColumns(tb, b, a))
	if fmt.Sprint(got) != "[[合计 〃 〃 〃 1 2 3 4 5]]" {
		t.Errorf("remapped: %q", got)
	}
}
