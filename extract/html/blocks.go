package html

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/extract/numbering"
	"github.com/yusuan/yusuan/prov"
)

// walker turns the content subtree into blocks, in document order.
type walker struct {
	ctx      context.Context
	pg       *page
	doc      *extract.Document
	line     line
	tables   int
	steps    int
	hasTable bool // the content holds at least one data <table>
	opts     extract.Options
	ints     []int // slab for cell positions (see cellAt)
	// cellBudget is how many more grid cells the page may produce.
	cellBudget int
}

// style is what an element passes down to its text.
type style struct {
	bold     bool
	centered bool
	size     float64 // font size in points, 0 unknown
	heading  int     // 1–6 inside <h1>–<h6>
	pre      bool
	block    *path // the nearest block-level ancestor
}

// line accumulates the inline text of one paragraph.
type line struct {
	b           []byte // raw text, reused from line to line
	at          *path
	bold, total int // non-space runes set bold, and all of them
	centered    bool
	size        float64
	heading     int
}

// ctxCheckEvery is how many elements are visited between checks of ctx.
const ctxCheckEvery = 4096

func (w *walker) walk(n *html.Node, p *path, st style) error {
	kids := childPaths(n, p)
	k := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			w.text(c.Data, st)
		case html.ElementNode:
			cp := &kids[k]
			k++
			if w.pg.drop[c] {
				continue
			}
			if err := w.element(c, cp, st); err != nil {
				return err
			}
		}
	}
	return nil
}

func (w *walker) element(n *html.Node, p *path, st style) error {
	w.steps++
	if w.steps%ctxCheckEvery == 0 {
		if err := w.ctx.Err(); err != nil {
			return fmt.Errorf("walk: %w", err)
		}
		if len(w.doc.Blocks) > maxBlocks {
			return fmt.Errorf("walk: %w: more than %d blocks", extract.ErrLimit, maxBlocks)
		}
	}
	switch n.DataAtom {
	case atom.Br:
		if st.heading == 0 {
			w.flush()
		} else {
			w.line.b = append(w.line.b, ' ')
		}
		return nil
	case atom.Hr:
		w.flush()
		return nil
	case atom.Img:
		if contentImage(n) && !iconRE.MatchString(imageSrc(n)) {
			w.flush()
			w.image(n, p)
		}
		return nil
	case atom.Table:
		if !w.pg.isLayoutTable(n) {
			w.flush()
			w.table(n, p)
			return nil
		}
	}
	st = elementStyle(n, st)
	block := !isInline(n.DataAtom)
	if block {
		w.flush()
		st.block = p
	}
	if err := w.walk(n, p, st); err != nil {
		return err
	}
	if block {
		w.flush()
	}
	return nil
}

// elementStyle derives the style n gives its content.
func elementStyle(n *html.Node, st style) style {
	switch n.DataAtom {
	case atom.B, atom.Strong, atom.Th:
		st.bold = true
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		st.heading = int(n.Data[1] - '0')
		st.bold = true
	case atom.Center:
		st.centered = true
	case atom.Pre, atom.Listing, atom.Xmp:
		st.pre = true
	}
	if !isInline(n.DataAtom) && n.DataAtom != atom.Table {
		// align on a table places the table; on a block it aligns the text.
		if a := strings.ToLower(attr(n, "align")); a != "" {
			st.centered = a == "center" || a == "middle"
		}
	}
	if s := attr(n, "style"); s != "" {
		cs := compactStyle(s)
		if v := styleValue(cs, "text-align"); v != "" && !isInline(n.DataAtom) {
			st.centered = v == "center"
		}
		if v := styleValue(cs, "font-weight"); v != "" {
			st.bold = v == "bold" || v == "bolder" || v >= "600" && len(v) == 3
		}
		if v := styleValue(cs, "font-family"); strings.Contains(v, "黑体") || strings.Contains(v, "小标宋") {
			st.bold = true
		}
		if v := styleValue(cs, "font-size"); v != "" {
			if pt := points(v); pt > 0 {
				st.size = pt
			}
		}
	}
	if n.DataAtom == atom.Font {
		if f := attr(n, "face"); strings.Contains(f, "黑体") || strings.Contains(f, "小标宋") {
			st.bold = true
		}
	}
	return st
}

// points reads a CSS font size in pt or px (as points).
func points(v string) float64 {
	unit := 1.0
	switch {
	case strings.HasSuffix(v, "pt"):
		v = v[:len(v)-2]
	case strings.HasSuffix(v, "px"):
		v, unit = v[:len(v)-2], 0.75
	default:
		return 0
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f <= 0 || f > 500 {
		return 0
	}
	return f * unit
}

func (w *walker) text(s string, st style) {
	if st.pre {
		for i, part := range strings.Split(s, "\n") {
			if i > 0 {
				w.flush()
			}
			w.appendText(part, st)
		}
		return
	}
	w.appendText(s, st)
}

func (w *walker) appendText(s string, st style) {
	n := weightOf(s)
	l := &w.line
	if n == 0 {
		if len(l.b) > 0 {
			l.b = append(l.b, ' ')
		}
		return
	}
	if l.at == nil {
		l.at, l.centered, l.heading = st.block, st.centered, st.heading
	}
	l.b = append(l.b, s...)
	l.total += n
	if st.bold {
		l.bold += n
	}
	l.size = max(l.size, st.size)
}

// flush ends the current line and makes it a block.
func (w *walker) flush() {
	l := &w.line
	if len(l.b) == 0 {
		l.at = nil
		return
	}
	at := l.at
	ln := *l
	txt := normalizeSpace(string(l.b))
	*l = line{b: l.b[:0]}
	if txt == "" || at == nil {
		return
	}
	if maybeChrome(txt) && chromeLine.MatchString(txt) {
		return
	}
	w.doc.Blocks = append(w.doc.Blocks, classify(txt, ln, prov.At{Selector: at.String()}))
}

// chromeLine matches the lines portals print around an article: dates,
// sources, view counters, font-size and print links.
var chromeLine = regexp.MustCompile(`^[【\[]?\s*(更新时间|发布时间|发布日期|发文日期|日期|时间|来源|信息来源|文章来源|作者|浏览次数|点击数|点击量|阅读次数|访问量|浏览量|字号|字体|责任编辑|编辑|当前位置|分享到|索引号)\s*[:：]|^([【\[]?(打印本页|打印|关闭窗口|关闭|返回顶部|收藏|大 中 小)[】\]]?\s*)+$`)

// maybeChrome is a cheap test before chromeLine: chrome lines are short
// and have a colon near the start, or are only a few link words.
func maybeChrome(s string) bool {
	if len(s) > 300 {
		return false
	}
	if len(s) <= 60 {
		return true
	}
	i := strings.IndexAny(s, ":：")
	return i >= 0 && i <= 40
}

// Limits of heading detection, in runes.
const (
	maxNumberedHeading = 40 // a numbered line longer than this is a paragraph ("1、负责…")
	maxStyledHeading   = 40 // a bold or centred line longer than this is a paragraph
)

// classify makes a line a heading or a paragraph: <h1>–<h6>; a short line
// starting with Chinese numbering (一、 （一） 1、 第一部分); a short bold or
// centred line that does not end a sentence.
func classify(txt string, l line, at prov.At) extract.Block {
	b := extract.Block{Kind: extract.KindParagraph, Text: txt, At: at}
	bold := l.total > 0 && l.bold*5 >= l.total*4
	b.Hints = extract.Hints{Bold: bold, Centered: l.centered, FontSize: l.size}
	n, numbered := numbering.Parse(txt)
	if numbered && (n.Style == numbering.Enumerated || n.Rest == "") {
		numbered = false
	}
	rl := runeLen(txt)
	switch {
	case l.heading > 0:
		b.Kind = extract.KindHeading
		b.Level = l.heading
		if numbered {
			b.Level = n.Style.Rank()
		}
	case numbered && rl <= maxNumberedHeading && numberedHeading(n.Rest):
		b.Kind = extract.KindHeading
		b.Level = n.Style.Rank()
	case (bold || l.centered) && rl <= maxStyledHeading && !endsSentence(txt) && !midSentence(txt):
		b.Kind = extract.KindHeading
	}
	if numbered && b.Kind == extract.KindHeading {
		b.Numbering = n.Text
	}
	return b
}

// numberedHeading reports whether the text after a numbering reads as a
// heading title: no comma, no definition or lead-in after a colon, and a
// final full stop only on a short title ("（一）职能职责。").
func numberedHeading(rest string) bool {
	if midSentence(rest) || strings.ContainsAny(rest, "，,") {
		return false
	}
	if i := strings.IndexAny(rest, "：:"); i >= 0 && i < len(rest)-len("：") {
		return false
	}
	if endsSentence(rest) && !strings.HasSuffix(rest, "。") || amountRE.MatchString(rest) {
		return false
	}
	if strings.HasSuffix(rest, "。") && runeLen(rest) > 12 {
		return false
	}
	return true
}

// amountRE matches an amount of money: a heading names a topic, a
// sentence states a figure ("2.事业收入0.00万元。").
var amountRE = regexp.MustCompile(`[0-9０-９][0-9０-９.,，]*\s*(万元|亿元|元)`)

// endsSentence reports text ending like a sentence or a lead-in.
func endsSentence(s string) bool {
	for _, suf := range [...]string{"。", "；", "，", "：", ":", ";", ","} {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

// midSentence reports a full stop or semicolon before the end: more than a
// heading.
func midSentence(s string) bool {
	s = strings.TrimRight(s, "。；; ")
	return strings.ContainsAny(s, "。；;")
}

// image emits an image block, and a Problem when it looks like a table
// published as a picture.
func (w *walker) image(n *html.Node, p *path) {
	src := imageSrc(n)
	alt := strings.TrimSpace(attr(n, "alt"))
	if alt == "" {
		alt = strings.TrimSpace(attr(n, "title"))
	}
	at := prov.At{Selector: p.String()}
	w.doc.Blocks = append(w.doc.Blocks, extract.Block{
		Kind: extract.KindImage, Image: &extract.Image{Src: src, Alt: normalizeSpace(alt)}, At: at,
	})
	if w.tableImage(n, src, alt) {
		w.doc.Problems = append(w.doc.Problems, extract.Problem{
			Code: "extract.table_image", Message: "table published as an image: " + src, At: at,
		})
	}
}

// iconRE matches the addresses of icons editors put before attachment
// links and of spacer images.
var iconRE = regexp.MustCompile(`(?i)icon|sysimage|spacer|blank\.gif|pixel\.gif|(^|/)(xls|xlsx|doc|docx|pdf|rar|zip|txt|wps|et)\.(gif|png|jpg)$`)

var tableNameRE = regexp.MustCompile(`(?i)表|table|biao`)

// tableImage reports whether an article image is probably a table: named
// like one, large, or in an article without any <table>.
func (w *walker) tableImage(n *html.Node, src, alt string) bool {
	if tableNameRE.MatchString(alt) || tableNameRE.MatchString(attr(n, "title")) {
		return true
	}
	if i := strings.LastIndexByte(src, '/'); tableNameRE.MatchString(src[i+1:]) {
		return true
	}
	wd, ht := imageSize(n)
	return wd >= 400 || ht >= 300 || !w.hasTable
}
