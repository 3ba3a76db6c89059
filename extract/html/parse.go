package html

import (
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/yusuan/yusuan/extract"
)

// parserStackLimit is the nesting x/net/html refuses outright (it returns an
// error for the whole page); we flatten the source below it first.
const parserStackLimit = 500

// parse builds the node tree. A page nested deeper than the parser accepts
// is re-tokenised with the excess start and end tags dropped (their text
// kept), and the tree is then cut at maxDepth; both add a Problem.
func parse(src string, maxDepth int) (*html.Node, []extract.Problem, error) {
	var probs []extract.Problem
	if len(src) > maxPageBytes {
		return nil, nil, fmt.Errorf("parse: %w: page of %d MB, limit %d MB", extract.ErrLimit, len(src)>>20, maxPageBytes>>20)
	}
	if n := countTags(src, maxElements); n > maxElements {
		return nil, nil, fmt.Errorf("parse: %w: more than %d elements", extract.ErrLimit, maxElements)
	}
	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		flat, dropped := flatten(src, min(maxDepth, parserStackLimit)/2)
		probs = append(probs, extract.Problem{
			Code:    "extract.too_deep",
			Message: fmt.Sprintf("markup nested deeper than the parser accepts: %d tags beyond depth %d ignored, their text kept", dropped, min(maxDepth, parserStackLimit)/2),
		})
		root, err = html.Parse(strings.NewReader(flat))
		if err != nil {
			return nil, probs, fmt.Errorf("parse: %w: %v", extract.ErrLimit, err)
		}
	}
	if n := prune(root, maxDepth); n > 0 {
		probs = append(probs, extract.Problem{
			Code:    "extract.too_deep",
			Message: fmt.Sprintf("%d elements nested deeper than %d levels were not read", n, maxDepth),
		})
	}
	return root, probs, nil
}

// Limits on a page, far above any disclosure page seen (the largest is
// 123 KB with under 2,000 elements): the node tree and the passes over it
// cost a few hundred bytes per element and several copies of the text, so
// larger pages are refused before they are parsed.
// A page yields at most maxBlocks blocks (the largest seen: a few
// hundred), each some hundreds of bytes with its provenance.
const (
	maxPageBytes = 16 << 20
	maxElements  = 1 << 18
	maxBlocks    = 1 << 16
)

// countTags counts the start tags of src (a '<' before a letter; an upper
// bound, script text included), stopping past limit. No tokenizer: it
// would buffer a long text run whole.
func countTags(src string, limit int) int {
	n := 0
	for i := 0; i+1 < len(src) && n <= limit; i++ {
		if src[i] == '<' && (src[i+1]|0x20 >= 'a' && src[i+1]|0x20 <= 'z') {
			n++
		}
	}
	return n
}

// flatten re-emits src token by token, dropping start tags that would open
// an element deeper than limit (counted naively, ignoring void elements and
// elements whose end tags are commonly implied) and the end tags that close
// them.
func flatten(src string, limit int) (string, int) {
	z := html.NewTokenizer(strings.NewReader(src))
	var b strings.Builder
	b.Grow(len(src))
	var stack []atom.Atom
	skipped := map[string]int{}
	dropped := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		switch tt {
		case html.StartTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if isVoid(a) || impliedEnd(a) {
				break
			}
			if len(stack) >= limit {
				skipped[string(name)]++
				dropped++
				continue
			}
			stack = append(stack, a)
		case html.EndTagToken:
			name, _ := z.TagName()
			if skipped[string(name)] > 0 {
				skipped[string(name)]--
				continue
			}
			a := atom.Lookup(name)
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i] == a && a != 0 {
					stack = stack[:i]
					break
				}
			}
		}
		b.Write(raw)
	}
	return b.String(), dropped
}

func isVoid(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input,
		atom.Link, atom.Meta, atom.Param, atom.Source, atom.Track, atom.Wbr:
		return true
	}
	return false
}

func impliedEnd(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Li, atom.Dt, atom.Dd, atom.Option, atom.Tr, atom.Td, atom.Th,
		atom.Thead, atom.Tbody, atom.Tfoot, atom.Colgroup, atom.Html, atom.Head, atom.Body:
		return true
	}
	return false
}

// prune cuts off every element deeper than maxDepth and returns how many
// subtrees it cut. It walks with an explicit stack, so no input can
// overflow the goroutine stack here or in the recursive passes after it.
func prune(root *html.Node, maxDepth int) int {
	type item struct {
		n     *html.Node
		depth int
	}
	cut := 0
	stack := []item{{root, 0}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if it.depth >= maxDepth && it.n.FirstChild != nil {
			for c := it.n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode {
					cut++
				}
			}
			it.n.FirstChild, it.n.LastChild = nil, nil
			continue
		}
		for c := it.n.FirstChild; c != nil; c = c.NextSibling {
			stack = append(stack, item{c, it.depth + 1})
		}
	}
	return cut
}
