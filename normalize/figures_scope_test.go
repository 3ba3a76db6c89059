package normalize

import (
	"testing"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/schema"
)

func TestFiscalListHead(t *testing.T) {
	tests := []struct {
		text, at string // at: the figure whose list head is asked for
		head     string // "" when the figure is in no 其中 list of one source's spending
	}{
		{"财政拨款安排支出121,884,997.75元，其中：基本支出101,126,495.75元，与上年对比增加6,221,138.61元，增长6.56%，主要原因是人数增加；项目支出20,758,502.00元，与上年对比增加178,046.00元。",
			"20,758,502.00元", "121,884,997.75元"},
		{"财政拨款安排支出121,884,997.75元，其中：基本支出101,126,495.75元。", "101,126,495.75元", "121,884,997.75元"},
		{"一般公共预算支出500万元，其中基本支出300万元，项目支出200万元。", "200万元", "500万元"},
		// The whole's split: no source named before its 其中.
		{"本年支出合计800万元，其中：基本支出600万元，项目支出200万元。", "600万元", ""},
		{"部门预算支出800万元（其中财政拨款700万元），其中基本支出600万元。", "600万元", ""},
		// A source named in a clause that is no spending figure.
		{"支出预算800万元，含财政拨款700万元，其中：基本支出600万元。", "600万元", ""},
		{"本年支出800万元,财政拨款安排支出700万元,其中:基本支出500万元。", "500万元", "700万元"},
		// A list closed by the end of its sentence.
		{"财政拨款安排支出700万元，其中：基本支出500万元。项目支出200万元。", "200万元", ""},
		{"基本支出600万元。", "600万元", ""},
	}
	for _, tt := range tests {
		runes := []rune(tt.text)
		start := -1
		for _, m := range FindAmounts(tt.text) {
			if m.Text == tt.at {
				start = m.Start
			}
		}
		if start < 0 {
			t.Fatalf("%q: no figure %q", tt.text, tt.at)
		}
		head, ok := fiscalListHead(runes, start)
		got := ""
		if ok {
			got = head.Text
		}
		if got != tt.head {
			t.Errorf("%q at %s: head %q, want %q", tt.text, tt.at, got, tt.head)
		}
	}
}

// TestFiscalSplitInSummary reads expenditure paragraphs: the 基本支出 /
// 项目支出 of a 其中 list under one source's spending become the summary's
// split only where that spending is the whole expenditure.
func TestFiscalSplitInSummary(t *testing.T) {
	cases := []struct {
		paras          []string
		basic, project string // 元; "<nil>" when not taken
	}{
		{ // the whole stated before: the split is the 财政拨款 part's
			[]string{"2026年单位预算总支出154,991,108.01元。财政拨款安排支出121,884,997.75元，其中：基本支出101,126,495.75元，与上年对比增加6,221,138.61元，增长6.56%，主要原因是人数增加；项目支出20,758,502.00元，与上年对比增加178,046.00元。"},
			"<nil>", "<nil>"},
		{ // the whole stated after, in another paragraph
			[]string{"财政拨款安排支出700万元，其中：基本支出500万元，项目支出200万元。", "2026年支出预算800万元。"},
			"<nil>", "<nil>"},
		{ // everything is paid from 财政拨款: the split is the whole's
			[]string{"2026年支出预算800万元。财政拨款安排支出800万元，其中：基本支出600万元，项目支出200万元。"},
			"6000000", "2000000"},
		{ // no whole stated: the split's scope cannot be told
			[]string{"财政拨款安排支出700万元，其中：基本支出500万元，项目支出200万元。"},
			"<nil>", "<nil>"},
		{ // the whole's own split
			[]string{"2026年支出预算800万元，其中：基本支出600万元，项目支出200万元。"},
			"6000000", "2000000"},
	}
	for _, c := range cases {
		d := &schema.Document{}
		d.Meta.FiscalYear = 2026
		st := &figState{weak: map[**schema.Amount]bool{}}
		for _, p := range c.paras {
			(&Normalizer{}).summaryFigures(d, &extract.Block{Kind: extract.KindParagraph, Text: p}, false, false, st)
		}
		st.split.settle(&d.Summary)
		for field, want := range map[string]string{"basic": c.basic, "project": c.project} {
			a := d.Summary.Expenditure.Basic
			if field == "project" {
				a = d.Summary.Expenditure.Project
			}
			got := "<nil>"
			if a != nil {
				got = a.Yuan.String()
			}
			if got != want {
				t.Errorf("%q: %s = %s, want %s", c.paras[0], field, got, want)
			}
		}
	}
}

// TestThisYearRevenue: a narrative revenue figure whose listed parts
// include the carry-over is 收入总计; the summary takes 本年 = it − the
// carry-over, marked derived. A figure the parts do not bear out stays.
func TestThisYearRevenue(t *testing.T) {
	wan := func(s string) *schema.Amount {
		m, ok := ParseAmount(s, "万元")
		if !ok {
			t.Fatalf("amount %q", s)
		}
		return &schema.Amount{Yuan: m.Yuan, Value: m.Value, Unit: m.Unit, Text: s + "万元"}
	}
	cases := []struct {
		name string
		rev  schema.Revenue
		want string // 元, "d" when derived
	}{
		{"sources by budget plus carry-over", schema.Revenue{Total: wan("288416.35"), GeneralPublicBudget: wan("130848.45"), GovernmentFundBudget: wan("147000.00"),
			SpecialAccount: wan("330.00"), Business: wan("501.00"), Other: wan("49.69"), CarriedOver: wan("9687.21")}, "2787291400d"},
		{"one 财政拨款 figure plus carry-over", schema.Revenue{Total: wan("515665.27"), FiscalAppropriation: wan("515256.66"), GeneralPublicBudget: wan("19828.57"),
			StateCapitalBudget: wan("495836.20"), Other: wan("0.5"), CarriedOver: wan("408.11")}, "5152571600d"},
		{"the total is this year's already", schema.Revenue{Total: wan("278729.14"), GeneralPublicBudget: wan("130848.45"), GovernmentFundBudget: wan("147000.00"),
			SpecialAccount: wan("330.00"), Business: wan("501.00"), Other: wan("49.69"), CarriedOver: wan("9687.21")}, "2787291400"},
		{"no source listed", schema.Revenue{Total: wan("288416.35"), CarriedOver: wan("9687.21")}, "2884163500"},
		{"no carry-over", schema.Revenue{Total: wan("100"), GeneralPublicBudget: wan("100"), CarriedOver: wan("0")}, "1000000"},
	}
	for _, c := range cases {
		sm := &schema.Summary{Revenue: c.rev}
		thisYearRevenue(sm)
		got := sm.Revenue.Total.Yuan.String()
		if sm.Revenue.Total.Derived != "" {
			got += "d"
		}
		if got != c.want {
			t.Errorf("%s: revenue.total = %s, want %s", c.name, got, c.want)
		}
	}
}

// TestThisYearExpenditure: a narrative expenditure figure that 基本支出,
// 项目支出 and the 年终结转结余 add up to is 支出总计.
func TestThisYearExpenditure(t *testing.T) {
	wan := func(s string) *schema.Amount {
		m, _ := ParseAmount(s, "万元")
		return &schema.Amount{Yuan: m.Yuan, Value: m.Value, Unit: m.Unit, Text: s + "万元"}
	}
	cases := []struct {
		name string
		exp  schema.Expenditure
		want string
	}{
		{"支出总计 with the carry-forward", schema.Expenditure{Total: wan("288416.35"), Basic: wan("31644.88"), Project: wan("256759.24"), CarriedForward: wan("12.23")}, "2884041200d"},
		{"本年 already", schema.Expenditure{Total: wan("288404.12"), Basic: wan("31644.88"), Project: wan("256759.24"), CarriedForward: wan("12.23")}, "2884041200"},
		{"no split stated", schema.Expenditure{Total: wan("288416.35"), CarriedForward: wan("12.23")}, "2884163500"},
	}
	for _, c := range cases {
		sm := &schema.Summary{Expenditure: c.exp}
		thisYearExpenditure(sm)
		got := sm.Expenditure.Total.Yuan.String()
		if sm.Expenditure.Total.Derived != "" {
			got += "d"
		}
		if got != c.want {
			t.Errorf("%s: expenditure.total = %s, want %s", c.name, got, c.want)
		}
	}
}
