package schema

import (
	"fmt"
	"slices"
	"strings"

	"github.com/yusuan/yusuan/decimal"
)

// A rule is one named consistency check: one row of the rules table.
type rule struct {
	name     string
	severity severityPolicy
	reads    string    // what the rule reads
	messages []msgKind // the message templates its findings use
	check    func(r *rule, d *Document) []Finding
	// held, when set, counts the comparisons of non-zero figures that hold
	// (to rounding): the table self-check's measure of support.
	held *int
}

// severityPolicy says how sure a rule's findings are. A finding is a
// claim that a document is wrong: only what would survive a journalist
// checking by hand is an error; anything uncertain is info.
type severityPolicy int

const (
	// sevRounding: info within rounding, warning beyond.
	sevRounding severityPolicy = iota
	// sevIdentity: as sevRounding, but an error where an identity printed
	// on the face of one table misses by more than 1 万元 and 1 %.
	sevIdentity
	// sevSourcesShort: as sevRounding, but parts falling short of the
	// total are info: sources the document does not list may be the rest.
	sevSourcesShort
	// sevWarning: always a warning (a figure that cannot be money, a text
	// that contradicts itself, a percentage that does not follow).
	sevWarning
	// sevInfo: always info (a figure the text lost: nothing to compare).
	sevInfo
)

// rules are the checks Validate runs, in this order (findings keep it).
const ruleUnitSlip = "amounts.unit_slip"

var rules = []rule{
	// Summary figures (narrative or filled from the tables).
	{"summary.revenue_equals_expenditure", sevRounding, "summary revenue and expenditure totals and carry-overs", []msgKind{msgParts}, checkRevenueEqualsExpenditure, nil},
	{"summary.revenue_total_equals_sources", sevSourcesShort, "summary revenue total, sources and carry-over", []msgKind{msgParts, msgUnitSlip, msgSourcesShort}, checkRevenueSources, nil},
	{"summary.expenditure_basic_plus_project", sevRounding, "summary expenditure total, basic, project, reserve, other", []msgKind{msgParts}, checkBasicPlusProject, nil},
	{"summary.change_parts_equal_total", sevRounding, "summary change of total, basic, project, reserve", []msgKind{msgParts}, checkChangeParts, nil},
	{"three_public.parts_equal_total", sevRounding, "三公 total, overseas travel, vehicles, reception", []msgKind{msgParts}, checkThreePublicParts, nil},
	{"three_public.vehicles_equal_purchase_plus_operation", sevRounding, "三公 vehicles, purchase, operation", []msgKind{msgParts}, checkVehicles, nil},
	{"procurement.parts_equal_total", sevRounding, "procurement total, goods, works, services", []msgKind{msgParts}, checkProcurementParts, nil},
	{"assets.total_equals_parts", sevRounding, "assets table total and lines (not 其中)", []msgKind{msgParts}, checkAssetsParts, nil},
	{"assets.narrative_total_equals_table", sevRounding, "assets total of the narrative and of the table", []msgKind{msgParts}, checkAssetsNarrative, nil},

	// One table's own arithmetic (rules_tables.go).
	{"tables.revenue_equals_expenditure", sevIdentity, "B1/F1/B4/F4 收入总计 and 支出总计 rows", []msgKind{msgParts}, checkTableTotals, nil},
	{"tables.grand_total_equals_total_plus_carry", sevIdentity, "B1/F1/B4/F4 总计, 本年合计 and carry rows", []msgKind{msgParts}, checkGrandTotals, nil},
	{"tables.side_total_equals_rows", sevRounding, "B1/F1/B4/F4 top-level rows of each side and its total", []msgKind{msgParts}, checkSideSums, nil},
	{"tables.row_total_equals_parts", sevRounding, "each row's total column and the columns printed as its parts", []msgKind{msgParts}, checkRowParts, nil},
	{"tables.parent_equals_children", sevRounding, "coded rows: 类 and its 款, 款 and its 项, per column", []msgKind{msgParts}, checkHierarchy, nil},
	{"tables.total_row_equals_classes", sevRounding, "a coded table's 合计 row and its 类 rows", []msgKind{msgParts}, checkTotalRow, nil},
	{ruleTableUnreadable, sevWarning, "every table's self-check (tablecheck.go)", []msgKind{msgTableUnreadable}, checkUnreadable, nil},
	{"tables.amount_plausible", sevWarning, "every amount cell", []msgKind{msgImplausible}, checkPlausible, nil},
	{"summary.narrative_vs_table", sevRounding, "summary and 三公 figures of the narrative; B1/F1, B3/F3, B7/F7", []msgKind{msgText}, checkNarrativeVsTable, nil},
	{"narrative_items.vs_table", sevRounding, "the narrative's expenditure lines; the table row with their code", []msgKind{msgText}, checkItemsVsTable, nil},
	{"narrative_items.restated_amount", sevWarning, "the narrative's expenditure lines: amount and restated amount", []msgKind{msgRestated}, checkItemRestated, nil},
	{"narrative_items.change_pct", sevWarning, "the narrative's expenditure lines: amount, last year, stated %", []msgKind{msgItemPct}, checkItemPct, nil},
	{"tables.code_name_mismatch", sevWarning, "coded rows: a functional or economic code and its printed name, against the code book of the year (internal/codebook)", []msgKind{msgCodeName, msgCodeOldName, msgCodeOtherName}, checkCodeNames, nil},
	{"narrative_items.copied_from_neighbour", sevWarning, "the narrative's expenditure lines (an item's restated amount or stated % and its neighbours'); a list's sentences X万元，比上年增加D万元，增长P% and the one beside each", []msgKind{msgCopiedAmount, msgCopiedPct, msgCopiedPctIs, msgCopiedPctFits, msgCopiedPctToo, msgCopiedChange}, checkCopiedFromNeighbour, nil},

	// Across tables (rules_tables_cross.go).
	{"tables.summary_vs_fiscal_summary", sevIdentity, "B1 and B4 (F1 and F4): 财政拨款 sources, totals, 类 rows", []msgKind{msgPair}, checkSummaryVsFiscal, nil},
	{"tables.summary_vs_breakdown", sevIdentity, "B1 totals and the B2, B3 合计 (F1: F2, F3)", []msgKind{msgPair}, checkSummaryVsBreakdown, nil},
	{"tables.fiscal_summary_vs_general_budget", sevIdentity, "B4 一般公共预算 column and B5 (F4, F5)", []msgKind{msgPair}, checkFiscalVsGeneral, nil},
	{"tables.expenditure_vs_general_budget", sevRounding, "B5 and B3 (F5, F3) per code and column", []msgKind{msgPair}, checkExpenditureVsGeneral, nil},
	{"tables.basic_vs_economic", sevIdentity, "基本支出 of B5 (or B3) and the B6 total (F5, F6; Jiangsu's 财政拨款 pair)", []msgKind{msgPair}, checkBasicVsEconomic, nil},
	{"three_public.table_parts", sevRounding, "B7/F7 items per measure, as columns or as rows", []msgKind{msgParts}, checkThreePublicTable, nil},
	{"operating_expenses.narrative_vs_table", sevRounding, "机关运行经费 of the narrative, the 三公 table and the 机关运行经费 table", []msgKind{msgText, msgPair}, checkOperatingExpenses, nil},
	{"tables.last_year_plus_change", sevRounding, "rows printing this year, last year and the change", []msgKind{msgParts}, checkLastYearChange, nil},
	{"tables.change_pct", sevWarning, "rows printing the change in %", []msgKind{msgPct}, checkTableChangePct, nil},
	{"tables.completion_pct", sevWarning, "rows printing 预算, 决算 and 完成率", []msgKind{msgPct}, checkTableCompletion, nil},
	{"narrative_items.completion_pct", sevWarning, "the narrative's 支出决算, 年初预算 / 全年预算 and stated 完成率", []msgKind{msgPct, msgCompletionBase}, checkItemCompletion, nil},
	{"basic_expenditure.narrative_vs_table", sevIdentity, "the narrative's 一般公共预算 / 财政拨款 基本支出 and its 人员经费, 公用经费; B6/F6 (or 财政拨款基本支出表), else B5/F5 基本支出", []msgKind{msgSplitVsTable, msgSplitSameDiff, msgSplitAllFunds, msgSplitScope, msgTablePage, msgTableNoPage}, checkBasicSplit, nil},
	{"fiscal_total.narrative_vs_table", sevIdentity, "the narrative's 财政拨款收入支出总计 / 财政拨款收支总预算 and the B4/F4 总计", []msgKind{msgSplitVsTable, msgTablePage, msgTableNoPage}, checkFiscalTotal, nil},

	// The narrative's own sentences (rules_text.go).
	{"narrative.comparison_year", sevWarning, "the year a sentence compares with (比2025年预算…) and the document's year", []msgKind{msgCompareBudget, msgCompareFinal}, checkComparisonYear, nil},
	{"narrative.change_pct", sevWarning, "a sentence's figure, its change and stated % (X万元，比上年增加D万元，增长P%)", []msgKind{msgChangePct, msgPctFromZero}, checkChangePct, nil},
	{ruleUnitSlip, sevWarning, "an amount printed in 元 among 万元 figures (or the reverse) that fits only in the other unit: sums of the summary, a sentence's change and %", []msgKind{msgParts, msgUnitSlip, msgChangeUnitSlip}, checkUnitSlips, nil},
	{"narrative.lost_figure", sevInfo, "a sentence's 万元 / 亿元 with no figure before it (预算支出万元) or a figure parted from it (3,623.98为万元)", []msgKind{msgFigureLost, msgFigureMoved}, checkLostFigure, nil},
	{"narrative.share_pct", sevWarning, "a 其中 list's whole and each part's stated share (占P%)", []msgKind{msgSharePct, msgSharesOver}, checkSharePct, nil},
	{"meta.file_name_disagrees", sevInfo, "the year and the department the file's name states and the document's fiscal year and issuer", []msgKind{msgFileNameYear, msgFileNameIssuer}, checkFileName, nil},
	{"meta.issuer_name_differs", sevWarning, "the issuer's name as printed in the title, labels (单位名称：), tables' titles and the narrative", []msgKind{msgIssuerDiffers, msgIssuerSubst, msgIssuerPlace, msgIssuerPrefix, msgIssuerShort, msgIssuerOther}, checkIssuerName, nil},
}

// RuleNames lists the rules Validate runs, in order.
func RuleNames() []string {
	names := make([]string, len(rules))
	for i := range rules {
		names[i] = rules[i].name
	}
	return names
}

// Validate runs every rule and appends its findings to d.Findings, then
// sets d.Status from what was found (see DocumentStatus).
func Validate(d *Document) {
	if d.Findings == nil {
		d.Findings = []Finding{}
	}
	if slices.ContainsFunc(d.Tables, func(t Table) bool { return t.Check == nil && len(t.LineItems) > 0 }) {
		CheckTables(d)
	}
	var fs []Finding
	for i := range rules {
		fs = append(fs, rules[i].check(&rules[i], d)...)
	}
	d.Findings = append(d.Findings, settleTableFindings(d, fs)...)
	d.Status = DocumentStatus(d)
}

// roundingTolerance: differences up to 0.01 万元 (100 元) are rounding.
var roundingTolerance = decimal.FromInt(100)

// errorFloor and hundred: a difference beyond 1 万元 and beyond 1 % of the
// stated figure, on an identity a table prints on its face, is an error.
var (
	errorFloor = decimal.FromInt(10000)
	hundred    = decimal.FromInt(100)
)

// shape is what a comparison sets side by side, and so how it is told.
type shape int

const (
	shapeParts shape = iota // a stated figure and the sum of its parts
	shapePair               // the same figure printed in two places
	shapeText               // a figure of the narrative and the table's
)

// tolerance says how far apart two figures may be by rounding alone.
type tolerance int

const (
	// tolStated: half a unit of the stated figure's last digit, at least 100 元.
	tolStated tolerance = iota
	// tolSum: for a sum of n printed parts, n + 1 half-units of the
	// stated figure's last digit, at least 100 元.
	tolSum
	// tolEach: half a unit of the last digit of each figure.
	tolEach
)

// how is one way of comparing figures.
type how struct {
	shape    shape
	tol      tolerance
	identity bool // an identity printed on one table's face (see sevIdentity)
	slip     bool // look for 元 printed where 万元 is meant
}

var (
	asStated       = how{shape: shapeParts, tol: tolStated, slip: true}
	asSum          = how{shape: shapeParts, tol: tolSum}
	asSumIdentity  = how{shape: shapeParts, tol: tolSum, identity: true}
	asPair         = how{shape: shapePair, tol: tolEach}
	asPairIdentity = how{shape: shapePair, tol: tolEach, identity: true}
	asText         = how{shape: shapeText, tol: tolStated}
)

// comparison is the outcome of setting a stated figure against the sum of
// its parts (one part: the other figure): what the message is formatted from.
type comparison struct {
	how      how
	what     bi
	stated   *Amount
	parts    []*Amount // as given; nil ones were not printed
	sum      decimal.Decimal
	diff     decimal.Decimal // |stated − sum|
	within   bool            // diff is rounding
	at       []At            // the stated figure's place, then the parts'
	unitSlip *Amount         // a part in 元 that, read as 万元, makes it hold
}

// compare sets stated against the sum of the parts (nil parts skipped)
// and returns the finding when they differ; none when stated or every
// part is missing.
func (r *rule) compare(what bi, stated *Amount, parts []*Amount, h how) []Finding {
	c, ok := measure(what, stated, parts, h)
	if r.held != nil && stated != nil && !stated.Yuan.IsZero() && slices.ContainsFunc(parts, func(p *Amount) bool { return p != nil }) && (!ok || c.within) {
		*r.held++
	}
	if !ok {
		return nil
	}
	return []Finding{r.finding(c)}
}

// measure is the one comparison of figures; ok is false when there is
// nothing to compare or nothing differs.
func measure(what bi, stated *Amount, parts []*Amount, h how) (comparison, bool) {
	if stated == nil {
		return comparison{}, false
	}
	if h.shape == shapeText && len(parts) == 1 && parts[0] != nil &&
		stated.At.Table != nil && parts[0].At.Table != nil && *stated.At.Table == *parts[0].At.Table {
		return comparison{}, false // a figure filled from the table is the table's own
	}
	c := comparison{how: h, what: what, stated: stated, parts: parts, at: []At{stated.At}}
	present := 0
	for _, p := range parts {
		if p == nil {
			continue
		}
		present++
		c.sum = c.sum.Add(p.Yuan)
		c.at = append(c.at, p.At)
	}
	if present == 0 {
		return comparison{}, false
	}
	c.diff = stated.Yuan.Sub(c.sum).Abs()
	if c.diff.IsZero() {
		return comparison{}, false
	}
	c.within = c.diff.Cmp(rounding(h.tol, stated, parts, present)) <= 0
	if h.slip {
		c.unitSlip = unitSlip(stated, parts)
	}
	return c, true
}

// rounding is how far the figures may differ by rounding alone.
func rounding(t tolerance, stated *Amount, parts []*Amount, present int) decimal.Decimal {
	switch t {
	case tolEach:
		tol := textTolerance(stated)
		for _, p := range parts {
			if p != nil {
				tol = tol.Add(textTolerance(p))
			}
		}
		return tol
	case tolSum:
		// Every printed figure is rounded to its last digit: the sum of n
		// parts may drift by n + 1 half-units.
		tol := roundingTolerance
		if half := textTolerance(stated); half.Cmp(roundingTolerance) > 0 || present > 1 {
			h := decimal.FromInt(5).Shift(unitShift(stated.Unit) - max(stated.Value.Scale(), 0) - 1)
			if n := h.Mul(decimal.FromInt(int64(present + 1))); n.Cmp(tol) > 0 {
				tol = n
			}
		}
		return tol
	}
	// Within rounding: 0.01 万元, or half the last digit the stated figure
	// was printed with ("17,192万元" may stand for 17,191.52).
	return textTolerance(stated)
}

// textTolerance: half a unit of the last digit a figure was printed with
// ("9628.22万元" → 50 元, "17,192万元" → 5000 元), at least 100 元.
func textTolerance(a *Amount) decimal.Decimal {
	tol := roundingTolerance
	scale := max(a.Value.Scale(), 0)
	half := decimal.FromInt(5).Shift(unitShift(a.Unit) - scale - 1)
	if half.Cmp(tol) > 0 {
		tol = half
	}
	return tol
}

// severity applies the rule's policy to a comparison.
func (r *rule) severityOf(c comparison) string {
	if c.within {
		return SevInfo
	}
	switch r.severity {
	case sevIdentity:
		if c.how.identity && c.diff.Cmp(errorFloor) > 0 && c.diff.Mul(hundred).Cmp(c.stated.Yuan.Abs()) > 0 {
			return SevError
		}
	case sevSourcesShort:
		if c.sum.Cmp(c.stated.Yuan) < 0 && c.unitSlip == nil {
			return SevInfo
		}
	}
	return SevWarning
}

// finding turns a comparison into a finding; its message is formatted
// last, from the rule's templates.
func (r *rule) finding(c comparison) Finding {
	sev := r.severityOf(c)
	var msg bi
	switch c.how.shape {
	case shapePair:
		o := c.parts[0]
		msg = format(msgPair, c.what, figure(c.stated), inYuan(c.stated), figure(o), inYuan(o), c.diff)
	case shapeText:
		o := c.parts[0]
		msg = format(msgText, c.what, figure(c.stated), inYuan(c.stated), figure(o), inYuan(o), c.diff)
	default:
		msg = format(msgParts, c.what, figure(c.stated), inYuan(c.stated), c.sumOf(), c.diff)
	}
	if c.unitSlip != nil {
		msg = msg.plus(format(msgUnitSlip, c.unitSlip.Text))
	}
	if r.severity == sevSourcesShort && sev == SevInfo && !c.within {
		msg = msg.plus(format(msgSourcesShort))
	}
	if c.within {
		msg.zh += withinRoundingZh
	}
	expected := c.sum.String()
	if c.how.shape != shapeParts {
		expected = c.parts[0].Yuan.String() // the other figure as printed
	}
	name := r.name
	if c.unitSlip != nil {
		name = ruleUnitSlip // its own finding: the figure as printed is in the wrong unit
	}
	return Finding{
		Rule: name, Severity: sev, Message: msg.zh, MessageEn: msg.en,
		Expected: expected, Actual: c.stated.Yuan.String(),
		At: c.at,
	}
}

// sumOf is the sum of the parts for the message: in Chinese said as a sum
// only when more than one part was printed.
func (c comparison) sumOf() bi {
	zh := "各项相加为"
	if len(c.at) == 2 {
		zh = "对照数为"
	}
	return bi{zh + c.sum.String() + "元", c.sum.String()}
}

// note is a finding that is no comparison of amounts: its severity,
// figures and places as given, its message from the template kind.
func (r *rule) note(sev, expected, actual string, at []At, kind msgKind, args ...any) Finding {
	msg := format(kind, args...)
	return Finding{Rule: r.name, Severity: sev, Message: msg.zh, MessageEn: msg.en, Expected: expected, Actual: actual, At: at}
}

// Texts standing in for a figure that is not printed.
const (
	blankText = "(blank)"  // a blank cell, read as 0
	noRowText = "(no row)" // a table without the row
)

// inYuan is an amount in 元 beside its printed figure: in Chinese, "（…元）"
// after a figure in another unit and nothing after one in 元; in English
// the number.
func inYuan(a *Amount) bi {
	y := a.Yuan.String()
	var notes []string
	if !(a.Text == "" || a.Text == blankText || a.Text == noRowText || a.Unit == "元") {
		notes = append(notes, y+"元")
	}
	if p := placeZh(a.At); p != "" && a.Text != "" && a.Text != noRowText && a.Text != blankText {
		notes = append(notes, p)
	}
	if len(notes) == 0 {
		return bi{"", y}
	}
	return bi{"（" + strings.Join(notes, "，") + "）", y}
}

// placeZh says where a figure is printed, for a reader checking it by
// hand: the page of a PDF, the line of a text file, the sheet and cell of
// a spreadsheet; "" where only a selector or nothing is known.
func placeZh(at At) string {
	switch {
	case at.Page > 0:
		return fmt.Sprintf("第%d页", at.Page)
	case at.Sheet != "" && at.Cell != "":
		return "工作表“" + at.Sheet + "”" + at.Cell + "单元格"
	case at.Line > 0:
		return fmt.Sprintf("第%d行", at.Line)
	}
	return ""
}

// figure is an amount as printed, for a message. The Chinese adds the
// unit a table prints in its header, not beside the figure.
func figure(a *Amount) bi {
	switch a.Text {
	case blankText:
		if p := placeZh(a.At); p != "" {
			return bi{"空白（" + p + "，按0计）", a.Text}
		}
		return bi{"空白（按0计）", a.Text}
	case noRowText:
		return bi{"无此行（按0计）", a.Text}
	}
	zh := a.Text
	if zh == "" {
		return bi{a.Yuan.String() + "元", a.Text} // a sum of figures, printed nowhere
	}
	if a.Unit != "" && strings.ContainsAny(zh[len(zh)-1:], "0123456789") {
		zh += a.Unit
	}
	return bi{zh, a.Text}
}

// unitSlip spots "元 written where 万元 is meant": the identity holds once
// one part printed in 元 is read as 万元. It returns that part.
func unitSlip(stated *Amount, parts []*Amount) *Amount {
	for i, p := range parts {
		if p == nil || p.Unit != "元" || stated.Unit != "万元" {
			continue
		}
		var sum decimal.Decimal
		for j, q := range parts {
			if q == nil {
				continue
			}
			if j == i {
				sum = sum.Add(q.Value.Shift(4))
			} else {
				sum = sum.Add(q.Yuan)
			}
		}
		if stated.Yuan.Sub(sum).Abs().Cmp(roundingTolerance) <= 0 {
			return p
		}
	}
	return nil
}

// all reports whether every part is stated.
func all(parts ...*Amount) bool {
	for _, p := range parts {
		if p == nil {
			return false
		}
	}
	return true
}

func checkRevenueEqualsExpenditure(rule *rule, d *Document) []Finding {
	r, e := d.Summary.Revenue, d.Summary.Expenditure
	if r.Total == nil || e.Total == nil {
		return nil
	}
	if r.CarriedOver == nil && e.CarriedForward == nil {
		if d.Meta.Kind == KindFinalAccount {
			return nil // a final account's spending rarely equals its revenue; without the carry-overs there is no identity
		}
		return rule.compare(bi{"支出总额与收入总额不符", "revenue total vs expenditure total"}, e.Total, []*Amount{r.Total}, asStated)
	}
	if r.CarriedOver == nil || e.CarriedForward == nil {
		return nil
	}
	if d.Table(KindB1).Row(GrandTotalKey(SideRevenue)) != nil || d.Table(KindF1).Row(GrandTotalKey(SideRevenue)) != nil {
		// The 收支总表 prints the identity with every row it involves
		// (使用非财政拨款结余, 结余分配, …) and checks it itself
		// (tables.revenue_equals_expenditure, grand totals).
		return nil
	}
	// A narrative's "收入预算X万元" or "支出预算Y万元" may already include its
	// carry-over (it is then the 总计): the sides balance if they do under
	// any reading of what each figure includes.
	lhs := &Amount{Yuan: e.Total.Yuan.Add(e.CarriedForward.Yuan), Text: "本年支出 + 结转下年", At: e.Total.At}
	if c, differs := measure(bi{}, lhs, []*Amount{r.Total, r.CarriedOver}, asStated); differs && !c.within {
		for _, alt := range [][2]*Amount{{nil, nil}, {r.CarriedOver, nil}, {nil, e.CarriedForward}} {
			c, differs := measure(bi{}, Sum("", e.Total, alt[1]), []*Amount{r.Total, alt[0]}, asStated)
			if !differs || c.within {
				return nil
			}
		}
	}
	return rule.compare(bi{"本年支出加结转下年与本年收入加上年结转不符", "revenue plus carry-over vs expenditure plus carry-forward"}, lhs, []*Amount{r.Total, r.CarriedOver}, asStated)
}

// checkRevenueSources: the sources a document lists add up to its revenue
// total — or to the total with the carry-over, when the document's "收入"
// includes it. Sources it leaves out may be zero, so parts that fall short
// are only info (sevSourcesShort); parts that exceed the total are a warning.
func checkRevenueSources(rule *rule, d *Document) []Finding {
	r := d.Summary.Revenue
	parts := []*Amount{r.GeneralPublicBudget, r.GovernmentFundBudget, r.StateCapitalBudget, r.SpecialAccount, r.Business, r.Other}
	if r.GeneralPublicBudget == nil && r.FiscalAppropriation != nil {
		// 财政拨款 stated as one figure holds 政府性基金 and 国有资本 too.
		parts = []*Amount{r.FiscalAppropriation, r.SpecialAccount, r.Business, r.Other}
	}
	c, ok := measure(bi{"收入总额与各项收入来源之和不符", "revenue total vs its sources"}, r.Total, parts, asStated)
	if !ok {
		return nil
	}
	if r.CarriedOver != nil {
		// The document's "收入" may include the carry-over.
		withCarry, differs := measure(bi{"收入总额与各项收入来源及上年结转之和不符", "revenue total vs its sources and carry-over"}, r.Total, append(parts, r.CarriedOver), asStated)
		if !differs {
			return nil
		}
		if withCarry.unitSlip != nil {
			return []Finding{rule.finding(withCarry)}
		}
	}
	return []Finding{rule.finding(c)}
}

func checkBasicPlusProject(rule *rule, d *Document) []Finding {
	e := d.Summary.Expenditure
	if e.Basic == nil || e.Project == nil {
		return nil
	}
	what := bi{"支出总额与基本支出、项目支出之和不符", "expenditure total vs basic + project"}
	if e.Reserve != nil || e.Other != nil {
		what = bi{"支出总额与基本支出、项目支出及其他类别之和不符", "expenditure total vs basic + project + other categories"}
	}
	if basicPlusProjectHoldsInTable(what, d) {
		// The narrative's 基本/项目 differ from the table's, which do add
		// up: summary.narrative_vs_table reports that difference, once.
		return nil
	}
	return rule.compare(what, e.Total, []*Amount{e.Basic, e.Project, e.Reserve, e.Other}, asStated)
}

// basicPlusProjectHoldsInTable reports whether the sum holds once the
// narrative's 基本支出 and 项目支出 are replaced by the B3/F3 合计 row's.
func basicPlusProjectHoldsInTable(what bi, d *Document) bool {
	e := d.Summary.Expenditure
	row := d.Table(KindB3, KindF3).TotalRow()
	if row == nil {
		return false
	}
	b, p := e.Basic, e.Project
	if tb := row.Amounts[ColBasic]; tb != nil && isText(b) {
		b = tb
	}
	if tp := row.Amounts[ColProject]; tp != nil && isText(p) {
		p = tp
	}
	if b == e.Basic && p == e.Project {
		return false
	}
	c, differs := measure(what, e.Total, []*Amount{b, p, e.Reserve, e.Other}, asStated)
	return !differs || c.within
}

func checkChangeParts(rule *rule, d *Document) []Finding {
	c := d.Summary.Change
	if c.Basic == nil || c.Project == nil {
		return nil
	}
	return rule.compare(bi{"支出增减额与基本支出、项目支出增减额之和不符", "change total vs basic + project changes"}, c.Total, []*Amount{c.Basic, c.Project, c.Reserve}, asStated)
}

func checkThreePublicParts(rule *rule, d *Document) []Finding {
	t := d.ThreePublic
	vehicles := t.Vehicles
	if vehicles == nil && (t.VehiclePurchase != nil || t.VehicleOperation != nil) {
		sum := Amount{Text: "购置费 + 运行费"}
		for _, p := range []*Amount{t.VehiclePurchase, t.VehicleOperation} {
			if p != nil {
				sum.Yuan = sum.Yuan.Add(p.Yuan)
				sum.At = p.At
			}
		}
		vehicles = &sum
	}
	if !all(t.OverseasTravel, vehicles, t.Reception) {
		return nil // a part the document does not state: nothing to add up
	}
	return rule.compare(bi{"“三公”经费总额与因公出国（境）费、公务用车购置及运行费、公务接待费之和不符", "三公经费 total vs 出国 + 用车 + 接待"}, t.Total, []*Amount{t.OverseasTravel, vehicles, t.Reception}, asStated)
}

func checkVehicles(rule *rule, d *Document) []Finding {
	t := d.ThreePublic
	if !all(t.VehiclePurchase, t.VehicleOperation) {
		return nil
	}
	return rule.compare(bi{"公务用车购置及运行费与购置费、运行费之和不符", "公务用车购置及运行费 vs 购置费 + 运行费"}, t.Vehicles, []*Amount{t.VehiclePurchase, t.VehicleOperation}, asStated)
}

func checkProcurementParts(rule *rule, d *Document) []Finding {
	p := d.Procurement
	if !all(p.Goods, p.Works, p.Services) {
		return nil
	}
	return rule.compare(bi{"政府采购总额与货物、工程、服务之和不符", "procurement total vs 货物 + 工程 + 服务"}, p.Total, []*Amount{p.Goods, p.Works, p.Services}, asStated)
}

func checkAssetsParts(rule *rule, d *Document) []Finding {
	a := d.Assets
	var parts []*Amount
	for i := range a.Items {
		if !a.Items[i].Subitem {
			parts = append(parts, a.Items[i].Value)
		}
	}
	return rule.compare(bi{"国有资产表合计与各项之和不符", "assets table total vs its lines"}, a.Total, parts, asStated)
}

func checkAssetsNarrative(rule *rule, d *Document) []Finding {
	a := d.Assets
	if a.NarrativeTotal == nil || a.Total == nil {
		return nil
	}
	return rule.compare(bi{"正文所列国有资产总额与资产表不符", "assets total in the narrative vs the table"}, a.NarrativeTotal, []*Amount{a.Total}, asStated)
}
