package html

import (
	"bytes"
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/prov"
)

func init() {
	extract.Register(extract.Registration{
		Format:   extract.FormatHTML,
		Priority: 10,
		Sniff:    Sniff,
		Extract:  Extract,
	})
}

// sniffPrefixes are the lower-cased starts of an HTML page (after a BOM,
// white space, comments and an XML declaration).
var sniffPrefixes = []string{
	"<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<div", "<table",
	"<p>", "<p ", "<%@", "<%--",
}

// Sniff reports whether head (the first bytes of a file) is an HTML page or
// a JSP/ASP template: after an optional byte-order mark, white space,
// comments and an XML declaration, it must start with one of <!DOCTYPE
// html, <html, <head, <body, <meta, <title, <div, <p>, <table or <%@. Plain
// text that merely contains markup further on is not claimed.
func Sniff(head []byte) bool {
	s := head
	switch {
	case bytes.HasPrefix(s, []byte{0xEF, 0xBB, 0xBF}):
		s = s[3:]
	case bytes.HasPrefix(s, []byte{0xFF, 0xFE}), bytes.HasPrefix(s, []byte{0xFE, 0xFF}):
		s = bytes.ReplaceAll(s[2:], []byte{0}, nil) // UTF-16: ASCII markup without its NULs
	}
	for range 64 {
		s = bytes.TrimLeft(s, " \t\r\n\f")
		switch {
		case bytes.HasPrefix(s, []byte("<!--")):
			i := bytes.Index(s[4:], []byte("-->"))
			if i < 0 {
				return false
			}
			s = s[4+i+3:]
			continue
		case bytes.HasPrefix(s, []byte("<?xml")):
			i := bytes.Index(s, []byte("?>"))
			if i < 0 {
				return false
			}
			s = s[i+2:]
			continue
		}
		break
	}
	if len(s) < 3 {
		return false
	}
	start := bytes.ToLower(s[:min(len(s), 16)])
	for _, p := range sniffPrefixes {
		if bytes.HasPrefix(start, []byte(p)) {
			return true
		}
	}
	return false
}

// Extract reads an HTML page and returns its article as blocks. It is the
// extract.Extractor registered for extract.FormatHTML.
//
// It does not recover from panics: a panic is a bug, and package yusuan's
// panic policy (internal/guard) makes it the file's error with its stack
// logged, rather than calling the page corrupt.
func Extract(ctx context.Context, data []byte, opts extract.Options) (*extract.Document, error) {
	opts = opts.WithDefaults()
	if int64(len(data)) > opts.MaxBytes {
		return nil, fmt.Errorf("extract html: %w: %d bytes, limit %d", extract.ErrTooLarge, len(data), opts.MaxBytes)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("extract html: %w", extract.ErrEmpty)
	}
	if err := checkPageSize(data); err != nil {
		return nil, fmt.Errorf("extract html: %w", err)
	}
	dec, err := decode(data)
	if err != nil {
		return nil, fmt.Errorf("extract html: %w", err)
	}
	doc := &extract.Document{Format: extract.FormatHTML, Encoding: dec.encoding, Blocks: []extract.Block{}}
	if dec.mismatch {
		doc.Problems = append(doc.Problems, extract.Problem{
			Code:    "extract.charset_mismatch",
			Message: fmt.Sprintf("page declares charset %q but its bytes are %s", dec.declared, dec.encoding),
		})
	}
	root, probs, err := parse(stripServerTags(dec.text), opts.MaxDepth)
	doc.Problems = append(doc.Problems, probs...)
	if err != nil {
		return nil, fmt.Errorf("extract html: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("extract html: %w", err)
	}
	if err := read(ctx, root, doc, opts, len(data)); err != nil {
		return nil, fmt.Errorf("extract html: %w", err)
	}
	return doc, nil
}

// checkPageSize refuses a page over maxPageBytes before it is decoded:
// decoding copies the whole page (a GBK page grows by half on the way to
// UTF-8), so parse's check on the text would come after that copy. UTF-16
// spends two bytes on each character of markup, so a UTF-16 page may be
// twice as long; parse checks what it decodes to.
func checkPageSize(data []byte) error {
	limit := maxPageBytes
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		limit *= 2
	}
	if len(data) > limit {
		return fmt.Errorf("%w: page of %d MB, limit %d MB", extract.ErrLimit, len(data)>>20, limit>>20)
	}
	return nil
}

// read runs the passes over the parsed tree: mark non-content, measure,
// mark chrome, find the article, walk it into blocks, tidy up.
func read(ctx context.Context, root *html.Node, doc *extract.Document, opts extract.Options, sizeHint int) error {
	// html > head, body: found by hand, since a goquery Find from the root
	// would visit every node of a large page.
	head, bodyNode := topElements(root)
	if bodyNode == nil {
		// A <frameset> page: its content lives in frames we do not fetch.
		doc.Problems = append(doc.Problems, extract.Problem{
			Code: "extract.no_body", Message: "page has no <body> (a frameset?); frames are not fetched",
		})
		return nil
	}
	pg := &page{
		root:   root,
		body:   bodyNode,
		drop:   map[*html.Node]bool{},
		weight: make(map[*html.Node]int, sizeHint/64),
		media:  map[*html.Node]uint8{},
		layout: map[*html.Node]bool{},
	}
	doc.Blocks = make([]extract.Block, 0, min(sizeHint/256, 1<<16))
	var hq *goquery.Document
	if head != nil {
		hq = goquery.NewDocumentFromNode(head)
		doc.Title = metaTitle(hq)
	}
	pg.readStyles(root)
	pg.markNonContent(pg.body)
	total, _ := pg.measure(pg.body, false)
	pg.markBoilerplate(pg.body, total, false)
	pg.measure(pg.body, false)
	content := pg.findContent()

	w := &walker{ctx: ctx, pg: pg, doc: doc, opts: opts, hasTable: hasDataTable(pg, content),
		cellBudget: max(minCellBudget, sizeHint)}
	cp := pathTo(content)
	if t := pg.findTitle(content); t != nil {
		txt := normalizeSpace(plainText(t, pg.drop))
		doc.Blocks = append(doc.Blocks, extract.Block{
			Kind: extract.KindHeading, Text: txt, Level: 1,
			Hints: extract.Hints{Bold: true, Centered: true}, At: prov.At{Selector: pathTo(t).String()},
		})
		if doc.Title == "" {
			doc.Title = txt
		}
	}
	titleAt := len(doc.Blocks) - 1 // the recovered title, or -1
	st := style{block: cp}
	var err error
	if content.DataAtom == atom.Table && !pg.isLayoutTable(content) {
		w.table(content, cp)
	} else {
		err = w.walk(content, cp, elementStyle(content, st))
		w.flush()
	}
	if err != nil {
		return err
	}
	if titleAt == 0 {
		// The article repeats its title: keep the one inside it.
		for i := 1; i < len(doc.Blocks) && i <= 5; i++ {
			if b := &doc.Blocks[i]; b.Kind != extract.KindTable && b.Text == doc.Blocks[0].Text {
				if b.Kind == extract.KindHeading {
					b.Level = 1
				}
				doc.Blocks = doc.Blocks[1:]
				break
			}
		}
	}
	finish(doc)
	if doc.Title == "" && hq != nil {
		doc.Title = normalizeSpace(hq.Find("title").First().Text())
	}
	return nil
}

// topElements returns the <head> and <body> (or nil) under the document root.
func topElements(root *html.Node) (head, body *html.Node) {
	for h := root.FirstChild; h != nil; h = h.NextSibling {
		if h.Type != html.ElementNode || h.DataAtom != atom.Html {
			continue
		}
		for c := h.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type != html.ElementNode:
			case c.DataAtom == atom.Head && head == nil:
				head = c
			case c.DataAtom == atom.Body && body == nil:
				body = c
			}
		}
	}
	return head, body
}

// metaTitle is the article title portals put in <meta name="ArticleTitle">
// or og:title.
func metaTitle(gq *goquery.Document) string {
	var t string
	gq.Find("meta").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		name := strings.ToLower(s.AttrOr("name", s.AttrOr("property", "")))
		if name == "articletitle" || name == "og:title" {
			t = normalizeSpace(s.AttrOr("content", ""))
		}
		return t == ""
	})
	return t
}

// hasDataTable reports whether the content holds a data table.
func hasDataTable(pg *page, n *html.Node) bool {
	if pg.media[n]&hasTable == 0 && n.DataAtom != atom.Table {
		return false
	}
	found := false
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		for c := n.FirstChild; c != nil && !found; c = c.NextSibling {
			if c.Type != html.ElementNode || pg.drop[c] {
				continue
			}
			if c.DataAtom == atom.Table && !pg.isLayoutTable(c) {
				found = true
				return
			}
			if pg.media[c]&hasTable != 0 {
				rec(c)
			}
		}
	}
	if n.DataAtom == atom.Table && !pg.isLayoutTable(n) {
		return true
	}
	rec(n)
	return found
}

// finish moves 注 lines after a table into its Notes, drops a heading that
// repeats the recovered title, and ranks font sizes.
func finish(doc *extract.Document) {
	bs := doc.Blocks
	out := bs[:0]
	for i := 0; i < len(bs); i++ {
		b := bs[i]
		if b.Kind == extract.KindParagraph && len(out) > 0 && out[len(out)-1].Kind == extract.KindTable && isNote(b.Text) {
			t := out[len(out)-1].Table
			t.Notes = append(t.Notes, b.Text)
			continue
		}
		out = append(out, b)
	}
	doc.Blocks = out
	markTOC(doc.Blocks)
	var sizes []float64
	for _, b := range doc.Blocks {
		if b.Hints.FontSize > 0 && !slices.Contains(sizes, b.Hints.FontSize) {
			sizes = append(sizes, b.Hints.FontSize)
		}
	}
	slices.SortFunc(sizes, func(a, b float64) int {
		switch {
		case a > b:
			return -1
		case a < b:
			return 1
		}
		return 0
	})
	for i := range doc.Blocks {
		if f := doc.Blocks[i].Hints.FontSize; f > 0 {
			doc.Blocks[i].Hints.SizeRank = slices.Index(sizes, f) + 1
		}
	}
}

func isNote(s string) bool {
	return runeLen(s) <= 300 && (strings.HasPrefix(s, "注：") || strings.HasPrefix(s, "注:") || strings.HasPrefix(s, "备注"))
}

var (
	tocTitleRE = regexp.MustCompile(`^目\s*录$`)
	leaderRE   = regexp.MustCompile(`(…{2,}|\.{4,}|·{4,}|-{4,})\s*[0-9]*\s*$`)
)

// markTOC flags a printed table of contents: the 目录 line and the lines
// after it that end in leader dots or reappear later in the body.
func markTOC(bs []extract.Block) {
	for i := range bs {
		if bs[i].Kind == extract.KindTable || !tocTitleRE.MatchString(bs[i].Text) {
			continue
		}
		bs[i].TOC = true
		for j := i + 1; j < len(bs); j++ {
			b := &bs[j]
			if b.Kind != extract.KindHeading && b.Kind != extract.KindParagraph {
				break
			}
			if !leaderRE.MatchString(b.Text) && !seenAfter(bs, j, b.Text) {
				break
			}
			b.TOC = true
		}
		return
	}
}

// seenAfter reports whether text is repeated by a block after index j.
func seenAfter(bs []extract.Block, j int, text string) bool {
	for k := j + 1; k < len(bs); k++ {
		if bs[k].Text == text && bs[k].Kind != extract.KindTable {
			return true
		}
	}
	return false
}
