package schema

import (
	"fmt"
	"strings"

	"github.com/yusuan/yusuan/decimal"
)

// A narrative item copied from its neighbour: in the narrative's list of
// expenditure lines, one item's sentence was written over the one before
// or after it and only partly corrected, so its restated amount or its
// stated change in % is the neighbour's. Told once, as a copy, instead
// of as a restatement that differs (narrative_items.restated_amount) and
// a % that does not follow (narrative_items.change_pct). A warning only
// when the neighbour's printed figure is the very one; a % that merely
// fits the neighbour's figures is info beside the change_pct finding.

// neighbours are the indexes of the items next to i in the list.
func neighbours(items []NarrativeItem, i int) []int {
	var out []int
	for _, j := range []int{i - 1, i + 1} {
		if j >= 0 && j < len(items) {
			out = append(out, j)
		}
	}
	return out
}

// copiedAmount returns the neighbour whose amount item i restates in place
// of its own (its heading amount and restated amount differ, and the
// restated one is the neighbour's, printed alike), or -1.
func copiedAmount(items []NarrativeItem, i int) int {
	it := &items[i]
	if it.Amount == nil || it.Planned == nil || restatedAlike(it) {
		return -1
	}
	for _, j := range neighbours(items, i) {
		n := items[j].Amount
		if n != nil && n.Yuan.Cmp(it.Planned.Yuan) == 0 && n.Yuan.Cmp(it.Amount.Yuan) != 0 {
			return j
		}
	}
	return -1
}

// restatedAlike: the item's two amounts agree to rounding.
func restatedAlike(it *NarrativeItem) bool {
	diff := it.Amount.Yuan.Sub(it.Planned.Yuan).Abs()
	return diff.Cmp(textTolerance(it.Amount)) <= 0 && diff.Cmp(textTolerance(it.Planned)) <= 0
}

// itemPct is the change in % an item's own figures give (its heading
// amount, or the restated one, against last year) and whether the stated
// % follows from either; ok is false when there is nothing to compute.
func itemPct(it *NarrativeItem) (computed decimal.Decimal, fits, ok bool) {
	if it.ChangePct == nil || it.LastYear == nil || it.Amount == nil || it.LastYear.Yuan.IsZero() {
		return computed, false, false
	}
	for j, a := range []*Amount{it.Amount, it.Planned} {
		if a == nil {
			continue
		}
		pct, okDiv := a.Yuan.Sub(it.LastYear.Yuan).Mul(hundred).Div(it.LastYear.Yuan, 4)
		if !okDiv {
			continue
		}
		if j == 0 {
			computed, ok = pct, true
		}
		// The stated % is rounded, and so are the amounts it came from.
		tol := pctTolerance.Add(it.ChangePct.Abs().Mul(pctRelTol))
		if pct.Sub(*it.ChangePct).Abs().Cmp(tol) <= 0 {
			fits = true
		}
	}
	return computed, fits, ok
}

// copiedPct returns the neighbour whose stated % item i states in place
// of its own, and whether that is exact (the neighbour prints the same %
// and it follows from the neighbour's figures) rather than a % that only
// fits the neighbour's figures; -1 when the item's % follows from its own.
func copiedPct(items []NarrativeItem, i int) (from int, exact bool) {
	it := &items[i]
	if _, fits, ok := itemPct(it); !ok || fits {
		return -1, false
	}
	for _, j := range neighbours(items, i) {
		n := &items[j]
		if _, fits, ok := itemPct(n); ok && fits && n.ChangePct.Cmp(*it.ChangePct) == 0 {
			return j, true
		}
	}
	for _, j := range neighbours(items, i) {
		n := &items[j]
		probe := *n
		probe.ChangePct = it.ChangePct
		if _, fits, ok := itemPct(&probe); ok && fits {
			return j, false
		}
	}
	return -1, false
}

// copiedExactly: the item's restated amount or its % is its neighbour's,
// printed alike: a copy, told by narrative_items.copied_from_neighbour
// alone.
func copiedExactly(items []NarrativeItem, i int) bool {
	if copiedAmount(items, i) >= 0 {
		return true
	}
	_, exact := copiedPct(items, i)
	return exact
}

func itemLabel(it *NarrativeItem) string { return strings.TrimSpace(it.Code + " " + it.Name) }

// itemPlace says where an item is printed.
func itemPlace(it *NarrativeItem) bi {
	switch {
	case it.At.Page > 0:
		return bi{fmt.Sprintf("第%d页", it.At.Page), fmt.Sprintf("page %d", it.At.Page)}
	case it.At.Line > 0:
		return bi{fmt.Sprintf("第%d行", it.At.Line), fmt.Sprintf("line %d", it.At.Line)}
	}
	return bi{"正文", "the text"}
}

// copiedChange returns the neighbouring sentence (the change stated
// before or after it, in its section or the item before or after) whose
// stated % sentence i states although its own figures do not give
// it (and the neighbour's do), or -1. A change that fits in the other
// unit is a unit slip, not a copy.
func copiedChange(cs []change, i int) int {
	c := cs[i]
	if _, fits, ok := c.fits(c.dlt); !ok || fits {
		return -1
	}
	if other, ok := c.inOtherUnit(); ok {
		if _, fits, _ := c.fits(other); fits {
			return -1
		}
	}
	for _, j := range []int{i - 1, i + 1} {
		if j < 0 || j >= len(cs) {
			continue
		}
		n := cs[j]
		if n.pctText != c.pctText {
			continue
		}
		if _, fits, ok := n.fits(n.dlt); ok && fits {
			return j
		}
	}
	return -1
}

// checkCopiedFromNeighbour: an item whose restated amount or stated % is
// its neighbour's; a sentence of a list whose stated % is the one of the
// sentence beside it.
func checkCopiedFromNeighbour(rule *rule, d *Document) []Finding {
	items := d.NarrativeItems
	var out []Finding
	cs := changes(d)
	for i, c := range cs {
		j := copiedChange(cs, i)
		if j < 0 {
			continue
		}
		computed, _, _ := c.fits(c.dlt)
		out = append(out, rule.note(SevWarning, computed.Round(2).String()+"%", c.pctText+"%", []At{c.s.at},
			msgCopiedChange, c.s.place(), c.quote, c.dlt.text, c.x.text, computed.Round(2), c.pctText, cs[j].quote))
	}
	for i := range items {
		it := &items[i]
		computed, _, _ := itemPct(it)
		pctFrom, exact := copiedPct(items, i)
		if j := copiedAmount(items, i); j >= 0 {
			n := &items[j]
			diff := it.Amount.Yuan.Sub(it.Planned.Yuan).Abs()
			msg := format(msgCopiedAmount, same(itemLabel(it)), itemPlace(it), figure(it.Amount), figure(it.Planned), itemLabel(n), diff)
			if pctFrom == j && exact {
				msg = msg.plus(format(msgCopiedPctToo, it.ChangePct.String(), computed.Round(2)))
			}
			out = append(out, Finding{Rule: rule.name, Severity: SevWarning, Message: msg.zh, MessageEn: msg.en,
				Expected: it.Amount.Yuan.String(), Actual: it.Planned.Yuan.String(), At: []At{it.Amount.At, it.Planned.At, n.Amount.At}})
			continue
		}
		if pctFrom < 0 {
			continue
		}
		n := &items[pctFrom]
		pct := it.ChangePct.String()
		sev, how := SevWarning, format(msgCopiedPctIs, pct, itemLabel(n))
		if !exact {
			sev, how = SevInfo, format(msgCopiedPctFits, pct, itemLabel(n))
		}
		msg := format(msgCopiedPct, same(itemLabel(it)), itemPlace(it), pct, figure(it.Amount), figure(it.LastYear), computed.Round(2), how)
		out = append(out, Finding{Rule: rule.name, Severity: sev, Message: msg.zh, MessageEn: msg.en,
			Expected: computed.Round(2).String() + "%", Actual: pct + "%", At: []At{it.Amount.At, it.LastYear.At, n.At}})
	}
	return out
}
