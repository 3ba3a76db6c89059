// Package numbering parses the numbering printed at the start of Chinese
// headings and list items: 第一部分, 一、, （一）, 1、, 1., （1）, ①, 第一条.
// It is shared by the extractors (to tell a numbered heading from a
// paragraph) and by normalize (to nest sections), so it depends on neither.
package numbering

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Style is a family of numbering. Its value is its usual nesting rank in a
// disclosure: Part outermost, Article innermost.
type Style int

// Numbering styles, outermost first.
const (
	None         Style = iota
	Part               // 第一部分, 第二章
	CNComma            // 一、
	CNParen            // （一）
	ArabicComma        // 1、 1. 1．
	ArabicParen        // （1） 1）
	Circled            // ①
	Article            // 第一条
	Enumerated         // 一是
	ArabicDotted       // 1.1
)

var styleNames = [...]string{"none", "part", "cn-comma", "cn-paren", "arabic-comma", "arabic-paren", "circled", "article", "enumerated", "arabic-dotted"}

func (s Style) String() string {
	if int(s) < len(styleNames) {
		return styleNames[s]
	}
	return "unknown"
}

// Rank is the default heading level of a style (1 outermost), used when a
// document gives no better evidence.
func (s Style) Rank() int {
	switch s {
	case Part:
		return 1
	case CNComma:
		return 2
	case CNParen:
		return 3
	case ArabicComma, ArabicDotted:
		return 4
	case ArabicParen:
		return 5
	case Circled, Article, Enumerated:
		return 6
	}
	return 0
}

// Number is a parsed numbering prefix.
type Number struct {
	Text    string // as printed, e.g. "（三）"
	Style   Style
	Ordinal int    // 3 for （三）; 0 if unreadable
	Rest    string // the text after the numbering, leading spaces trimmed
}

// Parse reads the numbering at the start of s. ok is false when s starts
// with none (a year such as "2020年" or an amount is not numbering).
func Parse(s string) (Number, bool) {
	t := strings.TrimLeftFunc(s, isSpace)
	if t == "" {
		return Number{}, false
	}
	if folded, ok := foldFullWidth(t); ok {
		// "１、" and "（１）": parse the ASCII form, then report the printed text.
		n, ok := Parse(folded)
		if !ok {
			return Number{}, false
		}
		k := utf8.RuneCountInString(n.Text)
		rs := []rune(t)
		n.Text = string(rs[:k])
		n.Rest = strings.TrimLeftFunc(strings.TrimPrefix(t, n.Text), isSpace)
		return n, true
	}
	for _, p := range parsers {
		if n, ok := p(t); ok {
			n.Rest = strings.TrimLeftFunc(n.Rest, isSpace)
			return n, true
		}
	}
	return Number{}, false
}

var parsers = []func(string) (Number, bool){parsePart, parseCNParen, parseCNComma, parseArabicParen, parseArabic, parseCircled}

// foldFullWidth maps full-width digits and the full stop in the first few
// runes to ASCII, rune for rune; ok is false when there were none.
func foldFullWidth(t string) (string, bool) {
	// Look before allocating: most text has no full-width digit up front.
	found := false
	for i, n := 0, 0; i < len(t) && n < 6; n++ {
		r, w := utf8.DecodeRuneInString(t[i:])
		if r >= '０' && r <= '９' || r == '．' {
			found = true
			break
		}
		i += w
	}
	if !found {
		return "", false
	}
	var b strings.Builder
	b.Grow(len(t))
	n := 0
	for _, r := range t {
		if n < 6 {
			switch {
			case r >= '０' && r <= '９':
				r = r - '０' + '0'
			case r == '．':
				r = '.'
			}
		}
		b.WriteRune(r)
		n++
	}
	return b.String(), true
}

func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u3000' || r == '\u00a0' }

func parsePart(s string) (Number, bool) {
	if !strings.HasPrefix(s, "第") {
		return Number{}, false
	}
	rest := s[len("第"):]
	num, n := leadingNumber(rest)
	if n == 0 {
		return Number{}, false
	}
	after := rest[n:]
	for _, suf := range []string{"部分", "章", "篇", "节"} {
		if strings.HasPrefix(after, suf) {
			l := len("第") + n + len(suf)
			r := strings.TrimLeft(s[l:], "、：:.．")
			return Number{Text: s[:l], Style: Part, Ordinal: num, Rest: r}, true
		}
	}
	if strings.HasPrefix(after, "条") {
		l := len("第") + n + len("条")
		return Number{Text: s[:l], Style: Article, Ordinal: num, Rest: s[l:]}, true
	}
	return Number{}, false
}

func parseCNParen(s string) (Number, bool) {
	open, w := utf8.DecodeRuneInString(s)
	if open != '（' && open != '(' {
		return Number{}, false
	}
	rest := strings.TrimLeftFunc(s[w:], isSpace)
	num, n := cnNumber(rest)
	style := CNParen
	if n == 0 {
		num, n = arabic(rest)
		style = ArabicParen
		if n == 0 {
			return Number{}, false
		}
	}
	after := strings.TrimLeftFunc(rest[n:], isSpace)
	cl, cw := utf8.DecodeRuneInString(after)
	if cl != '）' && cl != ')' {
		return Number{}, false
	}
	l := len(s) - len(after) + cw
	r := strings.TrimLeft(s[l:], "、.．")
	return Number{Text: s[:l], Style: style, Ordinal: num, Rest: r}, true
}

func parseCNComma(s string) (Number, bool) {
	num, n := cnNumber(s)
	if n == 0 {
		return Number{}, false
	}
	after := s[n:]
	for _, sep := range []string{"、", "，", "．", ".", "是"} {
		if strings.HasPrefix(after, sep) {
			l := n + len(sep)
			style := CNComma
			if sep == "是" {
				style = Enumerated
			}
			if sep == "，" || sep == "." || sep == "．" {
				// "一，" is rare but seen; "一." likewise.
				style = CNComma
			}
			return Number{Text: s[:l], Style: style, Ordinal: num, Rest: s[l:]}, true
		}
	}
	return Number{}, false
}

func parseArabicParen(s string) (Number, bool) {
	num, n := arabic(s)
	if n == 0 || n > 2 {
		return Number{}, false
	}
	c, w := utf8.DecodeRuneInString(s[n:])
	if c == '）' || c == ')' {
		return Number{Text: s[:n+w], Style: ArabicParen, Ordinal: num, Rest: s[n+w:]}, true
	}
	return Number{}, false
}

func parseArabic(s string) (Number, bool) {
	num, n := arabic(s)
	if n == 0 || n > 2 {
		return Number{}, false
	}
	after := s[n:]
	c, w := utf8.DecodeRuneInString(after)
	switch c {
	case '、':
		return Number{Text: s[:n+w], Style: ArabicComma, Ordinal: num, Rest: after[w:]}, true
	case '.', '．':
		next, _ := utf8.DecodeRuneInString(after[w:])
		if y, m := arabic(after[w:]); m == 4 && y >= 1900 && strings.HasPrefix(after[w+m:], "年") {
			// "6．2025年…表": an item numbered 6 that starts with a year.
			return Number{Text: s[:n+w], Style: ArabicComma, Ordinal: num, Rest: after[w:]}, true
		}
		if next >= '0' && next <= '9' {
			// "1.1 标题" is dotted numbering; "1.5万元" is a number.
			_, m := arabic(after[w:])
			tail := after[w+m:]
			t, tw := utf8.DecodeRuneInString(tail)
			if m > 0 && m <= 2 && !isUnitStart(strings.TrimLeftFunc(tail, isSpace)) && (isSpace(t) || t == '、' || (t >= 0x4e00 && t <= 0x9fff)) {
				l := n + w + m
				if isSpace(t) || t == '、' {
					l += tw
				}
				return Number{Text: strings.TrimRightFunc(s[:l], isSpace), Style: ArabicDotted, Ordinal: num, Rest: s[l:]}, true
			}
			return Number{}, false
		}
		return Number{Text: s[:n+w], Style: ArabicComma, Ordinal: num, Rest: after[w:]}, true
	}
	return Number{}, false
}

// isUnitStart reports text that makes a preceding number a quantity, not a label.
func isUnitStart(s string) bool {
	for _, u := range []string{"万", "亿", "元", "年", "月", "日", "%", "％", "个", "家", "人", "次", "项"} {
		if strings.HasPrefix(s, u) {
			return true
		}
	}
	return false
}

func parseCircled(s string) (Number, bool) {
	r, w := utf8.DecodeRuneInString(s)
	if r >= '①' && r <= '⑳' {
		return Number{Text: s[:w], Style: Circled, Ordinal: int(r-'①') + 1, Rest: s[w:]}, true
	}
	return Number{}, false
}

// arabic reads leading ASCII digits.
func arabic(s string) (int, int) {
	v, i := 0, 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' && i < 4 {
		v = v*10 + int(s[i]-'0')
		i++
	}
	if i < len(s) && s[i] >= '0' && s[i] <= '9' {
		return 0, 0
	}
	return v, i
}

// leadingNumber reads a Chinese or Arabic number.
func leadingNumber(s string) (int, int) {
	if v, n := cnNumber(s); n > 0 {
		return v, n
	}
	return arabic(s)
}

var cnDigits = map[rune]int{'〇': 0, '零': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// cnNumber reads a Chinese numeral up to 99 (一, 十, 十二, 二十, 二十三) and
// returns its value and byte length.
func cnNumber(s string) (int, int) {
	val, cur, i := 0, -1, 0
	seenTen := false
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if d, ok := cnDigits[r]; ok {
			if cur >= 0 {
				break // two digits in a row: not a numeral we read
			}
			cur = d
			i += w
			continue
		}
		if r == '十' && !seenTen {
			seenTen = true
			if cur < 0 {
				cur = 1
			}
			val = cur * 10
			cur = -1
			i += w
			continue
		}
		break
	}
	if i == 0 {
		return 0, 0
	}
	if cur > 0 {
		val += cur
	}
	return val, i
}

// CNNumber parses a whole Chinese numeral such as "二十三"; ok is false if s is not one.
func CNNumber(s string) (int, bool) {
	v, n := cnNumber(s)
	return v, n > 0 && n == len(s)
}
