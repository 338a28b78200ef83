package kernel_test

import (
	"testing"

	"github.com/aivm-dev/aivm/contracts/evm"
	"github.com/aivm-dev/aivm/mips"
	"github.com/aivm-dev/aivm/vm"
	"github.com/aivm-dev/aivm/vm/kernel"
	"github.com/stretchr/testify/require"
)

// The kernel's oracle steps run on chain: for the first read of each local
// datum, keccak reads of every kind (pairs, header, node description,
// chunks, the length prefix) and key writes, StepPart says what to load into
// PreimageOracle, and MIPS.step on the loaded oracle gives the Go VM's
// post-state. Local keys are localized by the contract, as in a dispute.
func TestOracleStepsOnChain(t *testing.T) {
	s := session(t, "fashion-mnist")
	const k = 3
	st, o, _, err := s.Prepare(k, nil)
	require.NoError(t, err)

	// Find the oracle steps with a plain run.
	var reads, writes []uint64
	m := mips.NewVM(st.Copy(), o, nil, nil)
	m.OnSyscall(func(e mips.SyscallEvent) {
		switch {
		case e.Num == mips.SysRead && e.A0 == mips.FdPreimageRead:
			reads = append(reads, e.Step)
		case e.Num == mips.SysWrite && e.A0 == mips.FdPreimageWrite:
			writes = append(writes, e.Step)
		}
	})
	require.NoError(t, m.Run(t.Context(), kernel.DefaultMaxSteps))
	require.NotEmpty(t, reads)

	tr, err := vm.NewTrace(t.Context(), st, o, vm.TraceOptions{SnapshotEvery: 1 << 18})
	require.NoError(t, err)
	h, err := evm.New()
	require.NoError(t, err)
	localContext := [32]byte{31: 7}

	// Every 40th read (the first six are the three local data: length, then
	// bytes), a few key
	// writes, and the last read.
	var steps []uint64
	for i := 0; i < len(reads); i += 40 {
		steps = append(steps, reads[i])
	}
	steps = append(steps, reads[1], reads[2], reads[3], reads[4], reads[5], reads[len(reads)-1], writes[0], writes[len(writes)/2])
	locals := map[uint32]bool{}
	for _, i := range steps {
		w, err := tr.Witness(i)
		require.NoError(t, err)
		want, err := tr.StateHash(i + 1)
		require.NoError(t, err)
		p, ok := kernel.StepPart(w)
		if ok {
			if p.Local {
				locals[p.Ident] = true
				v, err := o.GetPreimage(kernel.LocalKey(p.Ident))
				require.NoError(t, err)
				require.Equal(t, v, p.Data)
				require.NoError(t, h.LoadLocalData(p.Key, localContext, p.Data, p.Offset))
			} else {
				require.Equal(t, vm.KeccakKey(p.Data), p.Key)
				require.NoError(t, h.LoadKeccakPart(p.Offset, p.Data))
			}
		}
		post, _, err := h.Step(w.State, w.Proof, localContext)
		require.NoError(t, err, "step %d", i)
		require.Equal(t, want, post, "step %d", i)
	}
	require.Len(t, locals, 3, "the three local data were read on chain")
	_, ok := kernel.StepPart(&mips.StepWitness{})
	require.False(t, ok)
	_, ok = kernel.StepPart(nil)
	require.False(t, ok)
}
