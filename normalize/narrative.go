package normalize

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/extract/numbering"
	"github.com/yusuan/yusuan/schema"
)

// fillResponsibilities lists the duties: the numbered items of the
// responsibilities sections. Where both （一） items and other numbered
// items (第一条, 1、) appear, the longest run of one style is the duty list.
func (n *Normalizer) fillResponsibilities(d *schema.Document, o *outline) {
	byStyle := map[numbering.Style][]string{}
	var order []numbering.Style
	var plain []string
	for _, b := range o.paragraphs(schema.SecResponsibilities) {
		t := strings.TrimSpace(b.Text)
		num, ok := numbering.Parse(t)
		if !ok || num.Style == numbering.Part {
			if t != "" {
				plain = append(plain, t)
			}
			continue
		}
		if _, seen := byStyle[num.Style]; !seen {
			order = append(order, num.Style)
		}
		byStyle[num.Style] = append(byStyle[num.Style], strings.TrimSpace(num.Rest))
	}
	var best []string
	for _, st := range order {
		if st == numbering.Article && len(byStyle) > 1 {
			continue // 第一条… are the articles of the regulation, not duties
		}
		if len(byStyle[st]) > len(best) {
			best = byStyle[st]
		}
	}
	if len(best) == 0 {
		for _, p := range plain {
			if items := inlineItems(p); len(items) >= 2 {
				best = append(best, items...)
			}
		}
	}
	if len(best) == 0 {
		// Unnumbered: one duty per sentence.
		for _, p := range plain {
			for _, s := range splitSentences(p) {
				if utf8.RuneCountInString(s) >= 6 {
					best = append(best, s)
				}
			}
		}
	}
	d.Responsibilities = append(d.Responsibilities, best...)
}

// inlineItem finds numbering inside running text: "主要职责：1.…；2.…".
var inlineItem = regexp.MustCompile(`(?:^|[：:；;。])\s*(?:\d{1,2}[.、．]|[（(][一二三四五六七八九十]{1,3}[）)]|[①-⑳])`)

// inlineItems splits a paragraph holding a numbered list inline.
func inlineItems(p string) []string {
	locs := inlineItem.FindAllStringIndex(p, -1)
	if len(locs) < 2 {
		return nil
	}
	var out []string
	for i, l := range locs {
		end := len(p)
		if i+1 < len(locs) {
			end = locs[i+1][0] + 1
			if r, w := utf8.DecodeRuneInString(p[locs[i+1][0]:]); strings.ContainsRune("：:；;。", r) {
				end = locs[i+1][0] + w - w
			}
		}
		item := strings.TrimSpace(p[l[0]:end])
		item = strings.TrimLeft(item, "：:；;。 ")
		if num, ok := numbering.Parse(item); ok {
			item = num.Rest
		}
		item = strings.TrimRight(item, "；;。 ")
		if item != "" {
			out = append(out, item)
		}
	}
	return out
}

func splitSentences(s string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == '。' || r == '；' || r == ';' }) {
		if p := strings.TrimSpace(part); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// fillGlossary reads "1、term：definition" lines of the glossary sections.
func (n *Normalizer) fillGlossary(d *schema.Document, o *outline) {
	for _, b := range o.paragraphs(schema.SecGlossary) {
		t := strings.TrimSpace(b.Text)
		if num, ok := numbering.Parse(t); ok {
			t = num.Rest
		}
		i := strings.IndexAny(t, "：:")
		if i <= 0 {
			continue
		}
		term := strings.TrimSpace(t[:i])
		def := strings.TrimSpace(t[i+len(string([]rune(t[i:])[0])):])
		if utf8.RuneCountInString(term) > 30 || def == "" {
			continue
		}
		d.Glossary = append(d.Glossary, schema.GlossaryEntry{Term: term, Definition: def})
	}
}

// fillGoals reads the overall performance goals: the numbered items after
// a paragraph that introduces them (总体绩效目标 / 整体绩效目标 / 年度目标), up
// to the next heading.
func (n *Normalizer) fillGoals(d *schema.Document, o *outline) {
	for _, s := range o.sectionsWith(schema.SecPerformance) {
		collecting := false
		if strings.Contains(s.Heading, "总体") && strings.Contains(s.Heading, "目标") {
			collecting = true
		}
		for _, b := range s.blocks {
			if b.Kind != extract.KindParagraph {
				continue
			}
			t := strings.TrimSpace(b.Text)
			num, numbered := numbering.Parse(t)
			if !collecting {
				if (strings.Contains(t, "总体绩效目标") || strings.Contains(t, "总体目标") || strings.Contains(t, "年度绩效目标")) &&
					(!numbered || num.Style != numbering.ArabicComma) {
					collecting = true
				}
				continue
			}
			if !numbered || (num.Style != numbering.ArabicComma && num.Style != numbering.ArabicParen && num.Style != numbering.Circled) {
				if numbered {
					collecting = false
				}
				continue
			}
			g := schema.Goal{Text: strings.TrimSpace(num.Rest)}
			if tg := goalTarget(g.Text); tg != nil {
				g.Target = tg
			}
			d.Performance.Goals = append(d.Performance.Goals, g)
		}
		if len(d.Performance.Goals) > 0 {
			return
		}
	}
}

var goalNumber = regexp.MustCompile(`(达到|不低于|不少于|超过|控制在|≥|>=|≤|<=)?\s*(总量)?\s*(\d+(?:\.\d+)?)\s*(%|百分比|亿元|万元|元|家|个|人次|万人|人|户|次|项|份|件|天|名|篇|台|套|辆|平方米|亩|公里|千米|米|吨|所|场|期|批|部|册|村|座|处|小时)`)

// goalTarget reads the number a goal states ("总量达到43家" → {">=", 43, "家"}).
func goalTarget(text string) *schema.Target {
	c := Clean(text)
	ms := goalNumber.FindAllStringSubmatchIndex(c, -1)
	if len(ms) == 0 {
		return nil
	}
	m := ms[0]
	snippet := c[m[0]:m[1]]
	verb := ""
	if m[2] >= 0 {
		verb = c[m[2]:m[3]]
	}
	t := ParseTarget(strings.TrimPrefix(strings.TrimPrefix(snippet, verb), "总量"))
	if t == nil || t.Value == nil {
		return nil
	}
	switch verb {
	case "达到", "不低于", "不少于", "≥", ">=", "":
		t.Comparator = schema.CmpGE
	case "超过":
		t.Comparator = schema.CmpGT
	case "控制在", "≤", "<=":
		t.Comparator = schema.CmpLE
	}
	t.Text = strings.TrimSpace(string([]rune(text)[utf8.RuneCountInString(c[:m[0]]):utf8.RuneCountInString(c[:m[1]])]))
	return t
}
