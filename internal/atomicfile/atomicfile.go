// Package atomicfile writes a file under a temporary name in its folder and
// renames it into place, so that a killed run never leaves a truncated
// output and a failed one never replaces a good file. It is internal
// because the batch runner, compare and the command line all write outputs
// this way and nothing else should depend on it.
package atomicfile

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// ErrNotFile reports an output path that names a directory or another
// non-regular file.
var ErrNotFile = errors.New("not a regular file")

// File is an output being written under a temporary name. Commit renames
// it into place; Abort (safe to call after Commit, and more than once)
// removes it.
type File struct {
	*os.File
	final string
	done  bool
}

// Create starts writing path. A path that is a symbolic link writes the
// file the link points to (the link stays a link); a directory or another
// non-regular file is refused. The file is created 0644, as other tools
// create outputs meant to be shared.
func Create(path string) (*File, error) {
	final, err := Target(path)
	if err != nil {
		return nil, err
	}
	f, err := os.CreateTemp(filepath.Dir(final), "."+filepath.Base(final)+".*.tmp")
	if err != nil {
		return nil, err
	}
	// CreateTemp makes 0600 files.
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	return &File{File: f, final: final}, nil
}

// Target resolves path to the file an output there replaces: itself, or
// what a symbolic link at path points to. It refuses directories and other
// non-regular files (devices, pipes).
func Target(path string) (string, error) {
	final := path
	if resolved, err := filepath.EvalSymlinks(path); err == nil {
		final = resolved
	} else if _, lerr := os.Lstat(path); lerr == nil {
		// A dangling link: write where it points.
		if dest, rerr := os.Readlink(path); rerr == nil {
			if !filepath.IsAbs(dest) {
				dest = filepath.Join(filepath.Dir(path), dest)
			}
			final = dest
		}
	}
	if st, err := os.Stat(final); err == nil && !st.Mode().IsRegular() {
		kind := "a directory"
		if !st.IsDir() {
			kind = "not a regular file (" + st.Mode().Type().String() + ")"
		}
		return "", fmt.Errorf("%s: %w: it is %s", path, ErrNotFile, kind)
	}
	return final, nil
}

// Commit closes the file and renames it into place.
func (f *File) Commit() error {
	if f.done {
		return errors.New("atomicfile: already committed or aborted")
	}
	f.done = true
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return err
	}
	if err := os.Rename(f.Name(), f.final); err != nil {
		os.Remove(f.Name())
		return err
	}
	return nil
}

// Abort closes and removes the temporary file; the path keeps what it held.
func (f *File) Abort() {
	if f.done {
		return
	}
	f.done = true
	f.Close()
	os.Remove(f.Name())
}

// Write creates path with what write puts into the buffered writer. On any
// error the temporary file is removed and path is left as it was.
func Write(path string, write func(w *bufio.Writer) error) error {
	f, err := Create(path)
	if err != nil {
		return err
	}
	defer f.Abort()
	bw := bufio.NewWriterSize(f, 64<<10)
	if err := write(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return f.Commit()
}
