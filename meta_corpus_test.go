package yusuan_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/yusuan/yusuan"
	"github.com/yusuan/yusuan/internal/testcorpus"
	"github.com/yusuan/yusuan/schema"
)

// TestCorpusMeta pins year, kind, scope, issuer and from_file_name of every
// raw and raw2 document (testdata/meta-corpus.golden; each raw2 line checked
// by hand against the first page of `pdftotext -layout`), and checks the
// class boundary: the reports to the people's congress in
// raw2/_adjacent-gov-level are scope government with no department figures
// and no findings; every other document stays a department's or a unit's.
func TestCorpusMeta(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus test skipped in -short mode")
	}
	corpus := testcorpus.Shared(t, "corpus")
	var paths []string
	for _, m := range []string{"MANIFEST.tsv", "raw2/MANIFEST.tsv"} {
		paths = append(paths, testcorpus.ManifestPaths(t, filepath.Join(corpus, m))...)
	}
	lines := make([]string, len(paths))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for i, p := range paths {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			d, err := yusuan.ConvertFile(context.Background(), filepath.Join(corpus, p), yusuan.Options{})
			if err != nil {
				t.Errorf("%s: %v", p, err)
				return
			}
			checkScope(t, p, d)
			m := d.Meta
			lines[i] = fmt.Sprintf("%s\t%d\t%s\t%s\t%s\t%s\t%s", p, m.FiscalYear, m.Kind, m.Scope, m.Issuer.Name,
				strings.Join(m.Issuer.OtherNames, "|"), strings.Join(m.FromFileName, ","))
		}()
	}
	wg.Wait()
	got := "# path\tyear\tkind\tscope\tissuer\tother_names\tfrom_file_name\n" + strings.Join(lines, "\n") + "\n"
	testcorpus.Golden(t, filepath.Join("testdata", "meta-corpus.golden"), []byte(got), *update)
}

func checkScope(t *testing.T, path string, d *schema.Document) {
	gov := strings.Contains(path, "/_adjacent-gov-level/")
	switch {
	case gov && d.Meta.Scope != schema.ScopeGovernment:
		t.Errorf("%s: scope %q, want government", path, d.Meta.Scope)
	case gov:
		if len(d.Findings) != 0 || d.Summary.Revenue.Total != nil || d.Summary.Expenditure.Total != nil ||
			d.ThreePublic.Total != nil || d.OperatingExpenses != nil || d.Procurement.Total != nil || len(d.Assets.Items) != 0 {
			t.Errorf("%s: a government report carries department figures or findings", path)
		}
		if d.Status != schema.StatusGovernmentReport {
			t.Errorf("%s: status %q, want %q", path, d.Status, schema.StatusGovernmentReport)
		}
		for _, tb := range d.Tables {
			if len(tb.LineItems) != 0 {
				t.Errorf("%s: table %q has line items", path, tb.Title)
			}
		}
	case d.Meta.Scope != schema.ScopeDepartment && d.Meta.Scope != schema.ScopeUnit:
		t.Errorf("%s: scope %q, want department or unit", path, d.Meta.Scope)
	}
}
