package xlsx

import (
	"bytes"
	"context"
	"fmt"
	"io"

	"github.com/richardlehane/mscfb"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/prov"
)

// ExtractXLS reads a legacy Excel 97-2003 workbook (.xls, BIFF8 in an OLE
// compound file) into the same blocks as ExtractXLSX. Other OLE files
// (Word .doc, encrypted .xlsx, Excel 5.0) are refused with ErrUnsupported
// or ErrEncrypted.
func ExtractXLS(ctx context.Context, data []byte, opts extract.Options) (*extract.Document, error) {
	opts = opts.WithDefaults()
	stream, err := workbookStream(data, opts.MaxBytes)
	if err != nil {
		return nil, err
	}
	wb, err := parseGlobals(stream)
	if err != nil {
		return nil, err
	}
	doc := &extract.Document{Format: extract.FormatXLS, Blocks: []extract.Block{}, Pages: len(wb.sheets)}
	var sheets []*sheet
	read := 0
	for _, bs := range wb.sheets {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		at := prov.At{Sheet: bs.name}
		switch {
		case bs.kind != 0:
			continue // chart, macro or VB module sheet
		case read >= opts.MaxPages:
			doc.Problems = append(doc.Problems, extract.Problem{Code: "extract.sheet_limit",
				Message: fmt.Sprintf("%d sheets, only the first %d read", len(wb.sheets), opts.MaxPages), At: at})
		case bs.hidden:
			doc.Problems = append(doc.Problems, extract.Problem{Code: "extract.sheet_hidden",
				Message: fmt.Sprintf("hidden sheet %q skipped", bs.name), At: at})
			continue
		}
		if read >= opts.MaxPages {
			break
		}
		read++
		s, truncated, err := wb.parseSheet(ctx, stream, bs, MaxRows, MaxCols)
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			doc.Problems = append(doc.Problems, extract.Problem{Code: "extract.sheet_failed",
				Message: fmt.Sprintf("sheet %q failed to read: %v", bs.name, err), At: at})
			if s == nil {
				continue
			}
		}
		if truncated {
			doc.Problems = append(doc.Problems, extract.Problem{Code: "extract.sheet_truncated",
				Message: fmt.Sprintf("sheet %q: only the first %d rows and %d columns read", bs.name, MaxRows, MaxCols), At: at})
		}
		sheets = append(sheets, s)
	}
	if len(sheets) == 0 && len(doc.Problems) > 0 && len(wb.sheets) > 0 {
		return nil, fmt.Errorf("%w: no sheet could be read: %s", extract.ErrCorrupt, doc.Problems[0].Message)
	}
	return layoutSheets(doc, sheets)
}

// workbookStream returns the "Workbook" stream of an OLE compound file.
func workbookStream(data []byte, limit int64) (stream []byte, err error) {
	defer catch(&err)
	r, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("open compound file: %w: %v", extract.ErrCorrupt, err)
	}
	var names []string
	for f, err := r.Next(); err == nil; f, err = r.Next() {
		names = append(names, f.Name)
		switch f.Name {
		case "Workbook":
			if f.Size > limit {
				return nil, fmt.Errorf("%w: Workbook stream of %d bytes, limit %d", extract.ErrLimit, f.Size, limit)
			}
			b, err := io.ReadAll(io.LimitReader(f, f.Size))
			if err != nil {
				return nil, fmt.Errorf("read Workbook stream: %w: %v", extract.ErrCorrupt, err)
			}
			return b, nil
		case "EncryptedPackage", "EncryptionInfo":
			return nil, fmt.Errorf("%w: password-protected Office file", extract.ErrEncrypted)
		}
		if len(names) > 4096 {
			break
		}
	}
	for _, n := range names {
		switch n {
		case "Book":
			return nil, fmt.Errorf("%w: Excel 5.0/95 workbook: save it as .xlsx (e.g. libreoffice --headless --convert-to xlsx FILE)", extract.ErrUnsupported)
		case "WordDocument":
			return nil, fmt.Errorf("%w: a Word 97-2003 document (.doc), not a spreadsheet: save it as .docx or PDF", extract.ErrUnsupported)
		}
	}
	return nil, fmt.Errorf("%w: compound file without a Workbook stream", extract.ErrCorrupt)
}
