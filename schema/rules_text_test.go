package schema

import (
	"strings"
	"testing"
)

// textDoc is a document whose narrative is one section of text.
func textDoc(kind string, year int, text string) *Document {
	return &Document{
		Meta:     Meta{Kind: kind, FiscalYear: year},
		Sections: []Section{{Heading: "收支预算总体情况", Text: text, At: At{Page: 8}}},
	}
}

// runRule runs the named rule of the rules table on d.
func runRule(t *testing.T, name string, d *Document) []Finding {
	t.Helper()
	for i := range rules {
		if rules[i].name == name {
			return rules[i].check(&rules[i], d)
		}
	}
	t.Fatalf("no rule %s", name)
	return nil
}

type textCase struct {
	name     string
	kind     string
	year     int
	text     string
	severity string // "" for no finding
	contains string // in the message, when a finding is expected
}

func runTextCases(t *testing.T, rule string, cases []textCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			kind := c.kind
			if kind == "" {
				kind = KindBudget
			}
			fs := runRule(t, rule, textDoc(kind, c.year, c.text))
			if c.severity == "" {
				if len(fs) > 0 {
					t.Fatalf("want no finding, got %+v", fs)
				}
				return
			}
			if len(fs) != 1 {
				t.Fatalf("want one finding, got %d: %+v", len(fs), fs)
			}
			if fs[0].Severity != c.severity || !strings.Contains(fs[0].Message, c.contains) {
				t.Errorf("got %s %q, want %s containing %q", fs[0].Severity, fs[0].Message, c.severity, c.contains)
			}
		})
	}
}

func TestComparisonYear(t *testing.T) {
	runTextCases(t, "narrative.comparison_year", []textCase{
		// raw/shanghai-putuo/上海市普陀区司法局2026年部门预算_dept_budget.pdf, page 8.
		{"budget compares with its own year", KindBudget, 2026,
			"2026年，上海市普陀区司法局收入预算9628.22万元，其中：财政拨款收入9628.22万元，比2026年预算增加793.14万元；事业收入0万元。\n政府性基金拨款支出预算0万元，与2026年预算持平。",
			SevWarning, "793.14"},
		{"budget compares with the year before", KindBudget, 2026,
			"2026年，本部门收入预算9628.22万元，比2025年预算增加794.88万元，比2025年预算执行数增加17.66万元。", "", ""},
		{"final account compares with its own budget", KindFinalAccount, 2024,
			"2024年度支出决算120.5万元，比2024年年初预算减少3.2万元，比2023年度增加2.55万元。", "", ""},
		{"final account compares with two years before", KindFinalAccount, 2024,
			"2024年度支出决算120.5万元，比2022年决算增加3.2万元。", SevWarning, "2022"},
		{"subject is another year", KindBudget, 2026,
			"2024年支出决算数为80万元，比2023年增加5万元。", "", ""},
		{"no year known", KindBudget, 0, "收入预算9628.22万元，比2026年预算增加793.14万元。", "", ""},
		{"year that is no base", KindBudget, 2026, "截至2026年底，比2026年初增加车辆2辆。", "", ""},
	})
}

func TestChangePct(t *testing.T) {
	runTextCases(t, "narrative.change_pct", []textCase{
		// raw2/central/国家信访局_2026年度部门预算.pdf, page 25: 333.83 ÷ 1057.85 = 31.56 %.
		{"stated % does not follow", "", 2026,
			"国家信访局2026年委托业务费财政拨款预算1,391.68万元，比2025年预算增加333.83万元，增长31.35%。",
			SevWarning, "31.56%"},
		// raw/jiangsu-province (省法院2017): 392.92 ÷ 6442.89 = 6.10 %.
		{"decrease", "", 2017,
			"法院（款）一般行政事务管理（项）支出6049.97万元，与上年相比减少392.92万元，减少5.95%。",
			SevWarning, "6.1%"},
		{"rounded", "", 2026, "“三公”经费8.16万元，比上年减少5.35万元，下降39.6%。", "", ""},
		{"truncated, not rounded", "", 2017,
			"一般公共预算财政拨款支出预算24,169.74万元，与上年相比增加2228.78万元，增长10.15%。", "", ""},
		{"rounding of the figures", "", 2026, "公务接待费0.3万元，比上年增加0.1万元，增长50%。", "", ""},
		{"base of 0", "", 2026, "培训费2.3万元，比上年增加2.3万元，增长100%。", SevInfo, "0"},
		{"directions disagree", "", 2026, "支出100万元，比上年增加10万元，下降9.09%。", "", ""},
		{"number cut by a full-width comma", "", 2017,
			"2016本年收入1，799.35万元，比2015年决算数增加463.42万元，增长34.69％。", "", ""},
		{"unit slip is another rule's", "", 2016,
			"检察（2040499）支出20.18万元，较2015年决算数增加2.45元，增长13.82%。", "", ""},
	})
}

func TestUnitSlipChange(t *testing.T) {
	runTextCases(t, "amounts.unit_slip", []textCase{
		// raw/fujian-pingtan/7657_2016年度平潭县人民检察院部门决算说明_page.html.
		{"元 where 万元 is meant", KindFinalAccount, 2016,
			"其他检察（2040499）支出20.18万元，较2015年决算数增加2.45元，增长13.82%。", SevWarning, "2.45元"},
		{"units agree", KindFinalAccount, 2016, "支出20.18万元，较上年增加2.45万元，增长13.82%。", "", ""},
		{"fits in neither unit", KindFinalAccount, 2016, "支出20.18万元，较上年增加2.45元，增长50%。", "", ""},
	})
}

func TestSharePct(t *testing.T) {
	runTextCases(t, "narrative.share_pct", []textCase{
		{"share does not follow", "", 2026,
			"本年支出合计1000万元，其中：基本支出600万元，占70%；项目支出400万元，占40%。", SevWarning, "60%"},
		{"shares follow", "", 2026,
			"本年支出合计1000万元，其中：基本支出600.4万元，占60.04%；项目支出399.6万元，占39.96%。", "", ""},
		{"share of something else", "", 2026,
			"本年支出合计1000万元，其中：基本支出600万元，占一般公共预算的70%。", "", ""},
		{"no whole", "", 2026, "基本支出600万元，占70%。", "", ""},
		{"shares of one whole over 100%", "", 2026,
			"本年支出合计1000万元，其中：基本支出占比65%，项目支出占比45%。", SevWarning, "110%"},
		{"shares under 100%: the list may not be exhaustive", "", 2026,
			"本年支出合计1000万元，其中：基本支出占比55%，项目支出占比40%。", "", ""},
		{"shares within rounding of 100%", "", 2026,
			"本年支出合计1000万元，其中：基本支出占比60.004%，项目支出占比40%。", "", ""},
		{"a nested 其中 is not summed", "", 2026,
			"本年收入合计1000万元，其中：财政拨款占比90%，其中一般公共预算占比80%。", "", ""},
	})
}

func TestLostFigure(t *testing.T) {
	runTextCases(t, "narrative.lost_figure", []textCase{
		// raw/jiangsu-province/江苏省人大常委会2019年度部门预算公开.pdf, page 16.
		{"figure missing", "", 2019,
			"江苏省人大常委会办公厅2019年政府性基金支出预算支出万元。与上年相比增加（减少）0万元。", SevInfo, "万元"},
		// raw2/central/国家信访局_2026年度部门预算.pdf, page 19.
		{"figure parted from its unit", "", 2026,
			"其他信访事务支出，2026年预算数3,623.98为万元，比2025年执行减少21,519.26万元。", SevInfo, "3,623.98"},
		{"figure in place", "", 2026, "2026年政府性基金支出预算支出120.5万元。", "", ""},
		{"unit of a table", "", 2026, "单位：万元", "", ""},
		{"a threshold", "", 2026, "单价100万元（含）以上设备0台。", "", ""},
		{"placeholder", "", 2026, "政府性基金支出预算支出XXX万元。", "", ""},
	})
}
