package smithy

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
)

// Position is a place in a model file; Line and Col count from 1, Col in bytes.
type Position struct {
	File      string
	Line, Col int
}

func (p Position) String() string { return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col) }

// Problem is one thing wrong with a model.
type Problem struct {
	Pos     Position
	Shape   ShapeID // empty for problems outside any shape
	Message string
}

func (p Problem) String() string {
	if p.Shape == "" {
		return fmt.Sprintf("%s: %s", p.Pos, p.Message)
	}
	return fmt.Sprintf("%s: %s: %s", p.Pos, p.Shape, p.Message)
}

// Problems is every problem found in a model; as an error it lists them all,
// one per line, in file order.
type Problems []Problem

func (ps Problems) Error() string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.String())
	}
	return b.String()
}

// sort orders problems by file, then place, then message.
func (ps Problems) sort() {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i].Pos, ps[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return ps[i].Message < ps[j].Message
	})
}

// lineTable maps byte offsets to lines and columns.
type lineTable struct{ starts []int }

func newLineTable(data []byte) lineTable {
	starts := make([]int, 1, 1+bytes.Count(data, []byte{'\n'}))
	for i := 0; ; {
		j := bytes.IndexByte(data[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		starts = append(starts, i)
	}
	return lineTable{starts}
}

func (lt lineTable) position(file string, offset int) Position {
	if len(lt.starts) == 0 {
		return Position{file, 1, offset + 1}
	}
	line := sort.Search(len(lt.starts), func(i int) bool { return lt.starts[i] > offset }) - 1
	if line < 0 {
		line = 0
	}
	return Position{file, line + 1, offset - lt.starts[line] + 1}
}

// fileSet places the files of a model on one line of offsets, as
// go/token.FileSet does, so that one int names a file, line and column.
// Each file covers its bytes and the offset just past its end; the next
// file starts after that.
type fileSet struct{ files []setFile }

type setFile struct {
	name       string
	base, size int
	lines      lineTable
}

// add places a file and returns its base.
func (fs *fileSet) add(name string, data []byte) int {
	base := 0
	if n := len(fs.files); n > 0 {
		last := fs.files[n-1]
		base = last.base + last.size + 1
	}
	fs.files = append(fs.files, setFile{name, base, len(data), newLineTable(data)})
	return base
}

func (fs *fileSet) file(offset int) *setFile {
	i := sort.Search(len(fs.files), func(i int) bool { return fs.files[i].base > offset }) - 1
	if i < 0 {
		return nil
	}
	return &fs.files[i]
}

func (fs *fileSet) position(offset int) Position {
	f := fs.file(offset)
	if f == nil {
		return Position{}
	}
	return f.lines.position(f.name, offset-f.base)
}

// offset is the inverse of position.
func (fs *fileSet) offset(pos Position) (int, bool) {
	for i := range fs.files {
		f := &fs.files[i]
		if f.name != pos.File || pos.Line < 1 || pos.Line > len(f.lines.starts) {
			continue
		}
		return f.base + f.lines.starts[pos.Line-1] + pos.Col - 1, true
	}
	return 0, false
}
