package inspecthtml_test

import (
	"bytes"
	"context"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/yusuan/yusuan/internal/testcorpus"
)

// browser returns a headless Chromium, or skips the test.
func browser(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no Chromium on PATH (apt-get install chromium); skipping the browser check")
	return ""
}

// runBrowser runs headless Chromium on url with the extra flags and
// returns its standard output. The page's scripts run (virtual time), so
// the DOM is the one a reader sees.
func runBrowser(t *testing.T, bin, url string, flags ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	args := append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=5000",
		"--user-data-dir=" + t.TempDir()}, flags...)
	cmd := exec.CommandContext(ctx, bin, append(args, url)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v\n%s", bin, err, stderr.Bytes())
	}
	return out
}

func dumpDOM(t *testing.T, bin, url string) *goquery.Document {
	t.Helper()
	dom, err := goquery.NewDocumentFromReader(bytes.NewReader(runBrowser(t, bin, url, "--dump-dom")))
	if err != nil {
		t.Fatal(err)
	}
	return dom
}

// TestBrowserCorpus renders real disclosures — a Shanghai district PDF, a
// PDF of another city (raw2) and an HTML page — opens each in headless
// Chromium from file://, and checks the DOM the browser built: a data-field
// element for every summary, 三公, 机关运行经费 and line-item figure; clicking
// a finding (the page's own click handler, driven by #finding=N) highlights
// every cell it compares; a screenshot is not blank.
func TestBrowserCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test: -short")
	}
	docs := []string{
		"raw/shanghai-putuo/上海市普陀区司法局2026年部门预算_dept_budget.pdf",
		"raw2/beijing/北京市审计局_2026年度部门预算_附件2报表.pdf",
		"raw3/fujian-pingtan/平潭县人民法院_2016_决算.html",
	}
	corpus := testcorpus.Shared(t, "corpus")
	bin := browser(t)
	for _, rel := range docs {
		t.Run(filepath.Base(rel), func(t *testing.T) {
			src := filepath.Join(corpus, rel)
			if _, err := os.Stat(src); err != nil {
				t.Skipf("corpus file missing: %v", err)
			}
			d, page := render(t, src)
			checkSelfContained(t, page)
			file := filepath.Join(t.TempDir(), "page.html")
			if err := os.WriteFile(file, page, 0o644); err != nil {
				t.Fatal(err)
			}
			url := "file://" + file
			static, err := goquery.NewDocumentFromReader(bytes.NewReader(page))
			if err != nil {
				t.Fatal(err)
			}
			// One browser run: the page opened with its first located
			// finding clicked (#finding=N runs the panel entry's own click
			// handler once the page has loaded).
			n, cells := "", 0
			for i := range d.Findings {
				if c := static.Find(`[data-finding~="` + strconv.Itoa(i) + `"]`).Length(); c > 0 {
					n, cells = strconv.Itoa(i), c
					break
				}
			}
			if n == "" && len(d.Findings) > 0 {
				t.Errorf("none of the %d findings is located on the page", len(d.Findings))
			}
			dom := dumpDOM(t, bin, url+"#finding="+n)
			checkMarks(t, d, dom)
			if n != "" {
				if got := dom.Find(`[data-finding~="` + n + `"].hl`).Length(); got != cells {
					t.Errorf("finding %s: %d of its %d cells highlighted after the click", n, got, cells)
				}
				if got := dom.Find(".hl").Length(); got != cells {
					t.Errorf("finding %s: %d elements highlighted, want its %d cells", n, got, cells)
				}
				if dom.Find(`[data-show-finding="`+n+`"].sel`).Length() != 1 {
					t.Errorf("finding %s: its side-panel entry is not marked selected", n)
				}
			}

			shot := filepath.Join(t.TempDir(), "shot.png")
			runBrowser(t, bin, url+"#field=summary.revenue.total", "--screenshot="+shot, "--window-size=1400,1000")
			if c := colours(t, shot); c < 50 {
				t.Errorf("screenshot has %d colours: blank page?", c)
			}
		})
	}
}

// colours counts the distinct colours of a PNG, sampling every 4th pixel.
func colours(t *testing.T, path string) int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[[4]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 4 {
		for x := b.Min.X; x < b.Max.X; x += 4 {
			r, g, bl, a := img.At(x, y).RGBA()
			seen[[4]uint32{r, g, bl, a}] = true
		}
	}
	return len(seen)
}
