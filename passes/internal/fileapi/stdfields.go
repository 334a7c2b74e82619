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

// bindMountFields are the bind-mount fields of container clients' host
// configurations, by the package path and type that declare them: a
// directory handed to them is seen by another system, whose temp dir may
// not be this process's.
var bindMountFields = map[[3]string]bool{
	{"github.com/docker/docker/api/types/container", "HostConfig", "Binds"}:  true,
	{"github.com/docker/docker/api/types/container", "HostConfig", "Mounts"}: true,
	{"github.com/moby/moby/api/types/container", "HostConfig", "Binds"}:      true,
	{"github.com/moby/moby/api/types/container", "HostConfig", "Mounts"}:     true,
}

// BindMountField reports whether field, a field of the struct type t (or
// of what t points to), is a container's bind-mount list (Binds or Mounts
// of Docker's or Moby's HostConfig).
func BindMountField(t types.Type, field types.Object) bool {
	v, ok := field.(*types.Var)
	if !ok || !v.IsField() || t == nil {
		return false
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	return bindMountFields[[3]string{n.Obj().Pkg().Path(), n.Obj().Name(), v.Name()}]
}

// testifySuite is the path of testify's suite package.
const testifySuite = "github.com/stretchr/testify/suite"

// The interfaces of testify's suite package through which suite.Run calls
// a suite's hooks: once per test (with the test's own T, a subtest), or
// once per suite (with the suite's T).
var (
	perTestHooks = []string{"SetupTestSuite", "TearDownTestSuite", "BeforeTest", "AfterTest", "SetupSubTest", "TearDownSubTest"}
	suiteHooks   = []string{"SetupAllSuite", "TearDownAllSuite"}
)

// SuitePerTest reports whether testify runs the method m of a suite with
// the T of one test, a subtest of the suite's test: m is the method by
// which its receiver implements one of the per-test hook interfaces of the
// suite package (SetupTestSuite, BeforeTest, ...), or, not being a
// suite-level hook (SetupAllSuite, TearDownAllSuite), it has the shape of
// a test method (exported, no parameters, no results). suite is the
// package of the suite.Suite in use; other packages give false.
func SuitePerTest(m *types.Func, suite *types.Package) bool {
	if m == nil || suite == nil || suite.Path() != testifySuite {
		return false
	}
	m = m.Origin()
	sig, ok := m.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return false
	}
	switch {
	case implementsHook(m, sig, suite, suiteHooks):
		return false
	case implementsHook(m, sig, suite, perTestHooks):
		return true
	}
	return m.Exported() && sig.Params().Len() == 0 && sig.Results().Len() == 0
}

// implementsHook reports whether m is the method by which its receiver's
// type implements one of the named one-method interfaces of suite.
func implementsHook(m *types.Func, sig *types.Signature, suite *types.Package, hooks []string) bool {
	recv := sig.Recv().Type()
	if _, ok := recv.(*types.Pointer); !ok {
		recv = types.NewPointer(recv)
	}
	for _, name := range hooks {
		tn, ok := suite.Scope().Lookup(name).(*types.TypeName)
		if !ok {
			continue
		}
		iface, ok := tn.Type().Underlying().(*types.Interface)
		if !ok || iface.NumMethods() != 1 || !types.Implements(recv, iface) {
			continue
		}
		obj, _, _ := types.LookupFieldOrMethod(recv, false, m.Pkg(), iface.Method(0).Name())
		if fn, ok := obj.(*types.Func); ok && fn.Origin() == m {
			return true
		}
	}
	return false
}
