package xlsx

import (
	"fmt"
	"sort"

	"github.com/xuri/excelize/v2"

	"github.com/yusuan/yusuan/extract"
)

// sheet is one worksheet as either reader (xlsx or legacy xls) delivers
// it: the text of its non-empty cells and its merged ranges. Everything
// after this point is shared by both formats.
type sheet struct {
	name   string
	cells  []entry
	merges []rect
}

// entry is the display text of one non-empty cell, zero-based.
type entry struct {
	r, c int
	text string
}

// rect is a merged range, zero-based and inclusive.
type rect struct{ r0, c0, r1, c1 int }

// grid is a sheet's cells as a dense matrix over the bounding box of its
// non-empty cells: text[i][j] is the cell at row r0+i, column c0+j.
type grid struct {
	name   string
	r0, c0 int
	text   [][]string
	// merges are the merged ranges kept, in grid coordinates; own[i][j] is
	// the index of the merge holding (i, j), or -1.
	merges []rect
	own    [][]int32
}

// merge returns the merge holding (i, j).
func (g *grid) merge(i, j int) (rect, bool) {
	if k := g.own[i][j]; k >= 0 {
		return g.merges[k], true
	}
	return rect{}, false
}

// isOrigin reports whether (i, j) is a plain cell or the top-left of a merge.
func (g *grid) isOrigin(i, j int) bool {
	m, ok := g.merge(i, j)
	return !ok || m.r0 == i && m.c0 == j
}

// cellName returns the A1 reference of grid position (i, j).
func (g *grid) cellName(i, j int) string {
	n, err := excelize.CoordinatesToCellName(g.c0+j+1, g.r0+i+1)
	if err != nil {
		return fmt.Sprintf("R%dC%d", g.r0+i+1, g.c0+j+1)
	}
	return n
}

// densify lays the sheet out over the bounding box of its non-empty cells;
// empty trailing (and leading) rows and columns fall away. cellBudget bounds
// the box's area; beyond it the sheet fails with ErrLimit.
func (s *sheet) densify(cellBudget int) (*grid, error) {
	g := &grid{name: s.name}
	if len(s.cells) == 0 {
		return g, nil
	}
	r0, c0, r1, c1 := s.cells[0].r, s.cells[0].c, s.cells[0].r, s.cells[0].c
	for _, e := range s.cells {
		r0, r1 = min(r0, e.r), max(r1, e.r)
		c0, c1 = min(c0, e.c), max(c1, e.c)
	}
	h, w := r1-r0+1, c1-c0+1
	if h*w > cellBudget {
		return nil, fmt.Errorf("%w: %d×%d cells in use, limit %d", extract.ErrLimit, h, w, cellBudget)
	}
	g.r0, g.c0 = r0, c0
	g.text = make([][]string, h)
	g.own = make([][]int32, h)
	for i := range g.text {
		g.text[i] = make([]string, w)
		g.own[i] = make([]int32, w)
		for j := range g.own[i] {
			g.own[i][j] = -1
		}
	}
	for _, e := range s.cells {
		g.text[e.r-r0][e.c-c0] = e.text
	}
	// Merges, clipped to the box; the first of two overlapping ranges wins.
	// work bounds the cells visited, against piles of overlapping ranges.
	work := 4 * cellBudget
	merges := append([]rect(nil), s.merges...)
	sort.Slice(merges, func(a, b int) bool {
		if merges[a].r0 != merges[b].r0 {
			return merges[a].r0 < merges[b].r0
		}
		return merges[a].c0 < merges[b].c0
	})
	for _, m := range merges {
		m = rect{max(m.r0, r0) - r0, max(m.c0, c0) - c0, min(m.r1, r1) - r0, min(m.c1, c1) - c0}
		if m.r0 > m.r1 || m.c0 > m.c1 || (m.r0 == m.r1 && m.c0 == m.c1) {
			continue
		}
		area := (m.r1 - m.r0 + 1) * (m.c1 - m.c0 + 1)
		if work -= area; work < 0 {
			break
		}
		if !g.free(m) {
			continue
		}
		k := int32(len(g.merges))
		g.merges = append(g.merges, m)
		for i := m.r0; i <= m.r1; i++ {
			for j := m.c0; j <= m.c1; j++ {
				g.own[i][j] = k
				if i != m.r0 || j != m.c0 {
					// Excel shows only the top-left value of a merge; a
					// writer that put it elsewhere still gets it shown.
					if g.text[m.r0][m.c0] == "" {
						g.text[m.r0][m.c0] = g.text[i][j]
					}
					g.text[i][j] = ""
				}
			}
		}
	}
	return g, nil
}

// free reports whether no cell of m belongs to a merge already placed.
func (g *grid) free(m rect) bool {
	for i := m.r0; i <= m.r1; i++ {
		for j := m.c0; j <= m.c1; j++ {
			if g.own[i][j] >= 0 {
				return false
			}
		}
	}
	return true
}
