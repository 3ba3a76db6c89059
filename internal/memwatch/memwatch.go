// Package memwatch measures the peak heap of a function call, for tests
// that hold an extractor to a memory bound on hostile input. It samples
// the live heap (runtime/metrics, cheap) every few milliseconds while the
// function runs; the result is a lower bound of the true peak, close
// enough for bounds of hundreds of megabytes.
package memwatch

import (
	"runtime"
	"runtime/metrics"
	"time"
)

const heapObjects = "/memory/classes/heap/objects:bytes"

// Peak runs f and returns the largest heap (live and not yet collected
// objects) seen while it ran, less the heap before it started.
func Peak(f func()) uint64 {
	runtime.GC()
	base := sample()
	done := make(chan struct{})
	peak := make(chan uint64)
	go func() {
		var top uint64
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		for {
			top = max(top, sample())
			select {
			case <-done:
				peak <- top
				return
			case <-t.C:
			}
		}
	}()
	f()
	close(done)
	top := max(<-peak, sample())
	if top < base {
		return 0
	}
	return top - base
}

func sample() uint64 {
	s := []metrics.Sample{{Name: heapObjects}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}
