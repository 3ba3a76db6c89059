package xlsx

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/yusuan/yusuan/extract"
)

// The worksheet part of an .xlsx is streamed once by scanSheet before
// excelize sees it, because excelize materialises a row out to its last
// column (a cell in XFD makes every row 16,384 cells wide) and loads the
// whole sheet for its merged ranges. The scan drops, byte for byte, the
// cells and rows beyond the limits, collects the merged ranges itself and
// hands excelize the filtered part; the rest of the XML is left untouched.

// MaxSheetCells bounds the cells excelize lays out for one sheet: the sum,
// over the rows kept, of the last column used. Rows after it is spent are
// dropped ("extract.sheet_truncated").
const MaxSheetCells = 512 << 10

// scannedSheet is what the scan of one worksheet part found.
type scannedSheet struct {
	part      []byte // the part with the cells over the limits cut out
	merges    []rect
	truncated bool
}

// sheetPart returns the package path of the worksheet named name. excelize
// keeps its sheet-name map unexported; it is read through reflection (as
// ref identities are in the pdf package), and a change of that field is
// caught by the tests.
func sheetPart(f *excelize.File, name string) (string, error) {
	m := reflect.ValueOf(f).Elem().FieldByName("sheetMap")
	if m.Kind() != reflect.Map || m.Type().Key().Kind() != reflect.String || m.Type().Elem().Kind() != reflect.String {
		return "", errors.New("excelize sheet map not found")
	}
	it := m.MapRange()
	for it.Next() {
		if strings.EqualFold(it.Key().String(), name) {
			return it.Value().String(), nil
		}
	}
	return "", fmt.Errorf("%w: sheet %q has no worksheet part", extract.ErrCorrupt, name)
}

// cellLimits are the limits scanSheet applies.
type cellLimits struct {
	rows, cols, work, merges int
}

// prepareSheet scans the worksheet part of sheet name and stores the
// filtered part back into the package, so that the excelize row stream
// reads only what is kept.
func prepareSheet(ctx context.Context, f *excelize.File, name string) (*scannedSheet, error) {
	path, err := sheetPart(f, name)
	if err != nil {
		return nil, err
	}
	v, ok := f.Pkg.Load(path)
	if !ok {
		return nil, fmt.Errorf("%w: worksheet part %s missing", extract.ErrCorrupt, path)
	}
	data, ok := v.([]byte)
	if !ok {
		return nil, fmt.Errorf("%w: worksheet part %s unreadable", extract.ErrCorrupt, path)
	}
	s, err := scanSheet(ctx, data, cellLimits{MaxRows, MaxCols, MaxSheetCells, MaxMerges})
	if err != nil {
		return nil, err
	}
	f.Pkg.Store(path, s.part)
	return s, nil
}

// scanSheet streams a worksheet part: cells past lim.cols and rows past
// lim.rows or past the lim.work budget are cut out; merged ranges are
// collected (at most lim.merges).
func scanSheet(ctx context.Context, data []byte, lim cellLimits) (*scannedSheet, error) {
	s := &scannedSheet{}
	base := 0 // offset in data of what dec reads
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	pos := func() int { return base + int(dec.InputOffset()) }
	var out bytes.Buffer
	kept := 0 // data[:kept] is copied or dropped already
	cut := func(from, to int) {
		out.Write(data[kept:from])
		kept = to
		s.truncated = true
	}
	row, col, rowLast, work := 0, 0, 0, 0
	for n := 0; ; n++ {
		if n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		start := pos()
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%w: worksheet XML: %v", extract.ErrCorrupt, err)
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch el.Name.Local {
		case "row":
			work += rowLast
			rowLast, col = 0, 0
			row++
			if r, err := strconv.Atoi(attr(el, "r")); err == nil && r > 0 {
				row = r
			}
			if row > lim.rows || work > lim.work {
				// The rows from here on go: jump to the end of the sheet
				// data without reading them.
				end := endOfSheetData(data, start)
				cut(start, end)
				base = end
				dec = xml.NewDecoder(bytes.NewReader(data[end:]))
				dec.Strict = false
			}
		case "c":
			col++
			if ref := attr(el, "r"); ref != "" {
				if c, _, err := excelize.CellNameToCoordinates(ref); err == nil {
					col = c
				}
			}
			if col > lim.cols {
				if err := skipRaw(dec); err != nil {
					return nil, fmt.Errorf("%w: worksheet XML: %v", extract.ErrCorrupt, err)
				}
				cut(start, pos())
				continue
			}
			rowLast = max(rowLast, col)
		case "mergeCell":
			if len(s.merges) >= lim.merges {
				continue
			}
			if m, ok := mergeRect(attr(el, "ref")); ok {
				s.merges = append(s.merges, m)
			}
		}
	}
	if kept == 0 {
		s.part = data
	} else {
		out.Write(data[kept:])
		s.part = out.Bytes()
	}
	return s, nil
}

// endOfSheetData returns the offset of the </sheetData> end tag (with any
// namespace prefix) after from, or len(data) when there is none.
func endOfSheetData(data []byte, from int) int {
	for i := from; i < len(data); {
		k := bytes.Index(data[i:], []byte("sheetData>"))
		if k < 0 {
			break
		}
		j := bytes.LastIndexByte(data[i:i+k], '<')
		if j >= 0 && i+j+1 < len(data) && data[i+j+1] == '/' {
			return i + j
		}
		i += k + len("sheetData>")
	}
	return len(data)
}

// skipRaw reads past the end of the element whose start was just read.
// The scan reads raw tokens (no namespace work: it only cuts bytes);
// self-closing elements yield their end too.
func skipRaw(dec *xml.Decoder) error {
	for depth := 1; depth > 0; {
		tok, err := dec.RawToken()
		if err != nil {
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

// attr returns the value of the attribute with the given local name.
func attr(el xml.StartElement, local string) string {
	for _, a := range el.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// mergeRect reads a merged range "A1:C2", zero-based.
func mergeRect(ref string) (rect, bool) {
	a, b, ok := strings.Cut(ref, ":")
	if !ok {
		return rect{}, false
	}
	c0, r0, err1 := excelize.CellNameToCoordinates(a)
	c1, r1, err2 := excelize.CellNameToCoordinates(b)
	if err1 != nil || err2 != nil {
		return rect{}, false
	}
	return rect{min(r0, r1) - 1, min(c0, c1) - 1, max(r0, r1) - 1, max(c0, c1) - 1}, true
}
