package docx

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/internal/memwatch"
)

// bomb zips a document.xml of size bytes, mostly one repeated paragraph,
// which deflates to about a thousandth of that.
func bomb(t testing.TB, size int64, lie bool) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	hdr := &zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate}
	w, err := zw.CreateHeader(hdr)
	if err != nil {
		t.Fatal(err)
	}
	head := `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`
	chunk := []byte(strings.Repeat(`<w:p><w:r><w:t>一般公共预算拨款收入1286.40万元</w:t></w:r></w:p>`, 1000))
	io.WriteString(w, head)
	for n := int64(len(head)); n < size; n += int64(len(chunk)) {
		if _, err := w.Write(chunk); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	if lie {
		// Declare 32 MB unpacked (under the limit): the reader must not trust it.
		setDeclaredSize(data, 32<<20)
	}
	return data
}

// setDeclaredSize overwrites the uncompressed size of the only entry in
// its central directory record (the local header uses a data descriptor).
func setDeclaredSize(data []byte, size uint32) {
	i := bytes.LastIndex(data, []byte("PK\x01\x02"))
	if i < 0 {
		return
	}
	b := data[i+24 : i+28]
	b[0], b[1], b[2], b[3] = byte(size), byte(size>>8), byte(size>>16), byte(size>>24)
}

// TestZipBomb: a document.xml of 1 GB unpacked fails fast with ErrLimit,
// whether its size is declared honestly or not, in bounded memory.
func TestZipBomb(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 1 GB deflate stream")
	}
	for _, lie := range []bool{false, true} {
		data := bomb(t, 1<<30, lie)
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		var err error
		peak := memwatch.Peak(func() { _, err = ExtractDOCX(ctx, data, extract.Options{}) })
		cancel()
		t.Logf("lie=%v: %d bytes in, peak heap %d MB, err %v", lie, len(data), peak>>20, err)
		if !errors.Is(err, extract.ErrLimit) && !errors.Is(err, extract.ErrCorrupt) {
			t.Errorf("lie=%v: err = %v, want ErrLimit or ErrCorrupt", lie, err)
		}
		if !lie && !errors.Is(err, extract.ErrLimit) {
			t.Errorf("declared size: err = %v, want ErrLimit", err)
		}
		if peak > 400<<20 {
			t.Errorf("lie=%v: peak heap %d MB, want under 400 MB", lie, peak>>20)
		}
	}
}

// TestManyEntries: a zip of more than MaxEntries entries is refused before any is read.
func TestManyEntries(t *testing.T) {
	parts := make([][2]string, 0, MaxEntries+1)
	for i := 0; i <= MaxEntries; i++ {
		parts = append(parts, [2]string{"word/media/x" + itoa(i), ""})
	}
	_, err := ExtractDOCX(context.Background(), zipParts(t, parts), extract.Options{})
	if !errors.Is(err, extract.ErrLimit) || !strings.Contains(err.Error(), "zip entries") {
		t.Errorf("err = %v", err)
	}
}

// TestCancel: a cancelled context stops the read.
func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := ExtractDOCX(ctx, buildDocx(t, strings.Repeat(para("", "正文"), 10), ""), extract.Options{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v", err)
	}
}
