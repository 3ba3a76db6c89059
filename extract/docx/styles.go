package docx

import (
	"archive/zip"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
)

// styles maps a paragraph style id to what it says about headings.
type styles map[string]style

type style struct {
	name    string
	basedOn string
	outline int // w:outlineLvl + 1; 0 none
}

// readStyles reads the paragraph styles of word/styles.xml.
func readStyles(f *zip.File, limit int64, maxDepth int) (styles, error) {
	rc, err := openPart(f, limit)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	dec := xml.NewDecoder(utf8Reader(rc))
	dec.CharsetReader = charsetReader
	st := styles{}
	var cur *style
	var id string
	depth := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			if err == io.EOF {
				return st, nil
			}
			return nil, xmlError(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > maxDepth {
				return nil, depthError(maxDepth)
			}
			if !isWord(t.Name) {
				continue
			}
			switch t.Name.Local {
			case "style":
				cur, id = &style{}, attr(t, "styleId")
			case "name":
				if cur != nil {
					cur.name = attr(t, "val")
				}
			case "basedOn":
				if cur != nil {
					cur.basedOn = attr(t, "val")
				}
			case "outlineLvl":
				if cur != nil {
					cur.outline = outlineLevel(attr(t, "val"))
				}
			}
		case xml.EndElement:
			depth--
			if isWord(t.Name) && t.Name.Local == "style" && cur != nil {
				st[id] = *cur
				cur = nil
			}
		}
	}
}

// outlineLevel turns a w:outlineLvl value (0..8 headings, 9 body text)
// into a heading level, 0 for none.
func outlineLevel(v string) int {
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 || n > 8 {
		return 0
	}
	return n + 1
}

// level is the heading level of style id: its outline level, else the
// level its name says (heading 2, 标题 2, Title), following w:basedOn.
func (s styles) level(id string) int {
	for hops := 0; id != "" && hops < 16; hops++ {
		st, ok := s[id]
		if !ok {
			return 0
		}
		if st.outline > 0 {
			return st.outline
		}
		if n := nameLevel(st.name); n > 0 {
			return n
		}
		id = st.basedOn
	}
	return 0
}

// toc reports a contents-entry style (toc 1, 目录 1).
func (s styles) toc(id string) bool {
	name := strings.ToLower(s[id].name)
	return strings.HasPrefix(name, "toc ") || strings.HasPrefix(name, "目录 ")
}

func nameLevel(name string) int {
	name = strings.ToLower(strings.TrimSpace(name))
	if name == "title" || name == "标题" {
		return 1
	}
	for _, prefix := range [...]string{"heading ", "标题 ", "heading", "标题"} {
		if rest, ok := strings.CutPrefix(name, prefix); ok {
			if n, err := strconv.Atoi(rest); err == nil && n >= 1 && n <= 9 {
				return n
			}
		}
	}
	return 0
}
