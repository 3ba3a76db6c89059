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

// contentCache decodes content streams for one document.
type contentCache struct {
	streams   map[ref][]byte // decoded, by object
	cached    int            // bytes held in streams
	docBudget int            // content bytes the document may still interpret
}

// of returns the content of strm (a stream or an array of streams) as a
// plain stream Value for lpdf.Interpret. A stream that fails to decode part
// way yields what was decoded and readErr: as with the object layer's own
// reader, the content before the damage is interpreted, then the page fails.
func (c *contentCache) of(strm lpdf.Value) (v lpdf.Value, readErr, err error) {
	var data []byte
	if strm.Kind() == lpdf.Array {
		var parts [][]byte
		n := 0
		for i := range strm.Len() {
			b, rerr, err := c.decoded(strm.Index(i))
			if err != nil {
				return lpdf.Value{}, nil, err
			}
			if n += len(b) + 1; n > maxContentBytesPerStream {
				return lpdf.Value{}, nil, fmt.Errorf("page content decodes to more than %d MB", maxContentBytesPerStream>>20)
			}
			parts = append(parts, b)
			if rerr != nil {
				readErr = rerr
				break
			}
		}
		// Parts are concatenated as separate tokens (a part may end
		// mid-line without a space).
		data = bytes.Join(parts, []byte{'\n'})
	} else {
		b, rerr, err := c.decoded(strm)
		if err != nil {
			return lpdf.Value{}, nil, err
		}
		data, readErr = b, rerr
	}
	v, err = plainStream(data)
	return v, readErr, err
}

// decoded returns the decoded bytes of one stream, charged to the
// document's budget, and the error that cut its decoding short, if any.
func (c *contentCache) decoded(v lpdf.Value) (b []byte, readErr, err error) {
	if v.Kind() != lpdf.Stream {
		return nil, nil, nil
	}
	r := refOf(v)
	b, ok := c.streams[r]
	if !ok {
		rc := v.Reader()
		defer rc.Close()
		b, readErr = io.ReadAll(io.LimitReader(rc, maxContentBytesPerStream+1))
		if len(b) > maxContentBytesPerStream {
			return nil, nil, fmt.Errorf("content stream %d decodes to more than %d MB", r.id, maxContentBytesPerStream>>20)
		}
		if readErr != nil {
			readErr = fmt.Errorf("malformed PDF: reading at offset %d: %v", len(b), readErr)
		}
	}
	if c.docBudget -= len(b); c.docBudget < 0 {
		return nil, nil, fmt.Errorf("content streams of the document decode to more than %d MB", maxContentBytesPerDoc>>20)
	}
	if !ok && readErr == nil && len(b) >= cacheMinBytes && c.cached+len(b) <= maxCachedBytes {
		c.streams[r] = b
		c.cached += len(b)
	}
	return b, readErr, nil
}

// plainStream wraps data as an unfiltered stream object of a minimal PDF
// in memory, the only way to hand bytes to lpdf.Interpret.
func plainStream(data []byte) (lpdf.Value, error) {
	var b bytes.Buffer
	b.Grow(len(data) + 256)
	b.WriteString("%PDF-1.7\n")
	obj := b.Len()
	fmt.Fprintf(&b, "1 0 obj\n<</Length %d>>\nstream\n", len(data))
	b.Write(data)
	b.WriteString("\nendstream\nendobj\n")
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 2\n0000000000 65535 f\r\n%010d 00000 n\r\ntrailer\n<</Size 2/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n", obj, xref)
	r, err := lpdf.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		return lpdf.Value{}, fmt.Errorf("content stream: %v", err)
	}
	return r.Trailer().Key("Root"), nil
}
