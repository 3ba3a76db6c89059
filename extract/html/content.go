package html

import (
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// findContent picks the article body: starting at <body>, it descends into
// the child holding the page's text for as long as the other children hold
// little (under a fifth of the weight) and no table or content image. The
// chrome left over (a date line, a print link) stays outside.
func (pg *page) findContent() *html.Node {
	cand := pg.body
	for {
		total := pg.weight[cand]
		if total == 0 {
			return cand
		}
		var best *html.Node
		bestW := -1
		for c := cand.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && !pg.drop[c] && pg.weight[c] > bestW {
				best, bestW = c, pg.weight[c]
			}
		}
		if best == nil || (total-bestW)*5 > total {
			return cand
		}
		for c := cand.FirstChild; c != nil; c = c.NextSibling {
			// A sibling holding an image or a table with text is content too
			// (a link-only table of a side bar is not).
			if c != best && c.Type == html.ElementNode && !pg.drop[c] &&
				(pg.media[c]&hasImage != 0 || pg.media[c]&hasTable != 0 && pg.weight[c] >= 20 || c.DataAtom == atom.Table && pg.weight[c] >= 20) {
				return cand
			}
		}
		if best.DataAtom == atom.Table && !pg.isLayoutTable(best) {
			return cand
		}
		if isInline(best.DataAtom) || best.DataAtom == atom.P || best.DataAtom == atom.Li {
			return cand
		}
		cand = best
	}
}

// titleRE matches the title of a disclosure: 某某2024年(度)部门预算(公开/说明…).
var titleRE = regexp.MustCompile(`(预算|决算|预决算)`)

// findTitle looks for the disclosure's own title outside the chosen content
// (portals print it in an <h1>/<h2> or a *title* element above the article
// body): the closest preceding heading or title element, within a few
// ancestors, whose short text names a budget or final account.
func (pg *page) findTitle(content *html.Node) *html.Node {
	node := content
	for up := 0; up < 6 && node != nil && node != pg.body; up++ {
		parent := node.Parent
		if parent == nil {
			break
		}
		for s := node.PrevSibling; s != nil; s = s.PrevSibling {
			if t := pg.titleIn(s, 0); t != nil {
				return t
			}
		}
		node = parent
	}
	return nil
}

// titleIn searches n's subtree, last element first, for a title element.
func (pg *page) titleIn(n *html.Node, depth int) *html.Node {
	if n.Type != html.ElementNode || pg.drop[n] || depth > 8 {
		return nil
	}
	if isTitleElement(n) {
		txt := normalizeSpace(plainText(n, pg.drop))
		if l := runeLen(txt); l >= 4 && l <= 100 && titleRE.MatchString(txt) {
			return n
		}
	}
	for c := n.LastChild; c != nil; c = c.PrevSibling {
		if t := pg.titleIn(c, depth+1); t != nil {
			return t
		}
	}
	return nil
}

func isTitleElement(n *html.Node) bool {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3:
		return true
	}
	cls := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
	return strings.Contains(cls, "title") && !strings.Contains(cls, "sec") && !strings.Contains(cls, "sub")
}

// plainText is the text of n's subtree, dropped elements left out, block
// boundaries and <br> turned into newlines.
func plainText(n *html.Node, drop map[*html.Node]bool) string {
	var b strings.Builder
	var rec func(*html.Node, int)
	rec = func(n *html.Node, depth int) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				b.WriteString(c.Data)
			case html.ElementNode:
				if drop[c] {
					continue
				}
				if c.DataAtom == atom.Br || (!isInline(c.DataAtom) && b.Len() > 0) {
					b.WriteByte('\n')
				}
				rec(c, depth+1)
				if !isInline(c.DataAtom) {
					b.WriteByte('\n')
				}
			}
		}
	}
	rec(n, 0)
	return b.String()
}

// isInline reports the phrasing elements whose text flows into the
// surrounding line. Unknown and namespaced elements (o:p, c:out) count as
// inline.
func isInline(a atom.Atom) bool {
	switch a {
	case atom.A, atom.Abbr, atom.B, atom.Bdi, atom.Bdo, atom.Big, atom.Cite, atom.Code, atom.Data,
		atom.Del, atom.Dfn, atom.Em, atom.Font, atom.I, atom.Ins, atom.Kbd, atom.Label, atom.Mark,
		atom.Nobr, atom.Q, atom.Rp, atom.Rt, atom.Ruby, atom.S, atom.Samp, atom.Small, atom.Span,
		atom.Strike, atom.Strong, atom.Sub, atom.Sup, atom.Time, atom.Tt, atom.U, atom.Var, atom.Wbr,
		atom.Img, atom.Br, 0:
		return true
	}
	return false
}

// imageSrc is an image's address, lazy-loading attributes included.
func imageSrc(n *html.Node) string {
	for _, k := range [...]string{"src", "data-src", "data-original", "original"} {
		if v := strings.TrimSpace(attr(n, k)); v != "" {
			return v
		}
	}
	return ""
}

// imageSize reads width and height in CSS pixels from the attributes or
// the inline style; 0 when not given.
func imageSize(n *html.Node) (w, h int) {
	w, h = pixels(attr(n, "width")), pixels(attr(n, "height"))
	st := compactStyle(attr(n, "style"))
	if v := styleValue(st, "width"); v != "" {
		w = pixels(v)
	}
	if v := styleValue(st, "height"); v != "" {
		h = pixels(v)
	}
	return w, h
}

// pixels reads "750", "750px" or "750.5px"; percentages and other units give 0.
func pixels(s string) int {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "px"))
	if i := strings.IndexByte(s, '.'); i >= 0 {
		s = s[:i]
	}
	v, err := strconv.Atoi(s)
	if err != nil || v < 0 {
		return 0
	}
	return v
}

// styleValue returns the value of property key in a compacted inline style.
func styleValue(st, key string) string {
	for _, decl := range strings.Split(st, ";") {
		k, v, ok := strings.Cut(decl, ":")
		if ok && k == key {
			return strings.TrimSuffix(v, "!important")
		}
	}
	return ""
}
