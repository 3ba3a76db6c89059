package pdf

import (
	"fmt"
	"strings"
	"testing"

	"github.com/yusuan/yusuan/extract"
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

// TestCaptionInsideRuling: a tables-only export that frames its title and
// unit with the grid ("预算01表 收支总表" / "金额单位：万元" as the first
// rows) gets them as Caption and Unit, and the column headers as header.
func TestCaptionInsideRuling(t *testing.T) {
	p := &Page{Number: 1, Width: 842, Height: 595}
	xs := []float64{100, 300, 420, 620, 740}
	top := 520.0
	// Title row and unit row span the whole width: only the outer rules.
	put(p, 330, top-14, 12, "预算01表 收支总表")
	put(p, 640, top-34, 9, "金额单位：万元")
	p.Rules = append(p.Rules, Rule{xs[0], top, xs[4], top}, Rule{xs[0], top - 20, xs[4], top - 20}, Rule{xs[0], top, xs[0], top - 40}, Rule{xs[4], top, xs[4], top - 40})
	bottom := ruledRows(p, xs, top-40, []string{"项目|预算数|项目|预算数", "一般公共预算拨款收入|32,365.090089|一般公共服务支出|26,661.064552", "收入总计|32,852.053832|支出总计|32,852.053832"})
	p.Rules = append(p.Rules, Rule{xs[0], bottom, xs[0], top}, Rule{xs[4], bottom, xs[4], top})
	ts := tablesOf(Layout(&File{Pages: []*Page{p}, NumPages: 1}))
	if len(ts) != 1 {
		t.Fatalf("got %d tables, want 1", len(ts))
	}
	tab := ts[0]
	if fmt.Sprint(tab.Caption) != "[预算01表收支总表 金额单位：万元]" || tab.Unit != "万元" {
		t.Errorf("caption %q unit %q", tab.Caption, tab.Unit)
	}
	if tab.HeaderRows != 1 || tab.Rows[0][0].Text != "项目" || len(tab.Rows) != 3 {
		t.Errorf("header rows %d, rows %q", tab.HeaderRows, tableTexts(tab))
	}
}

func TestCaptionParts(t *testing.T) {
	for in, want := range map[string]string{
		"部门名称：杭州市某局 单位：万元":  "[部门名称：杭州市某局 单位：万元]",
		"部门名称：某局单位:万元":      "[部门名称：某局 单位:万元]",
		"单位名称：某委员会 金额单位：万元": "[单位名称：某委员会 金额单位：万元]",
		"单位：万元": "[单位：万元]",
		"2026年部门收支总表（单位：万元）": "[2026年部门收支总表（单位：万元）]",
		"编制单位：某局":            "[编制单位：某局]",
	} {
		if got := fmt.Sprint(captionParts(in)); got != want {
			t.Errorf("captionParts(%q) = %s, want %s", in, got, want)
		}
	}
}

// TestOverflowIntoNextCell: a spreadsheet export prints a long name over
// its right rule into the (empty or figure) cell beside it; the run that
// carries on goes back to the name, a figure in that cell stays.
func TestOverflowIntoNextCell(t *testing.T) {
	p := &Page{Number: 1, Width: 842, Height: 595}
	xs := []float64{100, 190, 260}
	ruledRows(p, xs, 500, []string{"项目|预算数", "合计|100.00", "|", "|"})
	// Row 2: "(5)资本性支出（基本建" runs on as "设）" past the rule at 190, with
	// a figure set apart in the same cell; row 3 the same with no figure.
	for i, y := range []float64{446, 426} {
		name := "资本性支出（基本建设）"
		x := 190.0 - 9*9 // the name ends 9 pt past the rule
		put(p, x, y, 9, name)
		if i == 0 {
			put(p, 230, y, 9, "20.00")
		}
	}
	ts := tablesOf(Layout(&File{Pages: []*Page{p}, NumPages: 1}))
	if len(ts) != 1 {
		t.Fatalf("got %d tables", len(ts))
	}
	want := [][]string{{"项目", "预算数"}, {"合计", "100.00"}, {"资本性支出（基本建设）", "20.00"}, {"资本性支出（基本建设）", ""}}
	if got := tableTexts(ts[0]); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("cells\n got %q\nwant %q", got, want)
	}
}

func TestSpreadFigures(t *testing.T) {
	cells := func(ss ...string) []extract.Cell {
		var out []extract.Cell
		for _, s := range ss {
			out = append(out, extract.Cell{Text: s})
		}
		return out
	}
	for _, tc := range []struct{ in, want []string }{
		{[]string{"[2080506]职业年金缴费支出", "", "96.76 96.76", "0.00"}, []string{"[2080506]职业年金缴费支出", "96.76", "96.76", "0.00"}},
		{[]string{"名称", "1.00", "96.76 96.76", "0.00"}, []string{"名称", "1.00", "96.76 96.76", "0.00"}}, // no room: left alone
		{[]string{"名称", "", "公用 经费", ""}, []string{"名称", "", "公用 经费", ""}},                             // not figures
	} {
		row := cells(tc.in...)
		spreadFigures(row)
		var got []string
		for _, c := range row {
			got = append(got, c.Text)
		}
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("spreadFigures(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestStreamNoteNotARow: a 注 line set close under an unruled table's last
// row is the table's note, not the rest of that row's name.
func TestStreamNoteNotARow(t *testing.T) {
	p := &Page{Number: 1, Width: 842, Height: 595}
	y := 500.0
	for _, r := range []string{"项目|小计|基本支出|项目支出", "合计|3,944.08|3,204.78|739.30", "[201]一般公共服务支出|2,570.71|1,831.41|739.30", "[2210203]购房补贴|739.06|739.06|0.00"} {
		for c, s := range strings.Split(r, "|") {
			put(p, []float64{60, 400, 560, 720}[c], y, 10, s)
		}
		y -= 16
	}
	put(p, 60, y+4, 10, "注：无。")
	ts := tablesOf(Layout(&File{Pages: []*Page{p}, NumPages: 1}))
	if len(ts) != 1 {
		t.Fatalf("got %d tables", len(ts))
	}
	last := ts[0].Rows[len(ts[0].Rows)-1]
	if last[0].Text != "[2210203]购房补贴" || fmt.Sprint(ts[0].Notes) != "[注：无。]" {
		t.Errorf("last row %q, notes %q", last[0].Text, ts[0].Notes)
	}
}

// TestAmountList: an unruled list of two columns (项目 | 预算数, the
// amounts right-aligned with decimals) is a table; a contents page of
// titles and page numbers is not.
func TestAmountList(t *testing.T) {
	list := func(rows []string) *Page {
		p := &Page{Number: 1, Width: 842, Height: 595}
		put(p, 300, 540, 12, "一般公共预算基本支出情况表")
		y := 500.0
		for _, r := range rows {
			parts := strings.Split(r, "|")
			put(p, 60, y, 10, parts[0])
			put(p, 797-5*float64(len(parts[1])), y, 10, parts[1]) // right-aligned at 797
			y -= 16
		}
		return p
	}
	amounts := list([]string{"合计|3,204.78", "[301]工资福利支出|2,577.42", "[30101]基本工资|374.86", "[30102]津贴补贴|1,088.93", "[30103]奖金|481.02", "[30109]职业年金缴费|96.76"})
	ts := tablesOf(Layout(&File{Pages: []*Page{amounts}, NumPages: 1}))
	if len(ts) != 1 || len(ts[0].Rows) != 6 || ts[0].Rows[5][1].Text != "96.76" {
		t.Fatalf("amount list: %d tables %v", len(ts), ts)
	}
	contents := list([]string{"一、部门主要职责|3", "二、部门机构设置|4", "三、收支预算总表|5", "四、收入预算总表|6", "五、支出预算总表|7", "六、三公经费|8"})
	if ts := tablesOf(Layout(&File{Pages: []*Page{contents}, NumPages: 1})); len(ts) != 0 {
		t.Errorf("contents read as a table: %q", tableTexts(ts[0]))
	}
}

// putRight sets s right-aligned at x.
func putRight(p *Page, x, y, size float64, s string) {
	w := 0.0
	for _, r := range s {
		if r < 0x2E80 {
			w += size / 2
		} else {
			w += size
		}
	}
	put(p, x-w, y, size, s)
}

// stackedHeaderPages builds two landscape pages: an unruled table of
// three columns ending the first, and on the second a titled unruled
// table of seven whose headings are centred over right-aligned figures
// (so the long ones reach over the gutter to their left), stacked on
// three lines (a wrapped heading, a name column's title over its two
// columns), with names wrapped over two lines centred beside their
// figures.
func stackedHeaderPages() []*Page {
	p1 := &Page{Number: 1, Width: 842, Height: 595}
	put(p1, 330, 506, 13, "收入总体情况表")
	y := 470.0
	for _, r := range []string{"单位名称|合计|财政拨款", "合计|9,483.72|9,433.72", "某某局|6,748.28|6,698.28", "某某中心|1,373.74|1,373.74"} {
		f := strings.Split(r, "|")
		put(p1, 42, y, 10, f[0])
		putRight(p1, 400, y, 10, f[1])
		putRight(p1, 797, y, 10, f[2])
		y -= 16
	}
	p2 := &Page{Number: 2, Width: 842, Height: 595}
	put(p2, 780, 535, 12, "表3")
	put(p2, 361, 506, 13, "本年支出总体情况表")
	put(p2, 42, 478, 12, "单位名称：某某局")
	put(p2, 738, 478, 12, "单位：万元")
	put(p2, 140.7, 462.7, 10, "功能分类科目")
	put(p2, 633, 462.7, 10, "对附属单位补助支")
	for _, h := range []struct {
		x float64
		s string
	}{{330.8, "合计"}, {403.8, "基本支出"}, {486.9, "项目支出"}, {549.9, "事业单位经营支出"}, {726, "上缴上级支出"}} {
		put(p2, h.x, 454.5, 10, h.s)
	}
	put(p2, 71.4, 446.3, 10, "科目编码")
	put(p2, 199.9, 446.3, 10, "科目名称")
	put(p2, 668, 446.3, 10, "出")
	rights := []float64{381.9, 465, 548, 631.1, 714.2, 797.2}
	y = 446.3 // the baseline of the last line set
	rows := []string{
		"|合计|9,483.72|8,401.67|1,082.05|0.00|0.00|0.00",
		"201|一般公共服务支出|8,295.28|7,263.23|1,032.05|0.00|0.00|0.00",
		"2010501|行政运行|6,453.03|6,453.03|0.00|0.00|0.00|0.00",
		"2080502|事业单位离退休|39.91|39.91|0.00|0.00|0.00|0.00",
		"2080505|机关事业单位基本养老保险缴/费支出|175.83|175.83|0.00|0.00|0.00|0.00",
		"2080506|机关事业单位职业年金缴费支/出|87.91|87.91|0.00|0.00|0.00|0.00",
		"210|卫生健康支出|4.15|4.15|0.00|0.00|0.00|0.00",
	}
	// Enough rows that the header lines do not hide the gutters.
	for i := range 14 {
		rows = append(rows, fmt.Sprintf("2101%d|其他支出%d|1.%02d|1.%02d|0.00|0.00|0.00|0.00", 10+i, i, i, i))
	}
	for _, r := range rows {
		f := strings.Split(r, "|")
		y -= 16.3
		top, rest, wrapped := strings.Cut(f[1], "/")
		if wrapped {
			put(p2, 166, y, 10, top)
			y -= 7.8
		} else {
			put(p2, 146, y, 10, f[1])
		}
		put(p2, 47.8, y, 10, f[0])
		for i, s := range f[2:] {
			putRight(p2, rights[i], y, 10, s)
		}
		if wrapped {
			y -= 7.8
			put(p2, 141, y, 10, rest)
		}
	}
	return []*Page{p1, p2}
}

// TestStackedHeaderAfterTable: a titled unruled table at the top of a page
// is not read with the columns of the table that ended the page before
// (which glued its figures, "8,401.67 1,082.05 0.00", into one cell); each
// heading lands in the column it is centred over, and a name wrapped
// around its figures stays in its own row.
func TestStackedHeaderAfterTable(t *testing.T) {
	ts := tablesOf(Layout(&File{Pages: stackedHeaderPages(), NumPages: 2}))
	if len(ts) != 2 {
		t.Fatalf("got %d tables, want 2", len(ts))
	}
	want := [][]string{
		{"科目编码", "功能分类科目科目名称", "合计", "基本支出", "项目支出", "事业单位经营支出", "对附属单位补助支出", "上缴上级支出"},
		{"", "合计", "9,483.72", "8,401.67", "1,082.05", "0.00", "0.00", "0.00"},
		{"201", "一般公共服务支出", "8,295.28", "7,263.23", "1,032.05", "0.00", "0.00", "0.00"},
		{"2010501", "行政运行", "6,453.03", "6,453.03", "0.00", "0.00", "0.00", "0.00"},
		{"2080502", "事业单位离退休", "39.91", "39.91", "0.00", "0.00", "0.00", "0.00"},
		{"2080505", "机关事业单位基本养老保险缴费支出", "175.83", "175.83", "0.00", "0.00", "0.00", "0.00"},
		{"2080506", "机关事业单位职业年金缴费支出", "87.91", "87.91", "0.00", "0.00", "0.00", "0.00"},
		{"210", "卫生健康支出", "4.15", "4.15", "0.00", "0.00", "0.00", "0.00"},
	}
	got := tableTexts(ts[1])[:len(want)]
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("cells\n got %q\nwant %q", got, want)
	}
	if ts[1].HeaderRows != 1 || fmt.Sprint(ts[1].Caption) != "[表3 本年支出总体情况表 单位名称：某某局 单位：万元]" {
		t.Errorf("header rows %d, caption %q", ts[1].HeaderRows, ts[1].Caption)
	}
}

// TestGroupTitleRow: a group title over several columns of an unruled
// table's stacked header is a header row of its own, spanning them, not
// glued to the heading under it.
func TestGroupTitleRow(t *testing.T) {
	p := &Page{Number: 1, Width: 842, Height: 595}
	put(p, 300, 540, 13, "一般公共预算支出情况表")
	put(p, 410, 500, 10, "一般公共预算支出（按功能分类科目）")
	put(p, 129, 492, 10, "功能科目名称")
	put(p, 370, 484, 10, "小计")
	put(p, 470, 484, 10, "基本支出")
	put(p, 590, 484, 10, "项目支出")
	y := 468.0
	rows := []string{"合计|9,433.72|8,401.67|1,032.05", "[201]一般公共服务支出|8,295.28|7,263.23|1,032.05", "[2010501]行政运行|6,453.03|6,453.03|0.00"}
	for i := range 20 {
		rows = append(rows, fmt.Sprintf("[2010%d]其他事务|1.%02d|1.%02d|0.00", 10+i, i, i))
	}
	for _, r := range rows {
		f := strings.Split(r, "|")
		put(p, 48, y, 10, f[0])
		for i, s := range f[1:] {
			putRight(p, []float64{400, 520, 640}[i], y, 10, s)
		}
		y -= 16
	}
	ts := tablesOf(Layout(&File{Pages: []*Page{p}, NumPages: 1}))
	if len(ts) != 1 {
		t.Fatalf("got %d tables", len(ts))
	}
	want := [][]string{
		{"", "一般公共预算支出（按功能分类科目）", "〃", "〃"},
		{"功能科目名称", "小计", "基本支出", "项目支出"},
		{"合计", "9,433.72", "8,401.67", "1,032.05"},
	}
	if got := tableTexts(ts[0])[:3]; fmt.Sprint(got) != fmt.Sprint(want) || ts[0].HeaderRows != 2 {
		t.Errorf("cells (%d header rows)\n got %q\nwant %q", ts[0].HeaderRows, got, want)
	}
}

// TestRowBrokenWithFigures: a ruled row broken by a page break whose
// figures fell after the break is one row when that is safe (the first
// half has no figure where the second has, and the second half has no
// label, or lacks the code every row carries); otherwise the rows stay
// apart.
func TestRowBrokenWithFigures(t *testing.T) {
	head := "科目编码|科目名称|合计|基本支出"
	coded := []string{head, "2080501|行政单位离退休|45.60|45.60", "2080502|事业单位离退休|39.91|39.91", "2080503|离退休人员管理机构|10.00|10.00"}
	plain := []string{"项目|合计|基本支出", "工资福利支出|45.60|45.60", "商品和服务支出|39.91|39.91", "离退休费|10.00|10.00"}
	for _, tc := range []struct {
		name         string
		first, then  []string
		wantRows     int
		wantLastText string // the text of the joined (or last first-page) row
	}{
		{"code says one row", append(coded, "2080505|机关事业单位基本养老保险缴||"), []string{head, "|费支出|175.83|175.83", "2080506|职业年金缴费支出|87.91|87.91"},
			6, "2080505|机关事业单位基本养老保险缴费支出|175.83|175.83"},
		{"figures alone", append(plain, "机关事业单位基本养老保险缴费支出||"), []string{"项目|合计|基本支出", "|175.83|175.83", "职业年金|87.91|87.91"},
			6, "机关事业单位基本养老保险缴费支出|175.83|175.83"},
		{"its own code", append(coded, "2080505|机关事业单位基本养老保险缴费支出||"), []string{head, "2080506|职业年金缴费支出|87.91|87.91"},
			6, "2080505|机关事业单位基本养老保险缴费支出||"},
		{"no code to tell", append(plain, "对个人和家庭的补助||"), []string{"项目|合计|基本支出", "离休费|175.83|175.83", "退休费|87.91|87.91"},
			7, "对个人和家庭的补助||"},
		{"first half has the figure", append(coded, "2080505|机关事业单位基本养老保险缴|175.83|"), []string{head, "|费支出|175.83|175.83", "2080506|职业年金缴费支出|87.91|87.91"},
			7, "2080505|机关事业单位基本养老保险缴|175.83|"},
		{"a total is a row", append(coded, "2080505|机关事业单位基本养老保险缴费支出||"), []string{head, "|合计|175.83|175.83"},
			6, "2080505|机关事业单位基本养老保险缴费支出||"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			xs := []float64{60, 140, 340, 440, 540}
			if !strings.HasPrefix(tc.first[0], "科目编码") {
				xs = xs[1:]
			}
			var pages []*Page
			for n, rows := range [][]string{tc.first, tc.then} {
				p := &Page{Number: 1 + n, Width: 595, Height: 842}
				if n == 0 {
					put(p, 200, 760, 14, "一般公共预算支出表")
				}
				ruledRows(p, xs, 730, rows)
				pages = append(pages, p)
			}
			ts := tablesOf(Layout(&File{Pages: pages, NumPages: 2}))
			if len(ts) != 1 {
				t.Fatalf("got %d tables, want 1", len(ts))
			}
			got := tableTexts(ts[0])
			row := strings.Join(got[len(tc.first)-1], "|")
			if len(got) != tc.wantRows || row != tc.wantLastText {
				t.Errorf("%d rows, row %q; want %d, %q\n%q", len(got), row, tc.wantRows, tc.wantLastText, got)
			}
			if joined := ts[0].Rows[len(tc.first)-1]; tc.name == "code says one row" && joined[2].At.Page != 2 {
				t.Errorf("the figure joined from page 2 points at %+v", joined[2].At)
			}
		})
	}
}

// TestEmptyColumnHeading: an unruled table whose last column (备注) no
// data row fills shows no gutter for it; its heading, set a wide gap
// right of the heading before, still makes a column of its own instead
// of being glued to that heading ("专项业务经费支出备注").
func TestEmptyColumnHeading(t *testing.T) {
	p := &Page{Number: 1, Width: 842, Height: 595}
	put(p, 300, 540, 13, "一般公共预算支出明细表")
	for _, h := range []struct {
		x float64
		s string
	}{{48, "功能科目名称"}, {330, "合计"}, {420, "人员经费支出"}, {540, "公用经费支出"}, {660, "专项业务经费支出"}, {770, "备注"}} {
		put(p, h.x, 500, 10, h.s)
	}
	y := 484.0
	rows := []string{"合计|40,052,896.08|31,558,364.40|1,985,851.68|6,508,680.00", "一般公共服务支出|29,741,089.50|21,523,949.82|1,858,459.68|6,358,680.00"}
	for i := range 20 {
		rows = append(rows, fmt.Sprintf("其他支出%d|1,000.%02d|1,000.%02d||", i, i, i))
	}
	for _, r := range rows {
		f := strings.Split(r, "|")
		put(p, 48, y, 10, f[0])
		for i, s := range f[1:] {
			putRight(p, []float64{400, 520, 620, 740}[i], y, 10, s)
		}
		y -= 16
	}
	ts := tablesOf(Layout(&File{Pages: []*Page{p}, NumPages: 1}))
	if len(ts) != 1 {
		t.Fatalf("got %d tables", len(ts))
	}
	want := [][]string{
		{"功能科目名称", "合计", "人员经费支出", "公用经费支出", "专项业务经费支出", "备注"},
		{"合计", "40,052,896.08", "31,558,364.40", "1,985,851.68", "6,508,680.00", ""},
	}
	if got := tableTexts(ts[0])[:2]; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("cells\n got %q\nwant %q", got, want)
	}
}

// TestHeaderUnderUnitLine: the header of an unruled list set close under
// its 单位名称 … 单位 line is the table's header row, not carried into
// that caption line.
func TestHeaderUnderUnitLine(t *testing.T) {
	p := &Page{Number: 1, Width: 842, Height: 595}
	put(p, 780, 535, 12, "表6")
	put(p, 277, 506, 13, "一般公共预算基本支出情况表")
	put(p, 42, 478.2, 12, "单位名称：某某局")
	put(p, 738, 478.2, 12, "单位：万元")
	put(p, 181, 462.7, 10, "部门预算支出经济科目")
	put(p, 599, 462.7, 10, "预算")
	y := 446.3
	rows := []string{"合计|8,401.67", "[301]工资福利支出|7,131.66", "[30101]基本工资|927.35", "[30102]津贴补贴|3,003.28", "[30103]奖金|1,273.95", "[30107]绩效工资|259.66"}
	for i := range 20 {
		rows = append(rows, fmt.Sprintf("[302%02d]其他费用|1.%02d", i, i))
	}
	for _, r := range rows {
		f := strings.Split(r, "|")
		put(p, 48, y, 10, f[0])
		putRight(p, 797, y, 10, f[1])
		y -= 16.3
	}
	ts := tablesOf(Layout(&File{Pages: []*Page{p}, NumPages: 1}))
	if len(ts) != 1 {
		t.Fatalf("got %d tables", len(ts))
	}
	got := tableTexts(ts[0])
	if fmt.Sprint(got[0]) != "[部门预算支出经济科目 预算]" || ts[0].HeaderRows != 1 || fmt.Sprint(ts[0].Caption) != "[表6 一般公共预算基本支出情况表 单位名称：某某局 单位：万元]" {
		t.Errorf("first row %q (%d header rows), caption %q", got[0], ts[0].HeaderRows, ts[0].Caption)
	}
}
