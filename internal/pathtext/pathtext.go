// Package pathtext owns how yusuan writes a file name into a message or an
// output: names are bytes, messages are lines of UTF-8. A name with a
// newline must not split a message line, and a name that is not UTF-8 must
// not turn into U+FFFD and lose the file it names.
package pathtext

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Display returns p for a message: as is when it is printable UTF-8, else
// Go-quoted ("a\nb.pdf", "\xb9\xfa.txt") so that the line stays one line
// and the bytes can be told apart.
func Display(p string) string {
	if plain(p) {
		return p
	}
	return strconv.Quote(p)
}

func plain(p string) bool {
	if !utf8.ValidString(p) {
		return false
	}
	for _, r := range p {
		if !unicode.IsPrint(r) && r != ' ' {
			return false
		}
	}
	return true
}

// Faithful returns p for an output field that must name the file exactly
// but is UTF-8 (source.path in JSON): valid UTF-8 is kept as is, each byte
// of an invalid sequence becomes \xNN, and a backslash that would be read
// as such an escape is doubled. Unescape reverses it.
func Faithful(p string) string {
	if utf8.ValidString(p) && !strings.Contains(p, `\x`) {
		return p
	}
	var b strings.Builder
	for i := 0; i < len(p); {
		r, n := utf8.DecodeRuneInString(p[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			fmt.Fprintf(&b, `\x%02x`, p[i])
		case r == '\\' && strings.HasPrefix(p[i:], `\x`):
			b.WriteString(`\\`)
		default:
			b.WriteString(p[i : i+n])
		}
		i += n
	}
	return b.String()
}

// Unescape reverses Faithful.
func Unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch {
		case strings.HasPrefix(s[i:], `\\x`):
			b.WriteString(`\x`)
			i += 2
		case strings.HasPrefix(s[i:], `\x`) && i+4 <= len(s):
			if v, err := strconv.ParseUint(s[i+2:i+4], 16, 8); err == nil {
				b.WriteByte(byte(v))
				i += 3
				continue
			}
			b.WriteByte(s[i])
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}
