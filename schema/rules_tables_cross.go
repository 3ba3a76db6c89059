package schema

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/yusuan/yusuan/decimal"
)

// The rules across the standard tables (domain.md §7): the same figure
// printed in two tables, a table's total against the total of the table
// that breaks it down, the 三公 table's own arithmetic, and the columns a
// table prints for last year and the change. Their rows are in the rules
// table (rules.go).

// nonFiscalSources: B1/F1 revenue rows that are not 财政拨款.
var nonFiscalSources = []RowKey{RowRevenueSpecialAccount, RowRevenueBusiness, RowRevenueBusinessOperating,
	RowRevenueOther, RowRevenueSuperiorSubsidy, RowRevenueAffiliated, RowRevenueNonFiscalBalance}

// fiscalOnly: the summary table lists no revenue beyond 财政拨款, so its
// totals are the 财政拨款 table's.
func fiscalOnly(b1 *Table) bool {
	for _, k := range nonFiscalSources {
		if !BlankOrZero(b1.RowAmount(k)) {
			return false
		}
	}
	return true
}

// generalOnly: all revenue is 一般公共预算 (no fund, state-capital or
// non-fiscal money), so the overall tables equal the 一般公共预算 ones.
func generalOnly(d *Document) bool {
	b1 := d.Table(KindB1, KindF1)
	if b1 == nil || !fiscalOnly(b1) {
		return false
	}
	for _, k := range []RowKey{RowRevenueGovernmentFund, RowRevenueStateCapital} {
		if !BlankOrZero(b1.RowAmount(k)) {
			return false
		}
	}
	if !BlankOrZero(b1.RowAmount(RowRevenueCarriedOver)) {
		return false // spending from carried-over money of any kind
	}
	return b1.RowAmount(RowRevenueGeneralPublicBudget) != nil
}

// checkSummaryVsFiscal: B1 against B4 (F1 against F4): each 财政拨款
// source alike, B1's 财政拨款 against B4's 本年收入; where B1 lists
// nothing but 财政拨款, its totals and 类 rows are B4's.
func checkSummaryVsFiscal(rule *rule, d *Document) []Finding {
	var out []Finding
	for _, pair := range [][2]TableKind{{KindB1, KindB4}, {KindF1, KindF4}} {
		s, f := d.Table(pair[0]), d.Table(pair[1])
		if s == nil || f == nil {
			continue
		}
		name := string(pair[0]) + " vs " + string(pair[1])
		sourcesDiffer := false // one finding per root cause: the 财政拨款 sum differs by what its sources do
		both := labelZh(s) + "与" + labelZh(f) + "的"
		for _, k := range []struct {
			key RowKey
			zh  string
		}{
			{RowRevenueGeneralPublicBudget, "一般公共预算"},
			{RowRevenueGovernmentFund, "政府性基金预算"},
			{RowRevenueStateCapital, "国有资本经营预算"},
		} {
			a, b := s.RowAmount(k.key), f.RowAmount(k.key)
			if a == nil || BlankOrZero(a) && BlankOrZero(b) {
				continue // a source B1 does not print apart (一、财政拨款 as one line) is compared as 财政拨款 below
			}
			fs := rule.compare(bi{both + k.key.Label() + "不符", name + ": " + k.zh + " revenue"}, a, []*Amount{b}, asPairIdentity)
			sourcesDiffer = sourcesDiffer || slices.ContainsFunc(fs, func(f Finding) bool { return f.Severity != SevInfo })
			out = append(out, fs...)
		}
		fiscal := s.RowAmount(RowRevenueFiscal)
		if fiscal == nil {
			fiscal = Sum("一般公共预算 + 政府性基金 + 国有资本经营",
				s.RowAmount(RowRevenueGeneralPublicBudget),
				s.RowAmount(RowRevenueGovernmentFund),
				s.RowAmount(RowRevenueStateCapital))
		}
		if !sourcesDiffer {
			out = append(out, rule.compare(bi{labelZh(s) + "的财政拨款收入与" + labelZh(f) + "的本年收入合计不符", name + ": 财政拨款 revenue vs the 财政拨款 table's 本年收入"}, fiscal, []*Amount{f.ThisYearTotal(SideRevenue)}, asPairIdentity)...)
		}
		if !fiscalOnly(s) || !BlankOrZero(s.RowAmount(RowRevenueCarriedOver)) || !BlankOrZero(f.RowAmount(RowRevenueCarriedOver)) {
			continue
		}
		// Only 财政拨款, nothing carried: the expenditure sides agree too.
		out = append(out, rule.compare(bi{both + "本年支出合计不符（收入仅有财政拨款）", name + ": 本年支出 (only 财政拨款 revenue)"}, s.ThisYearTotal(SideExpenditure), []*Amount{f.ThisYearTotal(SideExpenditure)}, asPair)...)
		for _, k := range []RowKey{RowExpenditureBasic, RowExpenditureProject, RowExpenditureReserve} {
			out = append(out, rule.compare(bi{both + k.Label() + "不符（收入仅有财政拨款）", name + ": " + string(k) + " (only 财政拨款 revenue)"}, s.RowAmount(k), []*Amount{f.RowAmount(k)}, asPair)...)
		}
		fc := map[string]*LineItem{}
		for i := range f.LineItems {
			if it := &f.LineItems[i]; it.Code != "" && it.Side == SideExpenditure && !it.Subitem {
				fc[it.Code] = it
			}
		}
		for i := range s.LineItems {
			it := &s.LineItems[i]
			if it.Code == "" || it.Side != SideExpenditure || it.Subitem {
				continue
			}
			out = append(out, compareWithRow(rule, bi{fmt.Sprintf("%s%s %s不符（收入仅有财政拨款）", both, it.Code, it.Name),
				fmt.Sprintf("%s: %s %s (only 财政拨款 revenue)", name, it.Code, it.Name)}, it.Main(), fc, it.Code, f.At)...)
		}
	}
	return out
}

// checkSummaryVsBreakdown: B1 本年收入 = B2 合计 and B1 本年支出 = B3 合计
// (F1 against F2 and F3).
func checkSummaryVsBreakdown(rule *rule, d *Document) []Finding {
	var out []Finding
	for _, k := range [][4]TableKind{{KindB1, KindB2, KindB3}, {KindF1, KindF2, KindF3}} {
		s := d.Table(k[0])
		if s == nil {
			continue
		}
		for i, side := range []string{SideRevenue, SideExpenditure} {
			t := d.Table(k[1+i])
			if t == nil {
				continue
			}
			// Jiangsu's 收入预算总表 is itself keyed (收入总计 with 上年结转 inside).
			if g := t.RowAmount(GrandTotalKey(side)); g != nil {
				out = append(out, rule.compare(bi{fmt.Sprintf("%s的%s与%s的%s不符", labelZh(s), GrandTotalKey(side).Label(), labelZh(t), GrandTotalKey(side).Label()),
					fmt.Sprintf("%s %s 总计 vs %s 总计", k[0], side, t.Kind)}, s.RowAmount(GrandTotalKey(side)), []*Amount{g}, asPairIdentity)...)
				continue
			}
			row := t.TotalRow()
			if row == nil {
				continue
			}
			b := row.Amounts[ColTotal]
			if b == nil {
				b = row.Main()
			}
			a := s.ThisYearTotal(side)
			what := bi{fmt.Sprintf("%s的本年%s合计与%s的合计不符", labelZh(s), sideZh[side], labelZh(t)),
				fmt.Sprintf("%s 本年%s合计 vs %s 合计", k[0], sideZh[side], t.Kind)}
			if carries := carryColumns(row); side == SideRevenue && a != nil && len(carries) > 0 {
				// A 收入表 whose 合计 counts the carry-over (and balances
				// drawn on) as columns: this year's part is the rest.
				a = Sum("本年收入合计 + 上年结转", append([]*Amount{a}, carries...)...)
				what = what.plus(bi{"（含上年结转）", " (with 上年结转)"})
			}
			out = append(out, rule.compare(what, a, []*Amount{b}, asPairIdentity)...)
		}
	}
	return out
}

// carryColumns are a row's 上年结转 and balances-drawn-on columns
// (non_fiscal_balance, non_fiscal_balance_2, …), in column-key order.
func carryColumns(row *LineItem) []*Amount {
	var out []*Amount
	for _, k := range slices.Sorted(maps.Keys(row.Amounts)) {
		if k == ColCarriedOver || k == ColNonFiscalBalance || strings.HasPrefix(string(k), string(ColNonFiscalBalance)+"_") {
			out = append(out, row.Amounts[k])
		}
	}
	return out
}

// coded maps a table's coded rows (not 其中) by side and code.
func coded(t *Table) map[string]*LineItem {
	m := map[string]*LineItem{}
	for i := range t.LineItems {
		if it := &t.LineItems[i]; it.Code != "" && !it.Subitem {
			m[it.Code] = it
		}
	}
	return m
}

// checkFiscalVsGeneral: B4's 一般公共预算 column (F4 likewise) against the
// 一般公共预算 table B5 (F5): the 本年支出 total and each 类.
func checkFiscalVsGeneral(rule *rule, d *Document) []Finding {
	var out []Finding
	for _, k := range [][2]TableKind{{KindB4, KindB5}, {KindF4, KindF5}} {
		f, g := d.Table(k[0]), d.Table(k[1])
		if f == nil || g == nil {
			continue
		}
		name := string(k[0]) + " 一般公共预算 vs " + string(k[1])
		nameZh := labelZh(f) + "一般公共预算列与" + labelZh(g) + "的"
		var tot *Amount
		if it := f.Row(RowExpenditureTotal); it != nil {
			tot = it.Amounts[ColGeneralPublicBudget]
		} else if it := f.Row(RowExpenditureGrandTotal); it != nil && BlankOrZero(f.RowAmount(RowExpenditureCarriedForward)) {
			tot = it.Amounts[ColGeneralPublicBudget]
		}
		if row := g.TotalRow(); row != nil {
			out = append(out, rule.compare(bi{nameZh + "本年支出合计不符", name + ": 本年支出合计"}, tot, []*Amount{row.Main()}, asPairIdentity)...)
		}
		gc := coded(g)
		for i := range f.LineItems {
			it := &f.LineItems[i]
			if it.Code == "" || it.Side != SideExpenditure || it.Subitem {
				continue
			}
			out = append(out, compareWithRow(rule, bi{fmt.Sprintf("%s%s %s不符", nameZh, it.Code, it.Name), fmt.Sprintf("%s: %s %s", name, it.Code, it.Name)}, it.Amounts[ColGeneralPublicBudget], gc, it.Code, g.At)...)
		}
	}
	return out
}

// checkExpenditureVsGeneral: the 一般公共预算 table B5 (F5) is part of the
// expenditure table B3 (F3): per functional code and column, B5 may not
// exceed B3, and equals it where all revenue is 一般公共预算.
func checkExpenditureVsGeneral(rule *rule, d *Document) []Finding {
	var out []Finding
	equal := generalOnly(d)
	for _, k := range [][2]TableKind{{KindB3, KindB5}, {KindF3, KindF5}} {
		e, g := d.Table(k[0]), d.Table(k[1])
		if e == nil || g == nil {
			continue
		}
		ec := coded(e)
		for i := range g.LineItems {
			it := &g.LineItems[i]
			all := ec[it.Code]
			if it.Code == "" || it.Subitem || all == nil {
				continue
			}
			for _, key := range []ColumnKey{ColTotal, ColBasic, ColProject} {
				a, b := it.Amounts[key], all.Amounts[key]
				if a == nil || BlankOrZero(a) && BlankOrZero(b) || !e.HasColumn(key) {
					continue
				}
				if b == nil {
					b = &Amount{Text: blankText, At: all.At}
				}
				what := fmt.Sprintf("%s %s %s (%s) vs %s", k[1], it.Code, it.Name, key, k[0])
				item := fmt.Sprintf("%s %s（%s）", it.Code, it.Name, key.Label())
				if equal {
					out = append(out, rule.compare(bi{fmt.Sprintf("%s与%s的%s不符（收入全部为一般公共预算）", labelZh(g), labelZh(e), item),
						what + " (all revenue 一般公共预算)"}, a, []*Amount{b}, asPair)...)
				} else if a.Yuan.Cmp(b.Yuan) > 0 {
					out = append(out, rule.compare(bi{fmt.Sprintf("%s的%s超过%s的同一科目（一般公共预算部分大于全部）", labelZh(g), item, labelZh(e)),
						what + ": the 一般公共预算 part exceeds the whole"}, a, []*Amount{b}, asPair)...)
				}
			}
		}
	}
	return out
}

// sideTotal is the total row of one block (F6's 人员经费合计, 公用经费合计).
func sideTotal(t *Table, side string) *LineItem {
	for i := range t.LineItems {
		it := &t.LineItems[i]
		if it.Side == side && (it.RowKind == RowTotal || it.RowKind == RowGrandTotal) && it.Code == "" && it.Parent == "" {
			return it
		}
	}
	return nil
}

// economicTotal is the basic-expenditure table's total: its 合计 row, or
// 人员经费合计 + 公用经费合计 where the two halves stand side by side.
func economicTotal(t *Table) *Amount {
	p, u := sideTotal(t, SidePersonnel), sideTotal(t, SidePublicUse)
	if p != nil || u != nil {
		var pa, ua *Amount
		if p != nil {
			pa = p.Main()
		}
		if u != nil {
			ua = u.Main()
		}
		return Sum("人员经费合计 + 公用经费合计", pa, ua)
	}
	row := t.TotalRow()
	if row == nil {
		return nil
	}
	if a := row.Amounts[ColTotal]; a != nil {
		return a
	}
	if a := Sum("人员经费 + 公用经费", row.Amounts[ColPersonnel], row.Amounts[ColPublicUse]); a != nil {
		return a
	}
	return row.Main()
}

// checkBasicVsEconomic: the 基本支出 of the 一般公共预算 table (B5/F5, or
// B3/F3 where all revenue is 一般公共预算) equals the economic table's
// total (B6/F6: 人员经费 + 公用经费); Jiangsu's 财政拨款 pair likewise.
func checkBasicVsEconomic(rule *rule, d *Document) []Finding {
	var out []Finding
	basic := func(kind TableKind) (*Table, *Amount) {
		t := d.Table(kind)
		if row := t.TotalRow(); row != nil && row.Amounts[ColBasic] != nil {
			return t, row.Amounts[ColBasic]
		}
		return nil, nil
	}
	for _, k := range [][3]TableKind{{KindB5, KindB3, KindB6}, {KindF5, KindF3, KindF6}, {KindFiscalExpenditure, "", KindFiscalBasic}} {
		e := d.Table(k[2])
		if e == nil {
			continue
		}
		f, b := basic(k[0])
		if b == nil && k[1] != "" && generalOnly(d) {
			// No 基本支出 column in the 一般公共预算 table: the overall
			// table's, where all revenue is 一般公共预算.
			f, b = basic(k[1])
		}
		if b == nil {
			continue
		}
		out = append(out, rule.compare(bi{fmt.Sprintf("%s合计行的基本支出与%s的合计不符", labelZh(f), labelZh(e)),
			fmt.Sprintf("%s 合计 基本支出 vs %s 合计", f.Kind, e.Kind)}, b, []*Amount{economicTotal(e)}, asPairIdentity)...)
	}
	return out
}

// threePublicGroups: the 三公 identities of one measure (本年, 上年, 预算数, 决算数).
var threePublicGroups = []struct {
	total ColumnKey
	parts []ColumnKey
}{
	{ColTotal, []ColumnKey{ColOverseasTravel, ColVehicles, ColReception}},
	{ColVehicles, []ColumnKey{ColVehiclePurchase, ColVehicleOperation}},
	{ColGrandTotal, []ColumnKey{ColTotal, ColMeeting, ColTraining}},
}

// threePublicRowKey names a row of a 三公 table printed with its items as
// rows, in the vocabulary of its columns (ThreePublicItem); a 机关运行经费
// row printed beside them is none of its items.
func threePublicRowKey(name string) ColumnKey {
	if name == "合计" || name == "小计" {
		return ColTotal
	}
	if k := ThreePublicItem(name); k != ColOperatingExpenses {
		return k
	}
	return ""
}

// checkThreePublicTable: in B7/F7, 三公 = 出国 + 用车 + 接待 and 用车 =
// 购置 + 运行 (blank cells are 0), for each measure apart: this year and
// last year, 预算数 and 决算数. Tables printing the items as columns are
// read per row; tables printing them as rows, per column.
func checkThreePublicTable(rule *rule, d *Document) []Finding {
	var out []Finding
	for i := range d.Tables {
		t := &d.Tables[i]
		if t.Kind != KindB7 && t.Kind != KindF7 || t.Empty {
			continue
		}
		// Items as columns: each row, each measure suffix.
		for j := range t.LineItems {
			it := &t.LineItems[j]
			measures := map[Measure]bool{}
			for k := range it.Amounts {
				_, m := k.Split()
				measures[m] = true
			}
			for _, m := range sortedSet(measures) {
				get := func(k ColumnKey) *Amount { return it.Amounts[k.With(m)] }
				out = append(out, threePublicSums(rule, bi{fmt.Sprintf("%s，%s%s", labelZh(t), rowZh(it.Name), measureZh(m)),
					fmt.Sprintf("%s, row %q%s", label(t), it.Name, measureZh(m))}, get, t.At)...)
			}
		}
		// Items as rows: one sum per amount column.
		rows := map[ColumnKey]*LineItem{}
		for j := range t.LineItems {
			if k := threePublicRowKey(t.LineItems[j].Name); k != "" && rows[k] == nil {
				rows[k] = &t.LineItems[j]
			}
		}
		if len(rows) < 3 {
			continue
		}
		cols := map[ColumnKey]bool{}
		for _, it := range rows {
			for k := range it.Amounts {
				cols[k] = true
			}
		}
		for _, c := range sortedSet(cols) {
			get := func(k ColumnKey) *Amount {
				if it := rows[k]; it != nil {
					return it.Amounts[c]
				}
				return nil
			}
			out = append(out, threePublicSums(rule, bi{fmt.Sprintf("%s，%s列", labelZh(t), c.Label()), fmt.Sprintf("%s, column %s", label(t), c)}, get, t.At)...)
		}
	}
	return out
}

func measureZh(m Measure) string {
	if l, ok := MeasureLabels[m]; ok {
		return " " + l
	}
	return ""
}

func threePublicSums(rule *rule, what bi, get func(ColumnKey) *Amount, at At) []Finding {
	var out []Finding
	for _, g := range threePublicGroups {
		parts := make([]*Amount, 0, len(g.parts))
		nonzero := false
		for _, p := range g.parts {
			a := get(p)
			if p == ColVehicles && a == nil {
				// No 用车 subtotal printed: 购置 + 运行 stand for it.
				a = Sum("购置费 + 运行费", get(ColVehiclePurchase), get(ColVehicleOperation))
			}
			parts = append(parts, a)
			nonzero = nonzero || !BlankOrZero(a)
		}
		stated := get(g.total)
		if stated == nil {
			if !nonzero || g.total == ColGrandTotal {
				continue
			}
			stated = &Amount{Text: blankText, At: at} // blank is 0
		}
		if g.total == ColGrandTotal && get(ColMeeting) == nil && get(ColTraining) == nil {
			continue
		}
		out = append(out, rule.compare(bi{fmt.Sprintf("%s：%s与%s之和不符", what.zh, g.total.Label(), joinLabels(g.parts)),
			fmt.Sprintf("%s: %s vs %s", what.en, g.total, JoinKeys(g.parts, " + "))}, stated, parts, asSum)...)
	}
	return out
}

// compareWithRow compares a with the main amount of the other table's row
// for code; a figure with no such row in a table that has rows is compared
// with "(no row)" at that table.
func compareWithRow(rule *rule, what bi, a *Amount, rows map[string]*LineItem, code string, tableAt At) []Finding {
	b := rows[code].Main()
	if b == nil && !BlankOrZero(a) && len(rows) > 0 {
		b = &Amount{Text: noRowText, At: tableAt}
	}
	return rule.compare(what, a, []*Amount{b}, asPair)
}

func sortedSet[K cmp.Ordered](m map[K]bool) []K { return slices.Sorted(maps.Keys(m)) }

// checkOperatingExpenses: the narrative's 机关运行经费 against the 三公
// table's 机关运行经费 column (Shanghai) and the 机关运行经费 table's total
// (Jiangsu), and the two tables against each other.
func checkOperatingExpenses(rule *rule, d *Document) []Finding {
	var out []Finding
	var fromB7, fromTable *Amount
	b7Zh, opZh := "“三公”经费表", KindOperating.Label()
	if t := d.Table(KindB7, KindF7); t != nil {
		b7Zh = labelZh(t)
		for i := range t.LineItems {
			if a := t.LineItems[i].Amounts[ColOperatingExpenses]; a != nil && !strings.Contains(t.LineItems[i].Name, "上年") {
				fromB7 = a
				break
			}
		}
	}
	if t := d.Table(KindOperating); t.TotalRow() != nil {
		fromTable, opZh = t.TotalRow().Main(), labelZh(t)
	}
	if text := d.OperatingExpenses; text != nil && text.At.Table == nil {
		out = append(out, rule.compare(bi{"机关运行经费（对照" + b7Zh + "）", "机关运行经费 in the text vs the 三公 table"}, text, []*Amount{fromB7}, asText)...)
		out = append(out, rule.compare(bi{"机关运行经费（对照" + opZh + "）", "机关运行经费 in the text vs the 机关运行经费 table"}, text, []*Amount{fromTable}, asText)...)
	}
	out = append(out, rule.compare(bi{b7Zh + "与" + opZh + "的机关运行经费不符", "机关运行经费: 三公 table vs 机关运行经费 table"}, fromB7, []*Amount{fromTable}, asPair)...)
	return out
}

// thisYear is a row's amount for this year in a table that also prints
// last year's: the 合计 / 金额 column.
func thisYear(it *LineItem) *Amount {
	for _, k := range []ColumnKey{ColTotal, ColAmount, ColBudget, ColFinal} {
		if a := it.Amounts[k]; a != nil {
			return a
		}
	}
	return nil
}

func rowName(it *LineItem) string {
	if it.Code != "" {
		return it.Code + " " + it.Name
	}
	return it.Name
}

// checkLastYearChange: where a table prints last year and the change
// beside this year's figure, this year − change = last year.
func checkLastYearChange(rule *rule, d *Document) []Finding {
	var out []Finding
	for i := range d.Tables {
		t := &d.Tables[i]
		for j := range t.LineItems {
			it := &t.LineItems[j]
			now, last, ch := thisYear(it), it.Amounts[ColLastYear], it.Amounts[ColChange]
			if now == nil || last == nil || ch == nil {
				continue
			}
			neg := *ch
			neg.Yuan, neg.Value = ch.Yuan.Neg(), ch.Value.Neg()
			out = append(out, rule.compare(bi{fmt.Sprintf("%s，%s：本年数减增减额与上年数不符", labelZh(t), rowZh(rowName(it))),
				fmt.Sprintf("%s, row %q: this year − change vs last year", label(t), rowName(it))}, last, []*Amount{now, &neg}, asSum)...)
		}
	}
	return out
}

// pctCheck: computed % (4 places) against the stated one, allowing for
// the rounding of both the % and the amounts it came from.
func pctCheck(rule *rule, what bi, num, den *Amount, stated *decimal.Decimal, statedText string, at []At) []Finding {
	if den == nil || num == nil || den.Yuan.IsZero() || stated == nil {
		return nil
	}
	pct, ok := num.Yuan.Mul(hundred).Div(den.Yuan, 4)
	if !ok {
		return nil
	}
	diff := pct.Sub(*stated).Abs()
	// Rounding of the amounts: half a unit of each, relative to the base.
	amt := textTolerance(num).Add(textTolerance(den)).Mul(hundred)
	amtPct, _ := amt.Div(den.Yuan.Abs(), 4)
	tol := pctTolerance.Add(stated.Abs().Mul(pctRelTol)).Add(amtPct)
	if diff.Cmp(tol) <= 0 {
		return nil
	}
	return []Finding{rule.note(SevWarning, pct.Round(2).String()+"%", stated.String()+"%", at,
		msgPct, what, figure(num), figure(den), pct.Round(2), statedText)}
}

// checkTableChangePct: change ÷ last year ≈ the printed 增减%.
func checkTableChangePct(rule *rule, d *Document) []Finding {
	var out []Finding
	for i := range d.Tables {
		t := &d.Tables[i]
		for j := range t.LineItems {
			it := &t.LineItems[j]
			p, last := it.Percents[ColChangePct], it.Amounts[ColLastYear]
			if p == nil || last == nil {
				continue
			}
			ch := it.Amounts[ColChange]
			if ch == nil {
				now := thisYear(it)
				if now == nil {
					continue
				}
				ch = &Amount{Yuan: now.Yuan.Sub(last.Yuan), Value: now.Value.Sub(last.Value), Unit: now.Unit, At: now.At,
					Text: now.Text + " − " + last.Text}
			}
			out = append(out, pctCheck(rule, bi{fmt.Sprintf("%s，%s：增减额÷上年数", labelZh(t), rowZh(rowName(it))),
				fmt.Sprintf("%s, row %q: change ÷ last year", label(t), rowName(it))},
				ch, last, &p.Value, p.Text, []At{p.At, ch.At, last.At})...)
		}
	}
	return out
}

// checkTableCompletion: 决算 ÷ 预算 ≈ the printed 完成率.
func checkTableCompletion(rule *rule, d *Document) []Finding {
	var out []Finding
	for i := range d.Tables {
		t := &d.Tables[i]
		for j := range t.LineItems {
			it := &t.LineItems[j]
			p := it.Percents[ColCompletionPct]
			if p == nil {
				continue
			}
			fin, bud := it.Amounts[ColFinal], it.Amounts[ColBudget]
			if fin == nil {
				fin = it.Amounts[ColTotal.With(MeasureFinal)]
			}
			if bud == nil {
				bud = it.Amounts[ColTotal.With(MeasureBudget)]
			}
			if fin == nil || bud == nil {
				continue
			}
			out = append(out, pctCheck(rule, bi{fmt.Sprintf("%s，%s：决算数÷预算数", labelZh(t), rowZh(rowName(it))),
				fmt.Sprintf("%s, row %q: 决算 ÷ 预算", label(t), rowName(it))},
				fin, bud, &p.Value, p.Text, []At{p.At, fin.At, bud.At})...)
		}
	}
	return out
}

// checkItemCompletion: the narrative's 支出决算 ÷ 年初预算 (or 全年预算, as
// it says) ≈ its stated 完成率. A % stated against a 年初预算 of 0 that
// matches the 全年预算 is info: the text names the wrong base.
func checkItemCompletion(rule *rule, d *Document) []Finding {
	var out []Finding
	for i := range d.NarrativeItems {
		it := &d.NarrativeItems[i]
		if it.CompletionPct == nil || it.Amount == nil {
			continue
		}
		base := it.Budget
		if it.CompletionBase == "full_year" || base == nil {
			base = it.FullYearBudget
		}
		if base == nil {
			continue
		}
		item := strings.TrimSpace(it.Code + " " + it.Name)
		what := bi{strings.TrimPrefix(item+"：支出决算÷预算", "："), strings.TrimSpace(it.Code + " " + it.Name + ": 支出决算 ÷ 预算")}
		stated := it.CompletionPct.String() + "%"
		at := []At{it.Amount.At, base.At}
		if base.Yuan.IsZero() {
			if it.FullYearBudget != nil && base != it.FullYearBudget && len(pctCheck(rule, what, it.Amount, it.FullYearBudget, it.CompletionPct, stated, at)) == 0 {
				// The text names the wrong base: info, not a wrong figure.
				out = append(out, rule.note(SevInfo, "", it.CompletionPct.String()+"%", append(at, it.FullYearBudget.At),
					msgCompletionBase, same(item), stated, base.Text, it.FullYearBudget.Text))
			}
			continue
		}
		out = append(out, pctCheck(rule, what, it.Amount, base, it.CompletionPct, stated, at)...)
	}
	return out
}
