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
	"os"
	"sync"

	"github.com/yusuan/yusuan/extract"
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
	// then the directory recorded at build time.
	DictDir string
}

var (
	normMu sync.Mutex
	norms  = map[string]*normalize.Normalizer{}
)

// Normalizer returns the process-wide normalizer for opts.DictDir, building
// it (and the segmenter) on first use.
func Normalizer(opts Options) (*normalize.Normalizer, error) {
	normMu.Lock()
	defer normMu.Unlock()
	if n, ok := norms[opts.DictDir]; ok {
		return n, nil
	}
	seg, err := normalize.SharedSegmenter(opts.DictDir)
	if err != nil {
		return nil, err
	}
	n := normalize.New(seg)
	norms[opts.DictDir] = n
	return n, nil
}

// ConvertFile converts the file at path.
func ConvertFile(ctx context.Context, path string, opts Options) (*schema.Document, error) {
	data, err := readFile(path, opts.Extract.WithDefaults().MaxBytes)
	if err != nil {
		return nil, err
	}
	return ConvertBytes(ctx, data, path, opts)
}

// Convert reads r to the end (up to the size limit) and converts it; name
// is recorded as the source path and used in messages.
func Convert(ctx context.Context, r io.Reader, name string, opts Options) (*schema.Document, error) {
	limit := opts.Extract.WithDefaults().MaxBytes
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: read: %w", name, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: %w (limit %d bytes)", name, extract.ErrTooLarge, limit)
	}
	return ConvertBytes(ctx, data, name, opts)
}

// ConvertBytes converts a file already in memory.
func ConvertBytes(ctx context.Context, data []byte, name string, opts Options) (*schema.Document, error) {
	x, err := InspectBytes(ctx, data, name, opts)
	if err != nil {
		return nil, err
	}
	n, err := Normalizer(opts)
	if err != nil {
		return nil, err
	}
	doc := n.Normalize(x, name)
	sum := sha256.Sum256(data)
	doc.Source = schema.Source{
		Path: name, Format: string(x.Format), SHA256: hex.EncodeToString(sum[:]),
		Bytes: int64(len(data)), Encoding: x.Encoding, Pages: x.Pages,
	}
	schema.Validate(doc)
	return doc, nil
}

// InspectFile returns the intermediate document: what the extractor saw.
func InspectFile(ctx context.Context, path string, opts Options) (*extract.Document, error) {
	data, err := readFile(path, opts.Extract.WithDefaults().MaxBytes)
	if err != nil {
		return nil, err
	}
	return InspectBytes(ctx, data, path, opts)
}

// InspectBytes extracts data without normalising it.
func InspectBytes(ctx context.Context, data []byte, name string, opts Options) (x *extract.Document, err error) {
	eo := opts.Extract
	eo.Name = name
	defer func() {
		// A bug in an extractor must not take the caller down with it.
		if r := recover(); r != nil {
			x, err = nil, fmt.Errorf("%s: internal error while extracting: %v", name, r)
		}
	}()
	x, err = extract.Extract(ctx, data, eo)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return x, nil
}

func readFile(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, unwrapPathError(err))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, unwrapPathError(err))
	}
	if st.IsDir() {
		return nil, fmt.Errorf("%s: %w", path, ErrIsDir)
	}
	if st.Size() > limit {
		return nil, fmt.Errorf("%s: %w: %d bytes, limit %d", path, extract.ErrTooLarge, st.Size(), limit)
	}
	var buf bytes.Buffer
	if _, err := io.Copy(&buf, io.LimitReader(f, limit+1)); err != nil {
		return nil, fmt.Errorf("%s: read: %w", path, unwrapPathError(err))
	}
	if int64(buf.Len()) > limit {
		return nil, fmt.Errorf("%s: %w (limit %d bytes)", path, extract.ErrTooLarge, limit)
	}
	return buf.Bytes(), nil
}

// ErrIsDir is returned for a directory where a file was expected.
var ErrIsDir = errors.New("is a directory, not a file")

// unwrapPathError drops the path that os errors repeat, since messages
// already lead with it.
func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
