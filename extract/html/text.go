package html

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// normalizeSpace collapses runs of white space (including &nbsp; and the
// ideographic space) to one ASCII space, drops zero-width characters, and
// drops a space entirely when it touches a Chinese character or CJK
// punctuation: Chinese is written without spaces, so a space there is markup
// indentation or a line break in the source, never a word boundary.
func normalizeSpace(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	pending := false
	var prev rune = -1
	for _, r := range s {
		switch {
		case isZeroWidth(r):
			continue
		case isSpace(r):
			pending = true
			continue
		}
		if pending && prev >= 0 && !isCJK(prev) && !isCJK(r) {
			b.WriteByte(' ')
		}
		pending = false
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// isClean reports whether normalizeSpace would return s unchanged, so the
// common case allocates nothing.
func isClean(s string) bool {
	prevSpace := true // a leading space is not clean
	var prev rune = -1
	for _, r := range s {
		if isZeroWidth(r) || r == utf8.RuneError {
			return false
		}
		if isSpace(r) {
			if r != ' ' || prevSpace || (prev >= 0 && isCJK(prev)) {
				return false
			}
			prevSpace = true
			continue
		}
		if prevSpace && prev >= 0 && isCJK(r) {
			return false
		}
		prevSpace = false
		prev = r
	}
	return !prevSpace || prev < 0
}

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\v', '\u00a0', '\u3000', '\u0085', '\u2028', '\u2029':
		return true
	}
	return r >= '\u2000' && r <= '\u200a' || r == '\u202f' || r == '\u205f'
}

func isZeroWidth(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad':
		return true
	}
	return false
}

// isCJK reports whether r belongs to Chinese text: Han characters, CJK and
// full-width punctuation, and the typographic quotes and dashes Chinese
// text uses.
func isCJK(r rune) bool {
	switch {
	case r < 0x2000:
		return false
	case r >= 0x2010 && r <= 0x2027: // ‐ – — ‘ ’ “ ” … ·
		return true
	case r >= 0x2E80 && r <= 0x303F, // radicals, CJK symbols and punctuation
		r >= 0x3040 && r <= 0x30FF, // kana
		r >= 0x3400 && r <= 0x4DBF,
		r >= 0x4E00 && r <= 0x9FFF,
		r >= 0xF900 && r <= 0xFAFF,
		r >= 0xFE30 && r <= 0xFE4F,
		r >= 0xFF00 && r <= 0xFFEF: // full-width forms
		return true
	}
	return unicode.Is(unicode.Han, r)
}

// runeLen counts the runes of s.
func runeLen(s string) int { return utf8.RuneCountInString(s) }

// weightOf counts the non-space runes of s: the "text density" measure.
func weightOf(s string) int {
	n := 0
	for _, r := range s {
		if !isSpace(r) && !isZeroWidth(r) {
			n++
		}
	}
	return n
}

// stripTemplateVars removes ${…} expression-language residue from text.
func stripTemplateVars(s string) string {
	for {
		i := strings.Index(s, "${")
		if i < 0 {
			return s
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 || j > 400 {
			return s
		}
		s = s[:i] + s[i+j+1:]
	}
}

// stripServerTags removes <%…%> blocks (JSP, ASP) from the source before it
// is parsed: the HTML tokenizer would otherwise keep them as text. An
// unterminated <% is left alone.
func stripServerTags(s string) string {
	if !strings.Contains(s, "<%") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for {
		i := strings.Index(s, "<%")
		if i < 0 {
			break
		}
		j := strings.Index(s[i+2:], "%>")
		if j < 0 {
			break
		}
		b.WriteString(s[:i])
		s = s[i+2+j+2:]
	}
	b.WriteString(s)
	return b.String()
}
