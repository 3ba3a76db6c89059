package html

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// page is a parsed page and what the cleaning passes learnt about it. The
// tree itself is never restructured (so selector paths stay true to the
// source); elements that are not content are marked in drop instead.
type page struct {
	root *html.Node
	body *html.Node
	drop map[*html.Node]bool
	// weight is the text density measure of each element: non-space runes
	// outside links, plus imageWeight per content-sized image.
	weight map[*html.Node]int
	media  map[*html.Node]uint8 // hasTable | hasImage
	layout map[*html.Node]bool  // isLayoutTable's answers
	// hiddenClasses and hiddenIDs are hidden by the page's own <style>
	// rules (".hide{display:none}").
	hiddenClasses, hiddenIDs map[string]bool
}

const (
	hasTable uint8 = 1 << iota
	hasImage
)

// imageWeight is what one content-sized image counts for in text density.
const imageWeight = 100

// nonContent are elements never read.
var nonContent = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Frame: true, atom.Object: true, atom.Embed: true, atom.Applet: true,
	atom.Svg: true, atom.Math: true, atom.Canvas: true, atom.Audio: true, atom.Video: true,
	atom.Input: true, atom.Select: true, atom.Textarea: true, atom.Button: true,
	atom.Head: true, atom.Title: true, atom.Link: true, atom.Meta: true, atom.Base: true,
	atom.Map: true, atom.Dialog: true,
}

// boilerTags are page chrome by their tag.
var boilerTags = map[atom.Atom]bool{atom.Nav: true, atom.Aside: true, atom.Footer: true, atom.Menu: true}

// boilerName matches class and id values of portal chrome: navigation,
// breadcrumbs (当前位置), share and print buttons, QR codes, related links,
// search boxes, login bars, headers and footers.
var boilerName = regexp.MustCompile(`(?i)nav|menu|breadcrumb|crumb|share|bdshare|jiathis|footer|copyright|qrcode|ewm|relalink|related|sidebar|toolbar|login|search|pagination|pager|btn_group|btn-group|weizhi|position|location|(^|[\s_-])(header|head|foot|top|topbar|banner|tools?|print|dock)([\s_-]|$)`)

// boilerRoles are ARIA landmark roles of chrome.
var boilerRoles = map[string]bool{"navigation": true, "banner": true, "contentinfo": true, "search": true, "complementary": true}

// markNonContent drops scripts, styles, form controls, hidden elements and
// namespaced template tags' attributes, and strips ${…} residue from text.
// Recursion is bounded by prune's depth cut.
func (pg *page) markNonContent(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			if strings.Contains(c.Data, "${") {
				c.Data = stripTemplateVars(c.Data)
			}
		case html.ElementNode:
			if nonContent[c.DataAtom] || isHidden(c) || pg.hiddenByCSS(c) {
				pg.drop[c] = true
				continue
			}
			pg.markNonContent(c)
		}
	}
}

// isHidden reports elements a browser would not show: the hidden attribute,
// display:none or visibility:hidden inline styles, aria-hidden, hidden inputs.
func isHidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(strings.TrimSpace(a.Val), "true") {
				return true
			}
		case "type":
			if strings.EqualFold(a.Val, "hidden") {
				return true
			}
		case "style":
			st := compactStyle(a.Val)
			if strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

// compactStyle lower-cases an inline style and removes its spaces.
func compactStyle(s string) string {
	s = strings.ToLower(s)
	if strings.ContainsAny(s, " \t\n\r") {
		s = strings.Map(func(r rune) rune {
			if r == ' ' || r == '\t' || r == '\n' || r == '\r' {
				return -1
			}
			return r
		}, s)
	}
	return s
}

// measure fills weight and media for n's subtree (for containers only:
// inline elements are never asked) and returns n's weight and media.
func (pg *page) measure(n *html.Node, inLink bool) (int, uint8) {
	w := 0
	var m uint8
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			if !inLink {
				w += weightOf(c.Data)
			}
		case html.ElementNode:
			if pg.drop[c] {
				continue
			}
			switch c.DataAtom {
			case atom.Img:
				if contentImage(c) {
					w += imageWeight
					m |= hasImage
				}
				continue
			case atom.Table:
				m |= hasTable
			}
			cw, cm := pg.measure(c, inLink || c.DataAtom == atom.A)
			w += cw
			m |= cm
		}
	}
	if isInline(n.DataAtom) && n.DataAtom != 0 || isLeafBlock(n.DataAtom) {
		// Only containers are candidates for the article or chrome; not
		// storing every paragraph keeps the maps small on large pages.
		return w, m
	}
	if w > 0 {
		pg.weight[n] = w
	} else {
		delete(pg.weight, n)
	}
	if m != 0 {
		pg.media[n] = m
	} else {
		delete(pg.media, n)
	}
	return w, m
}

// isLeafBlock reports the text blocks that are never the article or a
// piece of chrome themselves.
func isLeafBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Pre, atom.Dt, atom.Dd:
		return true
	}
	return false
}

// markBoilerplate drops chrome containers (nav, footer, breadcrumbs, share
// bars…) unless one holds a large share of the page's text: a wrapper with
// an unlucky class name is not chrome.
func (pg *page) markBoilerplate(n *html.Node, total int, inArticle bool) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || pg.drop[c] {
			continue
		}
		art := inArticle || c.DataAtom == atom.Article || c.DataAtom == atom.Main
		if isBoilerplate(c, inArticle) && pg.weight[c]*5 < total*2 && pg.media[c]&hasTable == 0 {
			pg.drop[c] = true
			continue
		}
		pg.markBoilerplate(c, total, art)
	}
}

func isBoilerplate(n *html.Node, inArticle bool) bool {
	if boilerTags[n.DataAtom] || (n.DataAtom == atom.Header && !inArticle) {
		return true
	}
	if boilerRoles[strings.ToLower(attr(n, "role"))] {
		return true
	}
	switch n.DataAtom {
	case atom.Body, atom.Html, atom.Tbody, atom.Tr, atom.Td, atom.Th, atom.P, atom.Span, atom.Font, atom.B, atom.Strong:
		return false
	}
	for _, k := range [...]string{"class", "id"} {
		if v := attr(n, k); v != "" && boilerName.MatchString(v) {
			return true
		}
	}
	return false
}

// contentImage reports whether an <img> is large enough to be content
// rather than an icon, bullet or spacer.
func contentImage(n *html.Node) bool {
	if imageSrc(n) == "" {
		return false
	}
	w, h := imageSize(n)
	if (w > 0 && w < 60) || (h > 0 && h < 40) {
		return false
	}
	return true
}

// hiddenRuleRE finds simple style rules that hide elements: a selector list
// of .class and #id selectors whose block sets display:none.
var hiddenRuleRE = regexp.MustCompile(`([^{}]+)\{[^{}]*display\s*:\s*none[^{}]*\}`)

// readStyles collects the classes and ids the page's <style> elements hide.
// Only bare ".name" and "#name" selectors count; anything contextual
// (".a .b", ":hover") is ignored.
func (pg *page) readStyles(root *html.Node) {
	pg.hiddenClasses, pg.hiddenIDs = map[string]bool{}, map[string]bool{}
	var rec func(*html.Node, int)
	rec = func(n *html.Node, depth int) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c.DataAtom == atom.Style && c.FirstChild != nil && c.FirstChild.Type == html.TextNode {
				for _, m := range hiddenRuleRE.FindAllStringSubmatch(c.FirstChild.Data, 100) {
					for _, sel := range strings.Split(m[1], ",") {
						sel = strings.TrimSpace(sel)
						if len(sel) < 2 || !isIdent(sel[1:]) {
							continue
						}
						switch sel[0] {
						case '.':
							pg.hiddenClasses[sel[1:]] = true
						case '#':
							pg.hiddenIDs[sel[1:]] = true
						}
					}
				}
				continue
			}
			rec(c, depth+1)
		}
	}
	rec(root, 0)
}

// hiddenByCSS reports an element hidden by a rule readStyles found.
func (pg *page) hiddenByCSS(n *html.Node) bool {
	if len(pg.hiddenClasses) == 0 && len(pg.hiddenIDs) == 0 {
		return false
	}
	if id := attr(n, "id"); id != "" && pg.hiddenIDs[id] {
		return true
	}
	for _, c := range strings.Fields(attr(n, "class")) {
		if pg.hiddenClasses[c] {
			return true
		}
	}
	return false
}
