package extract_test

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/yusuan/yusuan/extract"
	_ "github.com/yusuan/yusuan/extract/formats"
)

// zipWith builds a zip container holding the named (empty) parts.
func zipWith(t *testing.T, names ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, n := range names {
		f, err := w.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte("<x/>"))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func randomBytes(n int) []byte {
	r := rand.New(rand.NewPCG(1, 2))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.UintN(256))
	}
	return b
}

var (
	ole  = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0}
	text = []byte("柞水县审计局2020年部门预算\n\n一、部门职责\n")
	page = []byte("<%@ page contentType=\"text/html; charset=UTF-8\" %>\n<html><body><p>一、部门职责</p></body></html>")
)

func TestDetect(t *testing.T) {
	xlsx := zipWith(t, "[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml")
	docx := zipWith(t, "[Content_Types].xml", "word/document.xml")
	tests := []struct {
		name string
		data []byte
		want extract.Format
	}{
		{"a.pdf", []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n"), extract.FormatPDF},
		{"", []byte("%PDF-1.4\n"), extract.FormatPDF},
		{"a.txt", []byte("%PDF-1.7\n"), extract.FormatPDF}, // content over name
		{"junk.pdf", append(bytes.Repeat([]byte{' '}, 600), "%PDF-1.5\n"+string(bytes.Repeat([]byte{'x'}, 600))...), extract.FormatPDF},
		{"book.xlsx", xlsx, extract.FormatXLSX},
		{"book.xls", xlsx, extract.FormatXLSX}, // the other spreadsheet extension is harmless
		{"a.docx", docx, extract.FormatDOCX},
		{"a.xls", ole, extract.FormatXLS},
		{"a.doc", ole, extract.FormatDOCX},  // legacy Word: the Word reader explains
		{"a.docx", ole, extract.FormatDOCX}, // encrypted docx
		{"", append(append([]byte{}, ole...), "W\x00o\x00r\x00d\x00D\x00o\x00c\x00u\x00m\x00e\x00n\x00t\x00"...), extract.FormatDOCX},
		{"", append(append([]byte{}, ole...), "W\x00o\x00r\x00d\x00D\x00o\x00c\x00u\x00m\x00e\x00n\x00t\x00W\x00o\x00r\x00k\x00b\x00o\x00o\x00k\x00"...), extract.FormatXLS}, // a workbook embedding a Word object
		{"x.jsp", page, extract.FormatHTML},
		{"x.html", []byte("\xEF\xBB\xBF<!DOCTYPE html><html></html>"), extract.FormatHTML},
		{"table.xls", []byte("<table><tr><td>1</td></tr></table>"), extract.FormatHTML}, // HTML saved as .xls
		{"notes.txt", text, extract.FormatTXT},
		{"", text, extract.FormatTXT},
		{"readme", []byte("plain text that mentions <html> later"), extract.FormatTXT},
	}
	for _, tt := range tests {
		got, err := extract.Detect(tt.data, tt.name)
		if err != nil || got != tt.want {
			t.Errorf("Detect(%.12q, %q) = %q, %v; want %q", tt.data, tt.name, got, err, tt.want)
		}
	}
}

func TestDetectErrors(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"a.pdf", nil, extract.ErrEmpty},
		{"a.txt", []byte{}, extract.ErrEmpty},
		{"a.txt", []byte(" \r\n\t "), extract.ErrEmpty},
		{"", randomBytes(4096), extract.ErrUnknownFormat},
		{"x.bin", randomBytes(4096), extract.ErrUnknownFormat},
		{"x.pdf", randomBytes(100), extract.ErrUnknownFormat},
		{"x.pdf", text, extract.ErrMislabeled},         // an error page saved under the document's name
		{"x.PDF", page, extract.ErrMislabeled},         // extension case does not matter
		{"x.xlsx", text, extract.ErrMislabeled},        // text is no spreadsheet
		{"x.docx", xlsxFile(t), extract.ErrMislabeled}, // a workbook is no document
		{"x.doc", []byte("%PDF-1.4"), extract.ErrMislabeled},
	}
	for _, tt := range tests {
		got, err := extract.Detect(tt.data, tt.name)
		if !errors.Is(err, tt.want) {
			t.Errorf("Detect(%.12q, %q) = %q, %v; want %v", tt.data, tt.name, got, err, tt.want)
		}
	}
}

func xlsxFile(t *testing.T) []byte { return zipWith(t, "xl/workbook.xml") }

func TestExtract(t *testing.T) {
	doc, err := extract.Extract(context.Background(), text, extract.Options{Name: "notes.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != extract.FormatTXT || len(doc.Blocks) == 0 {
		t.Errorf("Extract(text) = %s with %d blocks", doc.Format, len(doc.Blocks))
	}

	tests := []struct {
		name string
		data []byte
		opts extract.Options
		want error
	}{
		{"too large", text, extract.Options{MaxBytes: 10}, extract.ErrTooLarge},
		{"docx without word/document.xml", zipWith(t, "[Content_Types].xml", "word/styles.xml"), extract.Options{Name: "a.docx"}, extract.ErrCorrupt},
		{"legacy .doc", ole, extract.Options{Name: "a.doc"}, extract.ErrUnsupported},
		{"mislabeled", text, extract.Options{Name: "a.pdf"}, extract.ErrMislabeled},
		{"empty", nil, extract.Options{}, extract.ErrEmpty},
	}
	for _, tt := range tests {
		if _, err := extract.Extract(context.Background(), tt.data, tt.opts); !errors.Is(err, tt.want) {
			t.Errorf("%s: Extract = %v, want %v", tt.name, err, tt.want)
		}
	}
}

func TestLookup(t *testing.T) {
	for _, f := range []extract.Format{extract.FormatTXT, extract.FormatHTML, extract.FormatPDF, extract.FormatXLSX, extract.FormatXLS, extract.FormatDOCX} {
		if ex, ok := extract.Lookup(f); !ok || ex == nil {
			t.Errorf("Lookup(%s) = %v", f, ok)
		}
	}
}

func TestOptionsWithDefaults(t *testing.T) {
	o := extract.Options{MaxPages: 3}.WithDefaults()
	if o.MaxBytes != extract.DefaultMaxBytes || o.MaxPages != 3 || o.MaxDepth != extract.DefaultMaxDepth {
		t.Errorf("WithDefaults = %+v", o)
	}
}
