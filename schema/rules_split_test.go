package schema

import (
	"strings"
	"testing"

	"github.com/yusuan/yusuan/decimal"
)

// amt is a printed figure in 万元 at table ti.
func amt(text string, ti int) *Amount {
	v := decimal.MustParse(strings.ReplaceAll(text, ",", ""))
	return &Amount{Yuan: v.Shift(4), Value: v, Unit: "万元", Text: text, At: At{Page: 16}.InTable(ti, 0, 0)}
}

// splitDoc is a final account whose narrative states text and whose F6
// prints the 人员经费 and 公用经费 totals as two blocks, F5 its 基本支出
// and F4 its 总计.
func splitDoc(text, personnel, public, f5basic, f4total string) *Document {
	ok := &TableCheck{Status: CheckOK}
	return &Document{
		Meta:     Meta{Kind: KindFinalAccount, FiscalYear: 2024},
		Sections: []Section{{Heading: "基本支出决算情况说明", Text: text, At: At{Page: 24}}},
		Tables: []Table{
			{Kind: KindF6, Check: ok, LineItems: []LineItem{
				{Name: "人员经费合计", Side: SidePersonnel, RowKind: RowTotal, Amounts: map[ColumnKey]*Amount{ColTotal: amt(personnel, 0)}},
				{Name: "公用经费合计", Side: SidePublicUse, RowKind: RowTotal, Amounts: map[ColumnKey]*Amount{ColTotal: amt(public, 0)}},
			}},
			{Kind: KindF5, Check: ok, LineItems: []LineItem{
				{Name: "合计", RowKind: RowTotal, Amounts: map[ColumnKey]*Amount{ColBasic: amt(f5basic, 1)}},
			}},
			{Kind: KindF4, Check: ok, LineItems: []LineItem{
				{Name: "总计", Key: RowRevenueGrandTotal, RowKind: RowGrandTotal, Amounts: map[ColumnKey]*Amount{ColTotal: amt(f4total, 2)}},
			}},
		},
	}
}

func TestBasicSplit(t *testing.T) {
	cases := []struct {
		name, text         string
		personnel, public  string
		severity, contains string
		findings           int
	}{
		{"agrees", "一般公共预算财政拨款基本支出5364.75万元。其中：人员经费4884.09万元，主要包括：基本工资；公用经费480.66万元，主要包括：办公费。",
			"4884.09", "480.66", "", "", 0},
		{"personnel differs beyond 1 万元: one finding for one cause", "一般公共预算财政拨款基本支出5377.64万元。其中：人员经费4896.98万元；公用经费480.66万元。",
			"4884.09", "480.66", SevError, "相差同一金额", 1},
		{"parts moved by the same amount: one cause", "一般公共预算基本支出5364.75万元，其中：\n（一）人员经费4884.19万元。\n（二）公用经费480.56万元。",
			"4884.09", "480.66", SevWarning, "同一原因", 1},
		{"parts off by different amounts", "一般公共预算基本支出5364.75万元，其中：\n（一）人员经费4884.19万元。\n（二）公用经费480.46万元。",
			"4884.09", "480.66", SevWarning, "4884.19万元", 2},
		{"rounding", "一般公共预算基本支出5364.76万元，其中：人员经费4884.09万元，公用经费480.66万元。",
			"4884.09", "480.66", SevInfo, "四舍五入", 1},
		{"财政拨款 only against the 一般公共预算 table", "财政拨款基本支出5400.00万元，其中：人员经费4919.34万元，公用经费480.66万元。",
			"4884.09", "480.66", SevInfo, "未必相同", 1},
		{"an item's own split is not the total's", "行政运行（项）拨款支出768.66万元（人员经费699.09万元、日常公用经费69.57万元）。",
			"4884.09", "480.66", "", "", 0},
		{"在职人员经费 is not 人员经费", "一般公共预算基本支出5364.75万元，包括在职人员经费4000.00万元、公用经费480.66万元。",
			"4884.09", "480.66", "", "", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := splitDoc(c.text, c.personnel, c.public, "5364.75", "9746.50")
			fs := runRule(t, "basic_expenditure.narrative_vs_table", d)
			if len(fs) != c.findings {
				t.Fatalf("want %d findings, got %+v", c.findings, fs)
			}
			if c.findings > 0 && (fs[0].Severity != c.severity || !strings.Contains(fs[0].Message, c.contains)) {
				t.Errorf("got %s %q, want %s containing %q", fs[0].Severity, fs[0].Message, c.severity, c.contains)
			}
		})
	}
}

func TestBasicSplitWithoutEconomicTable(t *testing.T) {
	d := splitDoc("一般公共预算基本支出5377.64万元。", "0", "0", "5364.75", "9746.50")
	d.Tables = d.Tables[1:] // no F6: the 基本支出 against F5
	fs := runRule(t, "basic_expenditure.narrative_vs_table", d)
	if len(fs) != 1 || fs[0].Severity != SevError || !strings.Contains(fs[0].Message, "合计行基本支出") {
		t.Fatalf("got %+v", fs)
	}
}

func TestFiscalTotal(t *testing.T) {
	cases := []struct {
		name, text, severity, contains string
	}{
		{"agrees", "本部门2024年度财政拨款收入支出总计9746.50万元。与2023年度相比，财政拨款收入支出总计增加1193.20万元。", "", ""},
		{"placeholder figure", "本部门2024年度财政拨款收入支出总计0.3万元。与2023年度相比，财政拨款收入支出总计持平。", SevError, "0.3万元"},
		{"last digits", "2024年财政拨款收入支出总计9,746.53万元。", SevWarning, "300元"},
		{"rounded to 万元", "财政拨款收支总计9747万元。", SevInfo, "四舍五入"},
		{"a final account's budget", "财政拨款收支总预算9000.00万元。", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fs := runRule(t, "fiscal_total.narrative_vs_table", splitDoc(c.text, "1", "1", "2", "9746.50"))
			if c.severity == "" {
				if len(fs) > 0 {
					t.Fatalf("want no finding, got %+v", fs)
				}
				return
			}
			if len(fs) != 1 || fs[0].Severity != c.severity || !strings.Contains(fs[0].Message, c.contains) {
				t.Fatalf("want one %s containing %q, got %+v", c.severity, c.contains, fs)
			}
		})
	}
}

// narrItem is a narrative line: heading amount, restated amount, last year, %.
func narrItem(code, amount, planned, last, pct string) NarrativeItem {
	it := NarrativeItem{Code: code, Name: "科目" + code, Amount: amt(amount, 0), At: At{Page: 7}}
	if planned != "" {
		it.Planned = amt(planned, 0)
	}
	if last != "" {
		it.LastYear = amt(last, 0)
	}
	if pct != "" {
		p := decimal.MustParse(pct)
		it.ChangePct = &p
	}
	return it
}

func TestCopiedFromNeighbour(t *testing.T) {
	cases := []struct {
		name     string
		items    []NarrativeItem
		severity string
		contains string
	}{
		{"restated amount and % are the neighbour's", []NarrativeItem{
			narrItem("2080505", "441.25", "441.25", "274.85", "60.54"),
			narrItem("2080506", "220.63", "441.25", "132.59", "60.54"),
		}, SevWarning, "441.25万元"},
		{"% alone is the neighbour's", []NarrativeItem{
			narrItem("2080505", "183.95", "183.95", "156.34", "17.66"),
			narrItem("2080506", "91.97", "91.97", "77.99", "17.66"),
		}, SevWarning, "17.93%"},
		{"% fits the neighbour's figures, printed otherwise", []NarrativeItem{
			narrItem("2080505", "183.95", "183.95", "156.34", "17.7"),
			narrItem("2080506", "91.97", "91.97", "77.99", "17.66"),
		}, SevInfo, "仅供参考"},
		{"every item its own", []NarrativeItem{
			narrItem("2080505", "183.95", "183.95", "156.34", "17.66"),
			narrItem("2080506", "91.97", "91.97", "77.99", "17.93"),
		}, "", ""},
		{"restated differently, but not the neighbour's", []NarrativeItem{
			narrItem("2210201", "922.02", "922.02", "", ""),
			narrItem("2210202", "350.35", "352.67", "", ""),
		}, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := &Document{NarrativeItems: c.items}
			fs := runRule(t, "narrative_items.copied_from_neighbour", d)
			if c.severity == "" {
				if len(fs) > 0 {
					t.Fatalf("want no finding, got %+v", fs)
				}
				return
			}
			if len(fs) != 1 || fs[0].Severity != c.severity || !strings.Contains(fs[0].Message, c.contains) {
				t.Fatalf("want one %s containing %q, got %+v", c.severity, c.contains, fs)
			}
			// A copy is told once: not again as a restatement or a wrong %.
			if c.severity == SevWarning {
				for _, r := range []string{"narrative_items.restated_amount", "narrative_items.change_pct"} {
					if got := runRule(t, r, d); len(got) > 0 {
						t.Errorf("%s also reports it: %+v", r, got)
					}
				}
			}
		})
	}
}

// No corpus document has a sentence copied this way (the copies found are
// in parsed item lists, above): synthetic cases.
func TestCopiedChangeSentence(t *testing.T) {
	runTextCases(t, "narrative_items.copied_from_neighbour", []textCase{
		{"% of the sentence before", "", 2026,
			"1.行政运行1834.22万元，比上年增加120.16万元，增长7.01%。\n2.一般行政管理事务312.40万元，比上年增加30.45万元，增长7.01%。",
			SevWarning, "7.01%"},
		{"each % its own", "", 2026,
			"1.行政运行1834.22万元，比上年增加120.16万元，增长7.01%。\n2.一般行政管理事务312.40万元，比上年增加30.45万元，增长10.80%。", "", ""},
		{"a wrong % that is nobody's", "", 2026,
			"1.行政运行1834.22万元，比上年增加120.16万元，增长7.01%。\n2.一般行政管理事务312.40万元，比上年增加30.45万元，增长9.00%。", "", ""},
	})
	// The copy is not told again as a wrong %.
	d := textDoc(KindBudget, 2026, "1.行政运行1834.22万元，比上年增加120.16万元，增长7.01%。\n2.一般行政管理事务312.40万元，比上年增加30.45万元，增长7.01%。")
	if fs := runRule(t, "narrative.change_pct", d); len(fs) > 0 {
		t.Errorf("narrative.change_pct also reports the copy: %+v", fs)
	}
}

func TestSplitOfThisYear(t *testing.T) {
	for _, text := range []string{
		"上年一般公共预算基本支出5000.00万元，其中：人员经费4500.00万元，公用经费500.00万元。",
		"2023年一般公共预算财政拨款基本支出5000.00万元。",
		"一般公共预算财政拨款基本支出预算5000.00万元，决算5364.75万元。", // a final account's budget
		"2023年财政拨款收入支出总计100.00万元。",
	} {
		d := splitDoc(text, "4884.09", "480.66", "5364.75", "9746.50")
		for _, r := range []string{"basic_expenditure.narrative_vs_table", "fiscal_total.narrative_vs_table"} {
			if fs := runRule(t, r, d); len(fs) > 0 {
				t.Errorf("%s: %q: %+v", r, text, fs)
			}
		}
	}
}
