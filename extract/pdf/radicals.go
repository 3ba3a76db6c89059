package pdf

import (
	"strings"

	"github.com/yusuan/yusuan/internal/radicals"
	"golang.org/x/text/unicode/norm"
)

// foldRadicals replaces radical look-alikes (the one table: internal/radicals) (U+2E80–U+2FDF) and CJK
// compatibility ideographs by the ordinary characters. Text without them is
// returned as is.
func foldRadicals(s string) string {
	need := false
	for _, r := range s {
		if r >= 0x2E80 && r <= 0x2FDF || r >= 0xF900 && r <= 0xFAFF {
			need = true
			break
		}
	}
	if !need {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 0x2E80 && r <= 0x2EFF:
			if m, ok := radicals.Fold(r); ok {
				r = m
			}
			b.WriteRune(r)
		case r >= 0x2F00 && r <= 0x2FDF, r >= 0xF900 && r <= 0xFAFF:
			b.WriteString(norm.NFKC.String(string(r)))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
