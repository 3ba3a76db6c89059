package schema

import (
	"strings"
	"testing"
)

// codedTable is a 基本支出 table by economic code with the names given.
func codedTable(classification string, rows ...[2]string) Table {
	t := Table{Kind: "B6", Title: "一般公共预算基本支出表"}
	for i, r := range rows {
		t.LineItems = append(t.LineItems, LineItem{Code: r[0], Name: r[1], Classification: classification, At: At{Page: 5, Row: &i}})
	}
	return t
}

func TestCodeNames(t *testing.T) {
	book := [][2]string{{"30101", "基本工资"}, {"30102", "津贴补贴"}, {"30201", "办公费"}, {"30205", "水费"}, {"30207", "邮电费"}}
	with := func(extra ...[2]string) [][2]string { return append(append([][2]string{}, book...), extra...) }
	tests := []struct {
		name     string
		year     int
		class    string
		rows     [][2]string
		sev      string // "" for no finding
		contains string
	}{
		{"agrees", 2024, "economic", with([2]string{"30206", "电费"}), "", ""},
		{"harmless variants", 2024, "economic", with([2]string{"30206", " 电 费"}, [2]string{"30299", "其他商品和服务"}, [2]string{"30213", "维修(护)费"}), "", ""},
		{"cut by a line wrap", 2024, "economic", with([2]string{"30108", "机关事业单位基本养老"}), "", ""},
		{"another code's name", 2024, "economic", with([2]string{"30206", "邮电费"}), SevWarning, "所印名称是科目30207的名称"},
		{"another item", 2024, "economic", with([2]string{"30206", "差旅费"}), SevWarning, "30206的名称印为“差旅费”，2024年政府收支分类科目中30206为“电费”"},
		{"close wording", 2024, "economic", with([2]string{"30108", "机关事业单位基本养老保险费"}), SevInfo, "30108"},
		{"renamed", 2024, "functional", [][2]string{{"201", "一般公共服务支出"}, {"208", "社会保障和就业支出"}, {"221", "住房保障支出"}, {"210", "医疗卫生与计划生育支出"}}, SevInfo, "科目已更名"},
		{"another level's name", 2024, "functional", [][2]string{{"201", "一般公共服务支出"}, {"208", "社会保障和就业支出"}, {"221", "住房保障支出"}, {"2080599", "社会保障和就业支出"}}, SevInfo, "所印名称是科目208的名称"},
		{"a sibling's name", 2019, "functional", [][2]string{{"201", "一般公共服务支出"}, {"20131", "党委办公厅（室）及相关机构事务"}, {"2013101", "行政运行"}, {"2013102", "行政运行"}}, SevWarning, "所印名称是科目2013101的名称"},
		{"year the book does not know", 2031, "economic", with([2]string{"30206", "邮电费"}), "", ""},
		// A province's own 部门经济分类 (codes shifted by a row): another book, not errors.
		{"another book", 2024, "economic", [][2]string{{"30101", "基本工资"}, {"30102", "津贴补贴"}, {"30201", "办公费"}, {"30202", "咨询费"}, {"30203", "水费"}, {"30204", "电费"}, {"30205", "邮电费"}}, "", ""},
		{"too few agree", 2024, "economic", [][2]string{{"30101", "基本工资"}, {"30206", "邮电费"}}, "", ""},
		{"a garbled name", 2024, "economic", with([2]string{"30206", "电费2080505"}), "", ""},
	}
	for _, tt := range tests {
		d := &Document{Tables: []Table{codedTable(tt.class, tt.rows...)}}
		d.Meta.FiscalYear = tt.year
		fs := run(t, "tables.code_name_mismatch", d)
		if tt.sev == "" {
			if len(fs) != 0 {
				t.Errorf("%s: %d findings, want none: %+v", tt.name, len(fs), fs)
			}
			continue
		}
		if len(fs) != 1 || fs[0].Severity != tt.sev || !strings.Contains(fs[0].Message, tt.contains) || !strings.Contains(fs[0].Message, "第5页") {
			t.Errorf("%s: got %+v, want one %s containing %q", tt.name, fs, tt.sev, tt.contains)
		}
	}
}
