package vettool

import (
	"flag"
	"slices"
	"strconv"
	"strings"

	"github.com/tempguard/tempguard/passes"
)

// setup prepares the process for unitchecker.Main: it declares the
// tempguard flags of the vet protocol and tells the analyzers which of them
// the arguments enable (as unitchecker will decide: if any -<analyzer> flag
// is true, only those; else all but the false ones), so that a problem with
// a suppression comment is reported by one that runs. Once the
// configuration is known, configured narrows that set to the analyzers it
// leaves on.
func setup(args []string) {
	flag.Var(new(keepFlag), KeepSuppressedFlag, "report suppressed findings, marked as such (for tempguard's SARIF output)")
	enabled = enabledByArgs(args)
	passes.SetEnabled(enabled)
}

// enabled are the analyzers the vet tool's arguments enable; the
// configuration may disable some more (see configured).
var enabled []string

// keepFlag is the boolean -keep-suppressed flag.
type keepFlag struct{ on bool }

func (k *keepFlag) String() string   { return strconv.FormatBool(k != nil && k.on) }
func (k *keepFlag) IsBoolFlag() bool { return true }
func (k *keepFlag) Set(v string) error {
	on, err := strconv.ParseBool(v)
	if err != nil {
		return err
	}
	k.on = on
	passes.SetKeepSuppressed(on)
	return nil
}

// enabledByArgs returns the analyzers that unitchecker's flags select.
func enabledByArgs(args []string) []string {
	all := passes.Names()
	set := map[string]bool{}
	for _, a := range args {
		if !strings.HasPrefix(a, "-") {
			continue
		}
		name, val, hasVal := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !slices.Contains(all, name) {
			continue
		}
		on := true
		if hasVal {
			b, err := strconv.ParseBool(val)
			if err != nil {
				continue // unitchecker rejects it
			}
			on = b
		}
		set[name] = on
	}
	var out []string
	anyTrue := false
	for _, on := range set {
		anyTrue = anyTrue || on
	}
	for _, n := range all {
		if on, ok := set[n]; anyTrue && on || !anyTrue && (!ok || on) {
			out = append(out, n)
		}
	}
	return out
}
