package kernel

// StepTarget is the VM step budget of judging a node of macs multiply-adds
// (docs/kernel.md, "Step budget"): 5 steps per multiply-add plus 20 M for
// everything else (the Go runtime's start, fetching and hashing). It is a
// performance target the benchmarks and CI check the kernel against, not a
// protocol limit: the game bounds a run only by the phase-V span, 2^32.
func StepTarget(macs int64) uint64 { return uint64(5*max(macs, 0)) + 20_000_000 }
