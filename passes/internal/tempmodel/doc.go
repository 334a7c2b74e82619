// Package tempmodel is the model of temporary-file APIs and path
// provenance that every tempguard pass shares.
//
// # What it answers
//
// Given a string-typed expression, [Model.Prov] says whether the value is a
// path in a shared temp directory (/tmp, /var/tmp, /usr/tmp, /dev/shm, the
// lock dir /run/lock, os.TempDir(), $TMPDIR, $TEMP, $TMP read with
// os.Getenv, os.LookupEnv or os.ExpandEnv), in a private one (a directory made by os.MkdirTemp
// or t.TempDir()), or elsewhere, and what the name under that directory is
// built from: predictable parts (constants, os.Getpid, time.Now, math/rand,
// counters, user and host names, os.Args), random parts (crypto/rand,
// os.CreateTemp and os.MkdirTemp results), or parts it cannot see (parameters,
// results of unknown functions). [Model.Callee] and the API tables name the
// standard-library calls that create, open, remove and check files.
//
// # Design note: typed syntax, not SSA
//
// The model evaluates typed syntax trees (go/ast + go/types) on demand rather
// than building SSA. Two measurements drove the choice: under `go vet
// -vettool`, a do-nothing analyzer that requires buildssa costs about 1.24×
// a do-nothing inspect analyzer (the whole dependency closure is built,
// because passes with facts run on every dependency), and standalone it
// multiplies peak memory roughly three times. The suite's budget is about
// 1.10×. Typed syntax already exists for every package; the model adds one
// pass over call expressions and does the value-flow work only where a pass
// asks about an argument of an interesting call.
//
// Value flow is followed through local variables (every assignment to the
// variable is evaluated, and the results must agree, so a reassignment can
// only make the answer less certain, never produce a false report), through
// string building (+, fmt.Sprint*, filepath.Join, path.Join, strings.Join
// of a literal slice, strings.Builder, strconv, common strings functions),
// through struct fields of local variables, package-level constants and
// variables (every assignment in the package, as for locals), same-package
// helper functions (their summaries are computed with parameters left
// symbolic and substituted at each call; every result, also of
// f(g()) with a multi-value g) and functions of other packages through the
// [Summary] fact (its first string result).
//
// The routes beyond locals (routes.go) are indexed in the same walk and
// evaluated only when asked:
//
//   - an unexported field of a struct type of this package is what every
//     store to it agrees on (assignments, keyed and positional literals;
//     ++ makes it a counter, an address taken or op-assignment unknown);
//     an exported field is unknown (other packages, encoding/json);
//   - a loop's value over a slice or array whose elements are all visible
//     (a literal, or a variable of the package only ranged over, indexed,
//     measured, assigned and appended to) is each element in turn: when
//     some are in a shared temp dir, it is what those agree on, marked
//     [Prov].Each; the value of a flag is unknown whatever its default;
//   - a parameter of a function literal called where it is written (go and
//     defer too) is the call's argument; the first parameter of a
//     filepath.Walk or WalkDir callback is a path under the root with a
//     name from the file system; a call of a literal, or of a variable that
//     only ever holds literals or sync.OnceValue(s) of one, gives the
//     literal's results;
//   - in [Model.ProvWithCallers], a parameter of an unexported function or
//     method takes what its call sites agree on (a method that an
//     interface of the package has, or one used as a value, has callers
//     the model cannot see).
//
// Stores outside the function being summarized (to package variables and
// fields) are evaluated without its symbolic parameters.
//
// An exported function's [Summary] also lists the paths it creates from
// its parameters (Creates, with the parameters symbolic); [Model.CallCreates]
// puts a call's arguments in, so a pass can judge the call in the caller's
// package.
//
// Control flow, where a pass needs it, comes from golang.org/x/tools/go/cfg
// graphs built lazily for the few functions that contain a call of interest
// ([Model.CFG]), not for every function of every package.
//
// # Fast path
//
// A package that imports none of os, io/ioutil, syscall, os/exec,
// golang.org/x/sys/unix, no file-system abstraction of the file-API table
// (afero, renameio, natefinch/atomic) and no package that exported
// tempguard facts, cannot create, open or remove a file by path: the model marks it not
// [Model.Relevant] and every pass returns at once.
//
// # Suppressions
//
// [Model.Report] is the one way passes report. It drops diagnostics covered
// by a `//tempguard:ignore <analyzer>[,<analyzer>] <reason>` comment on the
// flagged line, the line before it, or the doc comment of the enclosing
// function, by a `//tempguard:file-ignore` comment in the same file, or by
// a `//nolint` comment where golangci-lint would apply it, so suppressions
// work in every driver (standalone, go vet, golangci-lint, the language
// server). The rules are at the suppression type in suppress.go.
//
// [Get] reports, once per comment (by the first enabled analyzer it names,
// or else the first enabled one, see [SetEnabled]), a comment without a
// reason (it still suppresses), a name that is not an analyzer (with the
// nearest name; that name suppresses nothing) and a comment that names no
// analyzer (it suppresses nothing), with Category [SuppressionCategory].
// [Finish], run by drivers after each pass, reports the comments that name
// the pass's analyzer and suppressed none of its diagnostics
// ([UnusedCategory]). With [SetKeepSuppressed], suppressed diagnostics are
// reported marked ([SuppressedCategory]) for drivers that keep them (SARIF).
package tempmodel
