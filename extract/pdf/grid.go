package pdf

import (
	"math"
	"sort"
)

// This file finds ruled tables (the "lattice" approach): ruling segments are
// snapped to shared lines, touching pieces joined, segments grouped into
// tables by their intersections, and each table's cells read off the grid
// of its column and row edges, a missing edge between two grid slots
// merging them into one spanning cell.

// Lattice tolerances, in points.
const (
	snapTol  = 3.0 // rules this close across their length share one line
	joinTol  = 3.0 // collinear pieces this close along their length are one rule
	crossTol = 3.0 // a rule ending this short of another still meets it
	minRule  = 4.0 // shorter segments are glyph decoration, not ruling
)

// seg is a horizontal (at = y, from..to along x) or vertical (at = x,
// from..to along y) ruling segment.
type seg struct {
	at, from, to float64
}

// grid is one table's skeleton: column edges left to right, row edges top
// to bottom (descending y), and the cells as spans of grid slots.
type grid struct {
	xs, ys []float64
	cells  []gridCell
	ruled  bool // cells come from drawn edges (false: from text alignment)
}

// gridCell covers slots [r, r+rs) × [c, c+cs).
type gridCell struct {
	r, c, rs, cs int
}

func (g *grid) bbox() [4]float64 {
	return [4]float64{g.xs[0], g.ys[len(g.ys)-1], g.xs[len(g.xs)-1], g.ys[0]}
}

// splitRules sorts a page's rules into horizontal and vertical segments,
// dropping specks and slanted strokes.
func splitRules(rs []Rule) (hs, vs []seg) {
	for _, r := range rs {
		x0, x1 := min(r.X0, r.X1), max(r.X0, r.X1)
		y0, y1 := min(r.Y0, r.Y1), max(r.Y0, r.Y1)
		switch {
		case y1-y0 <= 1 && x1-x0 >= minRule:
			hs = append(hs, seg{(y0 + y1) / 2, x0, x1})
		case x1-x0 <= 1 && y1-y0 >= minRule:
			vs = append(vs, seg{(x0 + x1) / 2, y0, y1})
		}
	}
	return snapJoin(hs), snapJoin(vs)
}

// snapJoin puts segments whose positions differ by less than snapTol on
// one line (the mean position) and joins pieces that touch or overlap.
func snapJoin(ss []seg) []seg {
	if len(ss) == 0 {
		return nil
	}
	sort.Slice(ss, func(i, j int) bool { return ss[i].at < ss[j].at })
	var out []seg
	for i := 0; i < len(ss); {
		j, sum := i+1, ss[i].at
		for j < len(ss) && ss[j].at-ss[j-1].at <= snapTol && ss[j].at-ss[i].at <= 2*snapTol {
			sum += ss[j].at
			j++
		}
		at := sum / float64(j-i)
		group := ss[i:j]
		sort.Slice(group, func(a, b int) bool { return group[a].from < group[b].from })
		cur := seg{at, group[0].from, group[0].to}
		for _, s := range group[1:] {
			if s.from <= cur.to+joinTol {
				cur.to = max(cur.to, s.to)
				continue
			}
			out = append(out, cur)
			cur = seg{at, s.from, s.to}
		}
		out = append(out, cur)
		i = j
	}
	return out
}

// crosses reports whether horizontal h and vertical v meet.
func crosses(h, v seg) bool {
	return v.at >= h.from-crossTol && v.at <= h.to+crossTol && h.at >= v.from-crossTol && h.at <= v.to+crossTol
}

// latticeGrids groups the page's ruling into connected skeletons and
// returns the grid of each one that has at least two rows and two
// columns of slots.
func latticeGrids(hs, vs []seg) []*grid {
	n := len(hs) + len(vs)
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	deg := make([]int, n)
	for i, h := range hs {
		for j, v := range vs {
			if crosses(h, v) {
				a, b := find(i), find(len(hs)+j)
				if a != b {
					parent[a] = b
				}
				deg[i]++
				deg[len(hs)+j]++
			}
		}
	}
	comps := map[int][2][]seg{}
	var order []int
	for i := range n {
		if deg[i] == 0 {
			continue
		}
		root := find(i)
		c, seen := comps[root]
		if !seen {
			order = append(order, root)
		}
		if i < len(hs) {
			c[0] = append(c[0], hs[i])
		} else {
			c[1] = append(c[1], vs[i-len(hs)])
		}
		comps[root] = c
	}
	var out []*grid
	for _, root := range order {
		c := comps[root]
		if len(c[0]) < 2 && len(c[1]) < 2 || len(c[0])+len(c[1]) < 4 {
			continue
		}
		if g := ruledGrid(c[0], c[1]); g != nil {
			out = append(out, g)
		}
	}
	return out
}

// clusterPos returns the distinct positions of ss (within snapTol), sorted.
func clusterPos(ps []float64) []float64 {
	sort.Float64s(ps)
	var out []float64
	for i := 0; i < len(ps); {
		j, sum := i+1, ps[i]
		for j < len(ps) && ps[j]-ps[j-1] <= snapTol {
			sum += ps[j]
			j++
		}
		out = append(out, sum/float64(j-i))
		i = j
	}
	return out
}

// ruledGrid builds the grid of one connected skeleton. Sides left open
// (rows ruled but no outer vertical border, as Word often prints) get an
// edge at the extent of the rules that reach past the last drawn one.
func ruledGrid(hs, vs []seg) *grid {
	var px, py []float64
	x0, x1, y0, y1 := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, v := range vs {
		px = append(px, v.at)
		y0, y1 = min(y0, v.from), max(y1, v.to)
	}
	for _, h := range hs {
		py = append(py, h.at)
		x0, x1 = min(x0, h.from), max(x1, h.to)
	}
	xs, ys := clusterPos(px), clusterPos(py)
	openL, openR, openB, openT := false, false, false, false
	if len(xs) == 0 || xs[0] > x0+snapTol {
		xs = append([]float64{x0}, xs...)
		openL = true
	}
	if xs[len(xs)-1] < x1-snapTol {
		xs = append(xs, x1)
		openR = true
	}
	if len(ys) == 0 || ys[0] > y0+snapTol {
		ys = append([]float64{y0}, ys...)
		openB = true
	}
	if ys[len(ys)-1] < y1-snapTol {
		ys = append(ys, y1)
		openT = true
	}
	if len(xs) < 2 || len(ys) < 2 || len(xs)*len(ys) < 6 {
		return nil
	}
	// Rows top to bottom.
	for i, j := 0, len(ys)-1; i < j; i, j = i+1, j-1 {
		ys[i], ys[j] = ys[j], ys[i]
	}
	R, C := len(ys)-1, len(xs)-1
	// vEdge[r][c]: an edge at xs[c] along row band r; hEdge[r][c]: an edge
	// at ys[r] along column band c.
	vEdge := func(r, c int) bool {
		if c == 0 && openL || c == C && openR {
			return true
		}
		mid := (ys[r] + ys[r+1]) / 2
		for _, v := range vs {
			if math.Abs(v.at-xs[c]) <= snapTol && v.from <= mid && v.to >= mid {
				return true
			}
		}
		return false
	}
	hEdge := func(r, c int) bool {
		if r == 0 && openT || r == R && openB {
			return true
		}
		mid := (xs[c] + xs[c+1]) / 2
		for _, h := range hs {
			if math.Abs(h.at-ys[r]) <= snapTol && h.from <= mid && h.to >= mid {
				return true
			}
		}
		return false
	}
	// Union slots across missing edges.
	parent := make([]int, R*C)
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	union := func(a, b int) {
		if ra, rb := find(a), find(b); ra != rb {
			parent[max(ra, rb)] = min(ra, rb)
		}
	}
	for r := range R {
		for c := range C {
			if c+1 < C && !vEdge(r, c+1) {
				union(r*C+c, r*C+c+1)
			}
			if r+1 < R && !hEdge(r+1, c) {
				union(r*C+c, (r+1)*C+c)
			}
		}
	}
	type box struct{ r0, c0, r1, c1, n int }
	boxes := map[int]*box{}
	for r := range R {
		for c := range C {
			root := find(r*C + c)
			b := boxes[root]
			if b == nil {
				b = &box{r, c, r, c, 0}
				boxes[root] = b
			}
			b.r0, b.c0, b.r1, b.c1 = min(b.r0, r), min(b.c0, c), max(b.r1, r), max(b.c1, c)
			b.n++
		}
	}
	g := &grid{xs: xs, ys: ys, ruled: true}
	for r := range R {
		for c := range C {
			root := find(r*C + c)
			b := boxes[root]
			if (b.r1-b.r0+1)*(b.c1-b.c0+1) != b.n {
				// Not a rectangle: keep the slots apart.
				g.cells = append(g.cells, gridCell{r, c, 1, 1})
				continue
			}
			if r == b.r0 && c == b.c0 {
				g.cells = append(g.cells, gridCell{r, c, b.r1 - b.r0 + 1, b.c1 - b.c0 + 1})
			}
		}
	}
	return g
}

// slot returns the index of the band of edges es (ascending when asc)
// that holds v, or -1.
func slot(es []float64, v float64, asc bool) int {
	n := len(es)
	if asc {
		i := sort.SearchFloat64s(es, v)
		if i == 0 || i >= n {
			return -1
		}
		return i - 1
	}
	i := sort.Search(n, func(i int) bool { return es[i] <= v })
	if i == 0 || i >= n {
		return -1
	}
	return i - 1
}
