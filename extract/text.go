package extract

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// WriteText renders d for people debugging a document: one line per block
// with its kind, level and provenance, and tables as aligned grids.
func WriteText(w io.Writer, d *Document) {
	fmt.Fprintf(w, "format %s", d.Format)
	if d.Encoding != "" {
		fmt.Fprintf(w, ", encoding %s", d.Encoding)
	}
	if d.Pages > 0 {
		fmt.Fprintf(w, ", %d pages", d.Pages)
	}
	if d.Title != "" {
		fmt.Fprintf(w, ", title %q", d.Title)
	}
	fmt.Fprintf(w, ", %d blocks\n", len(d.Blocks))
	for _, p := range d.Problems {
		fmt.Fprintf(w, "! %s: %s (%s)\n", p.Code, p.Message, p.At)
	}
	for _, b := range d.Blocks {
		at := b.At.String()
		switch b.Kind {
		case KindHeading:
			toc := ""
			if b.TOC {
				toc = " toc"
			}
			fmt.Fprintf(w, "\n%s H%d%s [%s] %s\n", strings.Repeat("#", max(b.Level, 1)), b.Level, toc, at, b.Text)
		case KindParagraph:
			toc := ""
			if b.TOC {
				toc = "toc "
			}
			fmt.Fprintf(w, "P %s[%s] %s\n", toc, at, b.Text)
		case KindImage:
			fmt.Fprintf(w, "IMG [%s] %s %q\n", at, b.Image.Src, b.Image.Alt)
		case KindTable:
			writeTable(w, b.Table, at)
		}
	}
}

func writeTable(w io.Writer, t *Table, at string) {
	fmt.Fprintf(w, "TABLE [%s] %d rows × %d cols", at, len(t.Rows), t.NumCols())
	if t.Unit != "" {
		fmt.Fprintf(w, ", unit %s", t.Unit)
	}
	if t.HeaderRows > 0 {
		fmt.Fprintf(w, ", %d header rows", t.HeaderRows)
	}
	fmt.Fprintln(w)
	for _, c := range t.Caption {
		fmt.Fprintf(w, "  caption: %s\n", c)
	}
	n := t.NumCols()
	widths := make([]int, n)
	cell := func(c Cell) string {
		if c.Covered {
			return "〃"
		}
		s := strings.ReplaceAll(c.Text, "\n", "⏎")
		if utf8.RuneCountInString(s) > 24 {
			s = string([]rune(s)[:23]) + "…"
		}
		return s
	}
	for _, r := range t.Rows {
		for i, c := range r {
			widths[i] = max(widths[i], displayWidth(cell(c)))
		}
	}
	for ri, r := range t.Rows {
		var b strings.Builder
		b.WriteString("  |")
		for i, c := range r {
			s := cell(c)
			b.WriteString(" " + s + strings.Repeat(" ", widths[i]-displayWidth(s)) + " |")
		}
		if ri == t.HeaderRows-1 {
			b.WriteString("  ← header")
		}
		fmt.Fprintln(w, b.String())
	}
	for _, c := range t.Notes {
		fmt.Fprintf(w, "  note: %s\n", c)
	}
}

func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x2E80 {
			n += 2
		} else {
			n++
		}
	}
	return n
}
