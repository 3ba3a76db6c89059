package normalize

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/extract/numbering"
	"github.com/yusuan/yusuan/schema"
)

// outline is the document as a list of sections, each with the blocks
// under it, in reading order.
type outline struct {
	sections []*section
	preface  []*extract.Block // blocks before the first heading
}

type section struct {
	schema.Section
	blocks []*extract.Block // paragraphs and tables up to the next heading
	parent *section
	head   *extract.Block
}

// frame is one open numbering sequence while nesting headings.
type frame struct {
	style   numbering.Style
	ordinal int
	sec     *section
}

// buildOutline nests headings by their numbering sequences rather than
// by a fixed rank per style: a heading continues the innermost open
// sequence of its style whose next number it is, and otherwise opens a new
// level. So "二、" inside a list under "（二）" nests, and the document's
// "六、" after it returns to the top.
func (n *Normalizer) buildOutline(doc *extract.Document, title string) *outline {
	o := &outline{}
	var stack []frame
	var cur *section
	for i := range doc.Blocks {
		b := &doc.Blocks[i]
		if b.TOC {
			continue
		}
		heading, num := n.headingOf(b, i == firstTextBlock(doc))
		if heading && len(o.sections) == 0 && num.Style == numbering.None &&
			(title != "" && strings.Contains(title, compact(b.Text)) || coverLabel.MatchString(compact(b.Text))) {
			heading = false // a line of the cover, not a section
		}
		if !heading {
			if cur == nil {
				o.preface = append(o.preface, b)
			} else {
				cur.blocks = append(cur.blocks, b)
			}
			continue
		}
		s := &section{head: b}
		text := strings.TrimSpace(b.Text)
		s.Number = num.Text
		s.Heading = strings.TrimRight(strings.TrimSpace(num.Rest), "：:。.")
		if num.Style == numbering.None {
			s.Heading = strings.TrimRight(text, "：:。.")
		}
		s.At = b.At
		// Nesting.
		depth := len(stack)
		switch {
		case num.Style == numbering.None && (b.Kind == extract.KindParagraph || !n.opensPart(s.Heading, stack)):
			// A label ("部门职责：", "工作任务及绩效目标") sits under the
			// current heading and leaves the numbering sequences open.
			s.Level = depth + 1
			if depth > 0 {
				s.parent = stack[depth-1].sec
			}
		case num.Style == numbering.None:
			// An unnumbered heading that names a new topic ("名词解释",
			// "XX局主要职能") starts a new top-level part; numbered headings
			// nest under it.
			stack = append(stack[:0], frame{style: numbering.None, sec: s})
			s.Level = 1
		default:
			at := -1
			for j := len(stack) - 1; j >= 0; j-- {
				f := stack[j]
				if f.style == num.Style && num.Ordinal > f.ordinal && num.Ordinal <= f.ordinal+3 {
					at = j
					break
				}
			}
			if at < 0 && num.Ordinal == 1 && len(stack) > 0 && stack[0].style == num.Style && stack[0].ordinal > 1 {
				// The outermost sequence starts over ("第一部分" after
				// "第二部分"): the body after a contents list printed as
				// headings, not a part nested inside the last entry.
				at = 0
			}
			if at < 0 {
				// Not the next number of any open sequence: a new level.
				stack = append(stack, frame{})
				at = len(stack) - 1
			}
			stack = stack[:at+1]
			stack[at] = frame{style: num.Style, ordinal: num.Ordinal, sec: s}
			s.Level = at + 1
			if at > 0 {
				s.parent = stack[at-1].sec
			}
		}
		n.assignKeys(s)
		o.sections = append(o.sections, s)
		cur = s
	}
	for _, s := range o.sections {
		var parts []string
		for _, b := range s.blocks {
			if b.Kind == extract.KindParagraph || b.Kind == extract.KindHeading {
				parts = append(parts, b.Text)
			}
		}
		s.Text = strings.Join(parts, "\n")
	}
	return o
}

// opensPart reports whether an unnumbered heading starts a new top-level
// part: it names a topic outright, and not the topic of the part already
// open (a layout that sets "工作任务及绩效目标" in bold inside 绩效 does not
// end the numbered list around it, nor does a stray bold line).
func (n *Normalizer) opensPart(heading string, stack []frame) bool {
	own, strong := n.lex.classify(heading)
	if !strong {
		return false
	}
	if len(stack) == 0 || stack[0].sec == nil {
		return true
	}
	for _, k := range own {
		if stack[0].sec.has(k) {
			return false
		}
	}
	return true
}

func firstTextBlock(doc *extract.Document) int {
	for i, b := range doc.Blocks {
		if b.Kind == extract.KindHeading || b.Kind == extract.KindParagraph {
			return i
		}
	}
	return -1
}

// headingOf decides whether a block opens a section. Extractors mark
// numbered and styled headings; a short paragraph ending in a colon that
// names a known topic ("部门职责：") is a label heading too. The document
// title is not a section.
func (n *Normalizer) headingOf(b *extract.Block, first bool) (bool, numbering.Number) {
	text := strings.TrimSpace(b.Text)
	switch b.Kind {
	case extract.KindHeading:
		if first && b.Numbering == "" && isTitleText(text) {
			return false, numbering.Number{}
		}
		if num, ok := numbering.Parse(text); ok {
			return true, num
		}
		return true, numbering.Number{Rest: text}
	case extract.KindParagraph:
		// A short numbered line the layout left as a paragraph (a cell-like
		// "第四部分\t名词解释") is a heading when it reads as one.
		if num, ok := numbering.Parse(text); ok && num.Style <= numbering.CNParen && shortTitle(num.Rest) {
			return true, num
		}
		if utf8.RuneCountInString(text) <= 14 && (strings.HasSuffix(text, "：") || strings.HasSuffix(text, ":")) {
			if _, numbered := numbering.Parse(text); !numbered && len(n.lex.Classify(text)) > 0 {
				return true, numbering.Number{Rest: text}
			}
		}
	}
	return false, numbering.Number{}
}

// shortTitle: a heading's words — short, no sentence punctuation, no figures
// but a year.
func shortTitle(rest string) bool {
	rest = strings.TrimSpace(rest)
	n := utf8.RuneCountInString(rest)
	if n == 0 || n > 30 || strings.ContainsAny(rest, "。，；：:,;") {
		return false
	}
	return !figure.MatchString(yearWord.ReplaceAllString(rest, ""))
}

var (
	yearWord = regexp.MustCompile(`(?:19|20)\d{2}\s*年度?`)
	figure   = regexp.MustCompile(`[0-9０-９≥≤><%％]`)
)

func isTitleText(s string) bool {
	return (strings.Contains(s, "预算") || strings.Contains(s, "决算")) && strings.Contains(s, "年")
}

// assignKeys classifies a heading, letting a sub-heading inherit the topic
// of a specific parent (a programme name under 绩效 is performance, not
// whatever its words suggest).
func (n *Normalizer) assignKeys(s *section) {
	own, strong := n.lex.classify(s.Heading)
	var parentKeys []string
	if s.parent != nil {
		parentKeys = s.parent.Keys
	}
	inheritable := len(parentKeys) > 0 && specificKeys[parentKeys[0]] && parentKeys[0] != schema.SecOther
	switch {
	case inheritable:
		s.Keys = parentKeys
	case len(own) > 0 && strong:
		s.Keys = own
	case len(parentKeys) > 0:
		// A sub-heading whose words only faintly suggest a topic stays in its parent's.
		s.Keys = parentKeys
	case len(own) > 0:
		s.Keys = own
	default:
		s.Keys = []string{schema.SecOther}
	}
	s.Key = s.Keys[0]
	if len(s.Keys) == 1 {
		s.Keys = []string{s.Key}
	}
}

// has reports whether the section carries key k.
func (s *section) has(k string) bool {
	for _, x := range s.Keys {
		if x == k {
			return true
		}
	}
	return false
}
