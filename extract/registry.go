package extract

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// Options bound the work an extractor may do. Zero fields take the defaults.
type Options struct {
	MaxBytes int64 // largest input accepted; default DefaultMaxBytes
	MaxPages int   // PDF pages / sheets read; default DefaultMaxPages
	// FirstPage, when above 1, drops the PDF pages before it (--pages);
	// MaxPages still counts from page 1.
	FirstPage int
	MaxDepth  int // nesting (HTML elements, PDF objects and forms); default DefaultMaxDepth
	// Name is the file name, used in messages and as a weak hint when content sniffing cannot decide.
	Name string
}

// Defaults for Options.
const (
	DefaultMaxBytes = 200 << 20
	DefaultMaxPages = 2000
	DefaultMaxDepth = 256
)

// WithDefaults returns o with zero limits replaced by the defaults.
func (o Options) WithDefaults() Options {
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.MaxPages <= 0 {
		o.MaxPages = DefaultMaxPages
	}
	if o.MaxDepth <= 0 {
		o.MaxDepth = DefaultMaxDepth
	}
	return o
}

// Extractor turns the bytes of one file into a Document.
type Extractor func(ctx context.Context, data []byte, opts Options) (*Document, error)

// Registration describes one input format to the registry.
type Registration struct {
	Format Format
	// Sniff reports whether data (the first bytes of a file, at least 8 KiB
	// when the file has them) looks like this format. Order matters: formats
	// with magic numbers are tried before text formats.
	Sniff func(head []byte) bool
	// Priority orders sniffing: lower first.
	Priority int
	Extract  Extractor
}

var (
	regMu sync.RWMutex
	regs  []Registration
)

// Register makes a format available. It is meant to be called from init.
func Register(r Registration) {
	regMu.Lock()
	defer regMu.Unlock()
	regs = append(regs, r)
	sort.SliceStable(regs, func(i, j int) bool { return regs[i].Priority < regs[j].Priority })
}

// Lookup returns the extractor registered for f.
func Lookup(f Format) (Extractor, bool) {
	regMu.RLock()
	defer regMu.RUnlock()
	for _, r := range regs {
		if r.Format == f {
			return r.Extract, true
		}
	}
	return nil, false
}

// Detect decides the format of data from its content: magic numbers first
// (%PDF-, zip containers, OLE compound files, byte-order marks), then the
// registered sniffers. The name's extension is never trusted over content.
func Detect(data []byte, name string) (Format, error) {
	head := data
	if len(head) > 64<<10 {
		head = head[:64<<10]
	}
	if len(bytes.TrimSpace(head)) == 0 {
		return "", ErrEmpty
	}
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(name), "."))
	f, ok := detectMagic(data)
	if !ok {
		f, ok = sniff(head)
	}
	if !ok {
		if ext != "" {
			return "", fmt.Errorf("%w (name says .%s)", ErrUnknownFormat, ext)
		}
		return "", ErrUnknownFormat
	}
	if f == FormatXLS && (binaryExtensions[ext] == FormatDOCX || oleWordDocument(data)) {
		// An OLE file named .doc or .docx, or holding a WordDocument stream,
		// is a legacy or encrypted Word document: the Word reader says so.
		f = FormatDOCX
	}
	if claimed, binary := binaryExtensions[ext]; binary && !compatible(claimed, f) {
		// A ".pdf" that holds text or HTML is most often an error page saved
		// under the document's name: say so rather than convert it.
		return "", fmt.Errorf("%w: content is %s, but the name says .%s", ErrMislabeled, f, ext)
	}
	return f, nil
}

// binaryExtensions are the names that promise a binary container.
var binaryExtensions = map[string]Format{"pdf": FormatPDF, "xlsx": FormatXLSX, "xls": FormatXLS, "docx": FormatDOCX, "doc": FormatDOCX}

// compatible allows the mix-ups that are harmless: spreadsheets saved with
// the other spreadsheet extension, and HTML tables saved as .xls.
func compatible(claimed, got Format) bool {
	if claimed == got {
		return true
	}
	spreadsheet := func(f Format) bool { return f == FormatXLS || f == FormatXLSX }
	return spreadsheet(claimed) && (spreadsheet(got) || got == FormatHTML)
}

func sniff(head []byte) (Format, bool) {
	regMu.RLock()
	defer regMu.RUnlock()
	for _, r := range regs {
		if r.Sniff != nil && r.Sniff(head) {
			return r.Format, true
		}
	}
	return "", false
}

// detectMagic recognises the binary containers by their signatures.
func detectMagic(data []byte) (Format, bool) {
	switch {
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return FormatPDF, true
	case len(data) > 1024 && bytes.Contains(data[:1024], []byte("%PDF-")):
		// Some producers put junk before the header; readers tolerate 1 KiB.
		return FormatPDF, true
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return zipFormat(data), true
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		// OLE2 compound file: legacy .xls; Detect tells a Word .doc apart.
		return FormatXLS, true
	}
	return "", false
}

// oleWordDocument reports an OLE compound file with a WordDocument stream
// and no workbook stream (a workbook may embed a Word object); its
// directory names the streams in UTF-16LE.
func oleWordDocument(data []byte) bool {
	utf16 := func(s string) []byte {
		b := make([]byte, 0, 2*len(s))
		for i := range len(s) {
			b = append(b, s[i], 0)
		}
		return b
	}
	return bytes.Contains(data, utf16("WordDocument")) && !bytes.Contains(data, utf16("Workbook")) && !bytes.Contains(data, utf16("Book"))
}

// zipFormat tells the Office Open XML flavours apart by their part names.
func zipFormat(data []byte) Format {
	switch {
	case bytes.Contains(data, []byte("xl/")):
		return FormatXLSX
	case bytes.Contains(data, []byte("word/")):
		return FormatDOCX
	}
	return "zip"
}

// Extract detects the format of data and runs its extractor.
func Extract(ctx context.Context, data []byte, opts Options) (*Document, error) {
	opts = opts.WithDefaults()
	if int64(len(data)) > opts.MaxBytes {
		return nil, fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(data), opts.MaxBytes)
	}
	f, err := Detect(data, opts.Name)
	if err != nil {
		return nil, err
	}
	ex, ok := Lookup(f)
	if !ok {
		return nil, fmt.Errorf("%w: %s", ErrUnsupported, f)
	}
	doc, err := ex(ctx, data, opts)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f, err)
	}
	return doc, nil
}
