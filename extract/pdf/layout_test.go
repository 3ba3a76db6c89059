package pdf

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yusuan/yusuan/extract"
)

// put lays out text on a baseline: CJK glyphs one em wide, others half an em.
func put(p *Page, x, y, size float64, text string) {
	for _, r := range text {
		w := size
		if r < 0x2E80 {
			w = size / 2
		}
		if r != ' ' {
			p.Glyphs = append(p.Glyphs, Glyph{Text: string(r), X0: x, X1: x + w, Y0: y - 0.15*size, Y1: y + 0.85*size, OX: x, OY: y, Size: size})
		}
		x += w
	}
}

func TestLineWords(t *testing.T) {
	for _, tc := range []struct {
		name string
		runs []struct {
			x    float64
			text string
		}
		want string
	}{
		{"cjk no spaces", []struct {
			x    float64
			text string
		}{{100, "部门预算"}}, "部门预算"},
		{"latin words keep a space", []struct {
			x    float64
			text string
		}{{100, "Hello"}, {135, "World"}}, "Hello World"},
		{"cjk and digits: no space", []struct {
			x    float64
			text string
		}{{100, "2025"}, {124, "年"}}, "2025年"},
		{"table cells by wide gap", []struct {
			x    float64
			text string
		}{{100, "合计"}, {300, "1,234.56"}, {400, "0"}}, "合计\t1,234.56\t0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := &Page{Number: 1, Width: 595, Height: 842}
			for _, r := range tc.runs {
				put(p, r.x, 700, 10, r.text)
			}
			ls := PageLines(p)
			if len(ls) != 1 || ls[0].Text() != tc.want {
				var got []string
				for _, l := range ls {
					got = append(got, l.Text())
				}
				t.Errorf("lines = %q, want [%q]", got, tc.want)
			}
		})
	}
}

func TestParagraphJoining(t *testing.T) {
	// Body text 10 pt, margins 72..522 (45 CJK characters a line).
	full := strings.Repeat("预", 45)
	p1 := &Page{Number: 1, Width: 595, Height: 842}
	put(p1, 72, 760, 16, "一、部门主要职能")              // heading
	put(p1, 92, 730, 10, strings.Repeat("甲", 43)) // indented first line
	put(p1, 72, 715, 10, full)                    // continuation
	put(p1, 72, 700, 10, "乙乙乙乙。")                 // short last line
	put(p1, 92, 685, 10, strings.Repeat("丙", 43)) // next paragraph runs on to page 2
	put(p1, 72, 670, 10, full)
	put(p1, 280, 40, 10, "- 1 -") // page number
	p2 := &Page{Number: 2, Width: 595, Height: 842}
	put(p2, 72, 760, 10, "丁丁丁2,345.")
	put(p2, 72, 745, 10, "（一）收入预算")
	put(p2, 72, 730, 10, "项目")
	put(p2, 200, 730, 10, "1,234.00")
	put(p2, 280, 40, 10, "- 2 -")
	doc := Layout(&File{Pages: []*Page{p1, p2}, NumPages: 2})
	type want struct {
		kind  extract.BlockKind
		text  string
		spans int
	}
	wants := []want{
		{extract.KindHeading, "一、部门主要职能", 0},
		{extract.KindParagraph, strings.Repeat("甲", 43) + full + "乙乙乙乙。", 3},
		{extract.KindParagraph, strings.Repeat("丙", 43) + full + "丁丁丁2,345.", 3},
		{extract.KindHeading, "（一）收入预算", 0},
		{extract.KindParagraph, "项目\t1,234.00", 0},
	}
	if len(doc.Blocks) != len(wants) {
		for _, b := range doc.Blocks {
			t.Logf("%s %q", b.Kind, b.Text)
		}
		t.Fatalf("%d blocks, want %d", len(doc.Blocks), len(wants))
	}
	for i, w := range wants {
		b := doc.Blocks[i]
		if b.Kind != w.kind || b.Text != w.text || len(b.Spans) != w.spans {
			t.Errorf("block %d = %s %q (%d spans), want %s %q (%d spans)", i, b.Kind, b.Text, len(b.Spans), w.kind, w.text, w.spans)
		}
	}
	// The paragraph across the page break traces its last part to page 2.
	b := doc.Blocks[2]
	off := utf8.RuneCountInString(strings.Repeat("丙", 43) + full)
	if at := b.AtOffset(off); at.Page != 2 || at.BBox == nil || at.BBox[1] > 760 {
		t.Errorf("AtOffset(%d) = %v, want page 2 line", off, at)
	}
	if h := doc.Blocks[0]; h.Level != 2 || h.Numbering != "一、" || h.Hints.SizeRank != 1 {
		t.Errorf("heading = %+v", h)
	}
}

func TestTOCAndFurniture(t *testing.T) {
	var pages []*Page
	for i := 1; i <= 4; i++ {
		p := &Page{Number: i, Width: 595, Height: 842}
		put(p, 72, 800, 9, "上海市某某局2025年部门预算")
		put(p, 290, 30, 9, "第 "+string(rune('0'+i))+" 页")
		if i == 1 {
			put(p, 270, 740, 14, "目录")
			put(p, 72, 700, 12, "一、部门主要职能……………………3")
		} else {
			put(p, 92, 700, 12, "正文内容。")
		}
		pages = append(pages, p)
	}
	doc := Layout(&File{Pages: pages, NumPages: 4})
	var texts []string
	for _, b := range doc.Blocks {
		texts = append(texts, b.Text)
		if strings.Contains(b.Text, "部门预算") || strings.Contains(b.Text, "页") {
			t.Errorf("furniture kept: %q", b.Text)
		}
	}
	found := false
	for _, b := range doc.Blocks {
		if b.TOC && b.Text == "一、部门主要职能" {
			found = true
		}
	}
	if !found {
		t.Errorf("no TOC entry in %q", texts)
	}
}
