package fileapi

// commands are the calls that start a program by path, with where the
// program and its arguments are (see [Command]).
var commands = map[Func]Command{
	{"os/exec", "", "Command"}:        {Prog: 0, Args: 1, Argv: -1},
	{"os/exec", "", "CommandContext"}: {Prog: 1, Args: 2, Argv: -1},
	{"os", "", "StartProcess"}:        {Prog: 0, Args: -1, Argv: 1, Direct: true},
	{"syscall", "", "Exec"}:           {Prog: 0, Args: -1, Argv: 1, Direct: true},
	{"syscall", "", "ForkExec"}:       {Prog: 0, Args: -1, Argv: 1, Direct: true},
	{"syscall", "", "StartProcess"}:   {Prog: 0, Args: -1, Argv: 1, Direct: true},
}

// Command says how a call that runs a program names it.
type Command struct {
	// Prog is the index of the program's path argument.
	Prog int
	// Args is the index of the first argument given to the program, or
	// -1; Argv the index of an argv slice whose element 0 is the
	// program's name, or -1.
	Args, Argv int
	// Direct: the call itself starts the program; otherwise it builds an
	// *exec.Cmd that a method of [StartsCmd] runs.
	Direct bool
}

// CommandOf returns how f names the program it runs, if f is exec.Command,
// exec.CommandContext, os.StartProcess or syscall.Exec, ForkExec or
// StartProcess.
func CommandOf(f Func) (Command, bool) { c, ok := commands[f]; return c, ok }

// StartsCmd reports whether f is the method of *exec.Cmd that runs it
// (Run, Output, CombinedOutput, Start).
func StartsCmd(f Func) bool {
	return f.Pkg == "os/exec" && f.Recv == "Cmd" &&
		(f.Name == "Run" || f.Name == "Output" || f.Name == "CombinedOutput" || f.Name == "Start")
}

// InExecPackage reports whether f is declared in package os/exec.
func InExecPackage(f Func) bool { return f.Pkg == "os/exec" }
