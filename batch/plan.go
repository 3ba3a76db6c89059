package batch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/yusuan/yusuan"
	"github.com/yusuan/yusuan/extract"
)

// sniffBytes is how much of a file format detection looks at.
const sniffBytes = 64 << 10

// probe is what hashing a file tells: its size, SHA-256 and format.
type probe struct {
	Path   string
	Bytes  int64
	SHA256 string
	Format string // detected from content; "" when detection failed
	Err    error  // unreadable, too large, empty, unknown or mislabelled
}

// probeFile hashes path (streaming, whatever its size up to maxBytes) and
// detects its format from the first 64 KiB.
func probeFile(path string, maxBytes int64) probe {
	p := probe{Path: path}
	// Stat before opening: opening a named pipe blocks until a writer
	// comes, and a device may never end.
	if st, err := os.Stat(path); err != nil {
		p.Err = unwrapPathError(err)
		return p
	} else if !st.Mode().IsRegular() {
		p.Err = fmt.Errorf("%w: %s", yusuan.ErrNotRegular, st.Mode().Type())
		return p
	}
	f, err := os.Open(path)
	if err != nil {
		p.Err = unwrapPathError(err)
		return p
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		p.Err = unwrapPathError(err)
		return p
	}
	p.Bytes = st.Size()
	if maxBytes > 0 && st.Size() > maxBytes {
		p.Err = fmt.Errorf("%w: %d bytes, limit %d", extract.ErrTooLarge, st.Size(), maxBytes)
		return p
	}
	h := sha256.New()
	head := make([]byte, sniffBytes)
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		p.Err = fmt.Errorf("read: %w", unwrapPathError(err))
		return p
	}
	head = head[:n]
	h.Write(head)
	if _, err := io.Copy(h, f); err != nil {
		p.Err = fmt.Errorf("read: %w", unwrapPathError(err))
		return p
	}
	p.SHA256 = hex.EncodeToString(h.Sum(nil))
	format, err := extract.Detect(head, path)
	if err != nil {
		p.Err = err
		return p
	}
	p.Format = string(format)
	return p
}

// probeAll probes paths with n goroutines; the result is in paths' order.
func probeAll(ctx context.Context, paths []string, maxBytes int64, n int) ([]probe, error) {
	out := make([]probe, len(paths))
	next := make(chan int)
	var wg sync.WaitGroup
	for range max(n, 1) {
		wg.Go(func() {
			for i := range next {
				out[i] = probeFile(paths[i], maxBytes)
			}
		})
	}
	var err error
feed:
	for i := range paths {
		select {
		case next <- i:
		case <-ctx.Done():
			err = ctx.Err()
			break feed
		}
	}
	close(next)
	wg.Wait()
	return out, err
}

// dedup maps each probe index whose content repeats an earlier one's (in
// order) to that earlier index. Files without a hash are never duplicates.
func dedup(ps []probe) map[int]int {
	first := map[string]int{}
	dups := map[int]int{}
	for i, p := range ps {
		if p.SHA256 == "" {
			continue
		}
		if j, ok := first[p.SHA256]; ok {
			dups[i] = j
			continue
		}
		first[p.SHA256] = i
	}
	return dups
}
