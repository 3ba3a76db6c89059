package xlsx

import (
	"context"
	"encoding/binary"
	"errors"
	"math"
	"testing"

	"github.com/yusuan/yusuan/extract"
)

// rec builds one BIFF record.
func rec(typ uint16, data ...[]byte) []byte {
	var body []byte
	for _, d := range data {
		body = append(body, d...)
	}
	out := binary.LittleEndian.AppendUint16(nil, typ)
	out = binary.LittleEndian.AppendUint16(out, uint16(len(body)))
	return append(out, body...)
}

func u16(v ...uint16) []byte {
	var b []byte
	for _, x := range v {
		b = binary.LittleEndian.AppendUint16(b, x)
	}
	return b
}

func u32(v uint32) []byte { return binary.LittleEndian.AppendUint32(nil, v) }

func wide(s string) []byte {
	var b []byte
	for _, r := range s {
		b = binary.LittleEndian.AppendUint16(b, uint16(r))
	}
	return b
}

// testStream builds a BIFF8 workbook stream with one sheet "表1": an SST
// whose second string breaks into a CONTINUE record, LABELSST, LABEL, RK
// (integer ÷ 100), MULRK, NUMBER with format #,##0.00, a FORMULA with a
// cached string, and a merged title.
func testStream() []byte {
	bof := rec(recBOF, u16(0x0600, 0x0005, 0, 0), u32(0), u32(0))
	sst := rec(recSST, u32(3), u32(3),
		u16(2), []byte{1}, wide("项目"),
		u16(6), []byte{1}, wide("预算"), // 2 of 6 characters here…
	)
	cont := rec(recContinue, []byte{1}, wide("收支总表"), // …the rest after an option byte
		u16(3), []byte{0}, []byte("abc"))
	xf := func(ifmt uint16) []byte { return rec(recXF, u16(0, ifmt), make([]byte, 16)) }
	globals := append(append([]byte{}, bof...), sst...)
	globals = append(globals, cont...)
	globals = append(globals, xf(0)...)
	globals = append(globals, xf(4)...)
	sheetName := append([]byte{2, 1}, wide("表1")...)
	boundLen := 4 + 4 + 2 + len(sheetName)  // record header, position, flags, name
	sheetPos := len(globals) + boundLen + 4 // after BOUNDSHEET and EOF
	globals = append(globals, rec(recBoundSheet, u32(uint32(sheetPos)), []byte{0, 0}, sheetName)...)
	globals = append(globals, rec(recEOF)...)
	num := make([]byte, 8)
	binary.LittleEndian.PutUint64(num, math.Float64bits(96282213.44))
	str := append(u16(4), 1)
	str = append(str, wide("说明文字")...)
	sheet := append([]byte{}, rec(recBOF, u16(0x0600, 0x0010, 0, 0), u32(0), u32(0))...)
	sheet = append(sheet, rec(recLabelSST, u16(0, 0, 0), u32(1))...)                        // A1 title
	sheet = append(sheet, rec(recLabelSST, u16(1, 0, 0), u32(0))...)                        // A2 项目
	sheet = append(sheet, rec(recLabel, u16(1, 1, 0), u16(3), []byte{0}, []byte("amt"))...) // B2
	sheet = append(sheet, rec(recLabelSST, u16(2, 0, 0), u32(2))...)                        // A3 abc
	sheet = append(sheet, rec(recRK, u16(2, 1, 0), u32(uint32(12345<<2|0x03)))...)          // B3 123.45
	sheet = append(sheet, rec(recMulRK, u16(3, 0), u16(0), u32(uint32(7<<2|0x02)), u16(1), u32(uint32(8<<2|0x02)), u16(1))...)
	sheet = append(sheet, rec(recNumber, u16(4, 1, 1), num)...) // B5 96,282,213.44
	sheet = append(sheet, rec(recFormula, u16(5, 0, 0), []byte{0, 0, 0, 0, 0, 0, 0xFF, 0xFF}, u16(0), u32(0), u16(0))...)
	sheet = append(sheet, rec(recString, str)...)
	sheet = append(sheet, rec(recMerged, u16(1), u16(0, 0, 0, 1))...)
	sheet = append(sheet, rec(recEOF)...)
	return append(globals, sheet...)
}

func TestBIFF(t *testing.T) {
	stream := testStream()
	wb, err := parseGlobals(stream)
	if err != nil {
		t.Fatal(err)
	}
	if len(wb.sst) != 3 || wb.sst[1] != "预算收支总表" || wb.sst[2] != "abc" {
		t.Fatalf("sst %q", wb.sst)
	}
	if len(wb.sheets) != 1 || wb.sheets[0].name != "表1" {
		t.Fatalf("sheets %+v", wb.sheets)
	}
	s, truncated, err := wb.parseSheet(context.Background(), stream, wb.sheets[0], MaxRows, MaxCols)
	if err != nil || truncated {
		t.Fatal(err, truncated)
	}
	want := map[[2]int]string{
		{0, 0}: "预算收支总表", {1, 0}: "项目", {1, 1}: "amt", {2, 0}: "abc", {2, 1}: "123.45",
		{3, 0}: "7", {3, 1}: "8.00", {4, 1}: "96,282,213.44", {5, 0}: "说明文字",
	}
	got := map[[2]int]string{}
	for _, e := range s.cells {
		got[[2]int{e.r, e.c}] = e.text
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("cell %v = %q, want %q", k, got[k], v)
		}
	}
	if len(s.merges) != 1 || s.merges[0] != (rect{0, 0, 0, 1}) {
		t.Errorf("merges %+v", s.merges)
	}
}

// TestBIFFTruncated: every prefix of a stream fails cleanly or reads part.
func TestBIFFTruncated(t *testing.T) {
	stream := testStream()
	for n := range stream {
		wb, err := parseGlobals(stream[:n])
		if err != nil {
			if !errors.Is(err, extract.ErrCorrupt) {
				t.Fatalf("prefix %d: %v, want ErrCorrupt", n, err)
			}
			continue
		}
		for _, bs := range wb.sheets {
			if _, _, err := wb.parseSheet(context.Background(), stream[:n], bs, MaxRows, MaxCols); err != nil && !errors.Is(err, extract.ErrCorrupt) {
				t.Fatalf("prefix %d: sheet: %v", n, err)
			}
		}
	}
}

func TestBIFFVersions(t *testing.T) {
	biff5 := rec(recBOF, u16(0x0500, 0x0005, 0, 0))
	if _, err := parseGlobals(biff5); !errors.Is(err, extract.ErrUnsupported) {
		t.Errorf("BIFF5: %v, want ErrUnsupported", err)
	}
	enc := append(rec(recBOF, u16(0x0600, 0x0005, 0, 0)), rec(recFilePass, u16(1))...)
	if _, err := parseGlobals(enc); !errors.Is(err, extract.ErrEncrypted) {
		t.Errorf("FILEPASS: %v, want ErrEncrypted", err)
	}
	if _, err := ExtractXLS(t.Context(), []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 not really"), extract.Options{}); !errors.Is(err, extract.ErrCorrupt) {
		t.Errorf("bad OLE: %v, want ErrCorrupt", err)
	}
}
