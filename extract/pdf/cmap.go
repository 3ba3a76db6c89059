package pdf

import (
	"strconv"
	"unicode/utf16"
)

// cmap is a parsed CMap: a ToUnicode map (bfchar/bfrange) or an embedded
// encoding CMap (cidchar/cidrange), with its codespace ranges.
type cmap struct {
	spaces   []codespace
	uni      map[uint32]string
	bfRanges []bfRange
	cids     map[uint32]uint32
	cidRange []cidRange
	useCMap  string // name after usecmap, for predefined parents
}

// codespace is one codespace range of codes n bytes long.
type codespace struct {
	n      int
	lo, hi uint32
}

type bfRange struct {
	lo, hi uint32
	base   []uint16 // UTF-16 of the text for lo; the last unit is incremented
	arr    []string // array form: one string per code from lo
}

type cidRange struct {
	lo, hi, cid uint32
}

// maxRange bounds the size of one bfrange or cidrange we accept.
const maxRange = 1 << 16

// lookup returns the text mapped to code, if any.
func (c *cmap) lookup(code uint32) (string, bool) {
	if c == nil {
		return "", false
	}
	if s, ok := c.uni[code]; ok {
		return s, true
	}
	for i := len(c.bfRanges) - 1; i >= 0; i-- {
		r := &c.bfRanges[i]
		if code < r.lo || code > r.hi {
			continue
		}
		off := code - r.lo
		if r.arr != nil {
			if int(off) < len(r.arr) {
				return r.arr[off], true
			}
			return "", false
		}
		if len(r.base) == 0 {
			return "", false
		}
		u := append([]uint16(nil), r.base...)
		u[len(u)-1] += uint16(off)
		return string(utf16.Decode(u)), true
	}
	return "", false
}

// cid maps a code to a CID through cidchar/cidrange; ok is false when unmapped.
func (c *cmap) cid(code uint32) (uint32, bool) {
	if c == nil {
		return 0, false
	}
	if v, ok := c.cids[code]; ok {
		return v, true
	}
	for _, r := range c.cidRange {
		if code >= r.lo && code <= r.hi {
			return r.cid + code - r.lo, true
		}
	}
	return 0, false
}

// split reads the code at the start of s by the codespace ranges: the
// shortest matching length wins; with no match it takes the shortest length
// any range declares (or def when there are none).
func splitCode(spaces []codespace, s string, def int) (code uint32, n int) {
	for _, sp := range spaces {
		if sp.n > len(s) {
			continue
		}
		c := bytesCode(s[:sp.n])
		if c >= sp.lo && c <= sp.hi {
			if n == 0 || sp.n < n {
				code, n = c, sp.n
			}
		}
	}
	if n > 0 {
		return code, n
	}
	n = def
	for _, sp := range spaces {
		if n == def || sp.n < n {
			n = sp.n
		}
	}
	n = max(1, min(n, len(s)))
	return bytesCode(s[:n]), n
}

func bytesCode(s string) uint32 {
	var c uint32
	for i := 0; i < len(s) && i < 4; i++ {
		c = c<<8 | uint32(s[i])
	}
	return c
}

// cmapToken is one token of the PostScript subset CMaps use.
type cmapToken struct {
	kind byte // 'h' hex string, 's' literal string, 'n' number, '/' name, 'k' keyword, '[' array
	s    string
	num  float64
	arr  []cmapToken
}

// parseCMap parses a CMap program. It never panics: unknown constructs are skipped.
func parseCMap(data []byte) *cmap {
	c := &cmap{uni: map[uint32]string{}, cids: map[uint32]uint32{}}
	lx := cmapLexer{data: data}
	var stk []cmapToken
	for {
		t, ok := lx.next()
		if !ok {
			break
		}
		if t.kind != 'k' {
			stk = append(stk, t)
			if len(stk) > 1<<20 {
				stk = stk[:0]
			}
			continue
		}
		switch t.s {
		case "endcodespacerange":
			for i := 0; i+1 < len(stk); i += 2 {
				lo, hi := stk[i], stk[i+1]
				if lo.kind != 'h' || hi.kind != 'h' || len(lo.s) == 0 || len(lo.s) > 4 {
					continue
				}
				c.spaces = append(c.spaces, codespace{len(lo.s), bytesCode(lo.s), bytesCode(hi.s)})
			}
		case "endbfchar":
			for i := 0; i+1 < len(stk); i += 2 {
				src, dst := stk[i], stk[i+1]
				if src.kind != 'h' {
					continue
				}
				c.uni[bytesCode(src.s)] = dstText(dst)
			}
		case "endbfrange":
			for i := 0; i+2 < len(stk); i += 3 {
				lo, hi, dst := stk[i], stk[i+1], stk[i+2]
				if lo.kind != 'h' || hi.kind != 'h' {
					continue
				}
				l, h := bytesCode(lo.s), bytesCode(hi.s)
				if h < l || h-l >= maxRange {
					continue
				}
				r := bfRange{lo: l, hi: h}
				switch dst.kind {
				case '[':
					for _, d := range dst.arr {
						r.arr = append(r.arr, dstText(d))
					}
					if r.arr == nil {
						r.arr = []string{}
					}
				case 'h', 's':
					r.base = utf16Units(dst.s)
				default:
					continue
				}
				c.bfRanges = append(c.bfRanges, r)
			}
		case "endcidchar":
			for i := 0; i+1 < len(stk); i += 2 {
				if stk[i].kind == 'h' && stk[i+1].kind == 'n' && stk[i+1].num >= 0 {
					c.cids[bytesCode(stk[i].s)] = uint32(stk[i+1].num)
				}
			}
		case "endcidrange":
			for i := 0; i+2 < len(stk); i += 3 {
				lo, hi, d := stk[i], stk[i+1], stk[i+2]
				if lo.kind == 'h' && hi.kind == 'h' && d.kind == 'n' && d.num >= 0 {
					l, h := bytesCode(lo.s), bytesCode(hi.s)
					if h >= l {
						c.cidRange = append(c.cidRange, cidRange{l, h, uint32(d.num)})
					}
				}
			}
		case "usecmap":
			if n := len(stk); n > 0 && stk[n-1].kind == '/' {
				c.useCMap = stk[n-1].s
			}
		}
		stk = stk[:0]
	}
	return c
}

// dstText decodes a bfchar/bfrange destination: UTF-16BE bytes or a glyph name.
func dstText(t cmapToken) string {
	switch t.kind {
	case 'h', 's':
		return string(utf16.Decode(utf16Units(t.s)))
	case '/':
		return glyphText(t.s)
	}
	return ""
}

// utf16Units reads big-endian UTF-16 code units; an odd trailing byte is
// taken as a unit of its own (some producers write one-byte destinations).
func utf16Units(s string) []uint16 {
	u := make([]uint16, 0, (len(s)+1)/2)
	if len(s) == 1 {
		return append(u, uint16(s[0]))
	}
	for i := 0; i+1 < len(s); i += 2 {
		u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
	}
	if len(s)%2 == 1 {
		u = append(u, uint16(s[len(s)-1]))
	}
	return u
}

type cmapLexer struct {
	data  []byte
	pos   int
	depth int
}

func isPSSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '\f' || b == 0
}

func isPSDelim(b byte) bool {
	switch b {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

func (lx *cmapLexer) next() (cmapToken, bool) {
	d := lx.data
	for lx.pos < len(d) {
		b := d[lx.pos]
		switch {
		case isPSSpace(b):
			lx.pos++
			continue
		case b == '%':
			for lx.pos < len(d) && d[lx.pos] != '\n' && d[lx.pos] != '\r' {
				lx.pos++
			}
			continue
		}
		break
	}
	if lx.pos >= len(d) {
		return cmapToken{}, false
	}
	b := d[lx.pos]
	switch b {
	case '<':
		if lx.pos+1 < len(d) && d[lx.pos+1] == '<' {
			lx.pos += 2
			return cmapToken{kind: 'k', s: "<<"}, true
		}
		lx.pos++
		var out []byte
		var hi byte
		half := false
		for lx.pos < len(d) && d[lx.pos] != '>' {
			v, ok := unhex(d[lx.pos])
			lx.pos++
			if !ok {
				continue
			}
			if half {
				out = append(out, hi<<4|v)
			} else {
				hi = v
			}
			half = !half
		}
		if half {
			out = append(out, hi<<4)
		}
		lx.pos++
		return cmapToken{kind: 'h', s: string(out)}, true
	case '>':
		lx.pos++
		if lx.pos < len(d) && d[lx.pos] == '>' {
			lx.pos++
		}
		return cmapToken{kind: 'k', s: ">>"}, true
	case '(':
		lx.pos++
		var out []byte
		nest := 1
		for lx.pos < len(d) {
			c := d[lx.pos]
			lx.pos++
			if c == '\\' && lx.pos < len(d) {
				e := d[lx.pos]
				lx.pos++
				switch e {
				case 'n':
					out = append(out, '\n')
				case 'r':
					out = append(out, '\r')
				case 't':
					out = append(out, '\t')
				case 'b':
					out = append(out, '\b')
				case 'f':
					out = append(out, '\f')
				case '\r', '\n':
				default:
					if e >= '0' && e <= '7' {
						v := int(e - '0')
						for k := 0; k < 2 && lx.pos < len(d) && d[lx.pos] >= '0' && d[lx.pos] <= '7'; k++ {
							v = v*8 + int(d[lx.pos]-'0')
							lx.pos++
						}
						out = append(out, byte(v))
					} else {
						out = append(out, e)
					}
				}
				continue
			}
			if c == '(' {
				nest++
			} else if c == ')' {
				nest--
				if nest == 0 {
					break
				}
			}
			out = append(out, c)
		}
		return cmapToken{kind: 's', s: string(out)}, true
	case '[':
		lx.pos++
		if lx.depth > 32 {
			return cmapToken{kind: 'k', s: "["}, true
		}
		lx.depth++
		var arr []cmapToken
		for {
			t, ok := lx.next()
			if !ok || (t.kind == 'k' && t.s == "]") {
				break
			}
			arr = append(arr, t)
		}
		lx.depth--
		return cmapToken{kind: '[', arr: arr}, true
	case ']', '{', '}', ')':
		lx.pos++
		return cmapToken{kind: 'k', s: string(b)}, true
	case '/':
		lx.pos++
		st := lx.pos
		for lx.pos < len(d) && !isPSSpace(d[lx.pos]) && !isPSDelim(d[lx.pos]) {
			lx.pos++
		}
		return cmapToken{kind: '/', s: string(d[st:lx.pos])}, true
	}
	st := lx.pos
	for lx.pos < len(d) && !isPSSpace(d[lx.pos]) && !isPSDelim(d[lx.pos]) {
		lx.pos++
	}
	w := string(d[st:lx.pos])
	if w == "" {
		lx.pos++
		return cmapToken{kind: 'k', s: string(b)}, true
	}
	if f, err := strconv.ParseFloat(w, 64); err == nil {
		return cmapToken{kind: 'n', num: f}, true
	}
	return cmapToken{kind: 'k', s: w}, true
}

func unhex(b byte) (byte, bool) {
	switch {
	case b >= '0' && b <= '9':
		return b - '0', true
	case b >= 'a' && b <= 'f':
		return b - 'a' + 10, true
	case b >= 'A' && b <= 'F':
		return b - 'A' + 10, true
	}
	return 0, false
}
