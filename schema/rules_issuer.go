package schema

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/yusuan/yusuan/internal/orgname"
	"golang.org/x/text/width"
)

// A nameRelation is how a second printing of a name stands to the first.
type nameRelation int

const (
	nameSame         nameRelation = iota // alike once harmless variants are folded
	nameCut                              // one is the other cut short (a cell cut, a run-on)
	nameConjunction                      // one conjunction for another: 规划和自然 / 规划与自然
	nameOneChar                          // one character substituted, lengths equal
	nameDroppedPlace                     // a place inside dropped: 某某市某某区某某局 / 某某市某某局
	nameNoPrefix                         // the leading place or parent left out
	nameShortForm                        // a short form: 中共…委办公厅 / 中国共产党…委员会办公厅
	nameOther                            // another name
)

// orgQualifierTail ends a department's name, for a qualifier left after it.
var orgQualifierTail = regexp.MustCompile(`(?:[（(](?:本级|汇总|机关|部门|单位|机关本级|部门汇总)[）)]|机关本级|本级|汇总|机关)$`)

// foldName folds what does not change a name: width, spaces, the shape of
// brackets, and a qualifier after it ("（本级）", "汇总", "机关").
func foldName(s string) string {
	s = width.Fold.String(s)
	s = strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\n', '\u3000', '\u00a0':
			return -1
		}
		return r
	}, s)
	for {
		t := orgQualifierTail.ReplaceAllString(s, "")
		if t == s || t == "" {
			return s
		}
		s = t
	}
}

// conjunctions stand for one another in names printed carelessly.
const conjunctions = "和与及、"

// placeEnd ends an administrative place's name.
const placeEnd = "省市区县旗州盟"

// relateNames says how b stands to a, both folded. For a dropped place or
// prefix it also returns what was left out; for a substitution, the two
// characters.
func relateNames(a, b string) (nameRelation, string, string) {
	if a == b {
		return nameSame, "", ""
	}
	if strings.HasPrefix(a, b) || strings.HasPrefix(b, a) {
		return nameCut, "", ""
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) == len(rb) {
		var diffs []int
		for i := range ra {
			if ra[i] != rb[i] {
				diffs = append(diffs, i)
			}
		}
		if len(diffs) == 1 {
			i := diffs[0]
			if strings.ContainsRune(conjunctions, ra[i]) && strings.ContainsRune(conjunctions, rb[i]) {
				return nameConjunction, string(ra[i]), string(rb[i])
			}
			return nameOneChar, string(ra[i]), string(rb[i])
		}
	}
	long, short := ra, rb
	if len(long) < len(short) {
		long, short = short, long
	}
	if strings.HasSuffix(string(long), string(short)) {
		return nameNoPrefix, string(long[:len(long)-len(short)]), ""
	}
	p := 0
	for p < len(short) && long[p] == short[p] {
		p++
	}
	s := 0
	for s < len(short)-p && long[len(long)-1-s] == short[len(short)-1-s] {
		s++
	}
	if p+s == len(short) {
		gap := string(long[p : len(long)-s])
		switch {
		case p == 0:
			return nameNoPrefix, gap, ""
		case strings.ContainsRune(placeEnd, long[p-1]) && strings.ContainsRune(placeEnd, long[len(long)-s-1]) && utf8.RuneCountInString(gap) >= 2:
			return nameDroppedPlace, gap, ""
		}
		return nameShortForm, "", ""
	}
	if isSubsequence(short, long) {
		return nameShortForm, "", ""
	}
	return nameOther, "", ""
}

// isSubsequence: every rune of short appears in long, in order.
func isSubsequence(short, long []rune) bool {
	i := 0
	for _, r := range long {
		if i < len(short) && short[i] == r {
			i++
		}
	}
	return i == len(short)
}

// formal: a name printed where a document names itself on purpose — its
// title, a label, a table's title — rather than in passing.
func formal(p PrintedName) bool { return p.Where != PrintedNarrative }

// parentLabel: a label that names the department above a unit.
func parentLabel(p PrintedName) bool { return strings.Contains(p.Label, "主管部门") }

// issuerReference is the name the others are compared with: the title's,
// else the label printed most often.
func issuerReference(names []PrintedName) (PrintedName, bool) {
	best := -1
	for i, p := range names {
		switch {
		case p.Where == PrintedTitle:
			return p, true
		case p.Where == PrintedLabel && !parentLabel(p) && (best < 0 || p.Count > names[best].Count):
			best = i
		}
	}
	if best < 0 {
		return PrintedName{}, false
	}
	return names[best], true
}

// checkIssuerName: the issuer's name printed differently in two places of
// one document. A conjunction swapped (与 for 和), one character substituted
// or a place dropped from the middle (某某市某某局 for 某某市某某区某某局 —
// another department's name) is a warning; a short form or a name without
// its place, printed as the document's own name, is a note; in passing the
// narrative may abbreviate freely.
func checkIssuerName(rule *rule, d *Document) []Finding {
	ref, ok := issuerReference(d.Meta.IssuerPrinted)
	if !ok {
		return nil
	}
	refName := foldName(ref.Name)
	var out []Finding
	seen := map[string]bool{refName: true}
	for _, p := range d.Meta.IssuerPrinted {
		name := foldName(p.Name)
		if seen[name] || parentLabel(p) && (d.Meta.Scope == ScopeUnit || !formal(ref)) {
			continue
		}
		seen[name] = true
		rel, x, y := relateNames(refName, name)
		sev := ""
		var how bi
		switch rel {
		case nameConjunction, nameOneChar:
			sev, how = SevWarning, format(msgIssuerSubst, x, y)
		case nameDroppedPlace:
			sev, how = SevWarning, format(msgIssuerPlace, x)
		case nameNoPrefix:
			if formal(p) {
				sev, how = SevInfo, format(msgIssuerPrefix, x)
			}
		case nameShortForm:
			if formal(p) {
				sev, how = SevInfo, format(msgIssuerShort)
			}
		case nameOther:
			if formal(p) && !parentLabel(p) {
				sev, how = SevInfo, format(msgIssuerOther)
			}
		}
		if sev == "" {
			continue
		}
		out = append(out, rule.note(sev, ref.Name, p.Name, []At{ref.At, p.At},
			msgIssuerDiffers, printedWhere(ref), ref.Name, printedWhere(p), p.Name, how))
	}
	return out
}

// printedWhere tells where a name is printed, for a message: the place, the
// page, how often.
func printedWhere(p PrintedName) bi {
	var w bi
	switch p.Where {
	case PrintedTitle:
		w = bi{"标题", "the title"}
	case PrintedLabel:
		w = bi{"“" + p.Label + "：”栏", fmt.Sprintf("the %s： label", p.Label)}
	case PrintedCaption:
		w = bi{"表名", "a table's title"}
	default:
		w = bi{"正文", "the text"}
	}
	var at []string
	if p.At.Page > 0 {
		at = append(at, fmt.Sprintf("第%d页", p.At.Page))
	}
	if p.Count > 1 {
		at = append(at, fmt.Sprintf("共%d处", p.Count))
	}
	if len(at) > 0 {
		w.zh += "（" + strings.Join(at, "，") + "）"
	}
	var en []string
	if p.At.Page > 0 {
		en = append(en, fmt.Sprintf("page %d", p.At.Page))
	}
	if p.Count > 1 {
		en = append(en, fmt.Sprintf("%d times", p.Count))
	}
	if len(en) > 0 {
		w.en += " (" + strings.Join(en, ", ") + ")"
	}
	return w
}

// hasOrgName: a name that ends like a department's, after its qualifier.
func hasOrgName(s string) bool {
	s = foldName(s)
	return orgname.HasSuffix(s)
}
