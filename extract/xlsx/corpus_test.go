package xlsx

import (
	"strings"
	"testing"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/internal/testcorpus"
)

// TestPutuoTemplates reads the official Putuo 2026 templates (one standard
// table per sheet, mostly empty): the department template as .xlsx and
// the unit template as legacy .xls.
func TestPutuoTemplates(t *testing.T) {
	for _, c := range []struct {
		name   string
		format extract.Format
		sheets int
		// titles of the standard tables, in order, with header rows.
		titles  []string
		headers []int
	}{
		{"普陀区2026年部门预算模板_department_budget_template.xlsx", extract.FormatXLSX, 17,
			[]string{"2026年部门财务收支预算总表", "2026年部门收入预算总表", "2026年部门支出预算总表", "2026年部门财政拨款收支预算总表",
				"2026年部门一般公共预算支出功能分类预算表", "2026年部门政府性基金预算支出功能分类预算表", "2026年部门国有资本经营预算支出功能分类预算表",
				"2026年部门一般公共预算基本支出部门预算经济分类预算表", "2026年部门“三公”经费和机关运行经费预算表"},
			[]int{2, 3, 3, 2, 3, 3, 3, 3, 3}},
		{"普陀区2026年单位预算模板_budget_template.xls", extract.FormatXLS, 16,
			[]string{"2026年预算单位财务收支预算总表", "2026年预算单位收入预算总表", "2026年预算单位支出预算总表", "2026年预算单位财政拨款收支预算总表",
				"2026年预算单位一般公共预算支出功能分类预算表", "2026年预算单位政府性基金预算支出功能分类预算表", "2026年预算单位国有资本经营预算支出功能分类预算表"},
			[]int{4, 3, 3, 2, 3, 3, 3}},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc := extractFile(t, testcorpus.Shared(t, "corpus", "raw", "shanghai-putuo", c.name))
			if doc.Format != c.format || doc.Pages != c.sheets {
				t.Errorf("format %s, %d sheets; want %s, %d", doc.Format, doc.Pages, c.format, c.sheets)
			}
			ts := tables(doc)
			if len(ts) < len(c.titles) {
				t.Fatalf("%d tables, want at least %d", len(ts), len(c.titles))
			}
			for i, title := range c.titles {
				tb := ts[i]
				if len(tb.Caption) == 0 || tb.Caption[0] != title {
					t.Errorf("table %d caption %q, want %q first", i, tb.Caption, title)
				}
				if tb.Unit == "" {
					t.Errorf("table %d (%s): no unit", i, title)
				}
				if tb.HeaderRows != c.headers[i] {
					t.Errorf("table %d (%s): %d header rows, want %d", i, title, tb.HeaderRows, c.headers[i])
				}
				// Every template table has merged header cells.
				spans := 0
				for r := 0; r < tb.HeaderRows; r++ {
					for _, cell := range tb.Rows[r] {
						if cell.RowSpan > 1 || cell.ColSpan > 1 {
							spans++
						}
					}
				}
				if spans == 0 {
					t.Errorf("table %d (%s): no merged header cells", i, title)
				}
			}
			// 功能分类 tables: 功能分类科目编码 spans 类/款/项.
			tb := ts[1]
			if c := tb.Rows[1][0]; !strings.Contains(c.Text, "科目编码") || c.ColSpan != 3 || tb.Rows[2][0].Text != "类" {
				t.Errorf("收入预算总表 header: %q colspan %d, next row %q", c.Text, c.ColSpan, tb.Rows[2][0].Text)
			}
			if tb.Unit != "元" {
				t.Errorf("收入预算总表 unit %q, want 元", tb.Unit)
			}
		})
	}
}
