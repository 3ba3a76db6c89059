package xlsx

import (
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/internal/testcorpus"
)

func extractFile(t *testing.T, path string) *extract.Document {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := extract.Extract(context.Background(), data, extract.Options{Name: path})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func tables(doc *extract.Document) []*extract.Table {
	var ts []*extract.Table
	for _, b := range doc.Blocks {
		if b.Kind == extract.KindTable {
			ts = append(ts, b.Table)
		}
	}
	return ts
}

// render renders a table as the rows an HTML sample would hold: cell texts,
// "^" for a covered cell, and "{r×c}" after a spanning cell's text.
func render(t *extract.Table) []string {
	var out []string
	for _, row := range t.Rows {
		var cells []string
		for _, c := range row {
			s := c.Text
			switch {
			case c.Covered:
				s = "^"
			case c.RowSpan > 1 || c.ColSpan > 1:
				s += "{" + itoa(max(c.RowSpan, 1)) + "×" + itoa(max(c.ColSpan, 1)) + "}"
			}
			cells = append(cells, s)
		}
		out = append(out, strings.Join(cells, "|"))
	}
	return out
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// TestSampleTables: the generated workbook's tables come out with the
// cells, spans, captions and header rows written by testdata/gen — what
// the same tables written as HTML (rowspan/colspan) would give.
func TestSampleTables(t *testing.T) {
	doc := extractFile(t, testcorpus.Sample(t, "xlsx-qingxi-greening-2026-budget.xlsx"))
	if doc.Format != extract.FormatXLSX || doc.Pages != 7 {
		t.Errorf("format %s, %d sheets; want xlsx, 7", doc.Format, doc.Pages)
	}
	if len(doc.Problems) != 1 || doc.Problems[0].Code != "extract.sheet_hidden" {
		t.Errorf("problems %+v, want the hidden sheet noted", doc.Problems)
	}
	if doc.Blocks[0].Kind != extract.KindHeading || doc.Blocks[0].Text != "上海市青溪区2026年区级部门预算" {
		t.Errorf("first block %+v, want the cover title as heading", doc.Blocks[0])
	}
	ts := tables(doc)
	if len(ts) != 4 {
		t.Fatalf("%d tables, want 4", len(ts))
	}
	want := []struct {
		title   string
		header  int
		rows    int
		grid    map[int]string // row → expected rendering
		notes   int
		colsNum int
	}{
		{"2026年部门财务收支预算总表", 2, 10, map[int]string{
			0: "本年收入{1×2}|^|本年支出{1×2}|^",
			1: "项目|预算数|项目|预算数",
			2: "一、财政拨款收入|96,282,213.44|一、社会保障和就业支出|5,432,100.00",
			5: "3. 国有资本经营预算|0.00|四、住房保障支出|4,300,500.00",
			6: "二、事业收入|1,250,000.00||",
			9: "收入总计|97,852,713.44|支出总计|97,852,713.44",
		}, 0, 4},
		{"2026年部门一般公共预算支出功能分类预算表", 3, 20, map[int]string{
			0:  "项目{1×4}|^|^|^|一般公共预算支出{1×3}|^|^",
			1:  "功能分类科目编码{1×3}|^|^|功能分类科目名称{2×1}|合计{2×1}|基本支出{2×1}|项目支出{2×1}",
			2:  "类|款|项|^|^|^|^",
			3:  "208|||社会保障和就业支出|5,432,100.00|5,432,100.00|0.00",
			5:  "208|05|05|机关事业单位基本养老保险缴费支出|3,621,400.00|3,621,400.00|0.00",
			11: "212|||城乡社区支出|78,441,013.44|12,441,013.44|66,000,000.00",
			19: "合计||||90,282,213.44|24,282,213.44|66,000,000.00",
		}, 0, 7},
		{"2026年部门一般公共预算基本支出部门预算经济分类预算表", 3, 19, map[int]string{
			1:  "部门预算经济分类科目编码{1×2}|^|经济分类科目名称{2×1}|合计{2×1}|人员经费{2×1}|公用经费{2×1}",
			10: "302||商品和服务支出|3,450,113.44|0.00|3,450,113.44",
			18: "合计|||24,282,213.44|20,832,100.00|3,450,113.44",
		}, 1, 6},
		{"2026年部门“三公”经费和机关运行经费预算表", 3, 4, map[int]string{
			0: "“三公”经费预算数{1×6}|^|^|^|^|^|机关运行经费预算数{3×1}",
			1: "合计{2×1}|因公出国(境)费{2×1}|公务接待费{2×1}|公务用车购置及运行费{1×3}|^|^|^",
			2: "^|^|^|小计|购置费|运行费|^",
			3: "205,000.00|0.00|45,000.00|160,000.00|0.00|160,000.00|3,450,113.44",
		}, 0, 7},
	}
	for i, w := range want {
		tb := ts[i]
		if len(tb.Caption) != 3 || tb.Caption[0] != w.title || tb.Caption[1] != "编制部门：上海市青溪区绿化和市容管理局" || tb.Caption[2] != "单位：元" {
			t.Errorf("table %d caption %q", i, tb.Caption)
		}
		if tb.Unit != "元" || tb.HeaderRows != w.header || len(tb.Rows) != w.rows || tb.NumCols() != w.colsNum || len(tb.Notes) != w.notes || tb.ColumnNumberRow != -1 {
			t.Errorf("table %d: unit %q, %d header rows, %d×%d, notes %q; want 元, %d, %d×%d, %d notes",
				i, tb.Unit, tb.HeaderRows, len(tb.Rows), tb.NumCols(), tb.Notes, w.header, w.rows, w.colsNum, w.notes)
		}
		g := render(tb)
		for r, line := range w.grid {
			if r >= len(g) || g[r] != line {
				got := ""
				if r < len(g) {
					got = g[r]
				}
				t.Errorf("table %d row %d:\n got %s\nwant %s", i, r, got, line)
			}
		}
	}
	// Provenance: sheet and cell of a figure.
	at := ts[0].Rows[9][1].At
	if at.Sheet != "部门收支总表" || at.Cell != "B13" || *at.Table != 0 || *at.Row != 9 || *at.Col != 1 {
		t.Errorf("收入总计 at %+v, want 部门收支总表 B13 table 0 r9 c1", at)
	}
}

func TestDisplayText(t *testing.T) {
	for _, c := range []struct{ shown, raw, want string }{
		{"96,282,213.44", "96282213.439999998", "96,282,213.44"}, // Excel's 17 digits, format shows the value
		{"96,282,213", "96282213.44", "96282213.44"},             // format hides decimals: keep them
		{"96282213.439999998", "96282213.439999998", "96282213.44"},
		{"66000000.000000000", "66000000.000000000", "66000000"},
		{"1,234.50", "1234.5", "1,234.50"},
		{"(1,234.50)", "-1234.5", "(1,234.50)"},
		{"13%", "0.125", "12.5%"},
		{"12.5%", "0.125", "12.5%"},
		{"05", "05", "05"}, // 款 code typed as text
		{"2026-01-15", "46037", "2026-01-15"},
		{"教育支出", "教育支出", "教育支出"},
		{"¥1,200.00", "1200", "¥1,200.00"},
		{"1E+20", "1E+20", "100000000000000000000"},
		{"", "", ""},
	} {
		if got := displayText(c.shown, c.raw); got != c.want {
			t.Errorf("displayText(%q, %q) = %q, want %q", c.shown, c.raw, got, c.want)
		}
	}
}

func TestNumFormatApply(t *testing.T) {
	for _, c := range []struct{ code, plain, want string }{
		{"#,##0.00", "96282213.44", "96,282,213.44"},
		{"#,##0.00", "1200", "1,200.00"},
		{"#,##0", "96282213.44", "96,282,213.44"}, // decimals kept
		{"0.00", "-5.5", "-5.50"},
		{"0.0%", "0.125", "12.5%"},
		{"General", "0.1", "0.1"},
		{`#,##0.00_);[Red]\(#,##0.00\)`, "12", "12.00"},
		{"yyyy-mm-dd", "46037", "2026-01-15"},
		{`"¥"#,##0.00`, "3", "3.00"},
	} {
		if got := parseNumFormat(c.code).apply(c.plain); got != c.want {
			t.Errorf("format %q on %s = %q, want %q", c.code, c.plain, got, c.want)
		}
	}
}

// TestFormulaTypedString: excelize (and tools built on it) write formula
// cells as t="str" with the double's 17 digits; the text is the number.
func TestFormulaTypedString(t *testing.T) {
	f := excelize.NewFile()
	rows := [][]string{{"项目", "预算数"}, {"甲", "1.1"}, {"乙", "2.2"}}
	for r, row := range rows {
		for c, v := range row {
			ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if r > 0 && c == 1 {
				_ = f.SetCellFloat("Sheet1", ref, mustFloat(v), -1, 64)
			} else {
				_ = f.SetCellStr("Sheet1", ref, v)
			}
		}
	}
	_ = f.SetCellStr("Sheet1", "A4", "合计")
	_ = f.SetCellFloat("Sheet1", "B4", 1.1+2.2, 17, 64) // 3.3000000000000003
	_ = f.SetCellFormula("Sheet1", "B4", "SUM(B2:B3)")
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	doc, err := ExtractXLSX(context.Background(), buf.Bytes(), extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ts := tables(doc)
	if len(ts) != 1 || ts[0].Rows[3][1].Text != "3.3" || ts[0].HeaderRows != 1 {
		t.Fatalf("got %q", render(ts[0]))
	}
}

func mustFloat(s string) float64 {
	var v float64
	for _, c := range []struct {
		s string
		v float64
	}{{"1.1", 1.1}, {"2.2", 2.2}} {
		if c.s == s {
			v = c.v
		}
	}
	return v
}

func TestBrokenInputs(t *testing.T) {
	data, err := os.ReadFile(testcorpus.Sample(t, "xlsx-qingxi-greening-2026-budget.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{10, 100, len(data) / 2, len(data) - 30} {
		if _, err := ExtractXLSX(context.Background(), data[:n], extract.Options{}); !errors.Is(err, extract.ErrCorrupt) {
			t.Errorf("truncated to %d bytes: %v, want ErrCorrupt", n, err)
		}
	}
	if _, err := ExtractXLSX(context.Background(), data, extract.Options{MaxBytes: 1000}); !errors.Is(err, extract.ErrLimit) {
		t.Errorf("unzip limit: %v, want ErrLimit", err)
	}
	doc, err := ExtractXLSX(context.Background(), data, extract.Options{MaxPages: 3})
	if err != nil || len(tables(doc)) != 1 || doc.Problems[0].Code != "extract.sheet_limit" {
		t.Errorf("MaxPages 3: %v, %d tables, %+v", err, len(tables(doc)), doc.Problems)
	}
}
