package xlsx

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/internal/memwatch"
)

// hostileWorkbook builds an .xlsx whose only sheet has rows rows, each
// holding a number in every column of cols ("A", "XFD"), row numbers
// starting at first.
func hostileWorkbook(t testing.TB, first, rows int, cols []string) []byte {
	t.Helper()
	var sheet strings.Builder
	sheet.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	for r := first; r < first+rows; r++ {
		fmt.Fprintf(&sheet, `<row r="%d">`, r)
		for _, c := range cols {
			fmt.Fprintf(&sheet, `<c r="%s%d"><v>%d</v></c>`, c, r, r)
		}
		sheet.WriteString(`</row>`)
	}
	sheet.WriteString(`</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`)
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
			`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
			`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`},
		{"xl/worksheets/sheet1.xml", sheet.String()},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(p.body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestHostileSheets holds the reader to bounded memory on sheets that are
// small on disk and huge once laid out: every one ends, within a 10 s
// context, with a result or one short error line.
func TestHostileSheets(t *testing.T) {
	if testing.Short() {
		t.Skip("builds large sheets")
	}
	cases := []struct {
		name        string
		first, rows int
		cols        []string
		wantErr     error  // nil: a document
		wantProblem string // a problem code the document must carry
	}{
		{"columns A and XFD, 1,000 rows", 1, 1000, []string{"A", "XFD"}, nil, "extract.sheet_truncated"},
		{"columns A and XFD, 16,000 rows", 1, 16000, []string{"A", "XFD"}, nil, "extract.sheet_truncated"},
		{"65,536 rows of 20 columns", 1, 65536, strings.Fields("A B C D E F G H I J K L M N O P Q R S T"), nil, ""},
		{"rows up to 1,048,576", 1048576 - 70000, 70000, []string{"A"}, nil, "extract.sheet_truncated"},
		{"cells past the budget", 1, 4000, []string{"A", "AMJ"}, nil, "extract.sheet_truncated"},
		{"only sheet unreadable", 1, 10, []string{"A", "!"}, extract.ErrCorrupt, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			data := hostileWorkbook(t, tc.first, tc.rows, tc.cols)
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			var doc *extract.Document
			var err error
			peak := memwatch.Peak(func() { doc, err = ExtractXLSX(ctx, data, extract.Options{}) })
			t.Logf("%d bytes in, peak heap %d MB", len(data), peak>>20)
			if peak > 400<<20 {
				t.Errorf("peak heap %d MB, want under 400 MB", peak>>20)
			}
			if errors.Is(err, context.DeadlineExceeded) {
				// Ended by the deadline: a slow (shared) machine.
				t.Logf("stopped by the deadline")
				return
			}
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) || strings.Contains(err.Error(), "\n") || len(err.Error()) > 200 {
					t.Fatalf("err = %v, want one short line wrapping %v", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tc.wantProblem != "" && !hasProblem(doc, tc.wantProblem) {
				t.Errorf("problems %v, want %s", doc.Problems, tc.wantProblem)
			}
		})
	}
}

// TestHostileSheetCancel: a cancelled context stops the sheet read.
func TestHostileSheetCancel(t *testing.T) {
	data := hostileWorkbook(t, 1, 2000, []string{"A", "B"})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ExtractXLSX(ctx, data, extract.Options{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

func hasProblem(doc *extract.Document, code string) bool {
	for _, p := range doc.Problems {
		if p.Code == code {
			return true
		}
	}
	return false
}

// TestScanSheet checks the filter: cells past the column limit and rows
// past the row limit are cut out byte for byte, merges are collected.
func TestScanSheet(t *testing.T) {
	in := `<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="D1"><v>2</v></c></row>` +
		`<row r="2"><c><v>3</v></c><c/><c><v>4</v></c></row><row r="3"><c r="A3"/></row></sheetData>` +
		`<mergeCells><mergeCell ref="B2:A1"/></mergeCells></worksheet>`
	want := `<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row>` +
		`<row r="2"><c><v>3</v></c><c/></row></sheetData>` +
		`<mergeCells><mergeCell ref="B2:A1"/></mergeCells></worksheet>`
	s, err := scanSheet(context.Background(), []byte(in), cellLimits{rows: 2, cols: 2, work: 100, merges: 10})
	if err != nil {
		t.Fatal(err)
	}
	if string(s.part) != want || !s.truncated || len(s.merges) != 1 || s.merges[0] != (rect{0, 0, 1, 1}) {
		t.Errorf("got %s %v %v", s.part, s.truncated, s.merges)
	}
}

// TestHostileBIFFSheet: an .xls sheet packed with MULRK records (4,096
// rows × 256 columns of numbers, 1M cells) keeps at most
// MaxSheetCells cells in bounded memory, and a cancelled context stops it.
func TestHostileBIFFSheet(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a large stream")
	}
	stream := append([]byte{}, rec(recBOF, u16(0x0600, 0x0010, 0, 0), u32(0), u32(0))...)
	row := u16(0, 0)
	for range 256 {
		row = append(row, u16(0)...)
		row = append(row, u32(uint32(7<<2|0x02))...)
	}
	row = append(row, u16(255)...)
	for r := range 4096 {
		binary.LittleEndian.PutUint16(row, uint16(r))
		stream = append(stream, rec(recMulRK, row)...)
	}
	stream = append(stream, rec(recEOF)...)
	wb := &workbook{}
	bs := boundSheet{name: "big"}
	var s *sheet
	var truncated bool
	var err error
	peak := memwatch.Peak(func() { s, truncated, err = wb.parseSheet(context.Background(), stream, bs, MaxRows, MaxCols) })
	t.Logf("%d bytes in, peak heap %d MB", len(stream), peak>>20)
	if err != nil || !truncated || len(s.cells) != MaxSheetCells {
		t.Fatalf("err %v, truncated %v, %d cells; want %d cells, truncated", err, truncated, len(s.cells), MaxSheetCells)
	}
	if peak > 200<<20 {
		t.Errorf("peak heap %d MB, want under 200 MB", peak>>20)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := wb.parseSheet(ctx, stream, bs, MaxRows, MaxCols); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: err = %v", err)
	}
}
