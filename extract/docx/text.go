package docx

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/extract/numbering"
)

// normalizeSpace collapses whitespace runs to one space and drops a soft
// line break ('\n') between two Chinese characters, where a space would be
// wrong; the ends are trimmed.
func normalizeSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	var prev rune
	gap, brk := false, false
	for _, r := range s {
		if isSpace(r) {
			gap = true
			brk = brk || r == '\n'
			continue
		}
		if gap && b.Len() > 0 && !(brk && wide(prev) && wide(r)) {
			b.WriteByte(' ')
		}
		gap, brk = false, false
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u3000' || r == '\u00a0' }

// wide reports Chinese characters and full-width punctuation, which lines
// join without a space.
func wide(r rune) bool {
	return unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xffef
}

// Heading detection limits, in runes: longer lines are paragraphs.
const maxHeadingRunes = 40

// classify makes b a heading when its style gives it a level, or when it
// reads as one: a short numbered title (一、…, （二）…), or a short bold or
// centred line that is no sentence. body: the document says body text.
func classify(b *extract.Block, level int, body bool) {
	n, numbered := numbering.Parse(b.Text)
	if numbered && (n.Style == numbering.Enumerated || n.Rest == "") {
		numbered = false
	}
	short := utf8.RuneCountInString(b.Text) <= maxHeadingRunes
	switch {
	case b.TOC || body:
	case level > 0:
		b.Kind, b.Level = extract.KindHeading, level
	case numbered && short && titleLike(strings.TrimRight(n.Rest, "：:")):
		b.Kind, b.Level = extract.KindHeading, n.Style.Rank()
	case (b.Hints.Bold || b.Hints.Centered) && short && !numbered && titleLike(b.Text):
		b.Kind = extract.KindHeading
	}
	if numbered && b.Kind == extract.KindHeading {
		b.Numbering = n.Text
	}
}

// titleLike: no sentence punctuation inside or at the end, no lead-in colon
// followed by text, no amount.
func titleLike(s string) bool {
	if strings.ContainsAny(s, "，,；;") || strings.Contains(strings.TrimSuffix(s, "。"), "。") {
		return false
	}
	if i := strings.IndexAny(s, "：:"); i >= 0 && i < len(s)-len("：") {
		return false
	}
	if strings.HasSuffix(s, "：") || strings.HasSuffix(s, ":") {
		return false
	}
	if strings.HasSuffix(s, "。") && utf8.RuneCountInString(s) > 12 {
		return false
	}
	// A heading names a topic; a list item states a quantity ("完成…不低于2000亩").
	return !strings.ContainsAny(yearRE.ReplaceAllString(s, ""), "0123456789０１２３４５６７８９")
}

var yearRE = regexp.MustCompile(`(?:19|20)[0-9]{2}\s*年度?`)

// finish sets the document title: the first heading among the first
// blocks, when it carries no numbering.
func finish(doc *extract.Document) {
	for i, b := range doc.Blocks {
		if i >= 3 {
			break
		}
		if b.Kind == extract.KindHeading && b.Numbering == "" {
			doc.Title = b.Text
			if doc.Blocks[i].Level == 0 {
				doc.Blocks[i].Level = 1
			}
			return
		}
	}
}

// utf8Reader turns a part written in UTF-16 (with a byte-order mark) into
// UTF-8, which is all encoding/xml reads; UTF-8 passes through.
func utf8Reader(r io.Reader) io.Reader {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(2)
	switch {
	case len(head) == 2 && head[0] == 0xFF && head[1] == 0xFE:
		br.Discard(2)
		return &utf16Reader{r: br, little: true}
	case len(head) == 2 && head[0] == 0xFE && head[1] == 0xFF:
		br.Discard(2)
		return &utf16Reader{r: br}
	}
	return br
}

// charsetReader accepts the declarations of the encodings utf8Reader
// already turned into UTF-8.
func charsetReader(label string, r io.Reader) (io.Reader, error) {
	switch strings.ToLower(strings.ReplaceAll(label, "_", "-")) {
	case "utf-8", "utf8", "utf-16", "utf16", "utf-16le", "utf-16be", "unicode":
		return r, nil
	}
	return nil, fmt.Errorf("%w: XML in encoding %q (Word writes UTF-8 or UTF-16)", extract.ErrCorrupt, label)
}

type utf16Reader struct {
	r       *bufio.Reader
	little  bool
	pending rune // a high surrogate waiting for its pair; 0 none
	out     []byte
	err     error
}

func (u *utf16Reader) Read(p []byte) (int, error) {
	for len(u.out) == 0 {
		if u.err != nil {
			return 0, u.err
		}
		u.fill()
	}
	n := copy(p, u.out)
	u.out = u.out[n:]
	return n, nil
}

// fill decodes up to 2048 code units into u.out.
func (u *utf16Reader) fill() {
	for range 2048 {
		var b [2]byte
		if _, err := io.ReadFull(u.r, b[:]); err != nil {
			if err == io.ErrUnexpectedEOF || u.pending != 0 {
				u.out = utf8.AppendRune(u.out, utf8.RuneError)
			}
			u.err = io.EOF
			return
		}
		c := rune(b[0])<<8 | rune(b[1])
		if u.little {
			c = rune(b[1])<<8 | rune(b[0])
		}
		if u.pending != 0 {
			if c >= 0xDC00 && c < 0xE000 {
				u.out = utf8.AppendRune(u.out, utf16.DecodeRune(u.pending, c))
				u.pending = 0
				continue
			}
			u.out = utf8.AppendRune(u.out, utf8.RuneError)
			u.pending = 0
		}
		if c >= 0xD800 && c < 0xDC00 {
			u.pending = c
			continue
		}
		u.out = utf8.AppendRune(u.out, c)
	}
}
