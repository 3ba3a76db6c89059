package schema

import (
	"strings"
	"testing"

	"github.com/yusuan/yusuan/decimal"
)

type amounts = map[ColumnKey]*Amount

// summary builds a B1 (or F1) with 财政拨款 revenue only and one 类.
func summary(kind TableKind, gpb, exp string) Table {
	return Table{Kind: kind, LineItems: []LineItem{
		item("", "一般公共预算拨款收入", "revenue", "revenue.general_public_budget", "", amounts{"amount": yuan(gpb)}),
		item("", "本年收入合计", "revenue", "revenue.total", RowTotal, amounts{"amount": yuan(gpb)}),
		item("201", "一般公共服务支出", "expenditure", "", "", amounts{"amount": yuan(exp)}),
		item("", "本年支出合计", "expenditure", "expenditure.total", RowTotal, amounts{"amount": yuan(exp)}),
	}}
}

// fiscal builds a B4 (or F4): 一般公共预算 revenue, one 类 by fund column.
func fiscal(kind TableKind, gpb, exp string) Table {
	return Table{Kind: kind, LineItems: []LineItem{
		item("", "一般公共预算", "revenue", "revenue.general_public_budget", "", amounts{"amount": yuan(gpb)}),
		item("", "本年收入合计", "revenue", "revenue.total", RowTotal, amounts{"amount": yuan(gpb)}),
		item("201", "一般公共服务支出", "expenditure", "", "", amounts{"total": yuan(exp), "general_public_budget": yuan(exp)}),
		item("", "本年支出合计", "expenditure", "expenditure.total", RowTotal, amounts{"total": yuan(exp), "general_public_budget": yuan(exp)}),
	}}
}

// functional builds a B3/B5 (F3/F5) with one 类 and its 合计.
func functional(kind TableKind, total, basic, project string) Table {
	a := func() amounts {
		m := amounts{"total": yuan(total)}
		if basic != "" {
			m["basic"], m["project"] = yuan(basic), yuan(project)
		}
		return m
	}
	return Table{Kind: kind, LineItems: []LineItem{
		item("201", "一般公共服务支出", "", "", "", a()),
		item("", "合计", "", "", RowTotal, a()),
	}}
}

// economic builds a B6 with 合计 = 人员 + 公用 as columns.
func economic(total string) Table {
	return Table{Kind: "B6", LineItems: []LineItem{
		item("301", "工资福利支出", "", "", "", amounts{"total": yuan(total), "personnel": yuan(total)}),
		item("", "合计", "", "", RowTotal, amounts{"total": yuan(total), "personnel": yuan(total)}),
	}}
}

// f6 builds an F6 with 人员经费 and 公用经费 side by side.
func f6(personnel, public string) Table {
	return Table{Kind: "F6", LineItems: []LineItem{
		{Side: "personnel", Code: "301", Name: "工资福利支出", Amounts: amounts{"amount": yuan(personnel)}},
		{Side: "personnel", Name: "人员经费合计", RowKind: RowTotal, Amounts: amounts{"amount": yuan(personnel)}},
		{Side: "public_use", Code: "302", Name: "商品和服务支出", Amounts: amounts{"amount": yuan(public)}},
		{Side: "public_use", Name: "公用经费合计", RowKind: RowTotal, Amounts: amounts{"amount": yuan(public)}},
	}}
}

// threePublic builds a 三公 row: keys with values ("" leaves the cell blank).
func threePublic(kind TableKind, kv ...string) Table {
	a := amounts{}
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] != "" {
			a[ColumnKey(kv[i])] = yuan(kv[i+1])
		}
	}
	return Table{Kind: kind, LineItems: []LineItem{{Amounts: a}}}
}

func pct(s string) *Percent {
	return &Percent{Value: decimal.MustParse(s), Text: s + "%", At: At{Page: 2}}
}

func TestCrossTableRules(t *testing.T) {
	tests := []struct {
		name string
		rule string
		doc  Document
		want []string // severity:expected:actual, 元
	}{
		{"B1 = B4", "tables.summary_vs_fiscal_summary",
			Document{Tables: []Table{summary("B1", "500.00", "500.00"), fiscal("B4", "500.00", "500.00")}}, nil},
		{"B1 一般公共预算 ≠ B4", "tables.summary_vs_fiscal_summary",
			Document{Tables: []Table{summary("B1", "500.00", "500.00"), fiscal("B4", "450.00", "450.00")}},
			// The 财政拨款 sum differs by what its one source does: one finding, not two.
			[]string{"error:4500000:5000000", "warning:4500000:5000000", "warning:4500000:5000000"}},
		{"F1 本年收入 = F2 合计, 本年支出 = F3 合计", "tables.summary_vs_breakdown",
			Document{Tables: []Table{summary("F1", "500.00", "480.00"), functional("F2", "500.00", "", ""), functional("F3", "480.00", "400.00", "80.00")}}, nil},
		{"F1 本年支出 ≠ F3 合计", "tables.summary_vs_breakdown",
			Document{Tables: []Table{summary("F1", "500.00", "480.00"), functional("F2", "500.00", "", ""), functional("F3", "479.99", "400.00", "79.99")}},
			[]string{"info:4799900:4800000"}},
		{"B4 一般公共预算 = B5", "tables.fiscal_summary_vs_general_budget",
			Document{Tables: []Table{fiscal("B4", "500.00", "500.00"), functional("B5", "500.00", "300.00", "200.00")}}, nil},
		{"F4 一般公共预算 ≠ F5 合计", "tables.fiscal_summary_vs_general_budget",
			Document{Tables: []Table{fiscal("F4", "500.00", "500.00"), functional("F5", "520.00", "320.00", "200.00")}},
			[]string{"error:5200000:5000000", "warning:5200000:5000000"}},
		{"B5 within B3", "tables.expenditure_vs_general_budget",
			Document{Tables: []Table{functional("B3", "600.00", "350.00", "250.00"), functional("B5", "500.00", "300.00", "200.00")}}, nil},
		{"B5 exceeds B3", "tables.expenditure_vs_general_budget",
			Document{Tables: []Table{functional("B3", "600.00", "350.00", "250.00"), functional("B5", "500.00", "400.00", "100.00")}},
			[]string{"warning:3500000:4000000"}},
		{"B3 = B5 where all revenue is 一般公共预算", "tables.expenditure_vs_general_budget",
			Document{Tables: []Table{summary("B1", "600.00", "600.00"), functional("B3", "600.00", "350.00", "250.00"), functional("B5", "500.00", "300.00", "200.00")}},
			[]string{"warning:6000000:5000000", "warning:3500000:3000000", "warning:2500000:2000000"}},
		{"B5 基本 = B6 合计", "tables.basic_vs_economic",
			Document{Tables: []Table{functional("B5", "500.00", "300.00", "200.00"), economic("300.00")}}, nil},
		{"B5 基本 ≠ B6 合计", "tables.basic_vs_economic",
			Document{Tables: []Table{functional("B5", "500.00", "300.00", "200.00"), economic("290.00")}},
			[]string{"error:2900000:3000000"}},
		{"F5 基本 = F6 人员 + 公用", "tables.basic_vs_economic",
			Document{Tables: []Table{functional("F5", "500.00", "300.00", "200.00"), f6("250.00", "50.00")}}, nil},
		{"F5 基本 ≠ F6 人员 + 公用", "tables.basic_vs_economic",
			Document{Tables: []Table{functional("F5", "500.00", "300.00", "200.00"), f6("250.00", "40.00")}},
			[]string{"error:2900000:3000000"}},
		{"B7 consistent, blank 购置", "three_public.table_parts",
			Document{Tables: []Table{threePublic("B7", "total", "10.81", "overseas_travel", "0", "vehicles", "9.98", "vehicle_purchase", "", "vehicle_operation", "9.98", "reception", "0.83")}}, nil},
		{"B7 用车 ≠ 购置 + 运行", "three_public.table_parts",
			Document{Tables: []Table{threePublic("B7", "total", "10.81", "overseas_travel", "0", "vehicles", "9.98", "vehicle_purchase", "1.00", "vehicle_operation", "9.98", "reception", "0.83")}},
			[]string{"warning:109800:99800"}},
		{"B7 上年 and 本年 apart", "three_public.table_parts",
			Document{Tables: []Table{threePublic("B7",
				"total", "10.00", "overseas_travel", "2.00", "vehicles", "5.00", "reception", "3.00",
				"total.last_year", "12.00", "overseas_travel.last_year", "2.00", "vehicles.last_year", "5.00", "reception.last_year", "3.00")}},
			[]string{"warning:100000:120000"}},
		{"B7 blank total is 0", "three_public.table_parts",
			Document{Tables: []Table{threePublic("B7", "overseas_travel", "1.00", "reception", "2.00")}},
			[]string{"warning:30000:0"}},
		{"F7 预算数 and 决算数 apart", "three_public.table_parts",
			Document{Tables: []Table{threePublic("F7",
				"total.budget", "2.85", "reception.budget", "2.85",
				"total.final", "0.39", "reception.final", "0.39", "overseas_travel.final", "0.10")}},
			[]string{"warning:4900:3900"}},
		{"F7 items as rows", "three_public.table_parts",
			Document{Tables: []Table{{Kind: "F7", LineItems: []LineItem{
				{Name: "合计", Amounts: amounts{"budget": yuan("5.00"), "final": yuan("4.00")}},
				{Name: "因公出国（境）费", Amounts: amounts{"budget": yuan("1.00"), "final": yuan("1.00")}},
				{Name: "公务用车购置及运行费", Amounts: amounts{"budget": yuan("2.00"), "final": yuan("2.00")}},
				{Name: "公务接待费", Amounts: amounts{"budget": yuan("2.00"), "final": yuan("2.00")}},
			}}}},
			[]string{"warning:50000:40000"}},
		{"机关运行经费 text = 三公 table", "operating_expenses.narrative_vs_table",
			Document{OperatingExpenses: text("217.83"), Tables: []Table{threePublic("B7", "operating_expenses", "217.83")}}, nil},
		{"机关运行经费 text ≠ 三公 table", "operating_expenses.narrative_vs_table",
			Document{OperatingExpenses: text("217.38"), Tables: []Table{threePublic("B7", "operating_expenses", "217.83")}},
			[]string{"warning:2178300:2173800"}},
		{"this year − change = last year", "tables.last_year_plus_change",
			Document{Tables: []Table{{Kind: "B5", LineItems: []LineItem{
				{Code: "201", Name: "一般公共服务支出", Amounts: amounts{"total": yuan("110.00"), "last_year": yuan("100.00"), "change": yuan("10.00")}},
				{Code: "208", Name: "社会保障和就业支出", Amounts: amounts{"total": yuan("90.00"), "last_year": yuan("100.00"), "change": yuan("-10.00")}},
				{Code: "221", Name: "住房保障支出", Amounts: amounts{"total": yuan("90.00"), "last_year": yuan("100.00"), "change": yuan("10.00")}},
			}}}},
			[]string{"warning:800000:1000000"}},
		{"change ÷ last year ≈ %", "tables.change_pct",
			Document{Tables: []Table{{Kind: "B5", LineItems: []LineItem{
				{Code: "201", Name: "一般公共服务支出", Amounts: amounts{"total": yuan("110.00"), "last_year": yuan("100.00"), "change": yuan("10.00")}, Percents: map[ColumnKey]*Percent{"change_pct": pct("10.00")}},
				{Code: "208", Name: "社会保障和就业支出", Amounts: amounts{"total": yuan("1672.67"), "last_year": yuan("1690.69")}, Percents: map[ColumnKey]*Percent{"change_pct": pct("-1.07")}},
				{Code: "221", Name: "住房保障支出", Amounts: amounts{"total": yuan("3845.49"), "last_year": yuan("43269.30")}, Percents: map[ColumnKey]*Percent{"change_pct": pct("17.62")}},
			}}}},
			[]string{"warning:-91.11%:17.62%"}},
		{"完成率 in a table", "tables.completion_pct",
			Document{Tables: []Table{{Kind: "F5", LineItems: []LineItem{
				{Code: "201", Name: "一般公共服务支出", Amounts: amounts{"budget": yuan("10210.34"), "final": yuan("9746.50")}, Percents: map[ColumnKey]*Percent{"completion_pct": pct("95.45")}},
				{Code: "208", Name: "社会保障和就业支出", Amounts: amounts{"budget": yuan("100.00"), "final": yuan("90.00")}, Percents: map[ColumnKey]*Percent{"completion_pct": pct("95.00")}},
			}}}},
			[]string{"warning:90%:95.00%"}},
		{"完成率 in the text", "narrative_items.completion_pct",
			Document{NarrativeItems: []NarrativeItem{
				{Name: "一般公共预算财政拨款支出", Budget: text("10210.34"), Amount: text("9746.50"), CompletionPct: ptr(decimal.MustParse("95.45")), CompletionBase: "initial"},
				{Name: "“三公”经费财政拨款支出", Budget: text("2.85"), Amount: text("0.39"), CompletionPct: ptr(decimal.MustParse("14.68")), CompletionBase: "initial"},
				{Name: "一般公共预算财政拨款支出", Budget: text("0"), FullYearBudget: text("321.02"), Amount: text("307.82"), CompletionPct: ptr(decimal.MustParse("95.89")), CompletionBase: "initial"},
			}},
			[]string{"warning:13.68%:14.68%", "info::95.89%"}},
	}
	for _, tt := range tests {
		got := run(t, tt.rule, &tt.doc)
		var sev []string
		for _, f := range got {
			sev = append(sev, f.Severity+":"+f.Expected+":"+f.Actual)
			if f.Rule != tt.rule || len(f.At) < 2 || f.Message == "" {
				t.Errorf("%s: malformed finding %+v", tt.name, f)
			}
		}
		if strings.Join(sev, ",") != strings.Join(tt.want, ",") {
			t.Errorf("%s: got %v, want %v; findings:", tt.name, sev, tt.want)
			for _, f := range got {
				t.Logf("  %s", f.Message)
			}
		}
	}
}
