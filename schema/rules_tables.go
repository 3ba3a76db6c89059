package schema

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/yusuan/yusuan/decimal"
	"github.com/yusuan/yusuan/internal/units"
)

// The rules on one standard table's own arithmetic and the narrative's
// line list (domain.md §7); their rows are in the rules table (rules.go).
// They read only what normalize recorded: line items with keys, row
// kinds, codes and parents, and the columns' parts.

// Tolerances of the percentage checks and the bounds of plausible amounts.
var (
	pctTolerance  = decimal.MustParse("0.06") // percentage points
	pctRelTol     = decimal.MustParse("0.002")
	yearLow       = decimal.FromInt(1990)
	yearHigh      = decimal.FromInt(2100)
	implausibleHi = decimal.MustParse("1000000000000") // 1 万亿元
)

func label(t *Table) string {
	if t.Title != "" {
		return string(t.Kind) + " " + t.Title
	}
	return string(t.Kind)
}

// labelZh names a table for the Chinese message: its code (B1, F3) and
// printed title, or its kind's Chinese name.
func labelZh(t *Table) string {
	name := t.Title
	if name == "" {
		name = t.Kind.Label()
	}
	if k := string(t.Kind); len(k) == 2 && (k[0] == 'B' || k[0] == 'F') {
		return k + " " + name
	}
	return name
}

// tableName is a table's name in both languages.
func tableName(t *Table) bi { return bi{labelZh(t), label(t)} }

// sideZh are the Chinese names of a table's sides.
var sideZh = map[string]string{SideRevenue: "收入", SideExpenditure: "支出", SidePurpose: "支出用途",
	SidePersonnel: "人员经费", SidePublicUse: "公用经费"}

// joinLabels joins the Chinese names of column keys with 、.
func joinLabels(keys []ColumnKey) string {
	s := make([]string, len(keys))
	for i, k := range keys {
		s[i] = k.Label()
	}
	return strings.Join(s, "、")
}

// rowZh names a row in Chinese by its printed name.
func rowZh(name string) string {
	if name == "" {
		return "无名称的行"
	}
	return "“" + name + "”行"
}

// keyName is a column key in both languages: its Chinese name, the key.
func keyName(k ColumnKey) bi { return bi{k.Label(), string(k)} }

// checkTableTotals: B1/F1/B4/F4 收入总计 = 支出总计.
func checkTableTotals(rule *rule, d *Document) []Finding {
	var out []Finding
	for i := range d.Tables {
		t := &d.Tables[i]
		if !t.Kind.TwoSided() {
			continue
		}
		for _, k := range []struct {
			key func(side string) RowKey
			zh  string
		}{{GrandTotalKey, "总计"}, {TotalKey, "合计"}} {
			r, e := t.RowAmount(k.key(SideRevenue)), t.RowAmount(k.key(SideExpenditure))
			if r != nil && e != nil {
				out = append(out, rule.compare(bi{labelZh(t) + "：收入" + k.zh + "与支出" + k.zh + "不符", label(t) + ": 收入" + k.zh + " vs 支出" + k.zh}, r, []*Amount{e}, asSumIdentity)...)
				break
			}
		}
	}
	return out
}

// checkGrandTotals: 收入总计 = 本年收入合计 + 上年结转 (+ 使用非财政拨款结余);
// 支出总计 = 本年支出合计 + 结转下年 (+ 结余分配).
func checkGrandTotals(rule *rule, d *Document) []Finding {
	var out []Finding
	for i := range d.Tables {
		t := &d.Tables[i]
		if !t.Kind.TwoSided() {
			continue
		}
		for _, side := range []struct {
			name         string
			carry, extra RowKey
		}{
			{SideRevenue, RowRevenueCarriedOver, RowRevenueNonFiscalBalance},
			{SideExpenditure, RowExpenditureCarriedForward, RowExpenditureBalanceDistribution},
		} {
			g, tot := t.RowAmount(GrandTotalKey(side.name)), t.RowAmount(TotalKey(side.name))
			if g == nil || tot == nil {
				continue
			}
			parts := append([]*Amount{tot}, carriedParts(t, side.name, side.carry, side.extra)...)
			out = append(out, rule.compare(bi{labelZh(t) + "：" + GrandTotalKey(side.name).Label() + "与" + TotalKey(side.name).Label() + "加结转之和不符",
				label(t) + ": " + side.name + " 总计 vs 本年合计 + 结转"}, g, parts, asSumIdentity)...)
		}
	}
	return out
}

// isText reports an amount read from the narrative, not from a table.
func isText(a *Amount) bool { return a != nil && a.At.Table == nil }

// carriedParts are the amounts that take a side from 本年合计 to 总计: the
// rows printed between the two (上年结转, 使用非财政拨款结余, 上年实户资金余额,
// 用事业基金弥补收支差额: publishers name and add them differently), or the
// keyed carry rows where the layout does not print them between.
func carriedParts(t *Table, side string, keys ...RowKey) []*Amount {
	from, to := -1, -1
	for i := range t.LineItems {
		switch k := t.LineItems[i].Key; {
		case k == TotalKey(side) && from < 0:
			from = i
		case k == GrandTotalKey(side) && to < 0:
			to = i
		}
	}
	var out []*Amount
	if from >= 0 && to > from+1 {
		between := true
		for i := from + 1; i < to && between; i++ {
			it := &t.LineItems[i]
			switch {
			case it.Side != side || it.Subitem || it.RowKind != "":
			case slices.Contains(keys, it.Key) || it.Code == "" && slices.ContainsFunc([]string{"结转", "结余", "余额", "弥补"}, func(w string) bool { return strings.Contains(it.Name, w) }):
				out = append(out, it.Main())
			case it.Main() != nil:
				// 本年支出合计 printed above the 类 it adds up: the rows
				// between are the body, not carry-overs.
				between = false
			}
		}
		if between {
			return out
		}
		out = nil
	}
	for _, k := range keys {
		out = append(out, t.RowAmount(k))
	}
	return out
}

// checkSideSums: on each side of a two-sided table, the top-level rows
// (sources of revenue, 类 of spending, 支出用途) add up to this year's total.
func checkSideSums(rule *rule, d *Document) []Finding {
	var out []Finding
	for i := range d.Tables {
		t := &d.Tables[i]
		if !t.Kind.TwoSided() {
			continue
		}
		for _, side := range []string{SideRevenue, SideExpenditure, SidePurpose} {
			var parts []*Amount
			unnamed := 0 // rows neither a known source nor a coded 类
			for j := range t.LineItems {
				it := &t.LineItems[j]
				if it.Side != side || it.Subitem || it.RowKind != "" || it.Level == "款" || it.Level == "项" {
					continue
				}
				if it.Key.Carry() || fiscalPart(t, it.Key) {
					continue
				}
				if a := it.Main(); a != nil {
					parts = append(parts, a)
					if it.Key == "" && it.Code == "" && it.Level != "类" {
						unnamed++
					}
				}
			}
			if len(parts) < 2 {
				continue
			}
			base := side
			if side == SidePurpose {
				base = SideExpenditure
			}
			tot := t.RowAmount(TotalKey(base))
			if tot == nil {
				// Without a 本年 row the 总计 is this year's total when nothing is carried.
				g := t.RowAmount(GrandTotalKey(base))
				carry := RowRevenueCarriedOver
				if base == SideExpenditure {
					carry = RowExpenditureCarriedForward
				}
				if c := t.RowAmount(carry); g != nil && (c == nil || c.Yuan.IsZero()) {
					tot = g
				}
			}
			if side == SidePurpose {
				// Jiangsu: the 当年支出小计 label spans both expenditure blocks.
				if it := t.Row(RowExpenditureTotal); it != nil && len(it.Amounts) == 1 {
					tot = it.Main()
				}
			}
			if listedTwice(tot, parts) {
				continue
			}
			fs := rule.compare(bi{labelZh(t) + "：" + sideZh[side] + "合计与各行之和不符", label(t) + ": " + side + " total vs its rows"}, tot, parts, asSum)
			if unnamed > 0 {
				// Which of those rows are parts and which are subtotals
				// or sub-items is not known: the sum proves nothing.
				for k := range fs {
					fs[k].Severity = SevInfo
					fs[k].Message, fs[k].MessageEn = appendMessage(fs[k], format(msgUnnamedRows, unnamed))
				}
			}
			out = append(out, fs...)
		}
	}
	return out
}

// fiscalPart reports whether a revenue row is one of the 财政拨款 sources
// printed under a 财政拨款 row of their own (一、财政拨款 › 一般公共预算 …):
// the parent already counts it.
func fiscalPart(t *Table, k RowKey) bool {
	switch k {
	case RowRevenueGeneralPublicBudget, RowRevenueGovernmentFund, RowRevenueStateCapital:
		return t.RowAmount(RowRevenueFiscal) != nil
	}
	return false
}

// listedTwice reports whether the rows add up to a whole multiple (2–4)
// of the total: the side lists its total more than once — subtotals
// beside their rows, or several breakdowns of one sum (by function and by
// purpose) — so the rows are no single set of parts.
func listedTwice(tot *Amount, parts []*Amount) bool {
	if tot == nil || tot.Yuan.Sign() <= 0 {
		return false
	}
	var sum decimal.Decimal
	for _, p := range parts {
		sum = sum.Add(p.Yuan)
	}
	for k := int64(2); k <= 4; k++ {
		diff := sum.Sub(tot.Yuan.Mul(decimal.FromInt(k))).Abs()
		if diff.Cmp(decimal.FromInt(100*k*int64(len(parts)))) <= 0 {
			return true
		}
	}
	return false
}

// checkRowParts: per row, a total column equals the columns printed as its
// parts (合计 = 基本 + 项目 [+ 单位预留机动经费]; B6 合计 = 人员 + 公用;
// not the 三公 tables: three_public.table_parts in rules_tables_cross.go).
func checkRowParts(rule *rule, d *Document) []Finding {
	var out []Finding
	for i := range d.Tables {
		t := &d.Tables[i]
		if t.Kind == KindB7 || t.Kind == KindF7 {
			continue
		}
		for _, c := range t.Columns {
			if len(c.Parts) == 0 {
				continue
			}
			for j := range t.LineItems {
				it := &t.LineItems[j]
				if it.Side != c.Side {
					continue
				}
				stated := it.Amounts[c.Key]
				if stated == nil {
					continue
				}
				parts := make([]*Amount, 0, len(c.Parts))
				for _, p := range c.Parts {
					parts = append(parts, it.Amounts[p])
				}
				name := it.Name
				if it.Code != "" {
					name = it.Code + " " + name
				}
				out = append(out, rule.compare(bi{fmt.Sprintf("%s，%s：%s与%s之和不符", labelZh(t), rowZh(name), c.Key.Label(), joinLabels(c.Parts)),
					fmt.Sprintf("%s, row %q: %s vs %s", label(t), name, c.Key, JoinKeys(c.Parts, " + "))}, stated, parts, asSum)...)
			}
		}
	}
	return out
}

// checkHierarchy: in coded tables, 类 = Σ款 and 款 = Σ项 per column, 其中
// rows and totals left out.
func checkHierarchy(rule *rule, d *Document) []Finding {
	var out []Finding
	for i := range d.Tables {
		t := &d.Tables[i]
		var next *Table
		if i+1 < len(d.Tables) {
			next = &d.Tables[i+1]
		}
		for _, g := range codeGroups(t) {
			it := g.parent
			cut := g.atEnd && continues(next, it.Code)
			for _, key := range sortedKeys(it.Amounts) {
				parts := make([]*Amount, 0, len(g.kids))
				for _, k := range g.kids {
					parts = append(parts, k.Amounts[key])
				}
				if sum := Sum("", parts...); cut && sum != nil && sum.Yuan.Cmp(it.Amounts[key].Yuan) < 0 {
					continue // the group goes on in the table's continuation
				}
				out = append(out, rule.compare(bi{fmt.Sprintf("%s：%s %s %s（%s）与其下%d个子项之和不符", labelZh(t), it.Level, it.Code, it.Name, key.Label(), len(g.kids)),
					fmt.Sprintf("%s: %s %s %s (%s) vs its %d sub-items", label(t), it.Level, it.Code, it.Name, key, len(g.kids))}, it.Amounts[key], parts, asSum)...)
			}
		}
	}
	return out
}

// continues reports whether the next table goes on with rows under code:
// a table cut at a page break whose rest was read as a table of its own.
func continues(next *Table, code string) bool {
	if next == nil {
		return false
	}
	for j := range next.LineItems {
		if c := next.LineItems[j].Code; c != "" {
			return strings.HasPrefix(c, code) && c != code
		}
	}
	return false
}

// codeGroup is a coded row and the rows printed under it.
type codeGroup struct {
	parent *LineItem
	kids   []*LineItem
	atEnd  bool // the table ends inside the group
}

// codeGroups finds each coded row's sub-items. A sub-item belongs to the
// nearest row above it with its parent's code: a code printed twice (a
// class repeated under each 政府经济分类 heading) heads two groups.
func codeGroups(t *Table) []*codeGroup {
	latest := map[string]*codeGroup{}
	lastCoded := map[string]*LineItem{}
	var groups []*codeGroup
	last := map[*codeGroup]*LineItem{}
	for j := range t.LineItems {
		it := &t.LineItems[j]
		if it.Code == "" || it.Subitem {
			continue
		}
		lastCoded[it.Side] = it
		if it.Parent != "" {
			if g := latest[it.Side+"/"+it.Parent]; g != nil {
				g.kids = append(g.kids, it)
				last[g] = it
			}
		}
		g := &codeGroup{parent: it}
		latest[it.Side+"/"+it.Code] = g
		groups = append(groups, g)
	}
	out := groups[:0]
	for _, g := range groups {
		if len(g.kids) == 0 {
			continue
		}
		end := lastCoded[g.parent.Side]
		g.atEnd = strings.HasPrefix(end.Code, last[g].Code) // its last sub-item, or one of that one's, ends the table
		out = append(out, g)
	}
	return out
}

// checkTotalRow: a coded table's 合计 row equals the sum of its 类 rows.
func checkTotalRow(rule *rule, d *Document) []Finding {
	var out []Finding
	for i := range d.Tables {
		t := &d.Tables[i]
		if t.Kind.TwoSided() {
			continue
		}
		for j := range t.LineItems {
			tot := &t.LineItems[j]
			if tot.RowKind != RowTotal && tot.RowKind != RowGrandTotal || tot.Code != "" || tot.Parent != "" {
				continue
			}
			var classes []*LineItem
			for k := range t.LineItems {
				it := &t.LineItems[k]
				if it.Side == tot.Side && it.Code != "" && len(it.Code) == 3 && !it.Subitem {
					classes = append(classes, it)
				}
			}
			if len(classes) == 0 {
				continue
			}
			for _, key := range sortedKeys(tot.Amounts) {
				parts := make([]*Amount, 0, len(classes))
				for _, c := range classes {
					parts = append(parts, c.Amounts[key])
				}
				out = append(out, rule.compare(bi{fmt.Sprintf("%s：%s（%s）与%d个类级科目之和不符", labelZh(t), tot.Name, key.Label(), len(classes)),
					fmt.Sprintf("%s: %s (%s) vs its %d 类 rows", label(t), tot.Name, key, len(classes))}, tot.Amounts[key], parts, asSum)...)
			}
			break
		}
	}
	return out
}

// checkPlausible: figures that look like a year, a column number or a
// percentage rather than money, and sums beyond any department's budget.
func checkPlausible(rule *rule, d *Document) []Finding {
	var out []Finding
	for i := range d.Tables {
		t := &d.Tables[i]
		decimals := false
		for j := range t.LineItems {
			for _, a := range t.LineItems[j].Amounts {
				if strings.Contains(a.Text, ".") {
					decimals = true
				}
			}
		}
		for j := range t.LineItems {
			it := &t.LineItems[j]
			for _, key := range sortedKeys(it.Amounts) {
				a := it.Amounts[key]
				var msg bi
				switch {
				case strings.ContainsAny(a.Text, "%％"):
					msg = format(msgWhyPercent)
				case decimals && !strings.ContainsAny(a.Text, ".,") && a.Value.Cmp(yearLow) >= 0 && a.Value.Cmp(yearHigh) <= 0:
					msg = format(msgWhyYear)
				case a.Yuan.Abs().Cmp(implausibleHi) > 0:
					msg = format(msgWhyHuge)
				}
				if msg.en != "" {
					out = append(out, rule.note(SevWarning, "", a.Yuan.String(), []At{a.At},
						msgImplausible, tableName(t), it.Name, keyName(key), a.Text, msg))
				}
			}
		}
	}
	return out
}

func sortedKeys[K cmp.Ordered, V any](m map[K]V) []K { return slices.Sorted(maps.Keys(m)) }

// checkNarrativeVsTable: the headline figures of the narrative against the
// tables (元 ↔ 万元). Figures filled from a table are the table's own.
func checkNarrativeVsTable(rule *rule, d *Document) []Finding {
	var out []Finding
	final := d.Meta.Kind == KindFinalAccount
	if t := d.Table(KindB1, KindF1); t != nil {
		sm := d.Summary
		rt := t.RowAmount(RowRevenueTotal)
		if rt == nil {
			if c := t.RowAmount(RowRevenueCarriedOver); c == nil || c.Yuan.IsZero() {
				rt = t.RowAmount(RowRevenueGrandTotal)
			}
		}
		et := t.RowAmount(RowExpenditureTotal)
		if et == nil {
			if c := t.RowAmount(RowExpenditureCarriedForward); c == nil || c.Yuan.IsZero() {
				et = t.RowAmount(RowExpenditureGrandTotal)
			}
		}
		for _, p := range []struct {
			what  string
			key   RowKey
			text  *Amount
			table *Amount
		}{
			{"revenue total (本年收入合计)", RowRevenueTotal, sm.Revenue.Total, rt},
			{"expenditure total (本年支出合计)", RowExpenditureTotal, sm.Expenditure.Total, et},
			{"一般公共预算 revenue", RowRevenueGeneralPublicBudget, sm.Revenue.GeneralPublicBudget, t.RowAmount(RowRevenueGeneralPublicBudget)},
			{"政府性基金 revenue", RowRevenueGovernmentFund, sm.Revenue.GovernmentFundBudget, t.RowAmount(RowRevenueGovernmentFund)},
			{"财政拨款 revenue", RowRevenueFiscal, sm.Revenue.FiscalAppropriation, t.RowAmount(RowRevenueFiscal)},
			{"上年结转", RowRevenueCarriedOver, sm.Revenue.CarriedOver, t.RowAmount(RowRevenueCarriedOver)},
		} {
			if isText(p.text) {
				out = append(out, rule.compare(inTable(p.key.Label(), p.what, t), p.text, []*Amount{p.table}, asText)...)
			}
		}
	}
	if t := d.Table(KindB3, KindF3); t.TotalRow() != nil {
		row := t.TotalRow()
		if isText(d.Summary.Expenditure.Basic) {
			out = append(out, rule.compare(inTable("基本支出", "基本支出", t), d.Summary.Expenditure.Basic, []*Amount{row.Amounts[ColBasic]}, asText)...)
		}
		if isText(d.Summary.Expenditure.Project) {
			out = append(out, rule.compare(inTable("项目支出", "项目支出", t), d.Summary.Expenditure.Project, []*Amount{row.Amounts[ColProject]}, asText)...)
		}
	}
	if t := d.Table(KindB7, KindF7); t != nil {
		if row := t.DataRow(d.Meta.FiscalYear); row != nil {
			measure := MeasureNone
			if final && row.Amounts[ColTotal.With(MeasureFinal)] != nil {
				measure = MeasureFinal
			}
			tp := d.ThreePublic
			for _, p := range []struct {
				what string
				text *Amount
				key  ColumnKey
			}{
				{"三公经费", tp.Total, ColTotal}, {"因公出国（境）费", tp.OverseasTravel, ColOverseasTravel},
				{"公务用车购置及运行费", tp.Vehicles, ColVehicles}, {"公务用车购置费", tp.VehiclePurchase, ColVehiclePurchase},
				{"公务用车运行费", tp.VehicleOperation, ColVehicleOperation}, {"公务接待费", tp.Reception, ColReception},
				{"会议费", tp.Meeting, ColMeeting}, {"培训费", tp.Training, ColTraining},
			} {
				if isText(p.text) {
					out = append(out, rule.compare(inTable(p.what, p.what, t), p.text, []*Amount{row.Amounts[p.key.With(measure)]}, asText)...)
				}
			}
		}
	}
	// 机关运行经费: operating_expenses.narrative_vs_table (rules_tables_cross.go).
	return out
}

// inTable names a figure of the narrative compared with a table: in
// Chinese with the table it is compared with, in English as before.
func inTable(zh, en string, t *Table) bi {
	return bi{zh + "（对照" + labelZh(t) + "）", en}
}

// functionalItem finds the table line for a functional code: the
// 一般公共预算 table first (B5/F5), then the fiscal and the overall
// expenditure tables. It returns the table too.
func functionalItem(d *Document, code string) (*LineItem, *Table) {
	for _, kinds := range [][]TableKind{{KindB5, KindF5}, {KindFiscalExpenditure}, {KindB3, KindF3}} {
		for i := range d.Tables {
			t := &d.Tables[i]
			if t.Kind != kinds[0] && (len(kinds) < 2 || t.Kind != kinds[1]) {
				continue
			}
			for j := range t.LineItems {
				if t.LineItems[j].Code == code {
					return &t.LineItems[j], t
				}
			}
		}
	}
	return nil, nil
}

// checkItemsVsTable: each line of the narrative's list against the table row with its code.
func checkItemsVsTable(rule *rule, d *Document) []Finding {
	var out []Finding
	for i := range d.NarrativeItems {
		it := &d.NarrativeItems[i]
		if it.Code == "" || it.Amount == nil {
			continue
		}
		row, t := functionalItem(d, it.Code)
		if row == nil {
			continue
		}
		out = append(out, rule.compare(inTable(fmt.Sprintf("%s %s", it.Code, it.Name), fmt.Sprintf("%s %s", it.Code, it.Name), t), it.Amount, []*Amount{row.Main()}, asText)...)
	}
	return out
}

// checkItemRestated: the amount after the name and the one restated in
// the same sentence (本年预算安排X万元) must agree.
func checkItemRestated(rule *rule, d *Document) []Finding {
	var out []Finding
	for i := range d.NarrativeItems {
		it := &d.NarrativeItems[i]
		if it.Amount == nil || it.Planned == nil || copiedAmount(d.NarrativeItems, i) >= 0 {
			continue // a copy is told by narrative_items.copied_from_neighbour
		}
		diff := it.Amount.Yuan.Sub(it.Planned.Yuan).Abs()
		if diff.Cmp(textTolerance(it.Amount)) <= 0 && diff.Cmp(textTolerance(it.Planned)) <= 0 {
			continue
		}
		out = append(out, rule.note(SevWarning, it.Amount.Yuan.String(), it.Planned.Yuan.String(), []At{it.Amount.At, it.Planned.At},
			msgRestated, it.Code, it.Name, it.Amount.Text, it.Planned.Text, diff))
	}
	return out
}

// checkItemPct: (this year − last year) ÷ last year ≈ the stated %.
// Either the stated or the restated amount may be the one the % was
// computed from.
func checkItemPct(rule *rule, d *Document) []Finding {
	var out []Finding
	for i := range d.NarrativeItems {
		it := &d.NarrativeItems[i]
		if it.ChangePct == nil || it.LastYear == nil || it.Amount == nil || it.LastYear.Yuan.IsZero() || copiedExactly(d.NarrativeItems, i) {
			continue
		}
		ok := false
		var computed decimal.Decimal
		for j, a := range []*Amount{it.Amount, it.Planned} {
			if a == nil {
				continue
			}
			pct, okDiv := a.Yuan.Sub(it.LastYear.Yuan).Mul(hundred).Div(it.LastYear.Yuan, 4)
			if !okDiv {
				continue
			}
			if j == 0 {
				computed = pct
			}
			// The stated % is rounded, and so are the amounts it came from.
			tol := pctTolerance.Add(it.ChangePct.Abs().Mul(pctRelTol))
			if pct.Sub(*it.ChangePct).Abs().Cmp(tol) <= 0 {
				ok = true
			}
		}
		if ok {
			continue
		}
		at := []At{it.Amount.At, it.LastYear.At}
		out = append(out, rule.note(SevWarning, computed.Round(2).String()+"%", it.ChangePct.String()+"%", at,
			msgItemPct, it.Code, it.Name, it.Amount.Text, it.LastYear.Text, computed.Round(2), *it.ChangePct))
	}
	return out
}

// unitShift is the power of ten that turns unit into 元; 0 for an unknown unit.
func unitShift(unit string) int {
	n, _ := units.Shift(unit)
	return n
}
