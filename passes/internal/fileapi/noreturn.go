package fileapi

// noReturn lists the standard-library calls that never return normally.
// Functions of analyzed packages get the same answer from their summary
// facts (a body whose exit is unreachable), not from this table.
var noReturn = map[Func]bool{}

func init() {
	for _, f := range []Func{
		{"os", "", "Exit"},
		{"syscall", "", "Exit"},
		{"runtime", "", "Goexit"},
		{"golang.org/x/sys/unix", "", "Exit"},
	} {
		noReturn[f] = true
	}
	for _, name := range []string{"Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln"} {
		noReturn[Func{"log", "", name}] = true
		noReturn[Func{"log", "Logger", name}] = true
	}
	// T, B and F promote common's methods; TB is the interface.
	for _, recv := range []string{"common", "TB"} {
		for _, name := range []string{"Fatal", "Fatalf", "FailNow", "Skip", "Skipf", "SkipNow"} {
			noReturn[Func{"testing", recv, name}] = true
		}
	}
}

// NoReturn reports whether the standard-library function f never returns
// normally (os.Exit, log.Fatal, t.Fatal, runtime.Goexit, ...).
func NoReturn(f Func) bool { return noReturn[f] }

// errorTests are the standard-library predicates on an error (their first
// argument) that are true only when it is non-nil.
var errorTests = map[Func]bool{
	{"errors", "", "Is"}:       true,
	{"errors", "", "As"}:       true,
	{"os", "", "IsExist"}:      true,
	{"os", "", "IsNotExist"}:   true,
	{"os", "", "IsPermission"}: true,
	{"os", "", "IsTimeout"}:    true,
}

// TrueOnlyForError reports whether f(err, ...) is true only when err is
// non-nil (errors.Is, errors.As, os.IsExist, os.IsNotExist, ...): on its
// true branch, the call that set err failed.
func TrueOnlyForError(f Func) bool { return errorTests[f] }
