package batch

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Skipped is an entry left out while collecting inputs.
type Skipped struct {
	Path   string
	Reason string
}

// Missing is an argument that named nothing (no such file, a glob matching
// nothing, an unreadable folder).
type Missing struct {
	Path string
	Err  error
}

// Inputs is what Collect found.
type Inputs struct {
	Files   []string // cleaned paths, sorted, each once
	Skipped []Skipped
	Missing []Missing
}

// Collect expands args (files, folders walked recursively, glob patterns)
// into the files to convert. exclude lists paths (files or folders) never
// taken, such as the run's own output; they are compared as absolute paths,
// and may be patterns (filepath.Match).
// Hidden and temp entries met while walking or globbing are skipped
// (see skipReason); a file named explicitly is always taken. Symbolic links
// to files are followed, links to folders are not (no cycles).
func Collect(args []string, exclude []string) Inputs {
	var in Inputs
	excl := make([]string, 0, len(exclude))
	for _, e := range exclude {
		if a, err := filepath.Abs(e); err == nil {
			excl = append(excl, a)
		}
	}
	excluded := func(p string) bool {
		a, err := filepath.Abs(p)
		if err != nil {
			return false
		}
		for _, e := range excl {
			if a == e || strings.HasPrefix(a, e+string(filepath.Separator)) {
				return true
			}
			if hasMeta(e) {
				if ok, _ := filepath.Match(e, a); ok {
					return true
				}
			}
		}
		return false
	}
	seen := map[string]bool{}
	add := func(p string) {
		p = filepath.Clean(p)
		if !seen[p] {
			seen[p] = true
			in.Files = append(in.Files, p)
		}
	}
	skip := func(p, why string) { in.Skipped = append(in.Skipped, Skipped{p, why}) }

	var walk func(root string)
	walk = func(root string) {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if p == root {
					return err
				}
				in.Missing = append(in.Missing, Missing{p, err})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if p != root {
				why := skipReason(d.Name())
				if why == "" {
					why = yusuanOutput(p, d.IsDir())
				}
				if why != "" {
					skip(p, why)
					if d.IsDir() {
						return fs.SkipDir
					}
					return nil
				}
			}
			if excluded(p) {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			switch {
			case d.IsDir():
				return nil
			case d.Type().IsRegular():
				add(p)
			case d.Type()&fs.ModeSymlink != 0:
				st, err := os.Stat(p)
				switch {
				case err != nil:
					in.Missing = append(in.Missing, Missing{p, err})
				case st.Mode().IsRegular():
					add(p)
				default:
					skip(p, "symbolic link to a folder or special file (not followed)")
				}
			default:
				skip(p, "not a regular file")
			}
			return nil
		})
		if err != nil {
			in.Missing = append(in.Missing, Missing{root, unwrapPathError(err)})
		}
	}

	for _, arg := range args {
		st, err := os.Stat(arg)
		if err != nil && errors.Is(err, fs.ErrNotExist) && hasMeta(arg) {
			matches, gerr := filepath.Glob(arg)
			if gerr != nil {
				in.Missing = append(in.Missing, Missing{arg, fmt.Errorf("bad pattern: %w", gerr)})
				continue
			}
			if len(matches) == 0 {
				in.Missing = append(in.Missing, Missing{arg, errors.New("pattern matches no file")})
			}
			for _, m := range matches {
				mst, err := os.Stat(m)
				why := skipReason(filepath.Base(m))
				if why == "" && err == nil {
					why = yusuanOutput(m, mst.IsDir())
				}
				if why != "" {
					skip(m, why)
					continue
				}
				if excluded(m) {
					continue
				}
				if err == nil && mst.IsDir() {
					walk(m)
				} else {
					add(m)
				}
			}
			continue
		}
		switch {
		case err != nil:
			in.Missing = append(in.Missing, Missing{arg, unwrapPathError(err)})
		case st.IsDir():
			walk(arg)
		case excluded(arg):
		default:
			add(arg)
		}
	}
	slices.Sort(in.Files)
	return in
}

// skipReason says why a walked entry named name is not an input, or "".
func skipReason(name string) string {
	lower := strings.ToLower(name)
	switch {
	case strings.HasPrefix(name, "~$"):
		return "office owner/lock file"
	case strings.HasPrefix(name, ".~lock"):
		return "office lock file"
	case strings.HasPrefix(name, "."):
		return "hidden"
	case strings.HasSuffix(lower, ".tmp"), strings.HasSuffix(lower, ".temp"),
		strings.HasSuffix(name, "~"), strings.HasSuffix(lower, ".crdownload"),
		strings.HasSuffix(lower, ".part"):
		return "temporary file"
	case lower == "thumbs.db", lower == "desktop.ini":
		return "system file"
	}
	return ""
}

// yusuanOutput says why the walked file or folder at p is the output or
// state of a yusuan run (this one's or another's), or "": such files are
// never documents, though a txt reader would take JSON and CSV for text.
func yusuanOutput(p string, isDir bool) string {
	exists := func(q string) bool { _, err := os.Stat(q); return err == nil }
	if isDir {
		switch {
		case exists(filepath.Join(p, stateDirName)):
			return "output folder of a yusuan batch"
		case strings.HasSuffix(p, ".parts") && exists(strings.TrimSuffix(p, ".parts")+".journal.jsonl"):
			return "parts of a yusuan batch"
		}
		return ""
	}
	name := filepath.Base(p)
	switch {
	case strings.HasSuffix(name, ".journal.jsonl"):
		return "journal of a yusuan batch"
	case exists(p + ".journal.jsonl"),
		(filepath.Ext(p) == ".lock" || filepath.Ext(p) == ".log") && exists(strings.TrimSuffix(p, filepath.Ext(p))+".journal.jsonl"):
		return "output of a yusuan batch"
	}
	if stem, _, ok := cutSheet(name); ok && exists(filepath.Join(filepath.Dir(p), stem+".csv.journal.jsonl")) {
		return "output of a yusuan batch"
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json", ".jsonl", ".csv":
		if sniffYusuanOutput(p) {
			return "a yusuan output (JSON or CSV), not a disclosure"
		}
	}
	return ""
}

// cutSheet splits "out.documents.csv" into "out" and "documents".
func cutSheet(name string) (stem, sheet string, ok bool) {
	base, found := strings.CutSuffix(name, ".csv")
	if !found {
		return "", "", false
	}
	i := strings.LastIndexByte(base, '.')
	if i <= 0 {
		return "", "", false
	}
	return base[:i], base[i+1:], true
}

// sniffYusuanOutput reports whether the file starts like a yusuan
// document, batch journal or index, or a yusuan CSV sheet.
func sniffYusuanOutput(p string) bool {
	f, err := os.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	buf := make([]byte, 512)
	n, _ := io.ReadFull(f, buf)
	head := strings.TrimPrefix(string(buf[:n]), "\ufeff")
	if strings.HasPrefix(head, "document,") {
		return true // every sheet of schema.CSVWriter starts with this column
	}
	head = strings.TrimLeft(head, " \t\r\n[")
	if !strings.HasPrefix(head, "{") {
		return false
	}
	head = strings.TrimLeft(head[1:], " \t\r\n")
	for _, key := range []string{`"schema_version"`, `"yusuan_batch_journal"`, `"path"`} {
		if strings.HasPrefix(head, key) {
			return key != `"path"` || strings.Contains(head, `"status"`)
		}
	}
	return false
}

func hasMeta(p string) bool { return strings.ContainsAny(p, `*?[`) }

// unwrapPathError drops the path os errors repeat.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
