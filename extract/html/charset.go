package html

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/yusuan/yusuan/extract"
)

// prescanBytes is how much of the file is searched for a <meta> charset
// declaration. The HTML standard says 1024 bytes; real portals put long
// <head>s before it, so we look further.
const prescanBytes = 16 << 10

// decoded is the page as UTF-8 and how it got there.
type decoded struct {
	text     string
	encoding string // "utf-8", "gb18030", "utf-16le", "big5", …
	declared string // the label the page declared, if any
	mismatch bool   // the declaration contradicted the bytes
}

// decode turns the page into UTF-8: a byte-order mark first, then a
// <meta charset> or http-equiv Content-Type declaration, then sniffing
// (valid UTF-8, else GB18030). gb2312 and gbk are read as GB18030, their
// superset. A declaration the bytes plainly contradict (declared GBK but
// valid multi-byte UTF-8, or declared UTF-8 but invalid) loses to sniffing.
func decode(data []byte) (decoded, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return decoded{text: toValidUTF8(data[3:]), encoding: "utf-8"}, nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), data, "utf-16le")
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeWith(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), data, "utf-16be")
	}
	label := declaredCharset(data[:min(len(data), prescanBytes)])
	d := decoded{declared: label}
	validUTF8 := utf8.Valid(data)
	if label != "" {
		enc, name := lookupCharset(label)
		switch {
		case enc == nil:
			// An unknown label: fall through to sniffing.
		case name == "utf-8":
			if validUTF8 {
				d.text, d.encoding = string(data), "utf-8"
				return d, nil
			}
			d.mismatch = true
		default:
			if validUTF8 && hasMultiByte(data) && name != "utf-16le" && name != "utf-16be" {
				// Declared a legacy charset but the bytes are UTF-8 (a page
				// converted without updating its <meta>): trust the bytes.
				d.text, d.encoding, d.mismatch = string(data), "utf-8", true
				return d, nil
			}
			if name == "utf-16le" || name == "utf-16be" {
				// A <meta> read as ASCII cannot be UTF-16; the declaration is wrong.
				d.mismatch = true
				break
			}
			s, err := enc.NewDecoder().Bytes(data)
			if err != nil {
				return d, fmt.Errorf("decode %s: %w: %v", name, extract.ErrCorrupt, err)
			}
			d.text, d.encoding = string(s), name
			return d, nil
		}
	}
	if validUTF8 {
		d.text, d.encoding = string(data), "utf-8"
		return d, nil
	}
	s, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil {
		return d, fmt.Errorf("decode gb18030: %w: %v", extract.ErrCorrupt, err)
	}
	d.text, d.encoding = string(s), "gb18030"
	return d, nil
}

func decodeWith(e encoding.Encoding, data []byte, name string) (decoded, error) {
	s, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return decoded{}, fmt.Errorf("decode %s: %w: %v", name, extract.ErrCorrupt, err)
	}
	return decoded{text: string(s), encoding: name}, nil
}

// toValidUTF8 converts b, replacing invalid sequences with U+FFFD.
func toValidUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	return string(bytes.ToValidUTF8(b, []byte("\uFFFD")))
}

// lookupCharset resolves a charset label with the WHATWG table of
// x/net/html/charset, mapping the GB family to GB18030.
func lookupCharset(label string) (encoding.Encoding, string) {
	enc, name := charset.Lookup(label)
	if enc == nil {
		return nil, ""
	}
	switch strings.ToLower(name) {
	case "gbk", "gb2312", "gb18030", "x-gbk":
		return simplifiedchinese.GB18030, "gb18030"
	case "utf-8":
		return enc, "utf-8"
	case "utf-16le":
		return enc, "utf-16le"
	case "utf-16be":
		return enc, "utf-16be"
	}
	return enc, strings.ToLower(name)
}

func hasMultiByte(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// declaredCharset finds the charset of the first <meta charset=…> or
// <meta http-equiv="Content-Type" content="…; charset=…"> in head (and of
// a JSP page directive's contentType). It is a byte scan, not a parse:
// the bytes are not decoded yet.
func declaredCharset(head []byte) string {
	lower := bytes.ToLower(head)
	for off := 0; off < len(lower); {
		i := bytes.Index(lower[off:], []byte("charset"))
		if i < 0 {
			return ""
		}
		i += off
		off = i + len("charset")
		// Only inside a <meta …> tag or a <%@ page …%> directive.
		start := bytes.LastIndexByte(lower[:i], '<')
		if start < 0 || bytes.IndexByte(lower[start:i], '>') >= 0 {
			continue
		}
		if !bytes.HasPrefix(lower[start:], []byte("<meta")) && !bytes.HasPrefix(lower[start:], []byte("<%@")) {
			continue
		}
		rest := lower[off:]
		j := 0
		for j < len(rest) && (rest[j] == ' ' || rest[j] == '\t' || rest[j] == '\n' || rest[j] == '\r') {
			j++
		}
		if j >= len(rest) || rest[j] != '=' {
			continue
		}
		j++
		for j < len(rest) && (rest[j] == ' ' || rest[j] == '"' || rest[j] == '\'') {
			j++
		}
		k := j
		for k < len(rest) && isLabelByte(rest[k]) {
			k++
		}
		if k > j {
			return string(rest[j:k])
		}
	}
	return ""
}

func isLabelByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == ':'
}
