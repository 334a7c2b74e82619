package lsp

import (
	"context"
	"crypto/sha256"
	"fmt"
	"go/ast"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"slices"
	"sort"

	"golang.org/x/tools/go/packages"
)

// depCache keeps the dependencies of one directory's packages, loaded with
// syntax and types, between analyses. Loading the dependency closure from
// source is most of the cost of an analysis (seconds for a package that
// imports golang.org/x/tools), while an edit usually changes only the
// directory's own files. On each analysis a metadata-only `go list` (tens
// of milliseconds) yields the closure and its files; if no dependency file
// changed (same overlay text, or same size and mtime on disk) the cached
// packages are reused and only the directory's packages are parsed and
// type-checked again. Anything unusual (a dependency that imports one of
// the directory's packages, as test variants of dependencies do, a missing
// package) falls back to a full load.
type depCache struct {
	uses int // analyses served; the cache is rebuilt after maxUses (the FileSet grows with each)
	key  [32]byte
	fset *token.FileSet
	pkgs map[string]*packages.Package // by ID: every non-root package
	// memo holds the analyzer runs on those packages (see wrapAnalyzers).
	memo map[memoKey]*memoEntry
}

const maxUses = 200

const metaMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedDeps | packages.NeedModule

// loadMeta lists the packages of dir and their closure without syntax.
func loadMeta(ctx context.Context, dir string, overlay map[string][]byte, opts *Options) ([]*packages.Package, error) {
	cfg := &packages.Config{
		Context:    ctx,
		Dir:        dir,
		Mode:       metaMode,
		Tests:      true,
		Overlay:    overlay,
		BuildFlags: opts.BuildFlags,
		Env:        opts.Env,
	}
	return packages.Load(cfg, ".")
}

// cacheKey hashes the identity and file state of every non-root package of
// the closure. ok is false if the closure cannot be cached: a non-root
// package imports a root (its types would depend on the edited files).
func cacheKey(meta []*packages.Package, overlay map[string][]byte) (key [32]byte, ok bool) {
	roots := map[string]bool{}
	for _, p := range meta {
		roots[p.ID] = true
	}
	var deps []*packages.Package
	seen := map[string]bool{}
	var visit func(p *packages.Package) bool
	visit = func(p *packages.Package) bool {
		for _, imp := range p.Imports {
			if roots[imp.ID] {
				if !roots[p.ID] {
					return false
				}
				continue
			}
			if seen[imp.ID] {
				continue
			}
			seen[imp.ID] = true
			deps = append(deps, imp)
			if !visit(imp) {
				return false
			}
		}
		return true
	}
	for _, p := range meta {
		if !visit(p) {
			return key, false
		}
	}
	sort.Slice(deps, func(i, j int) bool { return deps[i].ID < deps[j].ID })
	h := sha256.New()
	for _, p := range deps {
		fmt.Fprintf(h, "pkg %s %d\n", p.ID, len(p.Errors))
		for _, f := range p.CompiledGoFiles {
			if b, ok := overlay[f]; ok {
				fmt.Fprintf(h, "%s overlay %x\n", f, sha256.Sum256(b))
				continue
			}
			fi, err := os.Stat(f)
			if err != nil {
				return key, false
			}
			fmt.Fprintf(h, "%s %d %d\n", f, fi.Size(), fi.ModTime().UnixNano())
		}
	}
	copy(key[:], h.Sum(nil))
	return key, true
}

// newCache keeps the non-root packages of a full load.
func newCache(key [32]byte, pkgs []*packages.Package) *depCache {
	if len(pkgs) == 0 || pkgs[0].Fset == nil {
		return nil
	}
	roots := map[string]bool{}
	for _, p := range pkgs {
		roots[p.ID] = true
	}
	c := &depCache{key: key, fset: pkgs[0].Fset, pkgs: map[string]*packages.Package{}}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if !roots[p.ID] {
			c.pkgs[p.ID] = p
		}
	})
	return c
}

// checkRoots parses and type-checks the root packages of meta against the
// cached dependencies. It returns nil if something needed is missing.
func (c *depCache) checkRoots(meta []*packages.Package, dir string, overlay map[string][]byte) []*packages.Package {
	typed := map[string]*packages.Package{}
	var sizes types.Sizes
	for _, p := range c.pkgs {
		if p.TypesSizes != nil {
			sizes = p.TypesSizes
			break
		}
	}
	if sizes == nil {
		return nil
	}
	parse := parseFunc(dir)
	isRoot := rootIDs(meta)
	var check func(m *packages.Package) *packages.Package
	inProgress := map[string]bool{}
	check = func(m *packages.Package) *packages.Package {
		if p, ok := typed[m.ID]; ok {
			return p
		}
		if inProgress[m.ID] {
			return nil // import cycle among roots
		}
		inProgress[m.ID] = true
		p := &packages.Package{
			ID: m.ID, Name: m.Name, PkgPath: m.PkgPath, ForTest: m.ForTest,
			GoFiles: m.GoFiles, CompiledGoFiles: m.CompiledGoFiles, OtherFiles: m.OtherFiles,
			EmbedPatterns: m.EmbedPatterns, EmbedFiles: m.EmbedFiles, IgnoredFiles: m.IgnoredFiles,
			Module: m.Module, Fset: c.fset, TypesSizes: sizes,
			Errors:  slices.Clone(m.Errors),
			Imports: map[string]*packages.Package{},
		}
		for path, imp := range m.Imports {
			var ip *packages.Package
			if isRoot[imp.ID] {
				ip = check(imp)
			} else {
				ip = c.pkgs[imp.ID]
			}
			if ip == nil || ip.Types == nil {
				return nil
			}
			p.Imports[path] = ip
		}
		for _, name := range m.CompiledGoFiles {
			src, ok := overlay[name]
			if !ok {
				var err error
				if src, err = os.ReadFile(name); err != nil {
					p.Errors = append(p.Errors, packages.Error{Pos: name, Msg: err.Error(), Kind: packages.ListError})
					continue
				}
			}
			f, err := parse(c.fset, name, src)
			if f != nil {
				p.Syntax = append(p.Syntax, f)
			}
			if err != nil {
				p.Errors = append(p.Errors, parseErrors(err)...)
			}
		}
		p.TypesInfo = &types.Info{
			Types:        map[ast.Expr]types.TypeAndValue{},
			Defs:         map[*ast.Ident]types.Object{},
			Uses:         map[*ast.Ident]types.Object{},
			Implicits:    map[ast.Node]types.Object{},
			Instances:    map[*ast.Ident]types.Instance{},
			Scopes:       map[ast.Node]*types.Scope{},
			Selections:   map[*ast.SelectorExpr]*types.Selection{},
			FileVersions: map[*ast.File]string{},
		}
		tc := &types.Config{
			Importer: importerFunc(func(path string) (*types.Package, error) {
				if path == "unsafe" {
					return types.Unsafe, nil
				}
				if ip := p.Imports[path]; ip != nil && ip.Types != nil {
					return ip.Types, nil
				}
				return nil, fmt.Errorf("no package for import %q", path)
			}),
			Sizes: sizes,
			Error: func(err error) {
				if te, ok := err.(types.Error); ok {
					p.TypeErrors = append(p.TypeErrors, te)
					p.Errors = append(p.Errors, packages.Error{
						Pos: te.Fset.Position(te.Pos).String(), Msg: te.Msg, Kind: packages.TypeError,
					})
				}
			},
		}
		if m.Module != nil && m.Module.GoVersion != "" {
			tc.GoVersion = "go" + m.Module.GoVersion
		}
		p.Types, _ = tc.Check(m.PkgPath, c.fset, p.Syntax, p.TypesInfo)
		p.IllTyped = len(p.Errors) > 0
		for _, ip := range p.Imports {
			p.IllTyped = p.IllTyped || ip.IllTyped
		}
		typed[m.ID] = p
		return p
	}
	var out []*packages.Package
	for _, m := range meta {
		p := check(m)
		if p == nil {
			return nil
		}
		out = append(out, p)
	}
	return out
}

func rootIDs(meta []*packages.Package) map[string]bool {
	ids := map[string]bool{}
	for _, m := range meta {
		ids[m.ID] = true
	}
	return ids
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// parseErrors converts a parser error to package errors.
func parseErrors(err error) []packages.Error {
	if el, ok := err.(scanner.ErrorList); ok {
		var out []packages.Error
		for _, e := range el {
			out = append(out, packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError})
		}
		return out
	}
	return []packages.Error{{Msg: err.Error(), Kind: packages.ParseError}}
}
