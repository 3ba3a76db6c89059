package extract

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// DecodeText turns the bytes of a text file into UTF-8 and names the
// encoding it found: a byte-order mark first (UTF-8, UTF-16LE/BE), then
// UTF-8 if the bytes are valid UTF-8, then GB18030 (a superset of GBK and
// GB2312) if they decode cleanly. Binary content is refused.
func DecodeText(data []byte) (string, string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return checkText(string(data[3:]), "utf-8-bom")
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), data, "utf-16le")
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeWith(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), data, "utf-16be")
	}
	if e, name, ok := bomlessUTF16(data); ok {
		return decodeWith(e, data, name)
	}
	if utf8.Valid(data) {
		return checkText(string(data), "utf-8")
	}
	s, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil || bytes.Contains(s, []byte("\uFFFD")) {
		return "", "", fmt.Errorf("%w: neither UTF-8 nor GB18030", ErrBinary)
	}
	return checkText(string(s), "gb18030")
}

// bomlessUTF16 spots UTF-16 without a BOM by the NUL bytes of ASCII text.
func bomlessUTF16(data []byte) (encoding.Encoding, string, bool) {
	n := min(len(data), 4096) &^ 1
	if n < 8 {
		return nil, "", false
	}
	var evenNul, oddNul int
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			evenNul++
		}
		if data[i+1] == 0 {
			oddNul++
		}
	}
	half := n / 2
	switch {
	case oddNul > half/3 && evenNul == 0:
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "utf-16le", true
	case evenNul > half/3 && oddNul == 0:
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "utf-16be", true
	}
	return nil, "", false
}

func decodeWith(e encoding.Encoding, data []byte, name string) (string, string, error) {
	s, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return "", "", fmt.Errorf("%w: bad %s: %v", ErrCorrupt, name, err)
	}
	return checkText(string(s), name)
}

// checkText refuses decoded text that is mostly control characters: a
// binary file that happens to be valid UTF-8.
func checkText(s, name string) (string, string, error) {
	ctrl, total := 0, 0
	for i, r := range s {
		if i > 64<<10 {
			break
		}
		total++
		if r == 0 || (r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f') || r == utf8.RuneError {
			ctrl++
		}
	}
	if total > 0 && ctrl*20 > total {
		return "", "", fmt.Errorf("%w: %d of the first %d characters are control codes", ErrBinary, ctrl, total)
	}
	return s, name, nil
}
