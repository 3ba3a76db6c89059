package normalize

import (
	"testing"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/schema"
)

func TestNarrativeCompletion(t *testing.T) {
	str := func(a *schema.Amount) string {
		if a == nil {
			return ""
		}
		return a.Value.String()
	}
	// A line of the final-account list: the 决算 is the amount, 年初预算 the budget.
	var it itemText
	it.add(&extract.Block{Kind: extract.KindParagraph, Text: "3、社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）。主要用于：行政事业单位养老保险支出。年初预算为452.40万元，支出决算为446.11万元，完成年初预算的98.61%。决算数小于预算数的主要原因：机构改革人员变动。"})
	got, names, ok := parseItem(&it)
	if !ok || str(got.Amount) != "446.11" || str(got.Budget) != "452.40" || got.CompletionPct == nil || got.CompletionPct.String() != "98.61" ||
		got.CompletionBase != "initial" || got.Planned != nil || got.LastYear != nil || names != [3]string{"社会保障和就业支出", "行政事业单位养老支出", "机关事业单位基本养老保险缴费支出"} {
		t.Errorf("list line: %+v names %v", got, names)
	}
	// Whole sentences: 一般公共预算, 三公 (its 其中 parts left alone), a 全年 base.
	for _, tt := range []struct {
		text, name, amount, budget, fullYear, pct, base string
	}{
		{"一般公共预算财政拨款支出年初预算为10210.34万元，支出决算为9746.50万元，完成年初预算的95.45%。决算数小于预算数的主要原因：部分项目未开展完成。",
			"一般公共预算财政拨款支出", "9746.50", "10210.34", "", "95.45", "initial"},
		{"“三公”经费财政拨款支出年初预算为2.85万元，支出决算为0.39万元，完成预算的13.68%，其中：因公出国（境）费决算为0.00万元，完成预算的0.00%。",
			"“三公”经费财政拨款支出", "0.39", "2.85", "", "13.68", "initial"},
		{"一般公共预算财政拨款支出年初预算为0万元，全年预算为321.02万元，支出决算为307.82万元，完成年初预算的95.89%。",
			"一般公共预算财政拨款支出", "307.82", "0", "321.02", "95.89", "initial"},
		{"“三公”经费全年预算为52.00万元，支出决算为51.32万元，完成全年预算数的98.69%。",
			"“三公”经费", "51.32", "", "52.00", "98.69", "full_year"},
	} {
		items := completionSentences(&extract.Block{Kind: extract.KindParagraph, Text: tt.text})
		if len(items) != 1 {
			t.Errorf("%s: %d items", tt.text, len(items))
			continue
		}
		g := items[0]
		pct := ""
		if g.CompletionPct != nil {
			pct = g.CompletionPct.String()
		}
		if g.Name != tt.name || str(g.Amount) != tt.amount || str(g.Budget) != tt.budget || str(g.FullYearBudget) != tt.fullYear || pct != tt.pct || g.CompletionBase != tt.base {
			t.Errorf("%s:\n got %q %s %s %s %s %s", tt.text, g.Name, str(g.Amount), str(g.Budget), str(g.FullYearBudget), pct, g.CompletionBase)
		}
	}
	// Budget sentences state no completion.
	if items := completionSentences(&extract.Block{Kind: extract.KindParagraph, Text: "2026年一般公共预算支出预算为1000万元，比上年决算数增加5%。"}); len(items) != 0 {
		t.Errorf("budget sentence read as completion: %+v", items)
	}
}
