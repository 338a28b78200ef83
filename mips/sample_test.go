package mips

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestSamplerEveryStep: with period 1 Run reports every step once, in order,
// with the thread about to step and its pc, marks quantum expiries, and
// reaches the same state as a run without a sampler.
func TestSamplerEveryStep(t *testing.T) {
	loop := itype(4, 0, 0, 0xFFFF) // b . (its delay slot is itself)
	s := newTestState(loop, loop)
	s.LeftStack = append([]*Thread{{ID: 2, PC: codeBase, NextPC: codeBase + 4}}, s.LeftStack...)
	plain := s.Copy()
	const steps = 2*Quantum + 7
	vm := NewVM(s, nil, nil, nil)
	var got []Sample
	vm.SetSampler(1, func(st *State, smp Sample) {
		require.Same(t, s, st)
		got = append(got, smp)
	})
	require.ErrorIs(t, vm.Run(t.Context(), steps), ErrStepLimit)
	require.ErrorIs(t, NewVM(plain, nil, nil, nil).Run(t.Context(), steps), ErrStepLimit)
	require.Equal(t, plain.Hash(), s.Hash())
	require.Len(t, got, steps)
	var expiries []uint64
	for i, smp := range got {
		require.Equal(t, uint64(i), smp.Step)
		require.Equal(t, uint32(codeBase), smp.PC&^4)
		if smp.Expiry {
			expiries = append(expiries, smp.Step)
		}
	}
	require.Equal(t, []uint64{Quantum, 2*Quantum + 1}, expiries)
	require.Equal(t, uint32(1), got[0].ThreadID)
	require.Equal(t, uint32(2), got[Quantum+1].ThreadID, "the other thread runs after the expiry")
}

// TestSamplerPeriod: a period-p sampler sees the steps that are multiples of
// p, also across Run calls and steps taken with VM.Step in between.
func TestSamplerPeriod(t *testing.T) {
	s := newTestState(itype(4, 0, 0, 0xFFFF))
	vm := NewVM(s, nil, nil, nil)
	var at []uint64
	vm.SetSampler(10, func(_ *State, smp Sample) { at = append(at, smp.Step) })
	require.ErrorIs(t, vm.Run(t.Context(), 25), ErrStepLimit)
	for range 7 { // to step 32, unsampled
		_, err := vm.Step(false)
		require.NoError(t, err)
	}
	require.ErrorIs(t, vm.Run(t.Context(), 20), ErrStepLimit)
	require.Equal(t, []uint64{0, 10, 20, 40, 50}, at)
	vm.SetSampler(0, nil)
	require.ErrorIs(t, vm.Run(t.Context(), 20), ErrStepLimit)
	require.Len(t, at, 5)
}
