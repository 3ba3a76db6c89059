package schema

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/yusuan/yusuan/decimal"
)

// The rules on the narrative's own sentences: what a careful reader
// checks without a table (the year a figure is compared with, a stated
// percentage against the figures beside it, an amount whose label was
// lost). They read Section.Text only, and report only what a sentence
// states unambiguously: anything that needs a guess is left alone.

// sentence is one sentence of the narrative and where it is printed.
type sentence struct {
	text    string
	heading string
	at      At
}

// sentences splits every section's text at 。, ；(when semicolons is
// set) and line ends: the units a statement of the narrative lives in.
func sentences(d *Document, semicolons bool) []sentence {
	var out []sentence
	for i := range d.Sections {
		s := &d.Sections[i]
		split := func(r rune) bool { return r == '。' || r == '\n' || semicolons && (r == '；' || r == ';') }
		for _, t := range strings.FieldsFunc(s.Text, split) {
			if t = strings.TrimSpace(t); t != "" {
				out = append(out, sentence{text: t, heading: s.Heading, at: s.At})
			}
		}
	}
	return out
}

// place says where a sentence is printed: its page (or line) and section.
func (s sentence) place() bi {
	switch {
	case s.at.Page > 0:
		return format(msgPlacePage, s.at.Page, s.heading)
	case s.at.Line > 0:
		return format(msgPlaceLine, s.at.Line, s.heading)
	}
	return format(msgPlaceSection, s.heading)
}

// quote shortens a sentence around byte offset i for a message.
func quote(s string, from, to int) string {
	r := []rune(s)
	a := len([]rune(s[:from]))
	b := len([]rune(s[:to]))
	lo, hi := max(a-12, 0), min(b+6, len(r))
	q := string(r[lo:hi])
	if lo > 0 {
		q = "…" + q
	}
	if hi < len(r) {
		q += "…"
	}
	return q
}

// printed is a number as printed in the narrative with its unit.
type printed struct {
	text string
	yuan decimal.Decimal
	half decimal.Decimal // half a unit of its last digit, in 元
}

// readPrinted reads "1,234.5" with unit "万元"; ok is false for anything else.
func readPrinted(num, unit string) (printed, bool) {
	v, err := decimal.Parse(strings.ReplaceAll(num, ",", ""))
	if err != nil {
		return printed{}, false
	}
	shift := unitShift(unit)
	if shift == 0 && unit != "元" {
		return printed{}, false
	}
	return printed{
		text: num + unit,
		yuan: v.Shift(shift),
		half: decimal.FromInt(5).Shift(shift - max(v.Scale(), 0) - 1),
	}, true
}

// readPercent reads "3.50" as a percentage with half a unit of its last digit.
func readPercent(s string) (p, half decimal.Decimal, ok bool) {
	v, err := decimal.Parse(s)
	if err != nil {
		return p, half, false
	}
	return v, decimal.FromInt(5).Shift(-max(v.Scale(), 0) - 1), true
}

// ---- Comparison year ----

// baseYearRE finds a comparison with a named year: 比2025年预算增加,
// 较2025年度执行数减少, 与2025年预算持平 / 相比. Groups: the year, what
// of that year (预算, 执行数, 决算 …) and the verb that follows.
var baseYearRE = regexp.MustCompile(`(?:比|较|与)((?:19|20)\d\d)年度?(年初预算数|年初预算|预算执行数|预算数|预算|执行数|决算数|决算|同期|)(增加|减少|增长|下降|持平|基本持平|相比|相同|上升)`)

var yearRE = regexp.MustCompile(`((?:19|20)\d\d)年`)

// checkComparisonYear: a budget for Y compares with Y−1 (its 预算 or
// 执行数); a final account for Y with Y−1, or with its own year's 预算.
// Reported only when the sentence names the base year itself and
// speaks of no other year but Y before it; one finding per wrong year.
func checkComparisonYear(rule *rule, d *Document) []Finding {
	y := d.Meta.FiscalYear
	if y == 0 || d.Meta.Kind != KindBudget && d.Meta.Kind != KindFinalAccount {
		return nil
	}
	type hit struct {
		s     sentence
		quote string
		n     int
	}
	hits := map[int]*hit{}
	var order []int
	for _, s := range sentences(d, false) {
		for _, m := range baseYearRE.FindAllStringSubmatchIndex(s.text, -1) {
			base, _ := strconv.Atoi(s.text[m[2]:m[3]])
			of := s.text[m[4]:m[5]]
			if comparisonYearFits(d.Meta.Kind, y, base, of) || otherYearBefore(s.text[:m[0]], y) {
				continue
			}
			h := hits[base]
			if h == nil {
				h = &hit{s: s, quote: quote(s.text, m[0], m[1])}
				hits[base] = h
				order = append(order, base)
			}
			h.n++
		}
	}
	var out []Finding
	for _, base := range order {
		h := hits[base]
		kind := msgCompareBudget
		if d.Meta.Kind == KindFinalAccount {
			kind = msgCompareFinal
		}
		out = append(out, rule.note(SevWarning, strconv.Itoa(y-1), strconv.Itoa(base), []At{h.s.at},
			kind, y, h.n, base, y-1, h.s.place(), h.quote))
	}
	return out
}

// comparisonYearFits: the base year a document of kind for year y may name.
func comparisonYearFits(kind string, y, base int, of string) bool {
	if base == y-1 {
		return true
	}
	// A final account sets its spending against its own year's budget.
	return kind == KindFinalAccount && base == y && strings.Contains(of, "预算") && !strings.Contains(of, "执行")
}

// otherYearBefore: the sentence speaks of a year other than y before the
// comparison, so its subject may be that year's figure.
func otherYearBefore(s string, y int) bool {
	for _, m := range yearRE.FindAllStringSubmatch(s, -1) {
		if n, _ := strconv.Atoi(m[1]); n != y {
			return true
		}
	}
	return false
}

// ---- Stated percentages ----

const numPat = `(\d[\d,]*(?:\.\d+)?)(亿元|万元|元)`

// changeRE: "9628.22万元，比上年增加793.14万元，增长8.98%". Groups: this
// year's figure and unit, the direction, the change and unit, the verb
// of the percentage, the percentage.
var changeRE = regexp.MustCompile(numPat + `[，,]?(?:比|较|与)(?:[^，。；\d%％]|(?:19|20)\d\d年){0,14}?(增加|减少)` + numPat +
	`[，,]?(?:同比)?(增长|增幅|上升|增加|下降|降幅|减少)(?:了|为)?(\d+(?:\.\d+)?)[%％]`)

// shareWholeRE: the whole a 其中 list divides: "支出预算9628.22万元，其中：".
var shareWholeRE = regexp.MustCompile(numPat + `[，,。]?其中[：:，,]?`)

// sharePartRE: "基本支出1672.67万元，占17.37%" (占 directly with the %).
var sharePartRE = regexp.MustCompile(numPat + `[，,]?占(?:比|比为)?(\d+(?:\.\d+)?)[%％]`)

// change is one sentence's "X万元，比上年增加D万元，增长P%".
type change struct {
	s        sentence
	quote    string
	x, dlt   printed
	up       bool
	pct      decimal.Decimal
	pctText  string
	halfP    decimal.Decimal
	dltUnit  string // the unit the change is printed in
	thisUnit string // … and this year's figure
}

// changes finds the stated changes of the narrative whose direction
// words agree (增加 with 增长, 减少 with 下降) and whose figures read.
func changes(d *Document) []change {
	var out []change
	for _, s := range sentences(d, true) {
		for _, m := range changeRE.FindAllStringSubmatchIndex(s.text, -1) {
			g := func(i int) string { return s.text[m[2*i]:m[2*i+1]] }
			if cutNumber(s.text[:m[0]]) {
				continue
			}
			x, ok1 := readPrinted(g(1), g(2))
			dlt, ok2 := readPrinted(g(4), g(5))
			p, halfP, ok3 := readPercent(g(7))
			up := g(3) == "增加"
			if !ok1 || !ok2 || !ok3 || up != strings.ContainsAny(g(6), "增升") {
				continue // directions that disagree: not ours to guess
			}
			out = append(out, change{s: s, quote: quote(s.text, m[0], m[1]), x: x, dlt: dlt, up: up,
				pct: p, pctText: g(7), halfP: halfP, dltUnit: g(5), thisUnit: g(2)})
		}
	}
	return out
}

// lastYear is this year's figure less the change.
func (c change) lastYear(dlt printed) printed {
	last := printed{yuan: c.x.yuan.Sub(dlt.yuan), half: c.x.half.Add(dlt.half)}
	if !c.up {
		last.yuan = c.x.yuan.Add(dlt.yuan)
	}
	return last
}

// fits: the stated % follows from the change and last year's figure,
// within rounding — or within truncation, which publishers also use:
// a full unit of the %'s last digit. ok is false when undefined.
func (c change) fits(dlt printed) (computed decimal.Decimal, fits, ok bool) {
	computed, tol, ok := ratioWithin(dlt, c.lastYear(dlt), c.halfP.Add(c.halfP))
	return computed, ok && computed.Sub(c.pct).Abs().Cmp(tol) <= 0, ok
}

// inOtherUnit reads the change in this year's unit (元 ↔ 万元).
func (c change) inOtherUnit() (printed, bool) {
	if c.dltUnit == c.thisUnit {
		return printed{}, false
	}
	return readPrinted(strings.TrimSuffix(c.dlt.text, c.dltUnit), c.thisUnit)
}

// checkChangePct: a stated change in % against the figures it follows from.
func checkChangePct(rule *rule, d *Document) []Finding {
	var out []Finding
	cs := changes(d)
	for i, c := range cs {
		if copiedChange(cs, i) >= 0 {
			continue // told by narrative_items.copied_from_neighbour
		}
		last := c.lastYear(c.dlt)
		if last.yuan.IsZero() && c.up && !c.pct.IsZero() {
			out = append(out, rule.note(SevInfo, "", c.pctText+"%", []At{c.s.at}, msgPctFromZero, c.s.place(), c.quote, c.pctText))
			continue
		}
		computed, fits, ok := c.fits(c.dlt)
		if !ok || fits {
			continue
		}
		if other, ok := c.inOtherUnit(); ok {
			if _, fits, _ := c.fits(other); fits {
				continue // a unit slip (checkUnitSlips)
			}
		}
		out = append(out, rule.note(SevWarning, computed.Round(2).String()+"%", c.pctText+"%", []At{c.s.at},
			msgChangePct, c.s.place(), c.quote, c.dlt.text, c.x.text, last.yuan.Shift(-4).Round(2), computed.Round(2), c.pctText))
	}
	return out
}

// checkUnitSlips: a change printed in 元 among 万元 figures (or the
// reverse) whose stated % holds only when it is read in the other unit.
// The comparisons of the summary report theirs under this rule too
// (rule.finding). The value stays as printed.
func checkUnitSlips(rule *rule, d *Document) []Finding {
	var out []Finding
	for _, c := range changes(d) {
		other, ok := c.inOtherUnit()
		if !ok {
			continue
		}
		asPrinted, fitsPrinted, _ := c.fits(c.dlt)
		asOther, fitsOther, okOther := c.fits(other)
		if fitsPrinted || !okOther || !fitsOther {
			continue
		}
		out = append(out, rule.note(SevWarning, other.yuan.String(), c.dlt.yuan.String(), []At{c.s.at},
			msgChangeUnitSlip, c.s.place(), c.quote, c.dlt.text, asPrinted.Round(2), c.thisUnit, asOther.Round(2), c.pctText, c.thisUnit, c.dltUnit))
	}
	return out
}

// cutNumber: the text before a number ends in digits or a digit and a
// separator ("1，799.35" with a full-width comma): the match starts
// inside a number and its figure is not the one printed.
func cutNumber(before string) bool {
	before = strings.TrimRight(before, " ")
	if strings.HasSuffix(before, "，") || strings.HasSuffix(before, ",") || strings.HasSuffix(before, ".") {
		before = strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(before, "，"), ","), ".")
	} else if before == "" {
		return false
	}
	return before != "" && before[len(before)-1] >= '0' && before[len(before)-1] <= '9'
}

// ratioWithin computes num ÷ den in % and how far that may be from a
// stated % by rounding: half a unit of the stated %'s last digit plus
// what half a unit of each figure's last digit can move the ratio.
// ok is false when den is not safely positive.
func ratioWithin(num, den printed, halfP decimal.Decimal) (pct, tol decimal.Decimal, ok bool) {
	low := den.yuan.Sub(den.half)
	if den.yuan.Sign() <= 0 || low.Sign() <= 0 {
		return pct, tol, false
	}
	pct, ok = num.yuan.Abs().Mul(hundred).Div(den.yuan, 6)
	if !ok {
		return pct, tol, false
	}
	// |Δ(n/d)| ≤ Δn/d + |n|·Δd/(d·(d−Δd)), in %.
	a, _ := num.half.Mul(hundred).Div(den.yuan, 6)
	b, _ := num.yuan.Abs().Mul(den.half).Mul(hundred).Div(den.yuan.Mul(low), 6)
	return pct, halfP.Add(a).Add(b), true
}

// checkSharePct: "其中：A万元，占P%" against the whole the sentence opens with.
func checkSharePct(rule *rule, d *Document) []Finding {
	var out []Finding
	for _, s := range sentences(d, false) {
		w := shareWholeRE.FindStringSubmatchIndex(s.text)
		if w == nil || cutNumber(s.text[:w[0]]) {
			continue
		}
		whole, ok := readPrinted(s.text[w[2]:w[3]], s.text[w[4]:w[5]])
		if !ok || whole.yuan.Sign() <= 0 {
			continue
		}
		rest := s.text[w[1]:]
		before := len(out)
		for _, m := range sharePartRE.FindAllStringSubmatchIndex(rest, -1) {
			part, ok1 := readPrinted(rest[m[2]:m[3]], rest[m[4]:m[5]])
			p, halfP, ok2 := readPercent(rest[m[6]:m[7]])
			if !ok1 || !ok2 {
				continue
			}
			computed, tol, ok := ratioWithin(part, whole, halfP)
			if !ok || computed.Sub(p).Abs().Cmp(tol) <= 0 {
				continue
			}
			q := quote(rest, m[0], m[1])
			out = append(out, rule.note(SevWarning, computed.Round(2).String()+"%", p.String()+"%", []At{s.at},
				msgSharePct, s.place(), q, part.text, whole.text, computed.Round(2), rest[m[6]:m[7]]))
		}
		if len(out) == before {
			out = append(out, sharesOverWhole(rule, s, whole, rest)...)
		}
	}
	return out
}

// shareOnlyRE: a stated share, with or without its amount ("占17.37%").
var shareOnlyRE = regexp.MustCompile(`占(?:比|比为)?(\d+(?:\.\d+)?)[%％]`)

// sharesOverWhole: the shares a 其中 list states of one whole add up to
// more than 100 % beyond their rounding. A list that is not exhaustive
// may add up to less, so only more is a claim; a nested 其中 (shares of a
// part) is not summed with the rest.
func sharesOverWhole(rule *rule, s sentence, whole printed, rest string) []Finding {
	if strings.Contains(rest, "其中") {
		return nil
	}
	ms := shareOnlyRE.FindAllStringSubmatch(rest, -1)
	if len(ms) < 2 {
		return nil
	}
	var sum, tol decimal.Decimal
	var stated []string
	for _, m := range ms {
		p, half, ok := readPercent(m[1])
		if !ok {
			return nil
		}
		sum, tol = sum.Add(p), tol.Add(half)
		stated = append(stated, m[1]+"%")
	}
	if sum.Cmp(hundred.Add(tol)) <= 0 {
		return nil
	}
	return []Finding{rule.note(SevWarning, "100%", sum.String()+"%", []At{s.at},
		msgSharesOver, s.place(), quote(rest, 0, len(rest)), whole.text, strings.Join(stated, "、"), sum.String())}
}

// ---- Lost words ----

// lostFigureRE: 万元 or 亿元 right after a word that a figure should
// follow (为, 支出, 预算, 安排 …), with no figure between: "预算支出万元".
// Group 1 is what stands before the word: a figure there was moved
// ("3,623.98为万元"), otherwise the figure is missing.
var lostFigureRE = regexp.MustCompile(`(\d[\d,]*(?:\.\d+)?)?\s*(?:为|是|支出|收入|预算|安排|合计|共计|总计|增加|减少|达到|金额)(万元|亿元)`)

// checkLostFigure: an amount whose figure the text lost or moved, so it
// cannot be assigned. Info: the text may have been cut in publication
// or in reading; the rule says so instead of guessing.
func checkLostFigure(rule *rule, d *Document) []Finding {
	if d.Status == "template" {
		return nil
	}
	var out []Finding
	for _, s := range sentences(d, true) {
		for _, m := range lostFigureRE.FindAllStringSubmatchIndex(s.text, -1) {
			q := quote(s.text, m[0], m[1])
			if m[2] >= 0 {
				if cutNumber(s.text[:m[2]]) {
					continue
				}
				out = append(out, rule.note(SevInfo, "", s.text[m[2]:m[3]], []At{s.at}, msgFigureMoved, s.place(), q, s.text[m[2]:m[3]], s.text[m[4]:m[5]]))
				continue
			}
			out = append(out, rule.note(SevInfo, "", "", []At{s.at}, msgFigureLost, s.place(), q, s.text[m[4]:m[5]]))
		}
	}
	return out
}
