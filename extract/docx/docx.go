package docx

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/yusuan/yusuan/extract"
)

func init() {
	// Content detection (a zip holding word/ parts, or an OLE file named
	// .doc/.docx or holding a WordDocument stream) picks this extractor.
	extract.Register(extract.Registration{Format: extract.FormatDOCX, Extract: ExtractDOCX})
}

// Limits on one document; see the package doc.
const (
	MaxEntries     = 10000
	MaxPartBytes   = 64 << 20
	MaxStylesBytes = 16 << 20
	MaxBlocks      = 100000
	MaxCells       = 1 << 20
	MaxCols        = 1024
)

const documentPart = "word/document.xml"

var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// ExtractDOCX reads a .docx: its body's paragraphs, headings and tables.
func ExtractDOCX(ctx context.Context, data []byte, opts extract.Options) (*extract.Document, error) {
	opts = opts.WithDefaults()
	if bytes.HasPrefix(data, oleMagic) {
		return nil, oleError(data)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("open zip: %w: %v", extract.ErrCorrupt, err)
	}
	if len(zr.File) > MaxEntries {
		return nil, fmt.Errorf("%w: %d zip entries, limit %d", extract.ErrLimit, len(zr.File), MaxEntries)
	}
	limit := min(int64(MaxPartBytes), opts.MaxBytes)
	main := findPart(zr, mainPartName(zr))
	if main == nil {
		return nil, fmt.Errorf("%w: no %s in the zip: not a Word document", extract.ErrCorrupt, documentPart)
	}
	doc := &extract.Document{Format: extract.FormatDOCX, Encoding: "utf-8", Blocks: []extract.Block{}}
	st := styles{}
	if f := findPart(zr, "word/styles.xml"); f != nil {
		// Styles only refine headings: a broken styles part is a problem, not a failure.
		if st, err = readStyles(f, min(int64(MaxStylesBytes), limit), opts.MaxDepth); err != nil {
			st = styles{}
			doc.Problems = append(doc.Problems, extract.Problem{Code: "extract.styles_failed",
				Message: fmt.Sprintf("word/styles.xml unreadable, headings only from the text: %v", err)})
		}
	}
	rc, err := openPart(main, limit)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	w := newWalker(ctx, rc, st, opts.MaxDepth, doc)
	if err := w.run(); err != nil {
		return nil, fmt.Errorf("%s: %w", main.Name, err)
	}
	finish(doc)
	if doc.Title == "" {
		doc.Title = coreTitle(zr)
	}
	return doc, nil
}

// coreTitle is the title the file's own properties give (docProps/core.xml
// dc:title), for a document whose body opens with no title heading; ""
// when there is none or the part is unreadable.
func coreTitle(zr *zip.Reader) string {
	f := findPart(zr, "docProps/core.xml")
	if f == nil {
		return ""
	}
	rc, err := openPart(f, 1<<20)
	if err != nil {
		return ""
	}
	defer rc.Close()
	var core struct {
		Title string `xml:"http://purl.org/dc/elements/1.1/ title"`
	}
	if xml.NewDecoder(utf8Reader(rc)).Decode(&core) != nil {
		return ""
	}
	return strings.Join(strings.Fields(core.Title), " ")
}

// oleError says what an OLE compound file handed to the Word reader is.
func oleError(data []byte) error {
	if bytes.Contains(data, utf16le("EncryptionInfo")) || bytes.Contains(data, utf16le("EncryptedPackage")) {
		return fmt.Errorf("%w: password-protected Word document: remove the password and save it again as .docx", extract.ErrEncrypted)
	}
	return fmt.Errorf("%w: legacy Word .doc (or encrypted docx) is not supported; save as .docx (e.g. libreoffice --headless --convert-to docx FILE)", extract.ErrUnsupported)
}

func utf16le(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return b
}

// mainPartName is the officeDocument target of _rels/.rels, or
// word/document.xml when the relationships do not say.
func mainPartName(zr *zip.Reader) string {
	f := findPart(zr, "_rels/.rels")
	if f == nil || f.UncompressedSize64 > 1<<20 {
		return documentPart
	}
	rc, err := openPart(f, 1<<20)
	if err != nil {
		return documentPart
	}
	defer rc.Close()
	var rels struct {
		Rel []struct {
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if xml.NewDecoder(rc).Decode(&rels) != nil {
		return documentPart
	}
	for _, r := range rels.Rel {
		if strings.HasSuffix(r.Type, "/officeDocument") && r.Target != "" {
			return strings.TrimPrefix(path.Clean("/"+r.Target), "/")
		}
	}
	return documentPart
}

// findPart returns the entry called name (part names are case-insensitive).
func findPart(zr *zip.Reader, name string) *zip.File {
	for _, f := range zr.File {
		if strings.EqualFold(strings.TrimPrefix(f.Name, "/"), name) {
			return f
		}
	}
	return nil
}

// openPart opens an entry whose declared size is within limit; the reader
// also stops at limit, whatever the entry declares.
func openPart(f *zip.File, limit int64) (io.ReadCloser, error) {
	if f.UncompressedSize64 > uint64(limit) {
		return nil, fmt.Errorf("%w: %s unpacks to %d bytes, limit %d", extract.ErrLimit, f.Name, f.UncompressedSize64, limit)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("open %s: %w: %v", f.Name, extract.ErrCorrupt, err)
	}
	return &limitedPart{rc: rc, left: limit, name: f.Name}, nil
}

// limitedPart reads an entry up to a limit and reports zip faults as ErrCorrupt.
type limitedPart struct {
	rc   io.ReadCloser
	left int64
	name string
}

func (p *limitedPart) Read(b []byte) (int, error) {
	if p.left <= 0 {
		return 0, fmt.Errorf("%w: %s unpacks beyond the limit", extract.ErrLimit, p.name)
	}
	if int64(len(b)) > p.left {
		b = b[:p.left]
	}
	n, err := p.rc.Read(b)
	p.left -= int64(n)
	if err != nil && err != io.EOF {
		err = fmt.Errorf("read %s: %w: %v", p.name, extract.ErrCorrupt, err)
	}
	return n, err
}

func (p *limitedPart) Close() error { return p.rc.Close() }

// xmlError classifies a decoder error: limit and corruption errors pass
// through, XML syntax errors are corruption.
func xmlError(err error) error {
	if errors.Is(err, extract.ErrLimit) || errors.Is(err, extract.ErrCorrupt) ||
		errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("%w: XML ends early", extract.ErrCorrupt)
	}
	return fmt.Errorf("%w: bad XML: %v", extract.ErrCorrupt, err)
}
