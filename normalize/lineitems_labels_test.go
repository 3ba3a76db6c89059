package normalize

import (
	"testing"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/schema"
)

// TestTotalInFirstLabelColumn: a 支出总表 labelled by three classification
// columns (功能 | 政府经济 | 部门经济 科目) prints its 合计 in the first of
// them and leaves the others blank; the row is the table's total, not a
// part of a group named 合计, so basic and project come from it.
func TestTotalInFirstLabelColumn(t *testing.T) {
	tests := []struct {
		name  string
		table *extract.Table
		basic string // 元 of the total row's 基本支出, "" when no total row
	}{
		{"合计 in the first label column", grid(2,
			"支出功能分类科目 | 政府支出经济分类科目 | 部门支出经济分类科目 | 合计 | 基本支出 | 项目支出",
			"^ | ^ | ^ | ^ | ^ | ^",
			"2010801-行政运行 | 50101-工资奖金津补贴 | 30101-基本工资 | 30.00 | 30.00 | ",
			"2010802-一般行政管理事务 | 50201-办公经费 | 30201-办公费 | 20.00 |  | 20.00",
			"合计 |  |  | 50.00 | 30.00 | 20.00"), "300000"},
		{"合计 spanning the label columns", grid(2,
			"支出功能分类科目 | 政府支出经济分类科目 | 部门支出经济分类科目 | 合计 | 基本支出 | 项目支出",
			"^ | ^ | ^ | ^ | ^ | ^",
			"2010801-行政运行 | 50101-工资奖金津补贴 | 30101-基本工资 | 30.00 | 30.00 | ",
			"合计 | < | < | 30.00 | 30.00 | "), "300000"},
	}
	for _, tt := range tests {
		v := view(tt.table, "预算03表 支出总表", "万元")
		kind := classifyTable(v, false)
		if kind != schema.KindB3 {
			t.Fatalf("%s: kind %q, want B3", tt.name, kind)
		}
		st := schema.Table{Kind: kind, Columns: v.shape.columnKeys(kind), LineItems: v.shape.lineItems(kind)}
		got := ""
		if row := b3TotalRow(&st); row != nil && basicOf(row) != nil {
			got = basicOf(row).Yuan.String()
		}
		if got != tt.basic {
			t.Errorf("%s: total row's basic = %q, want %q", tt.name, got, tt.basic)
		}
	}
}

// TestSummaryRowsByUse: a 收支总表 whose expenditure side names the two
// parts of 部门预算 by their use ("人员经费和公用经费支出", "专项业务经费支出")
// keys them basic and project.
func TestSummaryRowsByUse(t *testing.T) {
	v := view(grid(2,
		"收入 | < | 支出 | <",
		"项目 | 预算数 | 部门预算支出经济分类科目（按大类） | 预算数",
		"一、部门预算 | 100.00 | 一、部门预算 | 100.00",
		"1、财政拨款 | 100.00 | 1、人员经费和公用经费支出 | 60.00",
		"2、上级补助收入 |  | 2、专项业务经费支出 | 40.00",
		"本年收入合计 | 100.00 | 本年支出合计 | 100.00"), "部门综合预算收支总表", "万元")
	kind := classifyTable(v, false)
	st := schema.Table{Kind: kind, LineItems: v.shape.lineItems(kind)}
	for key, want := range map[schema.RowKey]string{schema.RowExpenditureBasic: "600000", schema.RowExpenditureProject: "400000", schema.RowExpenditureTotal: "1000000"} {
		got := ""
		if a := st.RowAmount(key); a != nil {
			got = a.Yuan.String()
		}
		if got != want {
			t.Errorf("%s = %q, want %q", key, got, want)
		}
	}
}
