package fileapi

import (
	"go/types"
)

// Identities of standard (and a few well-known) objects, types and fields
// that the passes ask about by meaning: "is this the cross-device error",
// "is this the device number of a stat result", "is this runtime.GOOS".
// Each is decided from the types.Object's package path and name, the
// accepted way to name the standard library; identifiers of the analyzed
// code are never read.

// IsPkgObj reports whether obj is the package-level object pkg.name.
func IsPkgObj(obj types.Object, pkg, name string) bool {
	return obj != nil && obj.Pkg() != nil && obj.Pkg().Path() == pkg && obj.Name() == name &&
		obj.Parent() == obj.Pkg().Scope()
}

// IsNamed reports whether t (or what it points to) is the named type
// pkg.name.
func IsNamed(t types.Type, pkg, name string) bool {
	if t == nil {
		return false
	}
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}

// IsGOOS reports whether obj is the constant runtime.GOOS.
func IsGOOS(obj types.Object) bool {
	c, ok := obj.(*types.Const)
	return ok && c.Pkg() != nil && c.Pkg().Path() == "runtime" && c.Name() == "GOOS"
}

// crossDeviceErrs are the error values that name a failed cross-device
// rename (EXDEV, and Windows' ERROR_NOT_SAME_DEVICE).
var crossDeviceErrs = map[Func]bool{
	{Pkg: "syscall", Name: "EXDEV"}:                                  true,
	{Pkg: "golang.org/x/sys/unix", Name: "EXDEV"}:                    true,
	{Pkg: "syscall", Name: "ERROR_NOT_SAME_DEVICE"}:                  true,
	{Pkg: "golang.org/x/sys/windows", Name: "ERROR_NOT_SAME_DEVICE"}: true,
}

// CrossDeviceErr reports whether obj is a package-level variable or
// constant that names a cross-device rename error: syscall.EXDEV,
// unix.EXDEV, ERROR_NOT_SAME_DEVICE of syscall or x/sys/windows.
func CrossDeviceErr(obj types.Object) bool {
	switch obj.(type) {
	case *types.Var, *types.Const:
	default:
		return false
	}
	return obj.Pkg() != nil && obj.Parent() == obj.Pkg().Scope() &&
		crossDeviceErrs[Func{Pkg: obj.Pkg().Path(), Name: obj.Name()}]
}

// IsLinkError reports whether t (or what it points to) is *os.LinkError,
// the error of a failed rename or link.
func IsLinkError(t types.Type) bool { return IsNamed(t, "os", "LinkError") }

// statTypes are the raw stat(2) result types whose Dev field is the device
// number of a file.
var statTypes = [][2]string{{"syscall", "Stat_t"}, {"golang.org/x/sys/unix", "Stat_t"}}

// DeviceField reports whether field, selected from a value of type recv,
// is the Dev field (device number) of syscall.Stat_t or unix.Stat_t:
// code that compares it knows files may be on different devices.
func DeviceField(field types.Object, recv types.Type) bool {
	v, ok := field.(*types.Var)
	if !ok || !v.IsField() || v.Name() != "Dev" {
		return false
	}
	for _, st := range statTypes {
		if IsNamed(recv, st[0], st[1]) {
			return true
		}
	}
	return false
}

// IsCredential reports whether t (or what it points to) is
// syscall.Credential (or unix.Credential): the credentials a process is
// started with.
func IsCredential(t types.Type) bool {
	return IsNamed(t, "syscall", "Credential") || IsNamed(t, "golang.org/x/sys/unix", "Credential")
}

// ownerCalls are the calls that hand files to other users or clear the
// umask (beside the chown calls of the table, [OpChown]).
var ownerCalls = map[Func]bool{
	{Pkg: "os", Name: "Chown"}: true, {Pkg: "os", Name: "Lchown"}: true, {Pkg: "os", Recv: "File", Name: "Chown"}: true,
	{Pkg: "syscall", Name: "Umask"}: true, {Pkg: "syscall", Name: "Chown"}: true,
	{Pkg: "syscall", Name: "Fchown"}: true, {Pkg: "syscall", Name: "Lchown"}: true,
	{Pkg: "golang.org/x/sys/unix", Name: "Umask"}: true, {Pkg: "golang.org/x/sys/unix", Name: "Chown"}: true,
	{Pkg: "golang.org/x/sys/unix", Name: "Fchown"}: true, {Pkg: "golang.org/x/sys/unix", Name: "Lchown"}: true,
}

// SharesOwnership reports whether f changes a file's owner (os.Chown,
// os.Lchown, File.Chown, chown(2) of syscall and x/sys/unix) or clears the
// umask (Umask of syscall and x/sys/unix): a program that calls it means
// other users to reach its files.
func SharesOwnership(f Func) bool { return ownerCalls[f] }

// copiers are the standard calls that copy or rewrite data.
var copiers = map[Func]bool{
	{Pkg: "io", Name: "Copy"}: true, {Pkg: "io", Name: "CopyN"}: true, {Pkg: "io", Name: "CopyBuffer"}: true,
	{Pkg: "io", Recv: "ReaderFrom", Name: "ReadFrom"}: true, {Pkg: "io", Recv: "WriterTo", Name: "WriteTo"}: true,
	{Pkg: "os", Recv: "File", Name: "ReadFrom"}: true, {Pkg: "os", Recv: "File", Name: "WriteTo"}: true,
	{Pkg: "os", Name: "WriteFile"}: true, {Pkg: "io/ioutil", Name: "WriteFile"}: true, {Pkg: "os", Name: "CopyFS"}: true,
}

// Copies reports whether f is a standard call that copies data from one
// file or stream to another, or rewrites a file whole (io.Copy and its
// kin, ReadFrom/WriteTo, os.WriteFile, os.CopyFS).
func Copies(f Func) bool { return copiers[f] }
