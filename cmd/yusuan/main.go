// Command yusuan converts Chinese government budget disclosures into the
// yusuan budget schema. It is a thin layer over package yusuan: flags in,
// documents out, one line per failed file on stderr.
//
// Exit codes: 0 all files converted, 1 some file failed, 2 usage error.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"strings"
	"syscall"

	"github.com/yusuan/yusuan"
)

const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) int
}

// commands lists the subcommands; files that add one append to it from init.
var commands = []command{
	{"extract", "convert disclosures to the schema (JSON, JSONL or XLSX)", runExtract},
	{"inspect", "show what the extractor saw (the intermediate document)", runInspect},
	{"schema", "print the JSON Schema of the output", runSchema},
	{"version", "print the version", runVersion},
}

func main() {
	// SIGTERM as well as Ctrl-C: outputs are then abandoned cleanly (no
	// .tmp left, no good file replaced) and a batch journals what finished.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help":
		usage(stdout)
		return exitOK
	case "-version", "--version":
		return runVersion(ctx, nil, stdout, stderr)
	case "help":
		return runHelp(args[1:], stdout, stderr)
	}
	if c, ok := findCommand(args[0]); ok {
		return c.run(ctx, args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "yusuan: unknown command %q\n\n", args[0])
	usage(stderr)
	return exitUsage
}

func findCommand(name string) (command, bool) {
	for _, c := range commands {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// runHelp prints the usage, or a command's ("yusuan help extract").
func runHelp(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stdout)
		return exitOK
	}
	c, ok := findCommand(args[0])
	if !ok {
		fmt.Fprintf(stderr, "yusuan help: unknown command %q\n\n", args[0])
		usage(stderr)
		return exitUsage
	}
	return c.run(context.Background(), []string{"--help"}, stdout, stderr)
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "yusuan turns Chinese budget disclosures (部门预算/决算公开) into one machine-readable schema.")
	fmt.Fprintln(w, "\nUsage:\n  yusuan <command> [flags] [FILE...]\n\nCommands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'yusuan help <command>' or 'yusuan <command> --help' for a command's flags;")
	fmt.Fprintln(w, "'yusuan --version' for the version.")
}

// newFlags makes a flag set whose --help prints the command's usage to
// stdout (exit 0) and whose errors go to stderr as usage errors (exit 2).
func newFlags(name, synopsis string, stdout, stderr io.Writer) *flagSet {
	fs := &flagSet{FlagSet: flag.NewFlagSet(name, flag.ContinueOnError), help: stdout}
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: yusuan %s\n\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// flagSet is a command's flags and where its --help goes.
type flagSet struct {
	*flag.FlagSet
	help io.Writer
}

// parseFlags parses and reports whether to stop, with the exit code.
func parseFlags(fs *flagSet, args []string) (bool, int) {
	args = interleave(fs.FlagSet, args)
	for _, a := range args {
		if a == "--" {
			break
		}
		if a == "-h" || a == "-help" || a == "--help" {
			errOut := fs.Output()
			fs.SetOutput(fs.help)
			fs.Usage()
			fs.SetOutput(errOut)
			return true, exitOK
		}
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return true, exitOK
		}
		return true, exitUsage
	}
	return false, 0
}

// interleave lets flags follow file names ("yusuan extract a.pdf -o x.json"),
// as users type them.
func interleave(fs *flag.FlagSet, args []string) []string {
	var flags, files []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			files = append(files, args[i+1:]...)
			break
		}
		if strings.HasPrefix(a, "-") && a != "-" {
			flags = append(flags, a)
			name := strings.TrimLeft(a, "-")
			if !strings.Contains(name, "=") {
				if f := fs.Lookup(name); f != nil {
					if bf, ok := f.Value.(interface{ IsBoolFlag() bool }); !ok || !bf.IsBoolFlag() {
						if i+1 < len(args) {
							flags = append(flags, args[i+1])
							i++
						}
					}
				}
			}
			continue
		}
		files = append(files, a)
	}
	return append(append(flags, "--"), files...)
}

func runVersion(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("version", "version", stdout, stderr)
	if stop, code := parseFlags(fs, args); stop {
		return code
	}
	fmt.Fprintf(stdout, "yusuan %s (schema %s, %s)\n", yusuan.BuildVersion(), schemaVersion(), runtime.Version())
	return exitOK
}
