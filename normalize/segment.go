package normalize

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/yanyiwu/gojieba"

	"github.com/yusuan/yusuan/internal/guard"
	"github.com/yusuan/yusuan/internal/jiebadict"
)

// Segmenter splits Chinese text into words.
type Segmenter interface {
	Cut(s string) []string
}

// DictEnv names the environment variable that points at gojieba's dictionaries.
const DictEnv = "YUSUAN_DICT_DIR"

// dictFiles are the files gojieba needs, in the order NewJieba takes them.
var dictFiles = jiebadict.Files

// ErrNoDict is returned when no dictionary directory can be found.
var ErrNoDict = errors.New("gojieba dictionaries not found")

// ResolveDictDir finds the dictionary directory: the explicit dir (from
// --dict-dir), else $YUSUAN_DICT_DIR, else the dictionaries built into the
// binary (unpacked once into a cache directory: see internal/jiebadict), so
// a binary copied to another machine needs neither. A directory the user
// named must hold the files: it is an error, not a reason to fall back. It
// checks the files are there rather than letting gojieba fail later.
func ResolveDictDir(explicit string) (string, error) {
	for _, dir := range []string{explicit, os.Getenv(DictEnv)} {
		if dir == "" {
			continue
		}
		if hasDict(dir) {
			return dir, nil
		}
		return "", fmt.Errorf("%w in %s: pass --dict-dir DIR or set %s to a directory holding %s, or neither to use the built-in ones",
			ErrNoDict, dir, DictEnv, strings.Join(dictFiles, ", "))
	}
	dir, err := jiebadict.Dir()
	if err != nil {
		return "", fmt.Errorf("%w: %v (set %s to a writable directory, or pass --dict-dir)", ErrNoDict, err, jiebadict.CacheEnv)
	}
	return dir, nil
}

func hasDict(dir string) bool {
	for _, f := range dictFiles {
		if st, err := os.Stat(filepath.Join(dir, f)); err != nil || st.IsDir() {
			return false
		}
	}
	return true
}

// jieba wraps gojieba. Cut is safe for concurrent use: cppjieba's cutting
// is read-only once the dictionary is loaded, and words are only added
// while the segmenter is built.
type jieba struct{ j *gojieba.Jieba }

func (s *jieba) Cut(text string) []string { return s.j.Cut(text, true) }

// domainWords are budget terms the stock dictionary splits. They are added
// once, at start-up, and only when the dictionary does not already treat
// them as one word: AddWord on a known word lowers its weight.
var domainWords = []string{
	"三公经费", "机关运行经费", "运行经费", "政府采购", "名词解释", "一般公共预算", "政府性基金",
	"国有资本经营", "财政拨款", "基本支出", "项目支出", "上年结转", "结转结余", "绩效目标",
	"绩效指标", "国有资产", "固定资产", "公务接待", "公务用车", "因公出国", "部门职责",
	"机构设置", "内设机构", "收支预算", "收支总表", "财政专户", "事业收入", "经营收入",
}

// LoadSegmenter loads the segmenter for the dictionary directory that
// ResolveDictDir finds from dictDir. Loading costs about half a second and
// 140 MB: a program loads one (yusuan.NewConverter does) and shares it; it
// is safe for concurrent use.
func LoadSegmenter(dictDir string) (Segmenter, error) {
	dir, err := ResolveDictDir(dictDir)
	if err != nil {
		return nil, err
	}
	return NewSegmenter(dir)
}

// NewSegmenter loads a new gojieba segmenter from dir, which must hold the
// dictionaries (see ResolveDictDir).
func NewSegmenter(dir string) (Segmenter, error) {
	// A damaged dictionary makes gojieba panic: the load fails, with the
	// same policy as a file that fails to convert.
	return guard.Call("gojieba dictionaries in "+dir, nil, func() (Segmenter, error) { return newJieba(dir), nil })
}

func newJieba(dir string) Segmenter {
	paths := make([]string, len(dictFiles))
	for i, f := range dictFiles {
		paths[i] = filepath.Join(dir, f)
	}
	j := gojieba.NewJieba(paths...)
	for _, w := range domainWords {
		if got := j.Cut(w, false); len(got) == 1 && got[0] == w {
			continue
		}
		j.AddWord(w)
	}
	return &jieba{j: j}
}
