package mips

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestVerifyRejectsTampering: each way of lying in a witness is malformed
// input (the contract reverts), never a different accepted post-state.
func TestVerifyRejectsTampering(t *testing.T) {
	value := []byte("preimage")
	key := Keccak256(value)
	key[0] = KeyTypeKeccak
	honest := func() *StepWitness {
		s := newTestState(itype(0x2B, rT0, rT1, 0)) // sw t1, 0(t0)
		s.CurrentThread().Regs[rT0] = dataAddr
		s.CurrentThread().Regs[rT1] = 7
		w, err := NewVM(s, nil, nil, nil).Step(true)
		require.NoError(t, err)
		require.Equal(t, 2, proofCount(w))
		return w
	}
	preimageStep := func() *StepWitness {
		s := sysState(SysRead, FdPreimageRead, dataAddr, 4)
		s.PreimageKey = key
		w, err := NewVM(s, mapOracle{key: value}, nil, nil).Step(true)
		require.NoError(t, err)
		require.True(t, w.HasPreimage)
		return w
	}
	cases := []struct {
		name   string
		make   func() *StepWitness
		tamper func(w *StepWitness)
	}{
		{"short-state", honest, func(w *StepWitness) { w.State = w.State[:163] }},
		{"bad-bool", honest, func(w *StepWitness) { w.State[72] = 2 }},
		{"wrong-mem-root", honest, func(w *StepWitness) { w.State[5] ^= 1 }},
		{"wrong-stack-root", honest, func(w *StepWitness) { w.State[100] ^= 1 }},
		{"traverse-flipped", honest, func(w *StepWitness) { w.State[95] = 1 }},
		{"thread-pc", honest, func(w *StepWitness) { w.Proof[7] ^= 4 }},
		{"thread-reg0", honest, func(w *StepWitness) { w.Proof[23] = 1 }},
		{"inner-root", honest, func(w *StepWitness) { w.Proof[150] ^= 1 }},
		{"fetch-leaf", honest, func(w *StepWitness) { w.Proof[ThreadProofSize+3] ^= 1 }},
		{"data-sibling", honest, func(w *StepWitness) { w.Proof[len(w.Proof)-40] ^= 1 }},
		{"missing-proof", honest, func(w *StepWitness) { w.Proof = w.Proof[:proofStart(w, 1)] }},
		{"bitmap-high-bit", honest, func(w *StepWitness) { w.Proof[ThreadProofSize+32] |= 0x80 }},
		{"bitmap-flip", honest, func(w *StepWitness) { w.Proof[proofStart(w, 1)+35] ^= 1 }},
		{"extra-proof", honest, func(w *StepWitness) { w.Proof = append(w.Proof, w.Proof[proofStart(w, 1):]...) }},
		{"ragged-proof", honest, func(w *StepWitness) { w.Proof = append(w.Proof, 0) }},
		{"no-thread", honest, func(w *StepWitness) { w.Proof = w.Proof[:100] }},
		{"preimage-missing", preimageStep, func(w *StepWitness) { w.HasPreimage = false }},
		{"preimage-wrong-value", preimageStep, func(w *StepWitness) { w.PreimageValue = []byte("forged!!") }},
		{"preimage-wrong-offset", preimageStep, func(w *StepWitness) { w.PreimageOffset = 4 }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := c.make()
			_, err := VerifyStep(w)
			require.NoError(t, err, "honest witness")
			c.tamper(w)
			_, err = VerifyStep(w)
			require.ErrorIs(t, err, ErrMalformed)
		})
	}
}
