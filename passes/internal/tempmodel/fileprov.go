package tempmodel

import "go/ast"

// FileNameProv returns the provenance of the name of the *os.File held by
// the local variable x (as f.Name() would give it): the file comes from
// os.CreateTemp, ioutil.TempFile, os.Create, os.Open or os.OpenFile on
// every assignment to x in the package, or the result is [Unknown].
func (m *Model) FileNameProv(x ast.Expr) Prov {
	return m.fileVarName(&evalCtx{}, x)
}
