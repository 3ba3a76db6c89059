package pdf

import (
	"strings"
	"unicode/utf8"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/extract/numbering"
)

// joinWrapped undoes what line-by-line heading detection gets wrong where
// the page layout tells: a long heading line that runs to the right margin
// is the first line of the paragraph under it ("（一）深入贯彻…思想，深" +
// "入…"), and a paragraph whose last line runs to the margin goes on in
// the next block (a page break or a misjudged heading between them).
// A short continuation without sentence punctuation completes a heading
// that wrapped ("…支出预" + "算情况说明"): it stays a heading.
func joinWrapped(in []extract.Block) []extract.Block {
	margins := rightMargins(in)
	out := make([]extract.Block, 0, len(in))
	for i := 0; i < len(in); i++ {
		b := in[i]
		if b.Kind == extract.KindHeading && !b.TOC && i+1 < len(in) && wrapsOnto(b, in[i+1], margins) && !in[i+1].TOC {
			next := in[i+1]
			completes := utf8.RuneCountInString(next.Text) <= 20 && !strings.ContainsAny(next.Text, "。，；：")
			b = extract.JoinBlocks(b, next)
			if completes {
				b.Kind, b.Level = extract.KindHeading, in[i].Level
			}
			i++
		}
		for b.Kind == extract.KindParagraph && !b.TOC && i+1 < len(in) && wrapsOnto(lastLine(b), in[i+1], margins) {
			b = extract.JoinBlocks(b, in[i+1])
			b.Kind = extract.KindParagraph
			i++
		}
		out = append(out, b)
	}
	return out
}

// lastLine is the block's last source line as a block of its own (its
// text from the last span), for asking whether it runs on.
func lastLine(b extract.Block) extract.Block {
	if len(b.Spans) == 0 {
		return b
	}
	s := b.Spans[len(b.Spans)-1]
	l := b
	l.Text = string([]rune(b.Text)[min(s.Offset, utf8.RuneCountInString(b.Text)):])
	l.At = s.At
	if l.At.BBox == nil {
		l.At.BBox = b.At.BBox
	}
	return l
}

// wrapsOnto: a long line that runs to the same right edge as the
// paragraph under it, with no closing punctuation, goes on in that
// paragraph.
func wrapsOnto(h, next extract.Block, margins map[int]float64) bool {
	if h.At.BBox == nil || next.At.BBox == nil || next.Kind != extract.KindParagraph || h.At.Page != next.At.Page {
		return false
	}
	t := strings.TrimSpace(h.Text)
	last, _ := utf8.DecodeLastRuneInString(t)
	if utf8.RuneCountInString(t) < 15 || strings.ContainsRune("。：:！？", last) {
		return false
	}
	if _, ok := numbering.Parse(next.Text); ok {
		return false
	}
	// A wrapped first line starts where the paragraph does, give or take an
	// indent of a few characters; a centred title does not.
	lineH := h.At.BBox[3] - h.At.BBox[1]
	if h.At.BBox[0] > next.At.BBox[0]+3*lineH {
		return false
	}
	// And the next line follows at line spacing, not after a gap.
	if gap := h.At.BBox[1] - next.At.BBox[3]; gap > 1.2*lineH {
		return false
	}
	// Within most of a character of the margin: a line broken early would
	// stop a whole character short.
	tol := 0.75 * lineH
	right := max(next.At.BBox[2], margins[h.At.Page])
	return h.At.BBox[2] >= right-max(tol, 6)
}

// rightMargins is, per page, the right edge of the widest paragraph line.
func rightMargins(blocks []extract.Block) map[int]float64 {
	m := map[int]float64{}
	for _, b := range blocks {
		if b.Kind == extract.KindParagraph && b.At.BBox != nil && b.At.Page > 0 {
			m[b.At.Page] = max(m[b.At.Page], b.At.BBox[2])
		}
	}
	return m
}
