package batch

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"time"

	"github.com/yusuan/yusuan"
)

// Status of one input.
type Status string

// Statuses. StatusOK and StatusWarnings are converted documents.
const (
	StatusOK        Status = "ok"
	StatusWarnings  Status = "warnings" // converted, with warning or error findings
	StatusFailed    Status = "failed"
	StatusTimeout   Status = "timeout"
	StatusDuplicate Status = "duplicate" // same SHA-256 as DuplicateOf; never journaled
)

// Converted reports whether s is a converted document.
func (s Status) Converted() bool { return s == StatusOK || s == StatusWarnings }

// Entry is one input's outcome: a journal line, a line of index.jsonl.
type Entry struct {
	Path        string         `json:"path"`
	SHA256      string         `json:"sha256,omitempty"`
	Bytes       int64          `json:"bytes"`
	Format      string         `json:"format,omitempty"`
	Status      Status         `json:"status"`
	Error       string         `json:"error,omitempty"`
	DuplicateOf string         `json:"duplicate_of,omitempty"`
	Output      string         `json:"output,omitempty"` // directory output: the JSON file's name
	Part        string         `json:"part,omitempty"`   // XLSX/CSV: spooled JSON, relative to the state location
	Issuer      string         `json:"issuer,omitempty"`
	Year        int            `json:"year,omitempty"`
	Kind        string         `json:"kind,omitempty"`
	Scope       string         `json:"scope,omitempty"`
	Findings    map[string]int `json:"findings,omitempty"`        // severity → count
	DocStatus   string         `json:"document_status,omitempty"` // schema.Document.Status: ok, template, no_text, …
	Disclosure  string         `json:"disclosure_id,omitempty"`   // schema.DisclosureID: shared by the files of one disclosure
	Millis      int64          `json:"ms"`
	Time        time.Time      `json:"time,omitzero"`
	// Environmental marks a failure caused by the output, not the input
	// (the disk was full): a rerun converts the file again.
	Environmental bool `json:"environmental,omitempty"`
	// Producer is the yusuan build that converted the file.
	Producer string `json:"producer,omitempty"`
}

// journalHeader is the journal's first line.
type journalHeader struct {
	Version int    `json:"yusuan_batch_journal"`
	Format  string `json:"format"`
	// Yusuan is the build that started the journal (yusuan.BuildVersion);
	// each converted entry names its own in Producer.
	Yusuan string `json:"yusuan,omitempty"`
}

const journalVersion = 1

// journal appends entries to a JSON Lines file. It is used by one
// goroutine.
type journal struct {
	f *os.File
}

// readJournal returns the last entry per path in the journal at path and
// the format its header names. A missing file is an empty journal. Lines
// that do not parse (a torn last line) are dropped and counted.
func readJournal(path string) (entries map[string]Entry, format string, bad int, err error) {
	entries = map[string]Entry{}
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return entries, "", 0, nil
	}
	if err != nil {
		return nil, "", 0, fmt.Errorf("journal: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	first := true
	for sc.Scan() {
		line := sc.Bytes()
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		if first {
			first = false
			var h journalHeader
			if json.Unmarshal(line, &h) == nil && h.Version != 0 {
				if h.Version != journalVersion {
					return nil, "", 0, fmt.Errorf("journal %s: version %d, this yusuan reads %d (use --fresh)", path, h.Version, journalVersion)
				}
				format = h.Format
				continue
			}
		}
		var e Entry
		if json.Unmarshal(line, &e) != nil || e.Path == "" {
			bad++
			continue
		}
		entries[e.Path] = e
	}
	if err := sc.Err(); err != nil {
		return nil, "", 0, fmt.Errorf("journal: %w", err)
	}
	return entries, format, bad, nil
}

// openJournal opens the journal at path for appending, writing the header
// if the file is new or empty. A torn last line (no newline) is cut off
// first, so the next entry starts on a line of its own.
func openJournal(path, format string) (*journal, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("journal: %w", err)
	}
	j := &journal{f: f}
	if err := j.repairTail(); err != nil {
		f.Close()
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("journal: %w", err)
	}
	if st.Size() == 0 {
		if err := j.writeLine(journalHeader{Version: journalVersion, Format: format, Yusuan: yusuan.BuildVersion()}); err != nil {
			f.Close()
			return nil, err
		}
	}
	return j, nil
}

// repairTail truncates the file after its last newline and leaves the
// offset at the end.
func (j *journal) repairTail() error {
	st, err := j.f.Stat()
	if err != nil {
		return fmt.Errorf("journal: %w", err)
	}
	size := st.Size()
	if size == 0 {
		return nil
	}
	// Scan back for the last newline, a block at a time.
	const block = 4096
	end := size
	buf := make([]byte, block)
	for end > 0 {
		start := max(end-block, 0)
		n, err := j.f.ReadAt(buf[:end-start], start)
		if err != nil && err != io.EOF {
			return fmt.Errorf("journal: %w", err)
		}
		if i := bytes.LastIndexByte(buf[:n], '\n'); i >= 0 {
			end = start + int64(i) + 1
			break
		}
		end = start
	}
	if end != size {
		if err := j.f.Truncate(end); err != nil {
			return fmt.Errorf("journal: %w", err)
		}
	}
	if _, err := j.f.Seek(end, io.SeekStart); err != nil {
		return fmt.Errorf("journal: %w", err)
	}
	return nil
}

// append writes e as one line, in one write call.
func (j *journal) append(e Entry) error { return j.writeLine(e) }

func (j *journal) writeLine(v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("journal: %w", err)
	}
	if _, err := j.f.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("journal: %w", err)
	}
	return nil
}

func (j *journal) close() error {
	if err := j.f.Close(); err != nil {
		return fmt.Errorf("journal: %w", err)
	}
	return nil
}
