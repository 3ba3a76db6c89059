package pdf

import (
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	lpdf "github.com/ledongthuc/pdf"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// fontKind says how a font's codes are split and measured.
type fontKind uint8

const (
	simpleFont fontKind = iota // Type1, TrueType, MMType1: one byte per code
	type0Font                  // composite: codes split by the encoding CMap
	type3Font                  // simple, glyph space set by FontMatrix
)

// predefined names the predefined CMaps we decode without an embedded map.
type predefined uint8

const (
	predefNone  predefined = iota
	predefIdent            // Identity-H/V: two bytes, CID = code
	predefGBK              // GBK-EUC-H, GB-EUC-H and kin: GBK bytes
	predefUCS2             // UniGB-UCS2-H: UCS-2BE
	predefUTF16            // UniGB-UTF16-H: UTF-16BE
)

// font is everything the interpreter needs of one font, parsed once per document.
type font struct {
	name   string
	bold   bool
	kind   fontKind
	toUni  *cmap
	enc    *cmap      // embedded encoding CMap of a Type0 font
	pre    predefined // predefined encoding CMap of a Type0 font
	simple [256]string
	hasEnc bool // simple has an encoding (base or Differences)

	widths  []float64 // simple fonts, from FirstChar, in glyph units
	first   int
	missing float64
	dw      float64            // CID default width
	cidW    map[uint32]float64 // CID widths
	scale   float64            // glyph units to text space: 0.001, or FontMatrix a for Type 3
	vscale  float64            // vertical size factor (Type 3 FontMatrix d / 0.001)

	cache map[uint32]string
}

// loadFont parses a font dictionary.
func loadFont(v lpdf.Value) *font {
	f := &font{scale: 0.001, vscale: 1, dw: 1000, cache: map[uint32]string{}}
	f.name = v.Key("BaseFont").Name()
	sub := v.Key("Subtype").Name()
	desc := v.Key("FontDescriptor")
	if tu := v.Key("ToUnicode"); tu.Kind() == lpdf.Stream {
		f.toUni = parseCMap(readStream(tu, maxStreamBytes))
	}
	switch sub {
	case "Type0":
		f.kind = type0Font
		d := v.Key("DescendantFonts").Index(0)
		if f.name == "" {
			f.name = d.Key("BaseFont").Name()
		}
		desc = d.Key("FontDescriptor")
		if dw := d.Key("DW"); dw.Kind() == lpdf.Integer || dw.Kind() == lpdf.Real {
			f.dw = num(dw)
		}
		f.cidW = parseCIDWidths(d.Key("W"))
		enc := v.Key("Encoding")
		switch enc.Kind() {
		case lpdf.Name:
			f.pre = predefinedCMap(enc.Name())
		case lpdf.Stream:
			f.enc = parseCMap(readStream(enc, maxStreamBytes))
			if f.enc.useCMap != "" {
				f.pre = predefinedCMap(f.enc.useCMap)
			}
		default:
			f.pre = predefIdent
		}
	case "Type3":
		f.kind = type3Font
		if m, ok := matrixOf(v.Key("FontMatrix")); ok && m[0] != 0 {
			f.scale = m[0]
			f.vscale = abs(m[3]) * 1000
			if f.vscale < 0.01 || f.vscale > 100 {
				f.vscale = 1
			}
		}
		fallthrough
	default:
		f.first = int(v.Key("FirstChar").Int64())
		f.widths = numArray(v.Key("Widths"))
		f.missing = num(desc.Key("MissingWidth"))
		f.loadSimpleEncoding(v.Key("Encoding"), sub, desc)
	}
	if f.widths == nil && f.kind != type0Font {
		f.missing = max(f.missing, standardWidth(f.name))
	}
	f.bold = isBoldName(f.name) || num(desc.Key("FontWeight")) >= 600 ||
		desc.Key("Flags").Int64()&(1<<18) != 0
	return f
}

// standardWidth approximates the widths of the standard 14 fonts, which
// PDFs may use without a Widths array.
func standardWidth(name string) float64 {
	if strings.Contains(name, "Courier") {
		return 600
	}
	return 500
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// isBoldName guesses boldness from a PostScript font name, including the
// GBK bytes of 黑体 that Chinese producers put in names.
func isBoldName(n string) bool {
	l := strings.ToLower(n)
	for _, w := range []string{"bold", "black", "heavy", "semibold", "demi", "hei", "\xba\xda\xcc\xe5", "黑体"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return strings.HasSuffix(l, ",b") || strings.HasSuffix(l, "-b")
}

func predefinedCMap(name string) predefined {
	switch {
	case strings.HasPrefix(name, "Identity"):
		return predefIdent
	case strings.HasPrefix(name, "UniGB-UCS2"):
		return predefUCS2
	case strings.HasPrefix(name, "UniGB-UTF16"):
		return predefUTF16
	case strings.HasPrefix(name, "GB"):
		return predefGBK
	}
	return predefIdent
}

// parseCIDWidths reads a /W array: "c [w1 w2 …]" and "cfirst clast w" runs.
func parseCIDWidths(w lpdf.Value) map[uint32]float64 {
	m := map[uint32]float64{}
	n := w.Len()
	for i := 0; i < n; {
		c := w.Index(i)
		if c.Kind() != lpdf.Integer && c.Kind() != lpdf.Real {
			i++
			continue
		}
		start := num(c)
		if i+1 >= n {
			break
		}
		nx := w.Index(i + 1)
		if nx.Kind() == lpdf.Array {
			for k := range nx.Len() {
				m[uint32(start)+uint32(k)] = num(nx.Index(k))
			}
			i += 2
			continue
		}
		if i+2 >= n {
			break
		}
		end, wd := num(nx), num(w.Index(i+2))
		if end >= start && end-start < maxRange && start >= 0 {
			for c := uint32(start); c <= uint32(end); c++ {
				m[c] = wd
			}
		}
		i += 3
	}
	return m
}

// loadSimpleEncoding fills f.simple from a base encoding and Differences.
func (f *font) loadSimpleEncoding(enc lpdf.Value, sub string, desc lpdf.Value) {
	base := "StandardEncoding"
	symbolic := desc.Key("Flags").Int64()&4 != 0
	if sub == "TrueType" {
		base = "WinAnsiEncoding"
	}
	var diffs lpdf.Value
	switch enc.Kind() {
	case lpdf.Name:
		base = enc.Name()
		f.hasEnc = true
	case lpdf.Dict:
		if b := enc.Key("BaseEncoding").Name(); b != "" {
			base = b
		}
		diffs = enc.Key("Differences")
		f.hasEnc = true
	default:
		if symbolic && sub == "TrueType" {
			base = "WinAnsiEncoding"
		}
	}
	f.simple = baseEncoding(base)
	code := 0
	for i := range diffs.Len() {
		d := diffs.Index(i)
		switch d.Kind() {
		case lpdf.Integer, lpdf.Real:
			code = int(num(d))
		case lpdf.Name:
			if code >= 0 && code < 256 {
				f.simple[code] = glyphText(d.Name())
			}
			code++
		}
	}
}

// baseEncoding returns the text of each code of a simple font's base
// encoding. WinAnsi is Windows code page 1252 and MacRoman the Macintosh
// code page, both from golang.org/x/text; StandardEncoding agrees with them
// on the printable ASCII codes, which is all that disclosures use of it.
func baseEncoding(name string) [256]string {
	var out [256]string
	cm := charmap.Windows1252
	if name == "MacRomanEncoding" {
		cm = charmap.Macintosh
	}
	for i := range 256 {
		if r := cm.DecodeByte(byte(i)); r >= 0x20 && r != utf8.RuneError && !(r >= 0x7F && r < 0xA0) {
			out[i] = string(r)
		}
	}
	if name == "StandardEncoding" {
		out['\''] = "\u2019"
		out['`'] = "\u2018"
		for i := 0x80; i < 256; i++ {
			out[i] = ""
		}
	}
	return out
}

// glyphText maps a glyph name to text: our glyph-name table, uniXXXX[XXXX…],
// uXXXX[XX], ligatures joined by "_"; suffixes after "." are ignored.
func glyphText(name string) string {
	if i := strings.IndexByte(name, '.'); i > 0 {
		name = name[:i]
	}
	if r, ok := glyphNames[name]; ok {
		return string(r)
	}
	if strings.Contains(name, "_") {
		var b strings.Builder
		for _, p := range strings.Split(name, "_") {
			b.WriteString(glyphText(p))
		}
		return b.String()
	}
	if strings.HasPrefix(name, "uni") && len(name) >= 7 && (len(name)-3)%4 == 0 {
		var u []uint16
		for i := 3; i+4 <= len(name); i += 4 {
			v, err := strconv.ParseUint(name[i:i+4], 16, 16)
			if err != nil {
				return ""
			}
			u = append(u, uint16(v))
		}
		return string(utf16.Decode(u))
	}
	if len(name) >= 5 && len(name) <= 7 && name[0] == 'u' {
		v, err := strconv.ParseUint(name[1:], 16, 32)
		if err == nil && utf8.ValidRune(rune(v)) {
			return string(rune(v))
		}
	}
	return ""
}

// next splits the code at the start of s; n is its length in bytes.
func (f *font) next(s string) (code uint32, n int) {
	if f.kind != type0Font {
		return uint32(s[0]), 1
	}
	if f.enc != nil && len(f.enc.spaces) > 0 {
		return splitCode(f.enc.spaces, s, 2)
	}
	switch f.pre {
	case predefGBK:
		if s[0] >= 0x81 && s[0] <= 0xFE && len(s) >= 2 {
			return bytesCode(s[:2]), 2
		}
		return uint32(s[0]), 1
	case predefUTF16:
		if len(s) >= 4 && s[0] >= 0xD8 && s[0] <= 0xDB {
			return bytesCode(s[:4]), 4
		}
	}
	if len(s) < 2 {
		return uint32(s[0]), 1
	}
	return bytesCode(s[:2]), 2
}

// text returns the Unicode text of a code of n bytes, radicals folded.
func (f *font) text(code uint32, n int) string {
	if s, ok := f.cache[code]; ok {
		return s
	}
	s, ok := f.toUni.lookup(code)
	if !ok || s == "" || s == "\x00" {
		s = f.fallbackText(code, n)
	}
	s = foldRadicals(s)
	if len(f.cache) < 1<<16 {
		f.cache[code] = s
	}
	return s
}

func (f *font) fallbackText(code uint32, n int) string {
	if f.kind != type0Font {
		return f.simple[code&0xFF]
	}
	switch f.pre {
	case predefGBK:
		var b []byte
		if n == 2 {
			b = []byte{byte(code >> 8), byte(code)}
		} else {
			b = []byte{byte(code)}
		}
		out, err := simplifiedchinese.GBK.NewDecoder().Bytes(b)
		if err != nil || strings.ContainsRune(string(out), utf8.RuneError) {
			return ""
		}
		return string(out)
	case predefUCS2:
		return string(rune(code))
	case predefUTF16:
		if n == 4 {
			return string(utf16.Decode([]uint16{uint16(code >> 16), uint16(code)}))
		}
		return string(utf16.Decode([]uint16{uint16(code)}))
	}
	return ""
}

// width returns the advance of a code in text space units (per unit font size).
func (f *font) width(code uint32, n int) float64 {
	if f.kind == type0Font {
		cid := code
		if f.enc != nil {
			if c, ok := f.enc.cid(code); ok {
				cid = c
			}
		} else if f.pre != predefIdent {
			// BUG(yusuan): predefined GB CMaps map codes to Adobe-GB1 CIDs
			// through tables we do not ship; widths of such fonts fall back
			// to DW for two-byte codes and half of it for one-byte codes.
			if n == 1 {
				return f.dw / 2 * f.scale
			}
			return f.dw * f.scale
		}
		if w, ok := f.cidW[cid]; ok {
			return w * f.scale
		}
		return f.dw * f.scale
	}
	i := int(code) - f.first
	if i >= 0 && i < len(f.widths) {
		return f.widths[i] * f.scale
	}
	return f.missing * f.scale
}
