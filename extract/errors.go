package extract

import (
	"errors"
	"strconv"
	"unicode/utf8"
)

// Sentinel errors, for use with errors.Is. Broken input (ErrCorrupt,
// ErrEmpty) is kept apart from valid input we cannot handle (ErrUnsupported,
// ErrEncrypted, ErrNoTextLayer).
var (
	ErrEmpty         = errors.New("file is empty")
	ErrUnknownFormat = errors.New("not a recognised document format (expected txt, html, pdf, docx, xlsx or xls content)")
	ErrUnsupported   = errors.New("format not supported yet")
	ErrTooLarge      = errors.New("file exceeds the size limit")
	ErrLimit         = errors.New("document exceeds a processing limit")
	ErrCorrupt       = errors.New("file is damaged or truncated")
	ErrEncrypted     = errors.New("file is encrypted with a password")
	ErrNoTextLayer   = errors.New("no text layer")
	ErrBinary        = errors.New("content is binary, not text")
	ErrMislabeled    = errors.New("file is not what its name says")
)

// Excerpt quotes at most n bytes of s for an error message, so that a
// message about broken input stays one short line: control bytes and
// invalid UTF-8 are escaped, and a cut excerpt ends in "…".
func Excerpt(s string, n int) string {
	cut := len(s) > n
	if cut {
		s = s[:n]
		// Do not leave half a character to be escaped at the end.
		for i := 1; i < utf8.UTFMax && i <= len(s); i++ {
			if r, size := utf8.DecodeLastRuneInString(s); r != utf8.RuneError || size != 1 {
				break
			}
			if utf8.RuneStart(s[len(s)-i]) {
				s = s[:len(s)-i]
				break
			}
		}
	}
	q := strconv.Quote(s)
	if cut {
		q += "…"
	}
	return q
}
