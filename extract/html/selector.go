package html

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// path is a CSS selector path built while walking down the tree: each
// element adds one segment ("div#content", "tr:nth-of-type(3)") linked to
// its parent's, and the string is built only for the nodes that become
// blocks or cells. Paths start at body, count every element of the parsed
// source (dropped chrome included), so they select the same node in the
// original page with goquery or a browser.
type path struct {
	parent   *path
	n        *html.Node // the element; nil when seg is given
	i, total int        // its index among siblings of its type, and their number
	seg      string
	str      string // the full selector, once built
}

// String renders the selector, memoised so that the cells of one row
// share their row's prefix.
func (p *path) String() string {
	if p == nil {
		return ""
	}
	if p.str == "" {
		if p.seg == "" && p.n != nil {
			p.seg = segment(p.n, p.i, p.total)
		}
		if p.parent == nil {
			p.str = p.seg
		} else {
			p.str = p.parent.String() + " > " + p.seg
		}
	}
	return p.str
}

// childPaths returns the path of each element child of n, in order, with
// :nth-of-type added where the parent holds more than one element of that
// type.
func childPaths(n *html.Node, parent *path) []path {
	type count struct {
		tag      string
		total, i int
	}
	var counts []count
	find := func(tag string) int {
		for i := range counts {
			if counts[i].tag == tag {
				return i
			}
		}
		counts = append(counts, count{tag: tag})
		return len(counts) - 1
	}
	nel := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			counts[find(c.Data)].total++
			nel++
		}
	}
	out := make([]path, 0, nel)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		k := find(c.Data)
		counts[k].i++
		out = append(out, path{parent: parent, n: c, i: counts[k].i, total: counts[k].total})
	}
	return out
}

// segment renders one element: tag, #id when the id is a plain CSS
// identifier, :nth-of-type(i) when it has siblings of its type.
func segment(n *html.Node, i, total int) string {
	s := cssTag(n.Data)
	if id := attr(n, "id"); isIdent(id) {
		s += "#" + id
	}
	if total > 1 {
		s += ":nth-of-type(" + strconv.Itoa(i) + ")"
	}
	return s
}

// cssTag escapes the colon of namespaced tags (o:p) for CSS.
func cssTag(tag string) string {
	return strings.ReplaceAll(tag, ":", `\:`)
}

func isIdent(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for i, c := range s {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '_':
		case (c >= '0' && c <= '9' || c == '-') && i > 0:
		default:
			return false
		}
	}
	return true
}

// pathTo builds the path of n from body down (or from the topmost element
// if n is not under body).
func pathTo(n *html.Node) *path {
	var chain []*html.Node
	for q := n; q != nil && q.Type == html.ElementNode; q = q.Parent {
		chain = append(chain, q)
		if q.Data == "body" {
			break
		}
	}
	var p *path
	for i := len(chain) - 1; i >= 0; i-- {
		c := chain[i]
		if c.Data == "body" || c.Parent == nil || c.Parent.Type != html.ElementNode {
			p = &path{parent: p, seg: cssTag(c.Data)}
			continue
		}
		idx, total := 0, 0
		for s := c.Parent.FirstChild; s != nil; s = s.NextSibling {
			if s.Type == html.ElementNode && s.Data == c.Data {
				total++
				if s == c {
					idx = total
				}
			}
		}
		p = &path{parent: p, seg: segment(c, idx, total)}
	}
	return p
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
