package normalize

import (
	"regexp"
	"strings"

	"github.com/yusuan/yusuan/decimal"
	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/schema"
)

// Final accounts state each line's completion: "年初预算为54.53万元，支出决算
// 为54.53万元，完成年初预算的100.00%" after the line's names, and the same
// for the whole 一般公共预算财政拨款支出 and the 三公经费 in a sentence of
// their own. This file reads those figures into narrative items and gives
// lines printed by name only ("（类）…（款）…（项）") the code of the table
// row with the same names.

var (
	initialBudgetRe = regexp.MustCompile(`年初预算(?:数)?(?:为|是)?\s*$`)
	fullYearRe      = regexp.MustCompile(`(?:全年预算|调整(?:后)?预算)(?:数)?(?:为|是)?\s*$`)
	finalRe         = regexp.MustCompile(`决算(?:数)?(?:为|是)?\s*$`)
	completionRe    = regexp.MustCompile(`完成(年初|全年)?预算(?:数)?的\s*(\d+(?:\.\d+)?)\s*[%％]`)
	// completionHead: a sentence of its own stating a whole's completion:
	// "一般公共预算财政拨款支出年初预算为…", "“三公”经费财政拨款支出年初预算为…".
	completionHead = regexp.MustCompile(`^(.{2,40}?(?:支出|经费))(?:决算)?(?:年初预算|全年预算)`)
)

// readCompletion fills Budget, FullYearBudget, the 决算 Amount and the
// stated completion from the amounts of an item's text (offsets in rs).
// It reports whether the text states a completion.
func readCompletion(it *schema.NarrativeItem, t *itemText, rs []rune, amounts []Money) bool {
	var final *schema.Amount
	for _, m := range amounts {
		before := string(rs[max(0, m.Start-10):m.Start])
		switch {
		case strings.Contains(before, "上年"):
		case initialBudgetRe.MatchString(before) && it.Budget == nil:
			it.Budget = t.amount(m)
		case fullYearRe.MatchString(before) && it.FullYearBudget == nil:
			it.FullYearBudget = t.amount(m)
		case finalRe.MatchString(before) && final == nil:
			final = t.amount(m)
		}
	}
	cm := completionRe.FindStringSubmatch(string(rs))
	if final == nil || it.Budget == nil && it.FullYearBudget == nil {
		it.Budget, it.FullYearBudget = nil, nil
		return false
	}
	it.Amount = final
	// 年初预算为 reads as 预算为 and 预算数为: not this year's plan, not last year's.
	it.Planned, it.LastYear = nil, nil
	if cm != nil {
		if v, err := decimal.Parse(cm[2]); err == nil {
			it.CompletionPct = &v
			switch {
			case cm[1] == "全年" || cm[1] == "" && it.Budget == nil:
				it.CompletionBase = "full_year"
			default:
				it.CompletionBase = "initial"
			}
		}
	}
	return true
}

// completionSentences finds, in a paragraph that is no line of the list,
// sentences stating a whole's completion.
func completionSentences(b *extract.Block) []schema.NarrativeItem {
	text := Clean(b.Text)
	if !strings.Contains(text, "完成") || !strings.Contains(text, "决算") {
		return nil
	}
	var out []schema.NarrativeItem
	rs := []rune(text)
	start := 0
	for start < len(rs) {
		end := start
		for end < len(rs) && rs[end] != '。' {
			end++
		}
		sentence := string(rs[start:end])
		// The parts after 其中 state their own completion against budgets not given.
		if i := strings.Index(sentence, "其中"); i > 0 {
			sentence = sentence[:i]
		}
		if m := completionHead.FindStringSubmatch(sentence); m != nil && !classPart.MatchString(m[1]) {
			t := &itemText{text: text, pieces: []piece{{b, 0}}}
			amounts := FindAmounts(sentence)
			for i := range amounts {
				amounts[i].Start += start
				amounts[i].End += start
			}
			it := schema.NarrativeItem{Name: strings.TrimSpace(trimLeadNumbering(m[1])), At: b.AtOffset(start)}
			if readCompletion(&it, t, rs[:start+len([]rune(sentence))], amounts) {
				out = append(out, it)
			}
		}
		start = end + 1
	}
	return out
}

// trimLeadNumbering drops "（一）", "1、" and the like before a name.
func trimLeadNumbering(s string) string {
	s = strings.TrimSpace(s)
	if n, ok := parseLeadNumber(s); ok {
		return n
	}
	for _, open := range []string{"（", "("} {
		if strings.HasPrefix(s, open) {
			if i := strings.IndexAny(s, "）)"); i > 0 && i < 12 {
				return strings.TrimSpace(s[i+len("）"):])
			}
		}
	}
	return s
}

// resolveCodes gives a line printed by its names only the code of the one
// table row (项 under a 款 under a 类 of those names) that matches.
func resolveCodes(d *schema.Document, it *schema.NarrativeItem, names [3]string) {
	if it.Code != "" || names[2] == "" || names[1] == "" {
		return
	}
	class := functionalClassCode(names[0])
	found := ""
	for _, kinds := range [][]schema.TableKind{{schema.KindB5, schema.KindF5}, {schema.KindB3, schema.KindF3}, {schema.KindFiscalExpenditure}} {
		for i := range d.Tables {
			t := &d.Tables[i]
			if !hasKind(t.Kind, kinds) {
				continue
			}
			byCode := map[string]string{}
			for j := range t.LineItems {
				if c := t.LineItems[j].Code; c != "" {
					byCode[c] = t.LineItems[j].Name
				}
			}
			for j := range t.LineItems {
				li := &t.LineItems[j]
				if li.Level != "项" || li.Name != names[2] || byCode[li.Code[:5]] != names[1] || class != "" && li.Code[:3] != class {
					continue
				}
				if found != "" && found != li.Code {
					return // two rows of those names
				}
				found = li.Code
			}
		}
		if found != "" {
			it.Code = found
			return
		}
	}
}

func hasKind(k schema.TableKind, kinds []schema.TableKind) bool {
	for _, x := range kinds {
		if k == x {
			return true
		}
	}
	return false
}
