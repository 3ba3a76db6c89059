package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/yusuan/yusuan/schema"
)

// extractFormats are the output formats of extract, by -o's extension.
var extractFormats = map[string]string{
	".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".xlsx": "xlsx", ".csv": "csv",
	".sqlite": "sqlite", ".sqlite3": "sqlite", ".db": "sqlite",
}

// extractFormat decides extract's output format from --format and -o: the
// extension of -o when --format is not given, and the two must agree when
// both are, so a workbook is never JSON in disguise. Errors are usage errors.
func extractFormat(format, out string) (string, error) {
	if format != "" {
		switch format {
		case "json", "jsonl", "xlsx", "csv", "sqlite":
		default:
			return "", fmt.Errorf("unknown --format %q (json, jsonl, xlsx, csv or sqlite)", format)
		}
	}
	if out == "" {
		switch format {
		case "":
			return "json", nil
		case "xlsx", "csv", "sqlite":
			return "", fmt.Errorf("--format %s needs -o FILE.%s", format, format)
		}
		return format, nil
	}
	ext := strings.ToLower(filepath.Ext(out))
	byExt, known := extractFormats[ext]
	switch {
	case known && format != "" && format != byExt:
		return "", fmt.Errorf("-o %s is %s by its extension, but --format says %s", out, byExt, format)
	case known:
		return byExt, nil
	case format == "":
		return "", fmt.Errorf("-o %s: cannot tell the format from the extension %q (.json, .jsonl, .xlsx, .csv, .sqlite)", out, ext)
	case format == "xlsx" || format == "csv" || format == "sqlite":
		return "", fmt.Errorf("--format %s needs -o ending in .%s, got %s", format, format, out)
	}
	return format, nil
}

// noteStatus says on stderr, in one line, when a converted file is not a
// disclosure with figures (a template, image-only pages, …): its output
// alone would not tell.
func noteStatus(stderr io.Writer, path string, doc *schema.Document) {
	if doc.Status == "" || doc.Status == schema.StatusOK {
		return
	}
	fmt.Fprintf(stderr, "yusuan: %s: %s: %s\n", path, doc.Status, schema.StatusDescriptions[doc.Status])
}

// tabularSink is what the xlsx, csv and sqlite outputs share.
type tabularSink interface {
	Add(*schema.Document) error
	AddError(path, format, reason string) error
	Close() error
}

// openCSV starts the csv output for -o out.csv: the set is written in a
// scratch folder beside it, then each file is renamed to out.<sheet>.csv
// (as batch does). It returns the writer and the function that moves the
// finished set into place, or drops it when ok is false.
func openCSV(out string, labels schema.Labels) (tabularSink, func(ok bool) error, error) {
	tmp, err := os.MkdirTemp(filepath.Dir(out), "."+filepath.Base(out)+".*.tmp")
	if err != nil {
		return nil, nil, err
	}
	w, err := schema.NewCSVWriterLabels(tmp, labels)
	if err != nil {
		os.RemoveAll(tmp)
		return nil, nil, err
	}
	stem := strings.TrimSuffix(out, filepath.Ext(out))
	return w, func(ok bool) error {
		defer os.RemoveAll(tmp)
		if !ok {
			return nil
		}
		files, err := os.ReadDir(tmp)
		if err != nil {
			return err
		}
		for _, f := range files {
			if strings.HasSuffix(f.Name(), ".csv") && !strings.HasPrefix(f.Name(), ".") {
				if err := os.Rename(filepath.Join(tmp, f.Name()), stem+"."+f.Name()); err != nil {
					return err
				}
			}
		}
		return nil
	}, nil
}
