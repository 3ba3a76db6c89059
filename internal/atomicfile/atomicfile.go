// Package atomicfile writes a file under a temporary name in its folder and
// renames it into place, so that a killed run never leaves a truncated
// output. It is internal because the batch runner and the command line
// both write outputs this way and nothing else should depend on it.
package atomicfile

import (
	"bufio"
	"os"
	"path/filepath"
)

// Write creates path with what write puts into the buffered writer. On any
// error the temporary file is removed and path is left as it was.
func Write(path string, write func(w *bufio.Writer) error) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	// CreateTemp makes 0600 files; outputs are meant to be shared.
	if err = f.Chmod(0o644); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 64<<10)
	if err = write(bw); err != nil {
		return err
	}
	if err = bw.Flush(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}
