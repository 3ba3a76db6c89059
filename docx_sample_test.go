package yusuan_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/yusuan/yusuan"
	"github.com/yusuan/yusuan/internal/testcorpus"
)

// TestDocxSampleHeadlines: the DOCX sample, made from the text sample by
// extract/docx's generator, gives the same headline figures as the text.
func TestDocxSampleHeadlines(t *testing.T) {
	dir := filepath.Join(testcorpus.Root(t), "samples")
	headlines := func(name string) map[string]string {
		doc, err := yusuan.ConvertFile(context.Background(), filepath.Join(dir, name), yusuan.Options{})
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for key, v := range map[string]any{
			"revenue total":      doc.Summary.Revenue.Total,
			"expenditure total":  doc.Summary.Expenditure.Total,
			"basic":              doc.Summary.Expenditure.Basic,
			"project":            doc.Summary.Expenditure.Project,
			"三公":                 doc.ThreePublic,
			"operating expenses": doc.OperatingExpenses,
			"procurement":        doc.Procurement,
			"assets":             doc.Assets,
		} {
			// Provenance differs: text lines against paragraph indexes.
			b, err := json.Marshal(withoutProvenance(t, v))
			if err != nil {
				t.Fatal(err)
			}
			out[key] = string(b)
		}
		out["tables"] = strconv.Itoa(len(doc.Tables))
		return out
	}
	txt := headlines("qinghe-agriculture-2023-budget.txt")
	docx := headlines("docx-qinghe-agriculture-2023-budget.docx")
	if txt["revenue total"] == "null" || txt["三公"] == "null" {
		t.Fatalf("text sample lost its headlines: %v", txt)
	}
	t.Logf("revenue %s; 三公 %s", txt["revenue total"], txt["三公"])
	for k, v := range txt {
		if docx[k] != v {
			t.Errorf("%s: docx %s, txt %s", k, docx[k], v)
		}
	}
}
