// Package yusuan converts Chinese government budget disclosures (部门预算 and
// 部门决算公开, as txt, PDF, HTML or spreadsheets) into yusuan's canonical
// budget schema in one call:
//
//	doc, err := yusuan.ConvertFile(ctx, "report.pdf", yusuan.Options{})
//
// It wires the stages together — extract (format → intermediate document),
// normalize (→ schema), schema.Validate (findings) — and owns nothing else.
// The command-line tool in cmd/yusuan is a thin layer over this package.
package yusuan

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sync"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/internal/guard"
	"github.com/yusuan/yusuan/internal/pathtext"
	"github.com/yusuan/yusuan/normalize"
	"github.com/yusuan/yusuan/schema"

	// The formats this package ships register themselves.
	_ "github.com/yusuan/yusuan/extract/formats"
)

// Options configure a conversion. The zero value is ready to use.
type Options struct {
	// Extract bounds the extractors (sizes, pages, nesting).
	Extract extract.Options
	// DictDir is gojieba's dictionary directory; empty means $YUSUAN_DICT_DIR,
	// then the dictionaries built into a portable binary, else gojieba's module directory.
	DictDir string
	// Pages selects the PDF pages read; the zero value reads them all (up
	// to Extract.MaxPages).
	Pages PageRange
	// Log receives the stack of a panic met while converting a file (the
	// file gets an error; see ErrPanic); nil means slog.Default().
	Log *slog.Logger
}

// ErrPanic marks the error of a file whose conversion met a bug (a panic):
// the file fails, its stack goes to Options.Log, other files go on.
var ErrPanic = guard.ErrPanic

// A Converter converts files with fixed options and one segmenter. Make one
// per program (loading the segmenter costs about half a second and 140 MB)
// and pass it on; it is safe for concurrent use.
type Converter struct {
	opts Options
	norm *normalize.Normalizer
}

// NewConverter loads the segmenter for opts.DictDir and returns a
// Converter with opts.
func NewConverter(opts Options) (*Converter, error) {
	seg, err := normalize.LoadSegmenter(opts.DictDir)
	if err != nil {
		return nil, err
	}
	return &Converter{opts: opts, norm: normalize.New(seg)}, nil
}

// Options returns the converter's options.
func (c *Converter) Options() Options { return c.opts }

// Normalizer returns the converter's normalizer (tests and benchmarks of
// package normalize use it).
func (c *Converter) Normalizer() *normalize.Normalizer { return c.norm }

// MaxBytes is the largest input the converter reads.
func (c *Converter) MaxBytes() int64 { return c.opts.Extract.WithDefaults().MaxBytes }

// With returns a converter sharing c's segmenter with other extractor
// limits and log. Its DictDir is c's whatever opts says.
func (c *Converter) With(opts Options) *Converter {
	opts.DictDir = c.opts.DictDir
	return &Converter{opts: opts, norm: c.norm}
}

// WithLog returns a converter like c that logs panics to log.
func (c *Converter) WithLog(log *slog.Logger) *Converter {
	o := c.opts
	o.Log = log
	return c.With(o)
}

var (
	defaultMu   sync.Mutex
	defaultConv *Converter
)

// defaultConverter backs the package-level functions: one Converter made on
// first use and kept while callers ask for the same dictionaries.
func defaultConverter(opts Options) (*Converter, error) {
	defaultMu.Lock()
	defer defaultMu.Unlock()
	if defaultConv == nil || defaultConv.opts.DictDir != opts.DictDir {
		c, err := NewConverter(opts)
		if err != nil {
			return nil, err
		}
		defaultConv = c
	}
	return defaultConv.With(opts), nil
}

// ConvertFile converts the file at path with a default Converter for opts
// (made on first use). Programs converting many files should make their own
// Converter.
func ConvertFile(ctx context.Context, path string, opts Options) (*schema.Document, error) {
	c, err := defaultConverter(opts)
	if err != nil {
		return nil, err
	}
	return c.ConvertFile(ctx, path)
}

// Convert reads r to the end (up to the size limit) and converts it; name
// is recorded as the source path and used in messages.
func Convert(ctx context.Context, r io.Reader, name string, opts Options) (*schema.Document, error) {
	c, err := defaultConverter(opts)
	if err != nil {
		return nil, err
	}
	return c.Convert(ctx, r, name)
}

// ConvertBytes converts a file already in memory.
func ConvertBytes(ctx context.Context, data []byte, name string, opts Options) (*schema.Document, error) {
	c, err := defaultConverter(opts)
	if err != nil {
		return nil, err
	}
	return c.ConvertBytes(ctx, data, name)
}

// ConvertFile converts the file at path.
func (c *Converter) ConvertFile(ctx context.Context, path string) (*schema.Document, error) {
	data, err := readFile(path, c.MaxBytes())
	if err != nil {
		return nil, err
	}
	return c.ConvertBytes(ctx, data, path)
}

// Convert reads r to the end (up to the size limit) and converts it; name
// is recorded as the source path and used in messages.
func (c *Converter) Convert(ctx context.Context, r io.Reader, name string) (*schema.Document, error) {
	data, err := readAllLimited(r, name, c.MaxBytes())
	if err != nil {
		return nil, err
	}
	return c.ConvertBytes(ctx, data, name)
}

// ConvertBytes converts a file already in memory. A panic while converting
// it becomes its error (ErrPanic).
func (c *Converter) ConvertBytes(ctx context.Context, data []byte, name string) (*schema.Document, error) {
	r, err := c.convert(ctx, data, name)
	return r.doc, err
}

// ConvertFileInspected converts the file at path with a default Converter
// for opts and returns the intermediate document it was read from too.
func ConvertFileInspected(ctx context.Context, path string, opts Options) (*schema.Document, *extract.Document, error) {
	c, err := defaultConverter(opts)
	if err != nil {
		return nil, nil, err
	}
	return c.ConvertFileInspected(ctx, path)
}

// ConvertFileInspected converts the file at path and returns the
// intermediate document it was read from too, for views that show both
// (the schema's provenance points into the intermediate document).
func (c *Converter) ConvertFileInspected(ctx context.Context, path string) (*schema.Document, *extract.Document, error) {
	data, err := readFile(path, c.MaxBytes())
	if err != nil {
		return nil, nil, err
	}
	r, err := c.convert(ctx, data, path)
	return r.doc, r.x, err
}

// converted is a document and the intermediate document it came from.
type converted struct {
	doc *schema.Document
	x   *extract.Document
}

// convert converts data; a panic while converting becomes its error (ErrPanic).
func (c *Converter) convert(ctx context.Context, data []byte, name string) (converted, error) {
	return guard.Call(name, c.opts.Log, func() (converted, error) {
		x, err := c.inspect(ctx, data, name)
		if err != nil {
			return converted{}, err
		}
		doc := c.norm.Normalize(x, name)
		sum := sha256.Sum256(data)
		doc.Source = schema.Source{
			Path: pathtext.Faithful(name), Format: string(x.Format), SHA256: hex.EncodeToString(sum[:]),
			Bytes: int64(len(data)), Encoding: x.Encoding, Pages: x.Pages,
			Producer: "yusuan " + BuildVersion(),
		}
		if doc.Meta.Scope != schema.ScopeGovernment {
			schema.Validate(doc)
		} else {
			// A report to the people's congress carries no department figures to check.
			doc.Status = schema.DocumentStatus(doc)
		}
		return converted{doc, x}, nil
	})
}

// InspectFile returns the intermediate document: what the extractor saw.
func InspectFile(ctx context.Context, path string, opts Options) (*extract.Document, error) {
	return inspector(opts).InspectFile(ctx, path)
}

// InspectBytes extracts data without normalising it.
func InspectBytes(ctx context.Context, data []byte, name string, opts Options) (*extract.Document, error) {
	return inspector(opts).InspectBytes(ctx, data, name)
}

// InspectReader reads r to the end (up to the size limit) and extracts it
// without normalising it.
func InspectReader(ctx context.Context, r io.Reader, name string, opts Options) (*extract.Document, error) {
	return inspector(opts).InspectReader(ctx, r, name)
}

// inspector returns a converter that can only inspect: it has no
// segmenter, so it costs nothing to make.
func inspector(opts Options) *Converter { return &Converter{opts: opts} }

// InspectFile returns the intermediate document: what the extractor saw.
func (c *Converter) InspectFile(ctx context.Context, path string) (*extract.Document, error) {
	data, err := readFile(path, c.MaxBytes())
	if err != nil {
		return nil, err
	}
	return c.InspectBytes(ctx, data, path)
}

// InspectReader reads r to the end (up to the size limit) and inspects it.
func (c *Converter) InspectReader(ctx context.Context, r io.Reader, name string) (*extract.Document, error) {
	data, err := readAllLimited(r, name, c.MaxBytes())
	if err != nil {
		return nil, err
	}
	return c.InspectBytes(ctx, data, name)
}

// InspectBytes extracts data without normalising it. A panic in an
// extractor becomes the file's error (ErrPanic), as in ConvertBytes.
func (c *Converter) InspectBytes(ctx context.Context, data []byte, name string) (*extract.Document, error) {
	return guard.Call(name, c.opts.Log, func() (*extract.Document, error) {
		return c.inspect(ctx, data, name)
	})
}

func (c *Converter) inspect(ctx context.Context, data []byte, name string) (*extract.Document, error) {
	eo := c.opts.Pages.limit(c.opts.Extract)
	eo.Name = name
	x, err := extract.Extract(ctx, data, eo)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", pathtext.Display(name), err)
	}
	return x, nil
}

func readAllLimited(r io.Reader, name string, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: read: %w", pathtext.Display(name), err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: %w (limit %d bytes)", pathtext.Display(name), extract.ErrTooLarge, limit)
	}
	return data, nil
}

func readFile(path string, limit int64) ([]byte, error) {
	name := pathtext.Display(path)
	// Stat before opening: opening a named pipe blocks until a writer
	// comes, and a device may never end.
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, unwrapPathError(err))
	}
	if err := regular(st); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if st.Size() > limit {
		return nil, fmt.Errorf("%s: %w: %d bytes, limit %d", name, extract.ErrTooLarge, st.Size(), limit)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, unwrapPathError(err))
	}
	defer f.Close()
	if st, err = f.Stat(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, unwrapPathError(err))
	}
	if err := regular(st); err != nil { // replaced since the first look
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var buf bytes.Buffer
	if _, err := io.Copy(&buf, io.LimitReader(f, limit+1)); err != nil {
		return nil, fmt.Errorf("%s: read: %w", name, unwrapPathError(err))
	}
	if int64(buf.Len()) > limit {
		return nil, fmt.Errorf("%s: %w (limit %d bytes)", name, extract.ErrTooLarge, limit)
	}
	return buf.Bytes(), nil
}

// regular refuses what is not a regular file.
func regular(st os.FileInfo) error {
	switch {
	case st.IsDir():
		return ErrIsDir
	case !st.Mode().IsRegular():
		return fmt.Errorf("%w (%s)", ErrNotRegular, modeName(st.Mode()))
	}
	return nil
}

func modeName(m os.FileMode) string {
	switch {
	case m&os.ModeNamedPipe != 0:
		return "a named pipe"
	case m&os.ModeSocket != 0:
		return "a socket"
	case m&os.ModeDevice != 0:
		return "a device"
	}
	return "mode " + m.Type().String()
}

// ErrIsDir is returned for a directory where a file was expected.
var ErrIsDir = errors.New("is a directory, not a file")

// ErrNotRegular is returned for a named pipe, device or socket named as an
// input: reading one may never end. Pipe data in with "-" instead.
var ErrNotRegular = errors.New("not a regular file")

// unwrapPathError drops the path that os errors repeat, since messages
// already lead with it.
func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
