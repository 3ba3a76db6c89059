package pdf

import (
	"bytes"
	"fmt"
	"io"

	lpdf "github.com/ledongthuc/pdf"
)

// Content streams are decoded here, under limits, before the object
// layer's interpreter sees them: lpdf.Interpret would inflate a stream
// without bound (a few megabytes of flate can hold gigabytes) and again for
// every page that uses it. The decoded bytes are handed to it as a plain
// stream of a small in-memory PDF.

// Limits on decoded content.
const (
	// maxContentBytesPerStream bounds one decoded content stream (or
	// Form XObject); a page holding a larger one fails with ErrLimit.
	maxContentBytesPerStream = 32 << 20
	// maxContentBytesPerDoc bounds the content bytes interpreted in one
	// document, a stream used by several pages counting each time (the
	// largest document of the corpus: 7 MB).
	maxContentBytesPerDoc = 128 << 20
	// Streams of at least cacheMinBytes are kept decoded for the next page
	// that uses them, up to maxCachedBytes in all.
	cacheMinBytes  = 64 << 10
	maxCachedBytes = 128 << 20
)

// cachedStream is a decoded stream kept for the next page using it.
type cachedStream struct {
	v    lpdf.Value
	size int
}

// contentCache decodes content streams for one document.
type contentCache struct {
	streams   map[ref]cachedStream // decoded, by object
	cached    int                  // bytes held in streams
	docBudget int                  // content bytes the document may still interpret
	free      []*bytes.Buffer      // buffers of content interpreted, for reuse
}

// of returns the content of strm (a stream or an array of streams) as a
// plain stream Value for lpdf.Interpret. A stream that fails to decode part
// way yields what was decoded and readErr: as with the object layer's own
// reader, the content before the damage is interpreted, then the page fails.
//
// done hands the buffer back for the next stream once v has been
// interpreted (not called after a panic: the buffer is then left to the
// collector).
func (c *contentCache) of(strm lpdf.Value) (v lpdf.Value, readErr error, done func(), err error) {
	var r ref
	keep := func() {}
	if strm.Kind() == lpdf.Stream {
		r = refOf(strm)
		if cs, ok := c.streams[r]; ok {
			if c.docBudget -= cs.size; c.docBudget < 0 {
				return lpdf.Value{}, nil, nil, c.overBudget()
			}
			return cs.v, nil, keep, nil
		}
	}
	if c.docBudget <= 0 {
		return lpdf.Value{}, nil, nil, c.overBudget()
	}
	b := memPDF{buf: c.buffer()}
	b.begin()
	if strm.Kind() == lpdf.Array {
		for i := range strm.Len() {
			if i > 0 {
				// Parts are separate tokens (a part may end mid-line).
				b.buf.WriteByte('\n')
			}
			if readErr, err = b.decode(strm.Index(i)); err != nil || readErr != nil {
				break
			}
		}
	} else {
		readErr, err = b.decode(strm)
	}
	size := b.size()
	if err != nil {
		c.docBudget -= size // the work was done: a bomb on every page costs once per budget
		return lpdf.Value{}, nil, nil, err
	}
	if c.docBudget -= size; c.docBudget < 0 {
		return lpdf.Value{}, nil, nil, c.overBudget()
	}
	if v, err = b.end(); err != nil {
		return lpdf.Value{}, nil, nil, err
	}
	if strm.Kind() == lpdf.Stream && readErr == nil && size >= cacheMinBytes && c.cached+size <= maxCachedBytes {
		c.streams[r] = cachedStream{v, size}
		c.cached += size
		return v, nil, keep, nil
	}
	return v, readErr, func() { c.release(b.buf) }, nil
}

// buffer returns an empty buffer, reused when one is free.
func (c *contentCache) buffer() *bytes.Buffer {
	if n := len(c.free); n > 0 {
		b := c.free[n-1]
		c.free = c.free[:n-1]
		b.Reset()
		return b
	}
	return new(bytes.Buffer)
}

// release keeps b for reuse, unless it is large (a rare heavy stream
// should not stay in memory for the rest of the document).
func (c *contentCache) release(b *bytes.Buffer) {
	if b.Cap() <= 4<<20 && len(c.free) < 8 {
		c.free = append(c.free, b)
	}
}

func (c *contentCache) overBudget() error {
	return fmt.Errorf("content streams of the document decode to more than %d MB", maxContentBytesPerDoc>>20)
}

// memPDF builds a minimal PDF in memory whose object 1 is an unfiltered
// stream: the only way to hand decoded bytes to lpdf.Interpret. Streams are
// decoded straight into it; the length, written as ten digits, is patched
// in at the end.
type memPDF struct {
	buf   *bytes.Buffer
	start int // offset of the stream data
	lenAt int // offset of the length digits
}

const memPDFHead = "%PDF-1.7\n1 0 obj\n<</Length "

func (m *memPDF) begin() {
	m.buf.WriteString(memPDFHead)
	m.lenAt = m.buf.Len()
	m.buf.WriteString("0000000000>>\nstream\n")
	m.start = m.buf.Len()
}

func (m *memPDF) size() int { return m.buf.Len() - m.start }

// decode appends the decoded bytes of stream v, at most
// maxContentBytesPerStream in all. readErr is the error that cut the
// decoding short; err a limit.
func (m *memPDF) decode(v lpdf.Value) (readErr, err error) {
	if v.Kind() != lpdf.Stream {
		return nil, nil
	}
	rc := v.Reader()
	defer rc.Close()
	room := int64(maxContentBytesPerStream - m.size())
	n, rerr := m.buf.ReadFrom(io.LimitReader(rc, room+1))
	if n > room {
		return nil, fmt.Errorf("page content decodes to more than %d MB", maxContentBytesPerStream>>20)
	}
	if rerr != nil {
		return fmt.Errorf("malformed PDF: reading at offset %d: %v", n, rerr), nil
	}
	return nil, nil
}

// end closes the stream object, writes the cross-reference table and opens
// the result.
func (m *memPDF) end() (lpdf.Value, error) {
	n := m.size()
	copy(m.buf.Bytes()[m.lenAt:], fmt.Sprintf("%010d", n))
	m.buf.WriteString("\nendstream\nendobj\n")
	xref := m.buf.Len()
	fmt.Fprintf(m.buf, "xref\n0 2\n0000000000 65535 f\r\n%010d 00000 n\r\ntrailer\n<</Size 2/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n", len("%PDF-1.7\n"), xref)
	r, err := lpdf.NewReader(bytes.NewReader(m.buf.Bytes()), int64(m.buf.Len()))
	if err != nil {
		return lpdf.Value{}, fmt.Errorf("content stream: %v", err)
	}
	return r.Trailer().Key("Root"), nil
}
