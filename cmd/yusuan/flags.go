package main

import (
	"fmt"
	"io"
	"log/slog"
	"sync"

	"github.com/yusuan/yusuan"
	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/schema"
)

func schemaVersion() string { return schema.Version }

// commonFlags are the conversion flags shared by the commands.
type commonFlags struct {
	dictDir  string
	maxBytes int64
	maxPages int
	pages    yusuan.PageRange

	once sync.Once
	conv *yusuan.Converter
	err  error
}

// register adds the flags to fs; withDict adds --dict-dir (inspect does
// not segment).
func (c *commonFlags) register(fs *flagSet, withDict bool) {
	if withDict {
		fs.StringVar(&c.dictDir, "dict-dir", "", "gojieba dictionary `DIR` (default $YUSUAN_DICT_DIR, then the dictionaries built into yusuan)")
	}
	fs.Int64Var(&c.maxBytes, "max-bytes", 0, "largest input file in bytes (default 200 MiB)")
	fs.IntVar(&c.maxPages, "max-pages", 0, "most PDF pages (or sheets) read (default 2000)")
	fs.Var(&c.pages, "pages", "read only PDF pages in `RANGE` (3, 2-5, 4-; 1-based)")
}

func (c *commonFlags) options(stderr io.Writer) yusuan.Options {
	return yusuan.Options{
		DictDir: c.dictDir,
		Extract: extract.Options{MaxBytes: c.maxBytes, MaxPages: c.maxPages},
		Pages:   c.pages,
		Log:     stderrLog(stderr),
	}
}

// converter makes the command's one Converter on first use.
func (c *commonFlags) converter(stderr io.Writer) (*yusuan.Converter, error) {
	c.once.Do(func() { c.conv, c.err = yusuan.NewConverter(c.options(stderr)) })
	return c.conv, c.err
}

// stderrLog is where a panic's stack goes on the command line.
func stderrLog(stderr io.Writer) *slog.Logger {
	return slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
}

// fail prints one error line for a command.
func fail(stderr io.Writer, cmd string, err error) {
	fmt.Fprintf(stderr, "yusuan %s: %v\n", cmd, err)
}
