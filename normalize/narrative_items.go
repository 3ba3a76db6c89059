package normalize

import (
	"regexp"
	"strings"

	"github.com/yusuan/yusuan/decimal"
	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/schema"
)

// The narrative's functional line list: "1、公共安全支出（204类）司法（06款）
// 行政运行（01项）1672.67万元。主要用于：…。2025年当年预算执行数为1690.69万元，
// 2026年预算安排1672.67万元，比2025年预算执行数减少1.07%。主要原因是：…". One
// item may run over two paragraphs where the PDF broke the line.

var (
	// classPart: a name followed by its level, with or without the code:
	// "公共安全支出（204类）", "司法（06款）", "科学技术管理事务（款）".
	classPart = regexp.MustCompile(`([^（()）\d、，,。：:；;]+?)\s*[（(]\s*(\d{0,7})\s*([类款项])\s*[）)]`)
	plannedRe = regexp.MustCompile(`(?:预算安排|安排预算|预算数为|预算为)\s*$`)
	lastYrRe  = regexp.MustCompile(`(?:执行数|执行数为|决算数为|上年预算数为|预算数为|上年为|上年数为)\s*$`)
	pctRe     = regexp.MustCompile(`(增加|增长|上升|提高|减少|下降|降低)\s*(-?\d+(?:\.\d+)?)\s*[%％]`)
	purposeRe = regexp.MustCompile(`主要用于[：:]?([^。]*)`)
	reasonRe  = regexp.MustCompile(`主要原因(?:是|为)?[：:]?([^。]*)`)
)

// piece is one paragraph of an item's text and where it starts in the joined text.
type piece struct {
	b     *extract.Block
	start int // rune offset in the joined text
}

type itemText struct {
	text   string
	pieces []piece
}

func (it *itemText) add(b *extract.Block) {
	it.pieces = append(it.pieces, piece{b, len([]rune(it.text))})
	it.text += b.Text
}

// atOf maps a rune offset of the joined text back to its block.
func (it *itemText) amount(m Money) *schema.Amount {
	p := it.pieces[0]
	for _, q := range it.pieces {
		if q.start <= m.Start {
			p = q
		}
	}
	a := &schema.Amount{Yuan: m.Yuan, Value: m.Value, Unit: m.Unit, Text: m.Text, At: p.b.AtOffset(m.Start - p.start)}
	return a
}

// fillNarrativeItems parses the functional line list wherever the
// narrative has one.
func (n *Normalizer) fillNarrativeItems(d *schema.Document, o *outline) {
	var cur *itemText
	var texts []*itemText
	flush := func() {
		if cur != nil {
			texts = append(texts, cur)
			cur = nil
		}
	}
	var wholes []schema.NarrativeItem
	for _, s := range o.sections {
		flush()
		for _, b := range s.blocks {
			if b.Kind != extract.KindParagraph {
				flush()
				continue
			}
			if cur != nil && len(cur.pieces) < 3 && !strings.HasSuffix(strings.TrimSpace(cur.text), "。") && !strings.Contains(cur.text, "元") {
				// "…支出（类）…（款）" broken before "…（项）。主要用于…".
				cur.add(b)
				continue
			}
			if startsItem(b.Text) {
				flush()
				cur = &itemText{}
				cur.add(b)
				continue
			}
			if cur != nil && len(cur.pieces) < 3 && !strings.Contains(cur.text, "主要原因") {
				cur.add(b)
				continue
			}
			flush()
			wholes = append(wholes, completionSentences(b)...)
		}
	}
	flush()
	for _, t := range texts {
		if it, names, ok := parseItem(t); ok {
			resolveCodes(d, &it, names)
			d.NarrativeItems = append(d.NarrativeItems, it)
		}
	}
	d.NarrativeItems = append(d.NarrativeItems, wholes...)
}

// startsItem: a paragraph that names a classification with its level
// ("（204类）") before any full stop.
func startsItem(s string) bool {
	head := s
	if i := strings.Index(s, "。"); i >= 0 {
		head = s[:i]
	}
	loc := classPart.FindStringIndex(head)
	if loc == nil {
		return false
	}
	if loc[0] < 60*3 && strings.Contains(head, "元") {
		return true
	}
	// Final accounts: "1、社会保障和就业支出（类）…（项）。主要用于：…。年初预算为…万元".
	lead := strings.TrimSpace(head[:loc[0]])
	if n, ok := parseLeadNumber(lead + "x"); ok && n == "x" {
		lead = ""
	}
	return lead == ""
}

func parseNarrativeItem(t *itemText) (schema.NarrativeItem, bool) {
	it, _, ok := parseItem(t)
	return it, ok
}

// parseItem parses one line of the list, returning with it the names of
// its 类, 款 and 项 as printed.
func parseItem(t *itemText) (schema.NarrativeItem, [3]string, bool) {
	var names [3]string
	text := Clean(t.text)
	head := text
	if i := strings.Index(text, "。"); i >= 0 {
		head = text[:i]
	}
	parts := classPart.FindAllStringSubmatchIndex(head, -1)
	if len(parts) == 0 {
		return schema.NarrativeItem{}, names, false
	}
	var it schema.NarrativeItem
	code, complete := "", true
	for _, m := range parts {
		name := strings.TrimSpace(head[m[2]:m[3]])
		if num, ok := parseLeadNumber(name); ok {
			name = num
		}
		digits, level := head[m[4]:m[5]], head[m[6]:m[7]]
		it.Name, it.Level = name, level
		names[strings.Index("类款项", level)/len("类")] = name
		switch {
		case digits == "" && level == "类":
			digits = functionalClassCode(name)
		case len(digits) >= 5:
			code = "" // printed whole: "行政运行（2040601项）"
		}
		if digits == "" {
			complete = false
		}
		code += digits
	}
	if complete && validCode(code) && code[0] == '2' {
		it.Code = code
	}
	last := parts[len(parts)-1]
	rs := []rune(text)
	tailStart := len([]rune(head[:last[1]]))
	amounts := FindAmounts(string(rs[tailStart:]))
	if len(amounts) == 0 {
		return schema.NarrativeItem{}, names, false
	}
	for i := range amounts {
		amounts[i].Start += tailStart
		amounts[i].End += tailStart
	}
	// The stated amount: the first after the names, in the same clause.
	it.Amount = t.amount(amounts[0])
	it.At = t.pieces[0].b.At
	for _, m := range amounts[1:] {
		before := string(rs[max(0, m.Start-12):m.Start])
		switch {
		case plannedRe.MatchString(before) && it.Planned == nil && !lastYrRe.MatchString(before):
			it.Planned = t.amount(m)
		case lastYrRe.MatchString(before) && it.LastYear == nil:
			it.LastYear = t.amount(m)
		}
	}
	readCompletion(&it, t, rs, amounts)
	if m := pctRe.FindStringSubmatch(text); m != nil {
		if v, err := decimal.Parse(m[2]); err == nil {
			if hasAny(m[1], "减少", "下降", "降低") && v.Sign() > 0 {
				v = v.Neg()
			}
			it.ChangePct = &v
		}
	}
	if m := purposeRe.FindStringSubmatch(text); m != nil {
		it.Purpose = strings.TrimSpace(m[1])
	}
	if m := reasonRe.FindStringSubmatch(text); m != nil {
		it.Reason = strings.TrimSpace(m[1])
	}
	return it, names, true
}

// parseLeadNumber strips "1、" from the first name.
func parseLeadNumber(s string) (string, bool) {
	i := strings.IndexAny(s, "、.．")
	if i <= 0 || i > 3 {
		return s, false
	}
	for _, r := range s[:i] {
		if r < '0' || r > '9' {
			return s, false
		}
	}
	_, size := firstRuneAt(s, i)
	return strings.TrimSpace(s[i+size:]), true
}

func firstRuneAt(s string, i int) (rune, int) {
	for _, r := range s[i:] {
		return r, len(string(r))
	}
	return 0, 0
}
