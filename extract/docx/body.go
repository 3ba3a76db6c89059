package docx

import (
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/prov"
)

// The WordprocessingML namespaces: transitional and strict.
const (
	wordNS       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	wordStrictNS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	compatNS     = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

func isWord(n xml.Name) bool { return n.Space == wordNS || n.Space == wordStrictNS }

// attr returns the value of the attribute called local (w:val, w:styleId).
func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func depthError(max int) error {
	return fmt.Errorf("%w: XML nested deeper than %d elements", extract.ErrLimit, max)
}

// paragraph gathers one top-level paragraph.
type paragraph struct {
	text      strings.Builder
	style     string
	outline   int // from the paragraph's own w:outlineLvl; -1 body text
	centered  bool
	runBold   bool // the current run is bold
	bold, all int  // runes in bold runs, in all runs
	size      float64
}

// walker reads word/document.xml as a token stream. Only the outermost
// paragraphs and tables make blocks; what nests inside them (text boxes,
// tables in cells) joins their text.
type walker struct {
	ctx      context.Context
	dec      *xml.Decoder
	st       styles
	maxDepth int
	doc      *extract.Document

	depth     int
	skipFrom  int // depth of an element being skipped (mc:Fallback), 0 none
	top       int // top-level paragraphs and tables seen: the Line of a block
	paraDepth int
	runDepth  int
	inText    bool
	inPPr     bool
	para      *paragraph
	table     *tableBuilder // the top-level table being read
	flat      int           // depth of tables nested in table, flattened
	tables    int           // tables emitted
	cells     int
}

func newWalker(ctx context.Context, r io.Reader, st styles, maxDepth int, doc *extract.Document) *walker {
	dec := xml.NewDecoder(utf8Reader(r))
	dec.CharsetReader = charsetReader
	return &walker{ctx: ctx, dec: dec, st: st, maxDepth: maxDepth, doc: doc}
}

func (w *walker) run() error {
	for n := 0; ; n++ {
		if n%4096 == 0 {
			if err := w.ctx.Err(); err != nil {
				return err
			}
		}
		tok, err := w.dec.Token()
		if err == io.EOF {
			if w.depth != 0 {
				return fmt.Errorf("%w: XML ends early", extract.ErrCorrupt)
			}
			return nil
		}
		if err != nil {
			return xmlError(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			w.depth++
			if w.depth > w.maxDepth {
				return depthError(w.maxDepth)
			}
			if w.skipFrom > 0 {
				continue
			}
			if t.Name.Space == compatNS && t.Name.Local == "Fallback" {
				w.skipFrom = w.depth
				continue
			}
			if isWord(t.Name) {
				if err := w.start(t); err != nil {
					return err
				}
			}
		case xml.EndElement:
			if w.skipFrom > 0 {
				if w.depth == w.skipFrom {
					w.skipFrom = 0
				}
				w.depth--
				continue
			}
			w.depth--
			if isWord(t.Name) {
				if err := w.end(t.Name.Local); err != nil {
					return err
				}
			}
		case xml.CharData:
			if w.inText && w.skipFrom == 0 {
				w.write(string(t))
			}
		}
	}
}

// target is where text goes: the cell being read, else the paragraph.
func (w *walker) target() *strings.Builder {
	if w.table != nil {
		if c := w.table.cell; c != nil {
			return &c.text
		}
		return nil
	}
	if w.para != nil {
		return &w.para.text
	}
	return nil
}

func (w *walker) write(s string) {
	b := w.target()
	if b == nil {
		return
	}
	b.WriteString(s)
	if w.para != nil && w.table == nil {
		n := len([]rune(s))
		w.para.all += n
		if w.para.runBold {
			w.para.bold += n
		}
	}
}

func (w *walker) start(t xml.StartElement) error {
	switch t.Name.Local {
	case "p":
		w.paraDepth++
		if w.paraDepth == 1 && w.table == nil {
			w.top++
			w.para = &paragraph{outline: 0}
		} else if b := w.target(); b != nil && b.Len() > 0 {
			b.WriteByte('\n')
		}
	case "pPr":
		w.inPPr = w.paraDepth == 1 && w.runDepth == 0
	case "pStyle":
		if w.inPPr && w.para != nil {
			w.para.style = attr(t, "val")
		}
	case "outlineLvl":
		if w.inPPr && w.para != nil {
			if lvl := outlineLevel(attr(t, "val")); lvl > 0 {
				w.para.outline = lvl
			} else {
				w.para.outline = -1
			}
		}
	case "jc":
		if w.inPPr && w.para != nil {
			w.para.centered = attr(t, "val") == "center"
		}
	case "r":
		w.runDepth++
		if w.para != nil {
			w.para.runBold = false
		}
	case "b":
		if w.runDepth > 0 && w.para != nil {
			v := attr(t, "val")
			w.para.runBold = v == "" || v == "1" || v == "true" || v == "on"
		}
	case "sz":
		if w.runDepth > 0 && w.para != nil {
			if hp, err := strconv.Atoi(attr(t, "val")); err == nil && hp > 0 && hp < 4000 {
				w.para.size = max(w.para.size, float64(hp)/2)
			}
		}
	case "t":
		w.inText = w.runDepth > 0
	case "tab":
		if w.runDepth > 0 {
			w.write(" ")
		}
	case "br", "cr":
		if w.runDepth > 0 {
			w.write("\n")
		}
	case "noBreakHyphen":
		w.write("-")
	default:
		return w.startTable(t)
	}
	return nil
}

func (w *walker) end(local string) error {
	switch local {
	case "p":
		w.paraDepth--
		if w.paraDepth == 0 && w.table == nil && w.para != nil {
			err := w.emitParagraph()
			w.para = nil
			return err
		}
	case "pPr":
		w.inPPr = false
	case "r":
		w.runDepth--
	case "t":
		w.inText = false
	default:
		return w.endTable(local)
	}
	return nil
}

// emitParagraph makes a block of the paragraph just read, unless empty.
func (w *walker) emitParagraph() error {
	p := w.para
	text := normalizeSpace(p.text.String())
	if text == "" {
		return nil
	}
	if len(w.doc.Blocks) >= MaxBlocks {
		return fmt.Errorf("%w: more than %d paragraphs and tables", extract.ErrLimit, MaxBlocks)
	}
	b := extract.Block{Kind: extract.KindParagraph, Text: text, At: prov.At{Line: w.top}}
	b.Hints = extract.Hints{Bold: p.all > 0 && p.bold*5 >= p.all*4, Centered: p.centered, FontSize: p.size}
	level := w.st.level(p.style)
	if p.outline != 0 {
		level = max(p.outline, 0)
	}
	b.TOC = w.st.toc(p.style)
	classify(&b, level, p.outline < 0 || b.TOC)
	w.doc.Blocks = append(w.doc.Blocks, b)
	return nil
}
