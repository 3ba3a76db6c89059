// Package extract owns the intermediate document: what any input format
// becomes before anything downstream looks at it. An extractor (one
// sub-package per format: txt, pdf, html, xlsx) turns bytes into a Document
// of blocks — headings, paragraphs, tables, images — each carrying its
// provenance. Nothing after this package knows which format a block came
// from: layout facts travel as neutral hints (bold, font size rank,
// centred), never as format checks.
//
// Extractors register themselves from init (see Register), the way image
// decoders and database/sql drivers do, so that this package holds the model
// and the registry without importing its formats.
package extract

import (
	"sort"
	"unicode/utf8"

	"github.com/yusuan/yusuan/prov"
)

// Format names an input format.
type Format string

// The input formats yusuan knows of. Not all have an extractor yet.
const (
	FormatTXT  Format = "txt"
	FormatPDF  Format = "pdf"
	FormatHTML Format = "html"
	FormatDOCX Format = "docx"
	FormatXLSX Format = "xlsx"
	FormatXLS  Format = "xls"
)

// Document is the intermediate form of one input file.
type Document struct {
	Format   Format  `json:"format"`
	Encoding string  `json:"encoding,omitempty"` // text encoding detected, e.g. "utf-8", "gb18030", "utf-16le"
	Pages    int     `json:"pages,omitempty"`    // PDF pages, spreadsheet sheets
	Title    string  `json:"title,omitempty"`    // title from the file's own metadata, if any
	Blocks   []Block `json:"blocks"`
	// Outline is the document's own table of contents (PDF bookmarks), if any.
	Outline []OutlineItem `json:"outline,omitempty"`
	// Problems are recoverable faults met while extracting (a page that
	// failed, a table published as an image); the rest of the document stands.
	Problems []Problem `json:"problems,omitempty"`
}

// BlockKind says what a block is.
type BlockKind string

// Block kinds.
const (
	KindHeading   BlockKind = "heading"
	KindParagraph BlockKind = "paragraph"
	KindTable     BlockKind = "table"
	KindImage     BlockKind = "image"
)

// Block is one heading, paragraph, table or image, in reading order.
type Block struct {
	Kind BlockKind `json:"kind"`
	// Text of a heading or paragraph, whitespace-normalised, with soft line
	// breaks removed (no spaces inserted between Chinese characters).
	Text string `json:"text,omitempty"`
	// Numbering as printed at the start of Text ("一、", "（三）", "1.", "第二部分"), if any.
	Numbering string `json:"numbering,omitempty"`
	// Level of a heading: 1 is the outermost. Zero when unknown.
	Level int `json:"level,omitempty"`
	// Spans map rune offsets in Text back to the source, for values found
	// inside a paragraph joined from several lines. Sorted by Offset; the
	// first starts at 0. Empty means At covers the whole text.
	Spans []Span  `json:"spans,omitempty"`
	Hints Hints   `json:"hints,omitempty"`
	Table *Table  `json:"table,omitempty"`
	Image *Image  `json:"image,omitempty"`
	At    prov.At `json:"at"`
	// TOC marks an entry of a printed table of contents (not a body heading).
	TOC bool `json:"toc,omitempty"`
}

// Span says that Text from rune Offset on came from At.
type Span struct {
	Offset int     `json:"offset"`
	At     prov.At `json:"at"`
}

// AtOffset returns the provenance of the rune at offset off in b.Text.
func (b *Block) AtOffset(off int) prov.At {
	// The last span starting at or before off.
	i := sort.Search(len(b.Spans), func(i int) bool { return b.Spans[i].Offset > off })
	if i == 0 {
		return b.At
	}
	return b.Spans[i-1].At
}

// Hints are layout facts that help classify a block, set where the format knows them.
type Hints struct {
	Bold     bool    `json:"bold,omitempty"`
	Centered bool    `json:"centered,omitempty"`
	FontSize float64 `json:"font_size,omitempty"`
	// SizeRank is 1 for the largest font size in the document, 2 for the next, …; 0 unknown.
	SizeRank int `json:"size_rank,omitempty"`
}

// Table is a grid of cells. Every row has the same number of cells; a cell
// that spans others sits at its top-left position with RowSpan/ColSpan > 1
// and the positions it covers hold cells with Covered set.
type Table struct {
	Rows [][]Cell `json:"rows"`
	// HeaderRows is how many leading rows are header (column titles), 0 if unknown.
	HeaderRows int `json:"header_rows,omitempty"`
	// Caption lines printed above the table (title, 编制部门, 单位：万元), in order.
	Caption []string `json:"caption,omitempty"`
	// Notes printed below it (注：…).
	Notes []string `json:"notes,omitempty"`
	// Unit declared for the table's amounts ("元", "万元"), if captured.
	Unit string `json:"unit,omitempty"`
	// ColumnNumberRow is the index of a 栏次 row (1 2 3 …), or -1.
	ColumnNumberRow int `json:"column_number_row,omitempty"`
	// RowNumberCols are the columns that number the rows (行次 1, 2, 3 …
	// beside the amounts of a 决算 收支总表), in ascending order: their
	// cells are labels, never amounts. Set by MarkRowNumberCols.
	RowNumberCols []int `json:"row_number_cols,omitempty"`
}

// Cell is one table cell.
type Cell struct {
	Text    string  `json:"text"`
	RowSpan int     `json:"row_span,omitempty"` // 0 or 1: no span
	ColSpan int     `json:"col_span,omitempty"`
	Covered bool    `json:"covered,omitempty"` // inside another cell's span
	At      prov.At `json:"at"`
}

// NumCols returns the width of the grid.
func (t *Table) NumCols() int {
	n := 0
	for _, r := range t.Rows {
		n = max(n, len(r))
	}
	return n
}

// Image is a picture in the document (often a table published as an image).
type Image struct {
	Src string `json:"src,omitempty"`
	Alt string `json:"alt,omitempty"`
}

// OutlineItem is one bookmark.
type OutlineItem struct {
	Title string        `json:"title"`
	Level int           `json:"level"`
	Page  int           `json:"page,omitempty"`
	Items []OutlineItem `json:"items,omitempty"`
}

// Problem is a recoverable fault, such as one PDF page that failed to parse.
type Problem struct {
	Code    string  `json:"code"` // e.g. "extract.page_failed", "extract.no_text_layer", "extract.table_image"
	Message string  `json:"message"`
	At      prov.At `json:"at"`
}

// JoinBlocks makes one paragraph of a and its continuation b, keeping the
// provenance of each part.
func JoinBlocks(a, b Block) Block {
	out := a
	out.Kind = KindParagraph
	out.Level = 0
	out.Text = a.Text + b.Text
	n := utf8.RuneCountInString(a.Text)
	spans := a.Spans
	if len(spans) == 0 {
		spans = []Span{{Offset: 0, At: a.At}}
	}
	if len(b.Spans) == 0 {
		spans = append(spans, Span{Offset: n, At: b.At})
	} else {
		for _, s := range b.Spans {
			spans = append(spans, Span{Offset: n + s.Offset, At: s.At})
		}
	}
	out.Spans = append([]Span(nil), spans...)
	return out
}
