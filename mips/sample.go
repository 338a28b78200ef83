package mips

// Sample is what a profiler sees at one sampled step: the thread about to
// step and where it is, taken before the step runs.
type Sample struct {
	Step     uint64
	ThreadID uint32
	PC       uint32
	// Expiry marks a quantum-expiry step, which executes no instruction (1.5).
	Expiry bool
}

// sampler calls f before every period-th step of Run (steps 0, period, …).
type sampler struct {
	period, next uint64
	f            func(*State, Sample)
}

// SetSampler makes Run call f before every period-th step (period 1: every
// step), with the state as it is before that step; f must not change it.
// Sampling only splits Run's fast loop at the sampled steps, so the run and
// its result are the same with or without it. period 0 or f nil turns it off.
func (vm *VM) SetSampler(period uint64, f func(*State, Sample)) {
	if period == 0 || f == nil {
		vm.sampler = nil
		return
	}
	vm.sampler = &sampler{period: period, f: f}
}

// sampleDue takes the sample due at the current step, if any, and returns how
// many steps Run may take before the next one (^0 when not sampling).
func (vm *VM) sampleDue() uint64 {
	sp := vm.sampler
	if sp == nil {
		return ^uint64(0)
	}
	s := vm.s
	if s.Step > sp.next { // steps taken outside Run (VM.Step)
		sp.next = (s.Step + sp.period - 1) / sp.period * sp.period
	}
	if s.Step == sp.next && !s.Exited {
		if t := s.CurrentThread(); t != nil {
			sp.f(s, Sample{Step: s.Step, ThreadID: t.ID, PC: t.PC, Expiry: s.StepsSinceSwitch >= Quantum})
		}
		sp.next += sp.period
	}
	return sp.next - s.Step
}
