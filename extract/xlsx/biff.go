package xlsx

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"strings"
	"unicode/utf16"

	"github.com/yusuan/yusuan/extract"
)

// A minimal BIFF8 reader (Excel 97-2003 "Workbook" stream, [MS-XLS]): sheet
// names and visibility (BOUNDSHEET8), the shared string table (SST and its
// CONTINUE records), cell records (LABELSST, LABEL, RSTRING, NUMBER, RK,
// MULRK, FORMULA with its cached value and STRING record, BOOLERR),
// merged ranges (MERGEDCELLS), and the number formats (FORMAT, XF) as far
// as decimals, thousands separators, percent and dates go. Everything
// else (fonts, charts, drawings, names) is skipped by record length.
//
// Every read is bounds-checked: truncated or inconsistent records end the
// sheet or the workbook with ErrCorrupt, never a panic.

// Record types.
const (
	recFormula    = 0x0006
	recEOF        = 0x000A
	recFilePass   = 0x002F
	recContinue   = 0x003C
	recBoundSheet = 0x0085
	recMulRK      = 0x00BD
	recRString    = 0x00D6
	recXF         = 0x00E0
	recMerged     = 0x00E5
	recSST        = 0x00FC
	recLabelSST   = 0x00FD
	recNumber     = 0x0203
	recLabel      = 0x0204
	recBoolErr    = 0x0205
	recString     = 0x0207
	recRK         = 0x027E
	recFormat     = 0x041E
	recBOF        = 0x0809
	recDate1904   = 0x0022
)

// Limits of the BIFF reader.
const (
	maxSSTStrings = 1 << 20 // shared strings kept
	maxXLSRecords = 1 << 22 // records read from one substream
)

var errTruncated = errors.New("record truncated")

// workbook is what the globals substream says.
type workbook struct {
	sheets   []boundSheet
	sst      []string
	xfFmt    []uint16          // XF index → number format id
	formats  map[uint16]string // custom number formats by id
	date1904 bool
}

type boundSheet struct {
	name   string
	pos    uint32 // stream offset of the sheet's BOF
	hidden bool
	kind   byte // 0 worksheet, 1 macro, 2 chart, 6 VB module
}

// record is one BIFF record: its type and data.
type record struct {
	typ  uint16
	data []byte
}

// recordAt reads the record at off and returns it with the next offset.
func recordAt(stream []byte, off int) (record, int, error) {
	if off < 0 || off+4 > len(stream) {
		return record{}, 0, errTruncated
	}
	typ := binary.LittleEndian.Uint16(stream[off:])
	n := int(binary.LittleEndian.Uint16(stream[off+2:]))
	if off+4+n > len(stream) {
		return record{}, 0, errTruncated
	}
	return record{typ, stream[off+4 : off+4+n]}, off + 4 + n, nil
}

// parseGlobals reads the workbook globals substream at the start of stream.
func parseGlobals(stream []byte) (*workbook, error) {
	wb := &workbook{formats: map[uint16]string{}}
	rec, off, err := recordAt(stream, 0)
	if err != nil || rec.typ != recBOF || len(rec.data) < 4 {
		return nil, fmt.Errorf("%w: no BIFF BOF record", extract.ErrCorrupt)
	}
	if v := binary.LittleEndian.Uint16(rec.data); v != 0x0600 {
		return nil, fmt.Errorf("%w: BIFF version %#x (Excel 5.0/95 or older); only BIFF8 (Excel 97-2003) is read: save it as .xlsx", extract.ErrUnsupported, v)
	}
	for n := 0; ; n++ {
		if n > maxXLSRecords {
			return nil, fmt.Errorf("%w: more than %d records in the workbook globals", extract.ErrLimit, maxXLSRecords)
		}
		rec, next, err := recordAt(stream, off)
		if err != nil {
			return nil, fmt.Errorf("%w: workbook globals at offset %d: %v", extract.ErrCorrupt, off, err)
		}
		switch rec.typ {
		case recEOF:
			return wb, nil
		case recFilePass:
			return nil, extract.ErrEncrypted
		case recDate1904:
			wb.date1904 = len(rec.data) >= 2 && rec.data[0] == 1
		case recBoundSheet:
			if bs, ok := parseBoundSheet(rec.data); ok {
				wb.sheets = append(wb.sheets, bs)
			}
		case recFormat:
			if len(rec.data) >= 2 {
				id := binary.LittleEndian.Uint16(rec.data)
				if s, _, ok := unicodeString(rec.data[2:], 2); ok {
					wb.formats[id] = s
				}
			}
		case recXF:
			if len(rec.data) >= 4 {
				wb.xfFmt = append(wb.xfFmt, binary.LittleEndian.Uint16(rec.data[2:]))
			}
		case recSST:
			// The SST runs on in the CONTINUE records that follow it.
			parts := [][]byte{rec.data}
			for {
				c, after, err := recordAt(stream, next)
				if err != nil || c.typ != recContinue {
					break
				}
				parts = append(parts, c.data)
				next = after
			}
			wb.sst = parseSST(parts)
		}
		off = next
	}
}

func parseBoundSheet(d []byte) (boundSheet, bool) {
	if len(d) < 8 {
		return boundSheet{}, false
	}
	bs := boundSheet{pos: binary.LittleEndian.Uint32(d), hidden: d[4]&0x03 != 0, kind: d[5]}
	name, _, ok := unicodeString(d[6:], 1)
	if !ok {
		return boundSheet{}, false
	}
	bs.name = name
	return bs, true
}

// unicodeString reads an XLUnicodeString (lenBytes 2) or a
// ShortXLUnicodeString (lenBytes 1) without rich text or phonetic parts
// beyond skipping them; it returns the text and the bytes used.
func unicodeString(d []byte, lenBytes int) (string, int, bool) {
	if len(d) < lenBytes+1 {
		return "", 0, false
	}
	n := int(d[0])
	if lenBytes == 2 {
		n = int(binary.LittleEndian.Uint16(d))
	}
	flags := d[lenBytes]
	p := lenBytes + 1
	runs, ext := 0, 0
	if flags&0x08 != 0 {
		if len(d) < p+2 {
			return "", 0, false
		}
		runs = int(binary.LittleEndian.Uint16(d[p:]))
		p += 2
	}
	if flags&0x04 != 0 {
		if len(d) < p+4 {
			return "", 0, false
		}
		ext = int(binary.LittleEndian.Uint32(d[p:]) & 0x7fffffff)
		p += 4
	}
	size := n
	if flags&0x01 != 0 {
		size = 2 * n
	}
	if len(d)-p < size {
		return "", 0, false
	}
	s := decodeChars(d[p:p+size], flags&0x01 != 0)
	p += size + 4*runs + ext
	return s, min(p, len(d)), true
}

// decodeChars decodes UTF-16LE (wide) or Latin-1 compressed characters.
func decodeChars(b []byte, wide bool) string {
	if !wide {
		r := make([]rune, len(b))
		for i, c := range b {
			r[i] = rune(c)
		}
		return string(r)
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = binary.LittleEndian.Uint16(b[2*i:])
	}
	return string(utf16.Decode(u))
}

// sstReader reads across the SST record and its CONTINUE records. Where a
// string's characters break at a record boundary, the next record starts
// with a fresh option byte saying whether the rest is compressed.
type sstReader struct {
	parts [][]byte
	i, p  int
}

func (r *sstReader) atEnd() bool {
	for r.i < len(r.parts) && r.p >= len(r.parts[r.i]) {
		r.i++
		r.p = 0
	}
	return r.i >= len(r.parts)
}

// bytes reads n bytes, crossing record boundaries (for headers, rich-text
// runs and phonetic blocks, which carry no option byte).
func (r *sstReader) bytes(n int) ([]byte, bool) {
	var out []byte
	for n > 0 {
		if r.atEnd() {
			return nil, false
		}
		cur := r.parts[r.i][r.p:]
		k := min(n, len(cur))
		if out == nil && k == n {
			r.p += k
			return cur[:k], true
		}
		out = append(out, cur[:k]...)
		r.p += k
		n -= k
	}
	return out, true
}

func (r *sstReader) skip(n int) bool {
	for n > 0 {
		if r.atEnd() {
			return false
		}
		k := min(n, len(r.parts[r.i])-r.p)
		r.p += k
		n -= k
	}
	return true
}

// chars reads n characters, starting compressed or wide, switching at each
// record boundary to what that record's option byte says.
func (r *sstReader) chars(n int, wide bool) (string, bool) {
	var b strings.Builder
	for n > 0 {
		if r.p >= len(r.parts[r.i]) {
			r.i++
			r.p = 0
			if r.i >= len(r.parts) || len(r.parts[r.i]) == 0 {
				return b.String(), false
			}
			wide = r.parts[r.i][0]&0x01 != 0
			r.p = 1
		}
		cur := r.parts[r.i][r.p:]
		size := 1
		if wide {
			size = 2
		}
		k := min(n, len(cur)/size)
		if k == 0 {
			return b.String(), false // half a wide character at the boundary
		}
		b.WriteString(decodeChars(cur[:k*size], wide))
		r.p += k * size
		n -= k
	}
	return b.String(), true
}

// parseSST reads the shared strings; on damage it keeps those read so far.
func parseSST(parts [][]byte) []string {
	r := &sstReader{parts: parts}
	head, ok := r.bytes(8)
	if !ok {
		return nil
	}
	unique := int(binary.LittleEndian.Uint32(head[4:]))
	out := make([]string, 0, min(unique, 1<<16))
	for len(out) < unique && len(out) < maxSSTStrings {
		h, ok := r.bytes(3)
		if !ok {
			break
		}
		n, flags := int(binary.LittleEndian.Uint16(h)), h[2]
		runs, ext := 0, 0
		if flags&0x08 != 0 {
			b, ok := r.bytes(2)
			if !ok {
				break
			}
			runs = int(binary.LittleEndian.Uint16(b))
		}
		if flags&0x04 != 0 {
			b, ok := r.bytes(4)
			if !ok {
				break
			}
			ext = int(binary.LittleEndian.Uint32(b) & 0x7fffffff)
		}
		if r.atEnd() && n > 0 {
			break
		}
		s, ok := r.chars(n, flags&0x01 != 0)
		out = append(out, s)
		if !ok || !r.skip(4*runs+ext) {
			break
		}
	}
	return out
}

// formatOf returns the number format applying to XF index ixfe.
func (wb *workbook) formatOf(ixfe uint16) numFormat {
	if int(ixfe) >= len(wb.xfFmt) {
		return numFormat{general: true}
	}
	id := wb.xfFmt[ixfe]
	if code, ok := wb.formats[id]; ok {
		return parseNumFormat(code)
	}
	return parseNumFormat(builtinFormats[id])
}

// builtinFormats are the format ids Excel does not write out.
var builtinFormats = map[uint16]string{
	0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00",
	5: "#,##0;-#,##0", 6: "#,##0;-#,##0", 7: "#,##0.00;-#,##0.00", 8: "#,##0.00;-#,##0.00",
	9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "General", 13: "General",
	14: "yyyy-mm-dd", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM",
	19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "yyyy-mm-dd h:mm",
	37: "#,##0;-#,##0", 38: "#,##0;-#,##0", 39: "#,##0.00;-#,##0.00", 40: "#,##0.00;-#,##0.00",
	45: "mm:ss", 46: "[h]:mm:ss", 47: "mm:ss.0", 48: "##0.0E+0", 49: "@",
}

// parseSheet reads the cells and merges of the worksheet substream at
// bs.pos. A truncated sheet keeps what was read before the damage and
// reports it.
//
// At most MaxSheetCells non-empty cells are kept, and ctx is checked every
// few thousand records.
func (wb *workbook) parseSheet(ctx context.Context, stream []byte, bs boundSheet, maxRows, maxCols int) (*sheet, bool, error) {
	s := &sheet{name: bs.name}
	off := int(bs.pos)
	rec, off, err := recordAt(stream, off)
	if err != nil || rec.typ != recBOF {
		return nil, false, fmt.Errorf("%w: sheet %q has no BOF at offset %d", extract.ErrCorrupt, bs.name, bs.pos)
	}
	truncated := false
	add := func(r, c int, text string) {
		if r >= maxRows || c >= maxCols || len(s.cells) >= MaxSheetCells {
			truncated = true
			return
		}
		if t := trimCell(text); t != "" {
			s.cells = append(s.cells, entry{r, c, t})
		}
	}
	number := func(ixfe uint16, v float64) string {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return ""
		}
		plain := formatFloat(v)
		f := wb.formatOf(ixfe)
		if f.date && wb.date1904 {
			return plain // 1904-based dates: the serial, rarely seen
		}
		return f.apply(plain)
	}
	pendingFormula := [2]int{-1, -1} // cell waiting for its STRING record
	depth := 0                       // nested BOF/EOF (embedded charts)
	for n := 0; ; n++ {
		if n > maxXLSRecords {
			return s, true, nil
		}
		if n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, false, err
			}
		}
		rec, next, err := recordAt(stream, off)
		if err != nil {
			return s, truncated, fmt.Errorf("%w: sheet %q: %v", extract.ErrCorrupt, bs.name, err)
		}
		off = next
		d := rec.data
		if depth > 0 {
			switch rec.typ {
			case recBOF:
				depth++
			case recEOF:
				depth--
			}
			continue
		}
		if rec.typ != recString && rec.typ != recContinue {
			pendingFormula = [2]int{-1, -1}
		}
		switch rec.typ {
		case recEOF:
			return s, truncated, nil
		case recBOF:
			depth++
		case recLabelSST:
			if len(d) >= 10 {
				r, c := cellPos(d)
				if i := int(binary.LittleEndian.Uint32(d[6:])); i < len(wb.sst) {
					add(r, c, wb.sst[i])
				}
			}
		case recLabel, recRString:
			if len(d) >= 6 {
				r, c := cellPos(d)
				if t, _, ok := unicodeString(d[6:], 2); ok {
					add(r, c, t)
				}
			}
		case recNumber:
			if len(d) >= 14 {
				r, c := cellPos(d)
				add(r, c, number(binary.LittleEndian.Uint16(d[4:]), math.Float64frombits(binary.LittleEndian.Uint64(d[6:]))))
			}
		case recRK:
			if len(d) >= 10 {
				r, c := cellPos(d)
				add(r, c, rkText(binary.LittleEndian.Uint32(d[6:]), wb.formatOf(binary.LittleEndian.Uint16(d[4:])), wb))
			}
		case recMulRK:
			if len(d) >= 6 {
				r, c := cellPos(d)
				for p := 4; p+6 <= len(d)-2; p += 6 {
					add(r, c, rkText(binary.LittleEndian.Uint32(d[p+2:]), wb.formatOf(binary.LittleEndian.Uint16(d[p:])), wb))
					c++
				}
			}
		case recFormula:
			if len(d) >= 14 {
				r, c := cellPos(d)
				v := d[6:14]
				if v[6] == 0xFF && v[7] == 0xFF {
					switch v[0] {
					case 0: // string: in the STRING record that follows
						pendingFormula = [2]int{r, c}
					case 1:
						add(r, c, map[bool]string{true: "TRUE", false: "FALSE"}[v[2] != 0])
					}
				} else {
					add(r, c, number(binary.LittleEndian.Uint16(d[4:]), math.Float64frombits(binary.LittleEndian.Uint64(v))))
				}
			}
		case recString:
			if pendingFormula[0] >= 0 {
				if t, _, ok := unicodeString(d, 2); ok {
					add(pendingFormula[0], pendingFormula[1], t)
				}
				pendingFormula = [2]int{-1, -1}
			}
		case recBoolErr:
			if len(d) >= 8 && d[7] == 0 {
				r, c := cellPos(d)
				add(r, c, map[bool]string{true: "TRUE", false: "FALSE"}[d[6] != 0])
			}
		case recMerged:
			if len(d) >= 2 {
				k := int(binary.LittleEndian.Uint16(d))
				for i := 0; i < k && 2+8*i+8 <= len(d) && len(s.merges) < MaxMerges; i++ {
					p := d[2+8*i:]
					r0, r1 := int(binary.LittleEndian.Uint16(p)), int(binary.LittleEndian.Uint16(p[2:]))
					c0, c1 := int(binary.LittleEndian.Uint16(p[4:])), int(binary.LittleEndian.Uint16(p[6:]))
					s.merges = append(s.merges, rect{min(r0, r1), min(c0, c1), max(r0, r1), max(c0, c1)})
				}
			}
		}
	}
}

func cellPos(d []byte) (int, int) {
	return int(binary.LittleEndian.Uint16(d)), int(binary.LittleEndian.Uint16(d[2:]))
}

// rkText decodes an RK number: a 30-bit integer or the high bits of a
// double, either possibly divided by 100. An integer divided by 100 is
// printed exactly (12345 → 123.45), without a float step.
func rkText(rk uint32, f numFormat, wb *workbook) string {
	var plain string
	if rk&0x02 != 0 {
		n := int64(int32(rk) >> 2)
		plain = fmt.Sprint(n)
		if rk&0x01 != 0 {
			plain = shift(plain, -2)
		}
	} else {
		v := math.Float64frombits(uint64(rk&0xFFFFFFFC) << 32)
		plain = formatFloat(v)
		if rk&0x01 != 0 {
			plain = shift(plain, -2)
		}
	}
	if f.date && wb.date1904 {
		return plain
	}
	return f.apply(plain)
}
