package xlsx

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/prov"
)

func init() {
	// Content detection (zip with xl/ parts, OLE compound files) picks
	// these; no sniffer is needed.
	extract.Register(extract.Registration{Format: extract.FormatXLSX, Extract: ExtractXLSX})
	extract.Register(extract.Registration{Format: extract.FormatXLS, Extract: ExtractXLS})
}

// Limits on one sheet. Options.MaxPages bounds the sheets read and
// Options.MaxBytes the unzipped size of an .xlsx.
const (
	// MaxRows is the number of rows read from a sheet; the rest is dropped
	// with an "extract.sheet_truncated" problem. It is the .xls limit.
	MaxRows = 65536
	// MaxCols is the number of columns read from a row (IV, 256, is the
	// .xls limit; budget tables use fewer than 30).
	MaxCols = 1024
	// MaxCells bounds the area (rows × columns) between a sheet's first and
	// last non-empty cells; a larger sheet fails with ErrLimit.
	MaxCells = 2 << 20
	// MaxMerges is the number of merged ranges kept per sheet.
	MaxMerges = 1 << 16
)

// ExtractXLSX reads an Office Open XML workbook (.xlsx): each visible
// sheet becomes a heading, its tables and its loose text.
func ExtractXLSX(ctx context.Context, data []byte, opts extract.Options) (*extract.Document, error) {
	opts = opts.WithDefaults()
	if err := checkUnzipSize(data, opts.MaxBytes); err != nil {
		return nil, err
	}
	doc, sheets, err := readXLSX(ctx, data, opts)
	if err != nil {
		return nil, err
	}
	return layoutSheets(doc, sheets)
}

// readXLSX reads the sheets' cells through excelize, whose panics on
// malformed parts become ErrCorrupt.
func readXLSX(ctx context.Context, data []byte, opts extract.Options) (doc *extract.Document, sheets []*sheet, err error) {
	defer catch(&err)
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit: opts.MaxBytes,
		// Parts are held in memory (no temp files): their sum is bounded
		// by UnzipSizeLimit already.
		UnzipXMLSizeLimit: opts.MaxBytes,
	})
	if err != nil {
		return nil, nil, fmt.Errorf("open workbook: %w: %v", extract.ErrCorrupt, err)
	}
	defer f.Close()
	doc = &extract.Document{Format: extract.FormatXLSX, Blocks: []extract.Block{}}
	if p, err := f.GetDocProps(); err == nil && p != nil {
		doc.Title = strings.TrimSpace(p.Title)
	}
	names := f.GetSheetList()
	doc.Pages = len(names)
	for i, name := range names {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		at := prov.At{Sheet: name}
		if i >= opts.MaxPages {
			doc.Problems = append(doc.Problems, extract.Problem{Code: "extract.sheet_limit",
				Message: fmt.Sprintf("%d sheets, only the first %d read", len(names), opts.MaxPages), At: at})
			break
		}
		if visible, err := f.GetSheetVisible(name); err == nil && !visible {
			doc.Problems = append(doc.Problems, extract.Problem{Code: "extract.sheet_hidden",
				Message: fmt.Sprintf("hidden sheet %q skipped", name), At: at})
			continue
		}
		s, truncated, err := readXLSXSheet(ctx, f, name)
		if err != nil {
			if ctx.Err() != nil {
				return nil, nil, ctx.Err()
			}
			doc.Problems = append(doc.Problems, extract.Problem{Code: "extract.sheet_failed",
				Message: fmt.Sprintf("sheet %q failed to read: %v", name, err), At: at})
			continue
		}
		if truncated {
			doc.Problems = append(doc.Problems, extract.Problem{Code: "extract.sheet_truncated",
				Message: fmt.Sprintf("sheet %q: only the first %d rows and %d columns read", name, MaxRows, MaxCols), At: at})
		}
		sheets = append(sheets, s)
	}
	return doc, sheets, nil
}

// checkUnzipSize refuses a zip whose parts would unpack beyond limit
// (archive/zip enforces the declared sizes while reading).
func checkUnzipSize(data []byte, limit int64) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return fmt.Errorf("open zip: %w: %v", extract.ErrCorrupt, err)
	}
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if total > uint64(limit) {
			return fmt.Errorf("%w: workbook unpacks to more than %d bytes", extract.ErrLimit, limit)
		}
	}
	return nil
}

// readXLSXSheet reads the cells (as displayed, see displayText) and the
// merged ranges of one sheet. The part is scanned first (prepareSheet), then
// two row streams run side by side: the formatted values and the raw ones.
func readXLSXSheet(ctx context.Context, f *excelize.File, name string) (s *sheet, truncated bool, err error) {
	scan, err := prepareSheet(ctx, f, name)
	if err != nil {
		return nil, false, err
	}
	s = &sheet{name: name, merges: scan.merges}
	truncated = scan.truncated
	shownRows, err := f.Rows(name)
	if err != nil {
		return nil, false, err
	}
	defer shownRows.Close()
	rawRows, err := f.Rows(name)
	if err != nil {
		return nil, false, err
	}
	defer rawRows.Close()
	for r := 0; shownRows.Next(); r++ {
		rawRows.Next()
		if r >= MaxRows {
			truncated = true
			break
		}
		if r%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, false, err
			}
		}
		shown, err := shownRows.Columns()
		if err != nil {
			return nil, false, err
		}
		raw, err := rawRows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, false, err
		}
		if len(shown) > MaxCols {
			shown, truncated = shown[:MaxCols], true
		}
		for c, v := range shown {
			rv := ""
			if c < len(raw) {
				rv = raw[c]
			}
			if t := trimCell(displayText(v, rv)); t != "" {
				s.cells = append(s.cells, entry{r, c, t})
			}
		}
	}
	if err := shownRows.Error(); err != nil {
		return nil, false, err
	}
	return s, truncated, nil
}

// trimCell trims the space around a cell's text, ideographic spaces and
// stray carriage returns included; line breaks inside stay.
func trimCell(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.TrimFunc(s, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u3000' || r == '\u00a0'
	})
}

// layoutSheets turns the sheets read into blocks; a sheet that cannot be
// laid out (over MaxCells) becomes a problem.
// A workbook in which every sheet read failed is an error, not an empty
// document: the caller must hear about it.
func layoutSheets(doc *extract.Document, sheets []*sheet) (*extract.Document, error) {
	tables, laidOut := 0, 0
	cause := extract.ErrCorrupt
	for _, s := range sheets {
		g, err := s.densify(MaxCells)
		if err != nil {
			if laidOut == 0 && errors.Is(err, extract.ErrLimit) {
				cause = extract.ErrLimit
			}
			doc.Problems = append(doc.Problems, extract.Problem{Code: "extract.sheet_failed",
				Message: fmt.Sprintf("sheet %q: %v", s.name, err), At: prov.At{Sheet: s.name}})
			continue
		}
		laidOut++
		doc.Blocks = append(doc.Blocks, g.blocks(&tables)...)
	}
	if laidOut == 0 {
		for _, p := range doc.Problems {
			if p.Code == "extract.sheet_failed" {
				return nil, fmt.Errorf("%w: no sheet could be read: %s", cause, p.Message)
			}
		}
	}
	return doc, nil
}

// catch turns a panic inside a third-party reader (excelize, mscfb) into
// ErrCorrupt for this file (one line: no stack). Only the calls into
// those libraries run under it: layout and the BIFF parser run outside, so
// that their own bugs still reach the fuzzer as panics.
func catch(err *error) {
	r := recover()
	if r == nil {
		return
	}
	*err = fmt.Errorf("%w: reader failed: %s", extract.ErrCorrupt, extract.Excerpt(fmt.Sprint(r), 80))
}
