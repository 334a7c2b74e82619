package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf16"
)

// sources reads the files that findings point into, once each, and knows
// the repository root that SARIF locations and fingerprints are relative to.
type sources struct {
	root  string // absolute
	files map[string]*srcFile
}

type srcFile struct {
	content []byte
	lines   []int // offset of the start of each line
	parsed  bool
	ast     *ast.File
	fset    *token.FileSet
}

// newSources finds the repository root of the working directory: the
// top of the git work tree (a directory holding .git), else the directory of
// the nearest go.mod, else the working directory itself.
func newSources() *sources {
	wd, err := os.Getwd()
	if err != nil {
		wd = "."
	}
	return &sources{root: findRoot(wd), files: map[string]*srcFile{}}
}

func findRoot(wd string) string {
	wd, _ = filepath.Abs(wd)
	if d, ok := upFind(wd, ".git"); ok {
		return d
	}
	if d, ok := upFind(wd, "go.mod"); ok {
		return d
	}
	return wd
}

func upFind(dir, name string) (string, bool) {
	for {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			return dir, true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}

// rel returns file's path relative to the root, with forward slashes, and
// whether the file is under the root.
func (s *sources) rel(file string) (string, bool) {
	abs, err := filepath.Abs(file)
	if err != nil {
		return filepath.ToSlash(file), false
	}
	if r, ok := relUnder(s.root, abs); ok {
		return r, true
	}
	// The go command and we may see the same directory through different
	// symbolic links (macOS's /tmp is /private/tmp).
	root, err1 := filepath.EvalSymlinks(s.root)
	real, err2 := filepath.EvalSymlinks(abs)
	if err1 == nil && err2 == nil {
		if r, ok := relUnder(root, real); ok {
			return r, true
		}
	}
	return filepath.ToSlash(abs), false
}

func relUnder(root, abs string) (string, bool) {
	r, err := filepath.Rel(root, abs)
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(r), true
}

// file returns the contents of name, or nil if it cannot be read.
func (s *sources) file(name string) *srcFile {
	if f, ok := s.files[name]; ok {
		return f
	}
	var f *srcFile
	if data, err := os.ReadFile(name); err == nil {
		f = &srcFile{content: data, lines: []int{0}}
		for i, b := range data {
			if b == '\n' {
				f.lines = append(f.lines, i+1)
			}
		}
	}
	s.files[name] = f
	return f
}

// line returns the text of line n (1-based) without its line ending.
func (f *srcFile) line(n int) string {
	if f == nil || n < 1 || n > len(f.lines) {
		return ""
	}
	start, end := f.lines[n-1], len(f.content)
	if n < len(f.lines) {
		end = f.lines[n] - 1
	}
	if start > end {
		return ""
	}
	return strings.TrimSuffix(string(f.content[start:end]), "\r")
}

// offset returns the byte offset of line:col (1-based, col in bytes).
func (f *srcFile) offset(line, col int) int {
	if f == nil || line < 1 || line > len(f.lines) {
		return -1
	}
	return f.lines[line-1] + max(col, 1) - 1
}

// utf16Col converts a 1-based byte column on a line to a 1-based column in
// UTF-16 code units (SARIF's default columnKind, which GitHub expects).
func utf16Col(lineText string, byteCol int) int {
	if byteCol < 1 {
		return 1
	}
	prefix := lineText[:min(byteCol-1, len(lineText))]
	n := 0
	for _, r := range prefix { // an invalid byte decodes as U+FFFD: one unit
		n += utf16.RuneLen(r)
	}
	return n + 1 + max(0, byteCol-1-len(lineText))
}

// funcName names the function declaration that contains line:col of the
// file ("Name", or "Type.Name" for a method), or "" outside functions.
// Function literals count as part of their enclosing declaration.
func (f *srcFile) funcName(name string, line, col int) string {
	if f == nil {
		return ""
	}
	if !f.parsed {
		f.parsed = true
		f.fset = token.NewFileSet()
		f.ast, _ = parser.ParseFile(f.fset, name, f.content, parser.SkipObjectResolution)
	}
	if f.ast == nil {
		return ""
	}
	off := f.offset(line, col)
	for _, d := range f.ast.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok {
			continue
		}
		start, end := f.fset.Position(fd.Pos()).Offset, f.fset.Position(fd.End()).Offset
		if off < start || off >= end {
			continue
		}
		if fd.Recv != nil && len(fd.Recv.List) == 1 {
			if t := recvTypeName(fd.Recv.List[0].Type); t != "" {
				return t + "." + fd.Name.Name
			}
		}
		return fd.Name.Name
	}
	return ""
}

func recvTypeName(x ast.Expr) string {
	for {
		switch t := x.(type) {
		case *ast.StarExpr:
			x = t.X
		case *ast.ParenExpr:
			x = t.X
		case *ast.IndexExpr:
			x = t.X
		case *ast.IndexListExpr:
			x = t.X
		case *ast.Ident:
			return t.Name
		default:
			return ""
		}
	}
}

// normalizeLine returns the Go tokens of a source line separated by single
// spaces, without comments: reformatting a line or editing a comment on it
// leaves it unchanged.
func normalizeLine(text string) string {
	var s scanner.Scanner
	fset := token.NewFileSet()
	src := []byte(text)
	s.Init(fset.AddFile("", -1, len(src)), src, func(token.Position, string) {}, 0)
	var toks []string
	for {
		_, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		if tok == token.SEMICOLON && lit == "\n" {
			continue
		}
		if lit != "" {
			toks = append(toks, lit)
		} else {
			toks = append(toks, tok.String())
		}
	}
	if len(toks) == 0 {
		return strings.Join(strings.Fields(text), " ")
	}
	return strings.Join(toks, " ")
}

// fingerprintVersion names the fingerprint scheme in SARIF and baselines.
const fingerprintVersion = "tempguard/v1"

// fingerprints computes a stable identity for each finding: a hash of the
// analyzer, the file (relative to the repository root), the enclosing
// function and the normalized flagged line, then ":n" for the n-th finding
// with that hash in the file. Line numbers are not part of it, so edits
// elsewhere in the file do not change it. findings must be sorted by
// position.
func (s *sources) fingerprints(findings []Finding) []string {
	out := make([]string, len(findings))
	seen := map[string]int{}
	for i, f := range findings {
		rel, _ := s.rel(f.File)
		src := s.file(f.File)
		var b bytes.Buffer
		for _, part := range []string{f.Analyzer, rel, src.funcName(f.File, f.Line, f.Col), normalizeLine(src.line(f.Line))} {
			b.WriteString(part)
			b.WriteByte(0)
		}
		sum := sha256.Sum256(b.Bytes())
		h := hex.EncodeToString(sum[:16])
		seen[h]++
		out[i] = h + ":" + strconv.Itoa(seen[h])
	}
	return out
}
