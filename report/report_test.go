package report_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/yusuan/yusuan"
	"github.com/yusuan/yusuan/batch"
	"github.com/yusuan/yusuan/internal/testcorpus"
	"github.com/yusuan/yusuan/report"
)

// external matches a reference that would leave the site.
var external = regexp.MustCompile(`http://|https://|//|src=|url\(|@import`)

func TestReportFromBatchFolder(t *testing.T) {
	root := testcorpus.Root(t)
	samples := []string{"qinghe-agriculture-2023-budget.txt", "shili-culture-2024-final.txt", "html-nongye-2024.html", "xlsx-qingxi-greening-2026-budget.xlsx"}
	var paths []string
	tmp := t.TempDir()
	for _, s := range samples {
		// Copies, so one can be removed to exercise the page from JSON alone.
		b, err := os.ReadFile(filepath.Join(root, "samples", s))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(tmp, s)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	out := filepath.Join(tmp, "out")
	if _, err := batch.Run(context.Background(), paths, batch.Options{Output: out, Workers: 1}); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(paths[3]); err != nil {
		t.Fatal(err)
	}
	site := filepath.Join(tmp, "site")
	res, err := report.Write(context.Background(), site, out, yusuan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Documents != len(samples) || res.FromSource != len(samples)-1 || len(res.Skipped) > 0 {
		t.Errorf("result %+v, want %d pages, %d from source", res, len(samples), len(samples)-1)
	}
	index, err := os.ReadFile(filepath.Join(site, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if loc := external.FindIndex(index); loc != nil {
		t.Errorf("index refers outside the site: %s", index[max(loc[0]-40, 0):min(loc[1]+40, len(index))])
	}
	dom, err := goquery.NewDocumentFromReader(strings.NewReader(string(index)))
	if err != nil {
		t.Fatal(err)
	}
	if n := dom.Find("#docs tbody tr").Length(); n != len(samples) {
		t.Errorf("index lists %d documents, want %d", n, len(samples))
	}
	if dom.Find("#series svg.spark").Length() == 0 {
		t.Error("no chart in the index")
	}
	if !strings.Contains(dom.Find("#docs tbody").Text(), "青禾县农业农村局") {
		t.Error("index lacks the issuer of the txt sample")
	}
	dom.Find("#docs a[href]").Each(func(_ int, a *goquery.Selection) {
		href, _ := a.Attr("href")
		page, err := os.ReadFile(filepath.Join(site, href))
		if err != nil {
			t.Errorf("link %s: %v", href, err)
			return
		}
		if !strings.Contains(string(page), `data-field="summary.revenue.total"`) && !strings.Contains(string(page), "仅据 JSON") {
			t.Errorf("%s: neither a marked page nor a page from JSON", href)
		}
		if !strings.Contains(string(page), `href="../index.html"`) {
			t.Errorf("%s: no link back to the index", href)
		}
	})
	sorted := dom.Find(`#docs td[data-v]`).Length()
	if sorted == 0 {
		t.Error("no sort keys in the index")
	}
}
