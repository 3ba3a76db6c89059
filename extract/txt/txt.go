// Package txt extracts plain-text disclosures: the narrative as headings and
// paragraphs, and tables written one cell per line (each cell line starts
// with a tab, rows are separated by blank lines — the way word processors
// save tables as text). Input may be UTF-8 (with or without BOM), UTF-16
// with a BOM, or GBK/GB18030; the encoding is detected, not asked.
//
// Provenance is the 1-based line number. Paragraphs that a fixed-width
// writer wrapped over several lines are joined back, and every joined
// paragraph keeps a Span per source line so values stay traceable.
//
// Limits: a document of MaxLines lines or more fails with ErrLimit before
// it is split; work is linear in the input, ctx checked every 1024 lines.
//
// Non-goals: guessing table structure from spaces (fixed-width "layout"
// text); that is what the PDF extractor's column detection is for.
package txt

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/extract/numbering"
	"github.com/yusuan/yusuan/prov"
)

func init() {
	extract.Register(extract.Registration{
		Format:   extract.FormatTXT,
		Priority: 100, // last: anything that decodes as text
		Sniff:    sniff,
		Extract:  Extract,
	})
}

// sniff accepts anything that decodes as text.
func sniff(head []byte) bool {
	_, _, err := extract.DecodeText(head)
	if err != nil && len(head) >= 64<<10 {
		// The sample may end inside a multi-byte character; retry shorter.
		_, _, err = extract.DecodeText(head[:len(head)-4])
	}
	return err == nil
}

// MaxLines bounds the lines of a text document (the longest disclosure
// seen has a few hundred): beyond it the document fails with ErrLimit
// before any line is split out, so that a file of blank or one-word lines
// cannot turn a few megabytes into millions of blocks.
const MaxLines = 1 << 18

// Extract reads a text disclosure.
func Extract(ctx context.Context, data []byte, opts extract.Options) (*extract.Document, error) {
	text, enc, err := extract.DecodeText(data)
	if err != nil {
		return nil, err
	}
	if n := max(strings.Count(text, "\n"), strings.Count(text, "\r")); n >= MaxLines {
		return nil, fmt.Errorf("%w: more than %d lines", extract.ErrLimit, MaxLines)
	}
	lines := splitLines(text)
	doc := &extract.Document{Format: extract.FormatTXT, Encoding: enc}
	p := &parser{lines: lines, doc: doc, wrapWidth: wrapWidth(lines)}
	if err := p.run(ctx); err != nil {
		return nil, err
	}
	return doc, nil
}

func splitLines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Split(s, "\n")
}

// bookmark strips Word's "[bookmark: _Toc…]" residue left in text exports.
var bookmark = regexp.MustCompile(`\[bookmark: [^\]]*\]`)

func cleanLine(s string) string {
	s = bookmark.ReplaceAllString(s, "")
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\u00a0', '\u2002', '\u2003', '\u2009', '\u200b', '\ufeff':
			if r == '\u200b' || r == '\ufeff' {
				return -1
			}
			return ' '
		}
		return r
	}, s)
	return s
}

func isBlank(s string) bool { return strings.TrimFunc(s, isSpace) == "" }

func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u3000' }

// isCellLine: a table cell line starts with a tab, after optional spaces.
func isCellLine(s string) bool {
	t := strings.TrimLeft(s, " ")
	return strings.HasPrefix(t, "\t")
}

type parser struct {
	lines     []string
	doc       *extract.Document
	wrapWidth int
	sawTitle  bool
	tables    int // tables emitted so far
}

func (p *parser) run(ctx context.Context) error {
	i := 0
	for i < len(p.lines) {
		if i%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		line := cleanLine(p.lines[i])
		switch {
		case isBlank(line):
			i++
		case isCellLine(line):
			i = p.table(i)
		default:
			i = p.paragraph(i)
		}
	}
	return nil
}

// paragraph reads one paragraph starting at line i, joining soft-wrapped
// continuation lines, and returns the next line index.
func (p *parser) paragraph(i int) int {
	first := i
	var b strings.Builder
	var spans []extract.Span
	runes := 0
	for {
		t := strings.TrimFunc(cleanLine(p.lines[i]), isSpace)
		spans = append(spans, extract.Span{Offset: runes, At: prov.At{Line: i + 1}})
		b.WriteString(t)
		runes += utf8.RuneCountInString(t)
		i++
		if i >= len(p.lines) {
			break
		}
		next := cleanLine(p.lines[i])
		if isBlank(next) || isCellLine(next) || !p.continues(t, strings.TrimFunc(next, isSpace)) {
			break
		}
		if needsSpace(t, next) {
			b.WriteByte(' ')
			runes++
		}
	}
	text := b.String()
	blk := extract.Block{Kind: extract.KindParagraph, Text: text, At: prov.At{Line: first + 1}}
	if len(spans) > 1 {
		blk.At.EndLine = i
		blk.Spans = spans
	}
	p.classify(&blk)
	p.doc.Blocks = append(p.doc.Blocks, blk)
	return i
}

// continues reports whether next is a soft-wrapped continuation of line.
func (p *parser) continues(line, next string) bool {
	if line == "" || next == "" {
		return false
	}
	if _, ok := numbering.Parse(next); ok {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	firstNext, _ := utf8.DecodeRuneInString(next)
	// A number cut in two ("454." / "70万元", "1,2" / "34") is always rejoined.
	if (isDigit(last) || last == '.' || last == ',') && (isDigit(firstNext) || strings.ContainsRune("万亿元%.", firstNext)) {
		return true
	}
	if strings.ContainsRune("。！？；：:;!?」』”)）", last) {
		return false
	}
	// A file hard-wrapped at a fixed width: a line at that width continues.
	if p.wrapWidth > 0 && width(line) >= p.wrapWidth-2 {
		return true
	}
	return false
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// needsSpace: a space survives a join only between two Latin words.
func needsSpace(line, next string) bool {
	last, _ := utf8.DecodeLastRuneInString(line)
	first, _ := utf8.DecodeRuneInString(strings.TrimSpace(next))
	return isLatin(last) && isLatin(first)
}

func isLatin(r rune) bool { return r < 0x2E80 && (unicode.IsLetter(r)) }

// width counts display columns: CJK counts two.
func width(s string) int {
	w := 0
	for _, r := range s {
		if r >= 0x2E80 {
			w += 2
		} else {
			w++
		}
	}
	return w
}

// wrapWidth detects a file hard-wrapped at a fixed width: at least 30 % of
// the non-blank lines (and at least 5) share one width of 40 columns or more.
// It returns that width, or 0.
func wrapWidth(lines []string) int {
	counts := map[int]int{}
	n := 0
	for _, l := range lines {
		if isBlank(l) || isCellLine(l) {
			continue
		}
		n++
		w := width(strings.TrimFunc(l, isSpace))
		if w >= 40 {
			counts[w]++
		}
	}
	best, bestN := 0, 0
	for w, c := range counts {
		c += counts[w-1] + counts[w+1]
		if c > bestN || c == bestN && w > best {
			best, bestN = w, c
		}
	}
	if bestN >= 5 && bestN*10 >= n*3 {
		return best
	}
	return 0
}

// maxHeadingRunes: longer numbered lines are list items or paragraphs.
const maxHeadingRunes = 40

// classify marks numbered short lines as headings and the first
// title-like line as the document title.
func (p *parser) classify(b *extract.Block) {
	if n, ok := numbering.Parse(b.Text); ok {
		b.Numbering = n.Text
		rest := n.Rest
		if looksLikeHeading(rest) && n.Style != numbering.Article && n.Style != numbering.Enumerated {
			b.Kind = extract.KindHeading
			b.Level = n.Style.Rank() + 1
		}
		return
	}
	if !p.sawTitle && len(p.doc.Blocks) < 5 && isTitle(b.Text) {
		p.sawTitle = true
		b.Kind = extract.KindHeading
		b.Level = 1
		b.Hints.Centered = true
		if p.doc.Title == "" {
			p.doc.Title = b.Text
		}
	}
}

// looksLikeHeading: short, not a sentence, and stating no quantity: "1、农业
// 技术培训达到1500人次" is a list item, "2024年度决算情况说明" may be a heading.
func looksLikeHeading(rest string) bool {
	n := utf8.RuneCountInString(rest)
	if n == 0 || n > maxHeadingRunes {
		return false
	}
	if strings.ContainsAny(rest, "。；;，,") {
		return false
	}
	return !quantity.MatchString(yearWord.ReplaceAllString(rest, ""))
}

var (
	yearWord = regexp.MustCompile(`(?:19|20)\d{2}\s*年度?`)
	quantity = regexp.MustCompile(`[0-9０-９]|[≥≤><]|不低于|不少于|达到`)
)

func isTitle(s string) bool {
	n := utf8.RuneCountInString(s)
	return n >= 6 && n <= 80 && (strings.Contains(s, "预算") || strings.Contains(s, "决算")) &&
		strings.Contains(s, "年") && !strings.ContainsAny(s, "。，；")
}
