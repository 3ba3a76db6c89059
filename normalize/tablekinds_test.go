package normalize

import "testing"

// Title spellings seen in the corpus and the templates (domain.md §2–3).
func TestKindFromTitle(t *testing.T) {
	tests := []struct {
		title string
		final bool
		want  string
	}{
		{"2026年部门财务收支预算总表", false, "B1"},
		{"收支预算总表", false, "B1"},
		{"公开01表：收支预算总表", false, "B1"},
		{"2026年部门收入预算总表", false, "B2"},
		{"公开02表", false, ""},
		{"2026年部门支出预算总表", false, "B3"},
		{"4．2026年部门财政拨款收支预算总表", false, "B4"},
		{"2026年部门一般公共预算支出功能分类预算表", false, "B5"},
		{"一般公共预算支出预算表（功能科目）", false, "B5"},
		{"2026年部门一般公共预算基本支出部门预算经济分类预算表", false, "B6"},
		{"2026年部门“三公”经费和机关运行经费预算表", false, "B7"},
		{"“三公”经费、会议费、培训费支出预算表", false, "B7"},
		{"2026年部门政府性基金预算支出功能分类预算表", false, "B8"},
		{"财政拨款政府性基金支出预算表", false, "B8"},
		{"2026年部门国有资本经营预算支出功能分类预算表", false, "B9"},
		{"财政拨款支出预算表（功能科目）", false, "fiscal_expenditure"},
		{"财政拨款基本支出预算表（经济科目）", false, "fiscal_basic"},
		{"一般公共预算机关运行经费支出预算表", false, "operating_expenses"},
		{"2019年政府采购预算表", false, "procurement"},
		{"收入支出决算总表", true, "F1"},
		{"收入决算表", true, "F2"},
		{"支出决算表", false, "F3"},
		{"财政拨款收入支出决算总表", true, "F4"},
		{"一般公共预算财政拨款支出决算表", true, "F5"},
		{"一般公共预算财政拨款基本支出决算表", true, "F6"},
		{"财政拨款“三公”经费支出决算表", true, "F7"},
		{"政府性基金预算财政拨款收入支出决算表", true, "F8"},
		{"国有资本经营预算财政拨款收入支出决算表", true, "F9"},
		{"部门：江苏省委办公厅", false, ""},
		{"单位：万元", false, ""},
	}
	for _, tt := range tests {
		if got := kindFromTitle(tt.title, tt.final); string(got) != tt.want {
			t.Errorf("kindFromTitle(%q, %v) = %q, want %q", tt.title, tt.final, got, tt.want)
		}
	}
}

// Tables without a telling title are recognised by their header and rows.
func TestKindFromContent(t *testing.T) {
	tests := []struct {
		name string
		v    *tableView
		want string
	}{
		{"F1 titled only 部门决算表", view(grid(2,
			"收入 | < | 支出 | <",
			"项目 | 决算数 | 项目 | 决算数",
			"一、一般公共预算财政拨款收入 | 1.00 | 一、一般公共服务支出 | 1.00",
			"五、事业收入 |  | ",
			"本年收入合计 | 1.00 | 本年支出合计 | 1.00"), "上海市XX局2024年度部门决算表", "万元"), "F1"},
		{"B4 by its fiscal-only revenue", view(grid(3,
			"收入 | < | 支出 | <",
			"项目名称 | 金额 | 支出用途 | <",
			"^ | ^ | 项目名称 | 金额",
			"一、一般公共预算 | 1.00 | 一、基本支出 | 1.00",
			"收入合计 | 1.00 | 支出合计 | 1.00"), "公开表四", "万元"), "B4"},
		{"B3 as one row of 合计 | 基本 | 项目 | 单位预留机动经费", view(grid(1,
			"合计 | 基本支出 | 项目支出 | 单位预留机动经费 | 结转下年资金",
			"3.00 | 1.00 | 1.00 | 1.00 | "), "公开表三", "万元"), "B3"},
	}
	for _, tt := range tests {
		if got := classifyTable(tt.v, false); string(got) != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}
