package schema

import (
	"regexp"
	"strings"

	"github.com/yusuan/yusuan/decimal"
)

// The narrative's statements of the 基本支出 split and of the 财政拨款
// total against the standard tables that print the same quantities
// (domain.md §7). Conventions, as the standard templates define them:
//   - "一般公共预算（财政拨款）基本支出X万元，其中：人员经费Y万元…公用经费Z万元"
//     restates B6/F6 (一般公共预算基本支出表): X its 合计, Y and Z its
//     人员经费 and 公用经费 totals; without a B6/F6 total, X is the 基本支出
//     of B5/F5's 合计 row. Where the sentence says 财政拨款 only, the
//     table is the 财政拨款基本支出表 (a local table) when there is one; B6/F6 cover
//     一般公共预算 only, so against them the comparison is info.
//   - "财政拨款收入支出总计X万元" (final account) is F4's 总计, with 年初结转和
//     结余; "财政拨款收支总预算X万元" (budget) is B4's 收入总计, with 上年结转.
//     A difference equal to a carry-over is the other convention
//     (settleTableFindings makes it info).
// An error needs a difference beyond 1 万元 on a table that passed its
// self-check (settleTableFindings); less is a warning, rounding info.

// basicStatementRE: "一般公共预算财政拨款基本支出5377.64万元", "财政拨款基本支出预算
// 12308.48万元". Group 1 says which money (一般公共预算 or 财政拨款).
var basicStatementRE = regexp.MustCompile(`(一般公共预算(?:财政)?(?:拨款)?|财政拨款)基本支出(?:预算|决算)?(?:数)?(?:为|是)?\s*` + numPat)

// personnelRE / publicUseRE: the parts listed after it, each opening a
// clause or a numbered item ("其中：人员经费…", "（二）公用经费…"): not
// "在职人员经费" or an item's "（人员经费…、日常公用经费…）".
var (
	personnelRE = regexp.MustCompile(`(?:^|[：:，,；;。\n）)])\s*人员经费(?:支出)?(?:为|共)?\s*` + numPat)
	publicUseRE = regexp.MustCompile(`(?:^|[：:，,；;。\n）)])\s*(?:日常)?公用经费(?:支出)?(?:为|共)?\s*` + numPat)
)

// fiscalTotalRE: "财政拨款收入支出总计9746.50万元", "财政拨款收支总预算18,728.91万元".
var fiscalTotalRE = regexp.MustCompile(`财政拨款收入支出(?:决算|预算)?总计(?:为|是)?\s*` + numPat + `|财政拨款收支(?:总预算|预算总额|总计)(?:为|是)?\s*` + numPat)

// splitWindow: how far after the 基本支出 statement its parts may be
// listed (each part is often followed by a long 主要包括 list).
const splitWindow = 900

// narrativeFigure is a figure of a sentence as an Amount placed at the
// sentence's section.
func narrativeFigure(num, unit string, at At) (*Amount, bool) {
	p, ok := readPrinted(num, unit)
	if !ok {
		return nil, false
	}
	v, _ := decimal.Parse(strings.ReplaceAll(num, ",", ""))
	return &Amount{Yuan: p.yuan, Value: v, Unit: unit, Text: num, At: at}, true
}

// basicSplit is one statement of the 基本支出 and the parts listed after it.
type basicSplit struct {
	s                        sentence
	general                  bool // 一般公共预算, not 财政拨款 alone
	basic, personnel, public *Amount
}

// basicSplits finds the narrative's statements of the 基本支出 split.
func basicSplits(d *Document) []basicSplit {
	var out []basicSplit
	for i := range d.Sections {
		sec := &d.Sections[i]
		s := sentence{text: sec.Text, heading: sec.Heading, at: sec.At}
		ms := basicStatementRE.FindAllStringSubmatchIndex(sec.Text, -1)
		for j, m := range ms {
			if cutNumber(sec.Text[:m[4]]) || !ofThisYear(d, sec.Text[:m[0]], sec.Text[m[0]:m[4]]) {
				continue
			}
			b, ok := narrativeFigure(sec.Text[m[4]:m[5]], sec.Text[m[6]:m[7]], sec.At)
			if !ok {
				continue
			}
			end := min(m[1]+splitWindow, len(sec.Text))
			if j+1 < len(ms) {
				end = min(end, ms[j+1][0])
			}
			rest := sec.Text[m[1]:end]
			out = append(out, basicSplit{s: s, general: strings.HasPrefix(sec.Text[m[2]:m[3]], "一般公共预算"),
				basic: b, personnel: firstFigure(personnelRE, rest, sec.At), public: firstFigure(publicUseRE, rest, sec.At)})
		}
	}
	return out
}

// ofThisYear: a statement (label, after the text before it) is about the
// document's own figure: not last year's (上年, or another year named
// before it in its sentence), and not the budget of a final account or
// the final account of a budget.
func ofThisYear(d *Document, before, label string) bool {
	if i := strings.LastIndexAny(before, "。\n"); i >= 0 {
		before = before[i+1:]
	}
	if strings.Contains(before, "上年") || strings.Contains(before, "上一年") || d.Meta.FiscalYear != 0 && otherYearBefore(before, d.Meta.FiscalYear) {
		return false
	}
	label = strings.ReplaceAll(label, "一般公共预算", "") // the money, not the measure
	switch d.Meta.Kind {
	case KindFinalAccount:
		return !strings.Contains(label, "预算")
	case KindBudget:
		return !strings.Contains(label, "决算")
	}
	return true
}

// firstFigure is the first figure re finds in text, or nil.
func firstFigure(re *regexp.Regexp, text string, at At) *Amount {
	m := re.FindStringSubmatch(text)
	if m == nil {
		return nil
	}
	a, _ := narrativeFigure(m[1], m[2], at)
	return a
}

// splitTables returns the economic table a statement restates and
// whether the two are defined to be equal.
func splitTables(d *Document, general bool) (*Table, bool) {
	if !general {
		if t := d.Table(KindFiscalBasic); t != nil {
			return t, true
		}
	}
	return d.Table(KindB6, KindF6), general
}

// economicPart is the 人员经费 or 公用经费 total of an economic table:
// the total of its block (F6 side by side), else the column of its 合计 row.
func economicPart(t *Table, side string, col ColumnKey) *Amount {
	if it := sideTotal(t, side); it != nil {
		return it.Main()
	}
	if row := t.TotalRow(); row != nil {
		return row.Amounts[col]
	}
	return nil
}

// splitComparison is a narrative figure against a table figure.
type splitComparison struct {
	what        bi
	text, table *Amount
	t           *Table
	tableWhat   bi // the row or column of the table
	diff        decimal.Decimal
}

// checkBasicSplit: the narrative's 基本支出 and its 人员经费 / 公用经费
// against the economic table (B6/F6) that prints them; the 基本支出
// against B5/F5 where no economic total is read.
func checkBasicSplit(rule *rule, d *Document) []Finding {
	var out []Finding
	for _, sp := range basicSplits(d) {
		t, equal := splitTables(d, sp.general)
		var cs []splitComparison
		add := func(what bi, text, table *Amount, t *Table, tableWhat bi) {
			if text == nil || table == nil {
				return
			}
			if diff := text.Yuan.Sub(table.Yuan).Abs(); !diff.IsZero() {
				cs = append(cs, splitComparison{what, text, table, t, tableWhat, diff})
			}
		}
		scope := bi{"财政拨款基本支出", "财政拨款 基本支出"}
		if sp.general {
			scope = bi{"一般公共预算基本支出", "一般公共预算 基本支出"}
		}
		if t != nil && economicTotal(t) != nil {
			add(scope, sp.basic, economicTotal(t), t, bi{"合计", "total"})
			add(scope.plus(bi{"中的人员经费", ": 人员经费"}), sp.personnel, economicPart(t, SidePersonnel, ColPersonnel), t, bi{"人员经费", "人员经费"})
			add(scope.plus(bi{"中的公用经费", ": 公用经费"}), sp.public, economicPart(t, SidePublicUse, ColPublicUse), t, bi{"公用经费", "公用经费"})
		} else if g := d.Table(KindB5, KindF5); g != nil && g.TotalRow() != nil && sp.general {
			t, equal = g, true
			add(scope, sp.basic, g.TotalRow().Amounts[ColBasic], g, bi{"合计行基本支出", "total row, 基本支出"})
		}
		out = append(out, splitFindings(rule, d, sp, cs, equal)...)
	}
	return out
}

// splitFindings turns the comparisons of one statement into findings:
// one per root cause (a part off by the same amount as the 基本支出 is
// told with it), with the figure the text may have taken instead.
func splitFindings(rule *rule, d *Document, sp basicSplit, cs []splitComparison, equal bool) []Finding {
	var out []Finding
	for i, c := range cs {
		if i > 0 && c.diff.Cmp(cs[0].diff) == 0 {
			continue // told with the first
		}
		var more bi
		if i == 0 {
			for _, o := range cs[1:] {
				if o.diff.Cmp(c.diff) == 0 {
					more = more.plus(format(msgSplitSameDiff, o.what, figure(o.text), figure(o.table)))
				}
			}
			if c.text == sp.basic && !splitWithin(c) {
				if all := allFundsBasic(d); all != nil && all.Yuan.Sub(c.text.Yuan).Abs().Cmp(textTolerance(c.text)) <= 0 {
					more = more.plus(format(msgSplitAllFunds, tablePlace(d.Table(KindB3, KindF3), all, bi{"基本支出", "基本支出"}), figure(all)))
				}
			}
		}
		out = append(out, splitFinding(rule, sp.s, c, equal, more))
	}
	return out
}

// allFundsBasic is the 基本支出 of all funds (B3/F3's 合计 row).
func allFundsBasic(d *Document) *Amount {
	if row := d.Table(KindB3, KindF3).TotalRow(); row != nil {
		return row.Amounts[ColBasic]
	}
	return nil
}

// splitFinding is one comparison's finding; severity: rounding is info,
// and so is a comparison of quantities not defined to be equal; beyond
// 1 万元 an error (settleTableFindings keeps it only on a table that
// passed its self-check), else a warning.
func splitFinding(rule *rule, s sentence, c splitComparison, equal bool, more bi) Finding {
	sev := SevWarning
	switch {
	case splitWithin(c):
		sev = SevInfo
		more = more.plus(bi{withinRoundingZh, " (within rounding)"})
	case !equal:
		sev = SevInfo
		more = more.plus(format(msgSplitScope))
	case c.diff.Cmp(errorFloor) > 0:
		sev = SevError
	}
	msg := format(msgSplitVsTable, c.what, s.place(), figure(c.text), c.text.Yuan.String(),
		tablePlace(c.t, c.table, c.tableWhat), sumFigure(c.table), c.table.Yuan.String(), c.diff).plus(more)
	return Finding{Rule: rule.name, Severity: sev, Message: msg.zh, MessageEn: msg.en,
		Expected: c.table.Yuan.String(), Actual: c.text.Yuan.String(), At: []At{c.text.At, c.table.At}}
}

// splitWithin: the two figures differ by rounding alone.
func splitWithin(c splitComparison) bool {
	return c.diff.Cmp(textTolerance(c.text).Add(textTolerance(c.table))) <= 0
}

// sumFigure is a figure for a message; a sum of printed figures (Sum)
// is said with its value and what it adds up.
func sumFigure(a *Amount) bi {
	if strings.Contains(a.Text, " + ") {
		v := a.Value.String() + a.Unit
		return bi{v + "（" + a.Text + "）", v + " (" + a.Text + ")"}
	}
	return figure(a)
}

// tablePlace names a table figure: the table, its page, the row or column.
func tablePlace(t *Table, a *Amount, what bi) bi {
	if t == nil {
		return what
	}
	if p := a.At.Page; p > 0 {
		return format(msgTablePage, tableName(t), p, what)
	}
	return format(msgTableNoPage, tableName(t), what)
}

// checkFiscalTotal: the narrative's 财政拨款收入支出总计 (final account)
// or 财政拨款收支总预算 (budget) against the 总计 of B4/F4.
func checkFiscalTotal(rule *rule, d *Document) []Finding {
	t := d.Table(KindB4, KindF4)
	if t == nil {
		return nil
	}
	total := t.RowAmount(RowRevenueGrandTotal)
	if total == nil {
		total = t.RowAmount(RowExpenditureGrandTotal)
	}
	if total == nil {
		return nil
	}
	var out []Finding
	for _, s := range sentences(d, true) {
		for _, m := range fiscalTotalRE.FindAllStringSubmatchIndex(s.text, -1) {
			g := 2
			if m[2] < 0 {
				g = 6
			}
			if cutNumber(s.text[:m[g]]) || !ofThisYear(d, s.text[:m[0]], s.text[m[0]:m[g]]) {
				continue
			}
			a, ok := narrativeFigure(s.text[m[g]:m[g+1]], s.text[m[g+2]:m[g+3]], s.at)
			if !ok {
				continue
			}
			diff := a.Yuan.Sub(total.Yuan).Abs()
			if diff.IsZero() {
				continue
			}
			c := splitComparison{what: bi{"财政拨款收支总计", "财政拨款 revenue and expenditure total"}, text: a, table: total, t: t,
				tableWhat: bi{"总计", "总计"}, diff: diff}
			out = append(out, splitFinding(rule, s, c, true, bi{}))
		}
	}
	return out
}
