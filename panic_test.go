package yusuan

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"

	"github.com/yusuan/yusuan/extract"
)

// panicMagic starts the files a test-only extractor panics on.
const panicMagic = "YUSUAN-TEST-PANIC"

func init() {
	extract.Register(extract.Registration{
		Format:   "test-panic",
		Priority: -100,
		Sniff:    func(head []byte) bool { return bytes.HasPrefix(head, []byte(panicMagic)) },
		Extract: func(ctx context.Context, data []byte, opts extract.Options) (*extract.Document, error) {
			var blocks []extract.Block
			_ = blocks[len(data)] // index out of range, as an extractor bug would
			return nil, nil
		},
	})
}

// TestPanicPolicy: a panic in an extractor is the file's error (ErrPanic,
// naming the file) with its stack logged, for inspect and for convert.
func TestPanicPolicy(t *testing.T) {
	var log bytes.Buffer
	opts := Options{Log: slog.New(slog.NewTextHandler(&log, nil))}
	conv, err := NewConverter(opts)
	if err != nil {
		t.Skip(err)
	}
	data := []byte(panicMagic + "\n")
	_, ierr := InspectBytes(context.Background(), data, "bad.bin", opts)
	_, cerr := conv.ConvertBytes(context.Background(), data, "bad.bin")
	for name, err := range map[string]error{"inspect": ierr, "convert": cerr} {
		if !errors.Is(err, ErrPanic) || !strings.HasPrefix(err.Error(), "bad.bin: ") {
			t.Errorf("%s: %v; want ErrPanic leading with the file", name, err)
		}
	}
	if strings.Count(log.String(), "goroutine ") < 2 {
		t.Errorf("both stacks should be logged:\n%s", log.String())
	}
}
