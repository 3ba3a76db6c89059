package batch

import (
	"fmt"
	"io"
	"maps"
	"slices"

	"github.com/yusuan/yusuan/schema"
)

// writeDocStatuses lists, in the summary, the converted files that are not
// disclosures with figures (templates, image-only PDFs, government
// reports, files cut by the page limit, …): counted by status, then up to
// 20 of them by name.
func writeDocStatuses(w io.Writer, entries []Entry) {
	counts := map[string]int{}
	var odd []Entry
	for _, e := range entries {
		if !e.Status.Converted() || e.DocStatus == "" || e.DocStatus == schema.StatusOK {
			continue
		}
		counts[e.DocStatus]++
		odd = append(odd, e)
	}
	if len(odd) == 0 {
		return
	}
	fmt.Fprintf(w, "\nconverted, but not a disclosure with figures (%d):\n", len(odd))
	for _, st := range slices.Sorted(maps.Keys(counts)) {
		fmt.Fprintf(w, "  %4d %-17s %s\n", counts[st], st, schema.StatusDescriptions[st])
	}
	for i, e := range odd {
		if i == 20 {
			fmt.Fprintf(w, "  … and %d more (see the document_status column)\n", len(odd)-20)
			break
		}
		fmt.Fprintf(w, "  %-17s %s\n", e.DocStatus, e.Path)
	}
}
