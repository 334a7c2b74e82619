// Package startheap lets a short-lived process grow its heap to a given
// size before the garbage collector starts collecting at the usual pace,
// as the Go compiler does for the same reason (cmd/compile's
// base.AdjustStartingHeap, Go issue 56546).
//
// The go command runs a vet tool once per package, and most of those
// processes live for tens of milliseconds: with the runtime's first heap
// goal of 4 MiB, one spends much of its time collecting a heap (export
// data, syntax, types) that it keeps until it exits anyway. [Adjust] raises
// GOGC so that the first collections happen near the requested heap size,
// and puts GOGC back once the live heap has grown to half of it, so a large
// package is collected as usual. It does nothing when the user set GOGC or
// GOMEMLIMIT.
package startheap

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// firstGoal is the runtime's first heap goal with GOGC at its default of
// 100 (its heapMinimum, 4 MiB), the goal in effect when Adjust runs at the
// start of a process. Reading it from the runtime costs more than a short
// process can spare: the first runtime/metrics read builds the runtime's
// whole metrics table, and ReadMemStats stops the world to aggregate
// every statistic (together 1-2% of a vet tool's CPU on std). Should a
// collection have run before Adjust, the goal is higher and GOGC a little
// larger than asked until the next collection, after which the goal is
// read (heapGoal).
const firstGoal = 4 << 20

// heapGoal returns the heap goal after a collection, from runtime/metrics:
// a process reaches a collection only once its heap is large, when the
// cost of the first read no longer matters.
func heapGoal() uint64 {
	sample := []metrics.Sample{{Name: "/gc/heap/goal:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return sample[0].Value.Uint64()
}

// Adjust asks that garbage collection wait until the heap reaches about
// goal bytes, then run with the GOGC in effect before. It reports whether
// it changed anything (not when GOGC or GOMEMLIMIT is set).
func Adjust(goal uint64) bool {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return false
	}
	if goal <= firstGoal {
		return false
	}
	// The obvious GOGC overshoots the heap size the collector then keeps;
	// the compiler derates it, and so do we (its measured factors).
	gogc := derate(100 * goal / firstGoal)
	if gogc <= 125 {
		return false
	}
	orig := debug.SetGCPercent(int(gogc))
	forEachGC(func() bool {
		newGoal := heapGoal()
		// The goal after a collection is live*(100+GOGC)/100.
		live := 100 * newGoal / (100 + gogc)
		if live == 0 || live >= goal/2 {
			debug.SetGCPercent(orig)
			return false
		}
		gogc = derate(100*goal/live - 100)
		if gogc <= 125 {
			debug.SetGCPercent(orig)
			return false
		}
		debug.SetGCPercent(int(gogc))
		return true
	})
	return true
}

// derate is cmd/compile's: the requested GOGC scaled down, more for large
// values, for which the collector's pacing is not tuned.
func derate(gogc uint64) uint64 {
	if gogc < 600 {
		return gogc * 70 / 100
	}
	return gogc * 55 / 100
}

// forEachGC calls fn after each garbage collection until it returns false
// (a finalizer re-armed each cycle, as in cmd/compile).
func forEachGC(fn func() bool) {
	type T [32]byte // large enough to avoid the tiny allocator
	var finalizer func(*T)
	finalizer = func(p *T) {
		if fn() {
			runtime.SetFinalizer(p, finalizer)
		}
	}
	finalizer(new(T))
}
