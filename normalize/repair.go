package normalize

import (
	"strings"
	"unicode/utf8"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/extract/numbering"
)

// repairBlocks undoes two layout misreads before sections are built, on a
// copy of the blocks (the extracted document is left as it was):
//
//   - a heading that is really the first line of a paragraph ("（一）深入贯彻…
//     思想，深" followed by the rest of the sentence): it holds sentence
//     punctuation and the next block continues it, so the two are joined;
//   - a table of contents printed without page numbers: the run of headings
//     after "目录" on the same page, with no text between them, is marked TOC.
func repairBlocks(in []extract.Block) []extract.Block {
	in = demoteSentenceLines(in)
	blocks := make([]extract.Block, 0, len(in))
	for i := 0; i < len(in); i++ {
		b := in[i]
		if b.Kind == extract.KindHeading && isDefinition(b.Text) {
			b.Kind, b.Level = extract.KindParagraph, 0
		}
		if b.Kind == extract.KindHeading && !b.TOC && i+1 < len(in) && isSentenceStart(b.Text) {
			next := in[i+1]
			if next.Kind == extract.KindParagraph && !next.TOC {
				completes := utf8.RuneCountInString(next.Text) <= 20 && !strings.ContainsAny(next.Text, "。，；：")
				b = extract.JoinBlocks(b, next)
				if completes {
					// "…支出预" + "算情况说明": the heading wrapped, it is still a heading.
					b.Kind, b.Level = extract.KindHeading, in[i].Level
				}
				i++
			}
		}
		// A paragraph cut before its figure ("…机关运行经费预算支出" / "2391.92万元，…").
		// (Lines wrapped at the margin are joined by the extractor, which
		// knows where the margin is.)
		for b.Kind == extract.KindParagraph && !b.TOC && i+1 < len(in) && cutBeforeNumber(b, in[i+1]) {
			b = extract.JoinBlocks(b, in[i+1])
			b.Kind = extract.KindParagraph
			i++
		}
		blocks = append(blocks, b)
	}
	markTOC(blocks)
	return blocks
}

// demoteSentenceLines returns the blocks with each unnumbered "heading"
// that reads as a line of running text — a full-width comma or semicolon
// inside it ("减少22.65万元，下降53.3%，主要原因是…") — made a paragraph line:
// some producers set a paragraph's lines in a heading's font. A real
// heading carries a number ("一、", "（二）") or no clause punctuation.
func demoteSentenceLines(in []extract.Block) []extract.Block {
	var out []extract.Block
	for i, b := range in {
		if b.Kind != extract.KindHeading || b.TOC || isDefinition(b.Text) {
			continue
		}
		if _, numbered := numbering.Parse(strings.TrimSpace(b.Text)); numbered || !strings.ContainsAny(b.Text, "，；") {
			continue
		}
		if out == nil {
			out = append([]extract.Block(nil), in...)
		}
		out[i].Kind, out[i].Level = extract.KindParagraph, 0
	}
	if out == nil {
		return in
	}
	return out
}

// isSentenceStart: heading text that reads as the start of a sentence cut
// at a line end.
func isSentenceStart(t string) bool {
	t = strings.TrimSpace(t)
	if num, ok := numbering.Parse(t); ok {
		t = num.Rest
	}
	if !strings.ContainsAny(t, "，,；;") {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	return !strings.ContainsRune("。：:！？", last)
}

// cutBeforeNumber: a paragraph that ends mid-sentence and a next one that
// starts with a figure are one sentence broken by the layout.
func cutBeforeNumber(b, next extract.Block) bool {
	if next.Kind != extract.KindParagraph || next.TOC || b.TOC {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(b.Text))
	if last < 0x4e00 || last > 0x9fff {
		return false
	}
	first, _ := utf8.DecodeRuneInString(strings.TrimSpace(next.Text))
	if !(first >= '0' && first <= '9' || first >= '０' && first <= '９') {
		return false
	}
	if _, ok := numbering.Parse(next.Text); ok {
		return false
	}
	return next.At.Page == 0 || next.At.Page == b.At.Page || next.At.Page == b.At.Page+1
}

// isDefinition: "财政拨款：指…" is a glossary entry, not a heading.
func isDefinition(t string) bool {
	t = strings.TrimSpace(t)
	if num, ok := numbering.Parse(t); ok {
		t = num.Rest
	}
	i := strings.IndexAny(t, "：:")
	if i <= 0 {
		return false
	}
	rest := strings.TrimLeft(t[i:], "：: ")
	if strings.HasPrefix(rest, "指") || strings.HasPrefix(rest, "是指") || strings.HasPrefix(rest, "即") ||
		strings.HasPrefix(rest, "包括") || strings.HasPrefix(rest, "反映") {
		return true
	}
	// "“三公”经费：纳入…管理的“三公”经费，是指…"
	head := []rune(rest)
	return strings.Contains(string(head[:min(len(head), 40)]), "是指")
}

// markTOC marks a printed table of contents: a run of short lines (after
// "目录", or without it) that ends where its first entry is printed again as
// the body's first heading. This holds for contents without page numbers
// and over several pages, where nothing else tells them from headings.
func markTOC(blocks []extract.Block) {
	// A contents starts a run of short lines, or right after "目录"; trying
	// only there, and looking a bounded way ahead, keeps this linear.
	const maxEntries = 400
	for i := 0; i < len(blocks); i++ {
		if !tocCandidate(blocks[i]) {
			continue
		}
		start := i
		if compact(blocks[i].Text) == "目录" {
			start = i + 1
		} else if i > 0 && tocCandidate(blocks[i-1]) {
			continue // inside a run already tried from its start
		}
		if start >= len(blocks) || !tocCandidate(blocks[start]) {
			continue
		}
		key0 := tocKey(blocks[start].Text)
		end := -1
		for j := start + 1; j < len(blocks) && j-start < maxEntries && tocCandidate(blocks[j]); j++ {
			if key0 != "" && tocKey(blocks[j].Text) == key0 {
				end = j
				break
			}
		}
		if end < 0 && start > i {
			// "目录" then entries up to the first text: the body never repeats
			// the first entry (it may be worded differently), so take the run
			// — onto a next page only while the entries stay numbered.
			for end = start; end < len(blocks) && end-start < maxEntries && tocCandidate(blocks[end]); end++ {
				b := blocks[end]
				if b.At.Page > blocks[start].At.Page+1 {
					break
				}
				if _, numbered := numbering.Parse(b.Text); b.At.Page != blocks[start].At.Page && !numbered && !b.TOC {
					break
				}
			}
		}
		if end-start >= 3 {
			for k := i; k < end; k++ {
				blocks[k].TOC = true
			}
			i = end - 1
		}
	}
}

// tocCandidate: a heading, or a short line that is not a sentence (an
// entry may end with a full stop: "一、主要职能。").
func tocCandidate(b extract.Block) bool {
	switch b.Kind {
	case extract.KindHeading:
		return true
	case extract.KindParagraph:
		t := strings.TrimRight(strings.TrimSpace(b.Text), "。.")
		return utf8.RuneCountInString(t) <= 60 && !strings.ContainsAny(t, "。；，")
	}
	return false
}

// tocKey is a line's text without page numbers, dot leaders and spaces.
func tocKey(t string) string {
	t = compact(t)
	t = strings.TrimRight(t, "0123456789.…·-— ")
	if utf8.RuneCountInString(t) < 2 {
		return ""
	}
	return t
}
