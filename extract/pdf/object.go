package pdf

import (
	"io"
	"math"
	"reflect"

	lpdf "github.com/ledongthuc/pdf"
)

// ref identifies a PDF object by number and generation. For a direct object
// it is the reference of the enclosing indirect object.
type ref struct {
	id  uint32
	gen uint16
}

// refOf returns the object reference a Value was resolved from. The
// ledongthuc/pdf Value keeps it unexported and re-parses objects on every
// access, so this is the only stable identity for caching fonts and forms.
func refOf(v lpdf.Value) ref {
	p := reflect.ValueOf(v).Field(1)
	return ref{uint32(p.Field(0).Uint()), uint16(p.Field(1).Uint())}
}

// maxStreamBytes bounds a decoded stream we read whole (CMaps, content).
const maxStreamBytes = 64 << 20

// readStream returns the decoded bytes of a stream value, at most limit bytes.
func readStream(v lpdf.Value, limit int64) []byte {
	if v.Kind() != lpdf.Stream {
		return nil
	}
	rc := v.Reader()
	defer rc.Close()
	b, _ := io.ReadAll(io.LimitReader(rc, limit))
	return b
}

// num reads a number, with 0 for anything else (NaN and infinities too).
func num(v lpdf.Value) float64 {
	f := v.Float64()
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	return f
}

// numArray reads an array of numbers.
func numArray(v lpdf.Value) []float64 {
	n := v.Len()
	out := make([]float64, n)
	for i := range n {
		out[i] = num(v.Index(i))
	}
	return out
}

// matrix is an affine transform [a b c d e f] as in PDF: x' = a x + c y + e.
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n (apply m first, then n).
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2],
		m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2],
		m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4],
		m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m matrix) apply(x, y float64) (float64, float64) {
	return m[0]*x + m[2]*y + m[4], m[1]*x + m[3]*y + m[5]
}

func matrixOf(v lpdf.Value) (matrix, bool) {
	if v.Len() != 6 {
		return identity, false
	}
	var m matrix
	for i := range 6 {
		m[i] = num(v.Index(i))
	}
	return m, true
}
