package fileapi

// Calls that are not file APIs but decide what a file-system object is
// for: the environment variables that name the temp dir (Unix sockets are
// in socket.go). Keyed like the file table, by exact package path,
// receiver and name.

// EnvAPI describes a call that reads, sets or unsets an environment
// variable by the name in argument Key.
type EnvAPI struct {
	Key int
	// Value is the index of the value a setter gives the variable (it
	// becomes process state), or -1 for readers and unsetters.
	Value int
}

var envCalls = map[Func]EnvAPI{
	{"os", "", "Setenv"}:            {0, 1},
	{"os", "", "Unsetenv"}:          {0, -1},
	{"os", "", "Getenv"}:            {0, -1},
	{"os", "", "LookupEnv"}:         {0, -1},
	{"syscall", "", "Setenv"}:       {0, 1},
	{"syscall", "", "Unsetenv"}:     {0, -1},
	{"syscall", "", "Getenv"}:       {0, -1},
	{"testing", "common", "Setenv"}: {0, 1},
	{"testing", "T", "Setenv"}:      {0, 1},
	{"testing", "B", "Setenv"}:      {0, 1},
	{"testing", "TB", "Setenv"}:     {0, 1},
}

// Env returns the entry of f if it reads or sets an environment variable.
func Env(f Func) (EnvAPI, bool) {
	e, ok := envCalls[f]
	return e, ok
}
