package schema

import (
	"strings"
	"testing"

	"github.com/yusuan/yusuan/decimal"
)

func yuan(s string) *Amount {
	v := decimal.MustParse(s)
	tb := 0
	return &Amount{Yuan: v.Shift(4), Value: v, Unit: "万元", Text: s, At: At{Page: 1, Table: &tb}}
}

func text(s string) *Amount {
	v := decimal.MustParse(s)
	return &Amount{Yuan: v.Shift(4), Value: v, Unit: "万元", Text: s + "万元", At: At{Line: 3}}
}

func item(code, name, side string, key RowKey, rowKind string, amounts map[ColumnKey]*Amount) LineItem {
	it := LineItem{Code: code, Name: name, Side: side, Key: key, RowKind: rowKind, Amounts: amounts}
	switch len(code) {
	case 5:
		it.Parent = code[:3]
	case 7:
		it.Parent = code[:5]
	}
	return it
}

// run runs one rule on d; every finding must be told in both languages.
func run(t *testing.T, name string, d *Document) []Finding {
	t.Helper()
	for i := range rules {
		if rules[i].name == name {
			fs := rules[i].check(&rules[i], d)
			for _, f := range fs {
				if p := bilingualProblem(f); p != "" {
					t.Errorf("%s: %s", name, p)
				}
			}
			return fs
		}
	}
	t.Fatalf("no rule %s", name)
	return nil
}

func TestTableRules(t *testing.T) {
	b1 := func(expTotal string) Table {
		return Table{Kind: "B1", LineItems: []LineItem{
			item("", "一般公共预算拨款收入", "revenue", "revenue.general_public_budget", "", map[ColumnKey]*Amount{"amount": yuan("500.00")}),
			item("", "本年收入合计", "revenue", "revenue.total", RowTotal, map[ColumnKey]*Amount{"amount": yuan("500.00")}),
			item("", "上年结转", "revenue", "revenue.carried_over", "", map[ColumnKey]*Amount{"amount": yuan("20.00")}),
			item("", "收入总计", "revenue", "revenue.grand_total", RowGrandTotal, map[ColumnKey]*Amount{"amount": yuan("520.00")}),
			item("201", "一般公共服务支出", "expenditure", "", "", map[ColumnKey]*Amount{"amount": yuan(expTotal)}),
			item("", "本年支出合计", "expenditure", "expenditure.total", RowTotal, map[ColumnKey]*Amount{"amount": yuan(expTotal)}),
			item("", "结转下年", "expenditure", "expenditure.carried_forward", "", map[ColumnKey]*Amount{"amount": yuan("20.00")}),
			item("", "支出总计", "expenditure", "expenditure.grand_total", RowGrandTotal, map[ColumnKey]*Amount{"amount": yuan("520.00")}),
		}}
	}
	b5 := func(kuan string) Table {
		return Table{Kind: "B5",
			Columns: []Column{{Key: "total", Parts: []ColumnKey{"basic", "project"}}, {Key: "basic"}, {Key: "project"}},
			LineItems: []LineItem{
				item("201", "一般公共服务支出", "", "", "", map[ColumnKey]*Amount{"total": yuan("100.00"), "basic": yuan("60.00"), "project": yuan("40.00")}),
				item("20103", "政府办公厅（室）及相关机构事务", "", "", "", map[ColumnKey]*Amount{"total": yuan(kuan), "basic": yuan("60.00"), "project": yuan("40.00")}),
				item("2010301", "行政运行", "", "", "", map[ColumnKey]*Amount{"total": yuan("60.00"), "basic": yuan("60.00")}),
				item("2010302", "一般行政管理事务", "", "", "", map[ColumnKey]*Amount{"total": yuan("40.00"), "project": yuan("40.00")}),
				item("", "合计", "", "", RowTotal, map[ColumnKey]*Amount{"total": yuan("100.00"), "basic": yuan("60.00"), "project": yuan("40.00")}),
			}}
	}
	tests := []struct {
		rule string
		doc  Document
		want []string // severities, in order
	}{
		{"tables.revenue_equals_expenditure", Document{Tables: []Table{b1("500.00")}}, nil},
		{"tables.grand_total_equals_total_plus_carry", Document{Tables: []Table{b1("500.00")}}, nil},
		{"tables.grand_total_equals_total_plus_carry", Document{Tables: []Table{b1("400.00")}}, []string{SevError}},
		{"tables.side_total_equals_rows", Document{Tables: []Table{b1("500.00")}}, nil},
		// 财政拨款 stated as one figure beside its 政府性基金 part: the
		// fund is inside it, not another source.
		{"summary.revenue_total_equals_sources", Document{Summary: Summary{Revenue: Revenue{Total: text("430725.03"),
			FiscalAppropriation: text("243015.38"), GovernmentFundBudget: text("109.50"), Business: text("136385.24"), Other: text("51324.41")}}}, nil},
		// The narrative's 基本支出 differs from B3's, which adds up: one
		// finding (narrative_vs_table), not a second for the sum.
		{"summary.expenditure_basic_plus_project", Document{
			Tables: []Table{{Kind: "B3", LineItems: []LineItem{item("", "合计", "", "", RowTotal,
				map[ColumnKey]*Amount{"total": yuan("17996.68"), "basic": yuan("12323.48"), "project": yuan("5673.20")})}}},
			Summary: Summary{Expenditure: Expenditure{Total: text("17996.68"), Basic: text("12323.46"), Project: text("5673.20")}}}, nil},
		{"summary.expenditure_basic_plus_project", Document{
			Summary: Summary{Expenditure: Expenditure{Total: text("17996.68"), Basic: text("12323.46"), Project: text("5673.20")}}}, []string{SevWarning}},
		// "收入预算288416.35万元" and "支出预算288416.35万元" that already
		// include their carry-overs balance; sides that balance under no
		// reading do not.
		{"summary.revenue_equals_expenditure", Document{Summary: Summary{
			Revenue:     Revenue{Total: text("288416.35"), CarriedOver: text("9687.21")},
			Expenditure: Expenditure{Total: text("288416.35"), CarriedForward: text("12.23")}}}, nil},
		{"summary.revenue_equals_expenditure", Document{Summary: Summary{
			Revenue:     Revenue{Total: text("278729.14"), CarriedOver: text("9687.21")},
			Expenditure: Expenditure{Total: text("288404.12"), CarriedForward: text("12.23")}}}, nil},
		{"summary.revenue_equals_expenditure", Document{Summary: Summary{
			Revenue:     Revenue{Total: text("278729.14"), CarriedOver: text("9687.21")},
			Expenditure: Expenditure{Total: text("288500.00"), CarriedForward: text("12.23")}}}, []string{SevWarning}},
		// With a 收支总表 that prints its 总计 the table checks the identity
		// with every row (使用非财政拨款结余, 结余分配); the summary's
		// fields cannot hold them all.
		{"summary.revenue_equals_expenditure", Document{Tables: []Table{b1("500.00")}, Summary: Summary{
			Revenue:     Revenue{Total: text("278729.14"), CarriedOver: text("9687.21")},
			Expenditure: Expenditure{Total: text("288500.00"), CarriedForward: text("12.23")}}}, nil},
		// A balance brought forward under a name no keyword knows, printed
		// between 本年收入合计 and 收入总计, is part of the 总计; with it left
		// out the sum would miss.
		{"tables.grand_total_equals_total_plus_carry", Document{Tables: []Table{{Kind: "B1", LineItems: []LineItem{
			item("", "本年收入合计", "revenue", RowRevenueTotal, RowTotal, map[ColumnKey]*Amount{"amount": yuan("500.00")}),
			item("", "上年实户资金余额", "revenue", "", "", map[ColumnKey]*Amount{"amount": yuan("20.00")}),
			item("", "收入总计", "revenue", RowRevenueGrandTotal, RowGrandTotal, map[ColumnKey]*Amount{"amount": yuan("520.00")}),
		}}}}, nil},
		{"tables.grand_total_equals_total_plus_carry", Document{Tables: []Table{{Kind: "B1", LineItems: []LineItem{
			item("", "本年收入合计", "revenue", RowRevenueTotal, RowTotal, map[ColumnKey]*Amount{"amount": yuan("500.00")}),
			item("", "上年实户资金余额", "revenue", "", "", map[ColumnKey]*Amount{"amount": yuan("10.00")}),
			item("", "收入总计", "revenue", RowRevenueGrandTotal, RowGrandTotal, map[ColumnKey]*Amount{"amount": yuan("520.00")}),
		}}}}, []string{SevError}},
		// 本年支出合计 printed above the 类 it adds up, the carry-forward
		// after them: the rows between are the body, not carry-overs.
		{"tables.grand_total_equals_total_plus_carry", Document{Tables: []Table{{Kind: "B4", LineItems: []LineItem{
			item("", "本年支出合计", "expenditure", RowExpenditureTotal, RowTotal, map[ColumnKey]*Amount{"amount": yuan("500.00")}),
			item("", "一般公共服务支出", "expenditure", "", "", map[ColumnKey]*Amount{"amount": yuan("500.00")}),
			item("", "年终结转结余", "expenditure", RowExpenditureCarriedForward, "", map[ColumnKey]*Amount{"amount": yuan("20.00")}),
			item("", "支出总计", "expenditure", RowExpenditureGrandTotal, RowGrandTotal, map[ColumnKey]*Amount{"amount": yuan("520.00")}),
		}}}}, nil},
		{"tables.row_total_equals_parts", Document{Tables: []Table{b5("100.00")}}, nil},
		{"tables.parent_equals_children", Document{Tables: []Table{b5("100.00")}}, nil},
		{"tables.parent_equals_children", Document{Tables: []Table{b5("100.01")}}, []string{SevInfo, SevInfo}},
		{"tables.parent_equals_children", Document{Tables: []Table{b5("90.00")}}, []string{SevWarning, SevWarning}},
		{"tables.total_row_equals_classes", Document{Tables: []Table{b5("100.00")}}, nil},
		{"tables.revenue_equals_expenditure", Document{Tables: []Table{{Kind: "B1", LineItems: []LineItem{
			item("", "收入总计", "revenue", "revenue.grand_total", RowGrandTotal, map[ColumnKey]*Amount{"amount": yuan("520.00")}),
			item("", "支出总计", "expenditure", "expenditure.grand_total", RowGrandTotal, map[ColumnKey]*Amount{"amount": yuan("420.00")}),
		}}}}, []string{SevError}},
		{"summary.narrative_vs_table", Document{Tables: []Table{b1("500.00")}, Summary: Summary{Revenue: Revenue{Total: text("500.004")}}}, []string{SevInfo}},
		{"summary.narrative_vs_table", Document{Tables: []Table{b1("500.00")}, Summary: Summary{Revenue: Revenue{Total: text("501")}}}, []string{SevWarning}},
		{"narrative_items.vs_table", Document{Tables: []Table{b5("100.00")}, NarrativeItems: []NarrativeItem{{Code: "2010301", Amount: text("60.00")}}}, nil},
		{"narrative_items.vs_table", Document{Tables: []Table{b5("100.00")}, NarrativeItems: []NarrativeItem{{Code: "2010301", Amount: text("61.00")}}}, []string{SevWarning}},
		{"narrative_items.restated_amount", Document{NarrativeItems: []NarrativeItem{{Code: "2210201", Amount: text("208.8"), Planned: text("201.50")}}}, []string{SevWarning}},
		{"narrative_items.restated_amount", Document{NarrativeItems: []NarrativeItem{{Code: "2210201", Amount: text("208.8"), Planned: text("208.80")}}}, nil},
		{"narrative_items.change_pct", Document{NarrativeItems: []NarrativeItem{{Code: "2040699", Amount: text("3845.49"), LastYear: text("43269.3"), ChangePct: ptr(decimal.MustParse("17.62"))}}}, []string{SevWarning}},
		{"narrative_items.change_pct", Document{NarrativeItems: []NarrativeItem{{Code: "2040601", Amount: text("1672.67"), LastYear: text("1690.69"), ChangePct: ptr(decimal.MustParse("-1.07"))}}}, nil},
		{"narrative_items.change_pct", Document{NarrativeItems: []NarrativeItem{{Code: "2210201", Amount: text("208.8"), Planned: text("201.50"), LastYear: text("198.34"), ChangePct: ptr(decimal.MustParse("5.27"))}}}, nil},
		{"tables.amount_plausible", Document{Tables: []Table{{Kind: "B5", LineItems: []LineItem{
			item("201", "一般公共服务支出", "", "", "", map[ColumnKey]*Amount{"total": yuan("100.50")}),
			item("202", "外交支出", "", "", "", map[ColumnKey]*Amount{"total": {Yuan: decimal.FromInt(20250000), Value: decimal.FromInt(2025), Unit: "万元", Text: "2025"}}),
		}}}}, []string{SevWarning}},
	}
	for _, tt := range tests {
		got := run(t, tt.rule, &tt.doc)
		var sev []string
		for _, f := range got {
			sev = append(sev, f.Severity)
			if f.Rule != tt.rule || len(f.At) == 0 || f.Message == "" {
				t.Errorf("%s: malformed finding %+v", tt.rule, f)
			}
		}
		if strings.Join(sev, ",") != strings.Join(tt.want, ",") {
			t.Errorf("%s: severities %v, want %v; findings: %+v", tt.rule, sev, tt.want, got)
		}
	}
}

func ptr[T any](v T) *T { return &v }
