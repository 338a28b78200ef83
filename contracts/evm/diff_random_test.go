package evm_test

import (
	"math/rand"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/contracts/evm"
	"github.com/aivm-dev/aivm/mips"
)

// validOps are the primary opcodes the VM decodes; random cases favour them so
// most random words execute something rather than fault as reserved.
var validOps = []uint32{0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 0x1C, 0x1F,
	0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x28, 0x29, 0x2A, 0x2B, 0x2E, 0x2F, 0x30, 0x33, 0x38}

var syscallNums = []uint32{4001, 4003, 4004, 4005, 4006, 4020, 4037, 4045, 4055, 4090, 4091, 4120,
	4162, 4166, 4194, 4195, 4206, 4218, 4222, 4238, 4240, 4246, 4249, 4263, 4265, 4266, 4288, 4313,
	4325, 4326, 4407, 4422, 4441, 4000, 4321}

// randomOracle holds one keccak and one local preimage random states may point at.
var randomPreimage = []byte("the quick brown fox jumps over the lazy dog; a random-case preimage")

func randomOracleKeys() (kk, lk [32]byte) {
	kk = mips.Keccak256(randomPreimage)
	kk[0] = 2
	lk[0], lk[1] = 1, 0x99
	return kk, lk
}

var kkRandom, lkRandom = randomOracleKeys()

func randWord(r *rand.Rand) uint32 {
	switch r.Intn(4) {
	case 0:
		return interesting32[r.Intn(len(interesting32))]
	case 1:
		return dataBase + uint32(r.Intn(96))
	case 2:
		return uint32(r.Intn(64))
	default:
		return r.Uint32()
	}
}

// randomState builds a random but well-formed pre-state whose current thread
// executes insn (or a random instruction when insn is nil).
func randomState(r *rand.Rand, insn *uint32) *mips.State {
	var w uint32
	if insn != nil {
		w = *insn
	} else {
		switch r.Intn(5) {
		case 0:
			w = r.Uint32()
		case 1, 2:
			w = validOps[r.Intn(len(validOps))]<<26 | r.Uint32()&0x03FFFFFF
		case 3:
			w = r.Uint32()&0x03FFFFC0 | uint32(r.Intn(64)) // SPECIAL
		default:
			w = 0x0C
		}
	}
	s := newState(w, r.Uint32(), r.Uint32(), r.Uint32())
	th := cur(s)
	for i := 1; i < 32; i++ {
		th.Regs[i] = randWord(r)
	}
	if w == 0x0C || r.Intn(8) == 0 {
		th.Regs[2] = syscallNums[r.Intn(len(syscallNums))]
		th.Regs[4] = []uint32{0, 1, 2, 5, 6, 7, 100, 101, dataBase + uint32(r.Intn(40))}[r.Intn(9)]
		if r.Intn(3) == 0 {
			th.Regs[5] = 0x10100 | r.Uint32()&0xFF
		}
		if r.Intn(2) == 0 {
			// Preimage read or key write (1.9): any alignment in a leaf, counts around 32.
			fd := uint32(r.Intn(2))
			th.Regs[2], th.Regs[4] = 4003+fd, 5+fd
			th.Regs[5] = dataBase + uint32(r.Intn(96))
			th.Regs[6] = []uint32{uint32(r.Intn(41)), uint32(r.Intn(41)), 32, r.Uint32()}[r.Intn(4)]
		}
	}
	th.Hi, th.Lo = randWord(r), randWord(r)
	if r.Intn(10) == 0 {
		th.PC, th.NextPC = codeBase+uint32(r.Intn(4)), r.Uint32()
	} else if r.Intn(5) == 0 {
		th.NextPC = r.Uint32()
	}
	for a := uint32(0); a < 96; a += 4 {
		s.Memory.SetWord(dataBase+a, randWord(r))
	}
	kk, lk := randomOracleKeys()
	switch r.Intn(4) {
	case 0:
		s.PreimageKey = kk
	case 1:
		s.PreimageKey = lk
	case 2:
		r.Read(s.PreimageKey[:])
	}
	s.PreimageOffset = uint32(r.Intn(90))
	s.Heap = []uint32{0x60000000, 0x7EFFF000, 0x7F000000, r.Uint32()}[r.Intn(4)]
	s.LLActive = r.Intn(2) == 0
	s.LLAddress = []uint32{dataBase, dataBase + 4, r.Uint32()}[r.Intn(3)]
	s.Step = []uint64{0, r.Uint64(), uint64(r.Intn(1 << 30))}[r.Intn(3)]
	s.StepsSinceSwitch = []uint64{0, 99999, 100000, r.Uint64(), uint64(r.Intn(1000))}[r.Intn(5)]
	s.NextThreadID = r.Uint32()
	// Waits and the clock (1.5): entering or already waiting, a jumped
	// clock, a pass that is busy, idle, or idle with a deadline.
	th.WaitUntil = []uint64{0, 0, mips.NoDeadline, r.Uint64(), uint64(r.Intn(1 << 20))}[r.Intn(5)]
	s.TimeOffset = []uint64{0, r.Uint64(), uint64(r.Intn(1 << 30))}[r.Intn(3)]
	s.PassWake = []uint64{0, mips.NoDeadline, r.Uint64(), uint64(r.Intn(1 << 30))}[r.Intn(4)]
	if r.Intn(3) == 0 {
		extra := &mips.Thread{ID: r.Uint32(), PC: codeBase, NextPC: codeBase + 4}
		if r.Intn(2) == 0 {
			s.LeftStack = append([]*mips.Thread{extra}, s.LeftStack...)
		} else {
			s.RightStack = append(s.RightStack, extra)
		}
	}
	if r.Intn(4) == 0 {
		s.LeftStack, s.RightStack, s.TraverseRight = s.RightStack, s.LeftStack, true
		if len(s.RightStack) == 0 {
			s.LeftStack, s.RightStack, s.TraverseRight = s.RightStack, s.LeftStack, false
		}
	}
	if r.Intn(40) == 0 {
		s.Exited, s.ExitCode = true, uint8(r.Intn(256))
	}
	return s
}

// sharedHarness serves the fuzzer (one per process; calls are serialized).
var (
	sharedOnce sync.Once
	sharedMu   sync.Mutex
	sharedH    *evm.Harness
	sharedErr  error
)

func sharedHarness(t testing.TB) *evm.Harness {
	sharedOnce.Do(func() {
		sharedH, sharedErr = evm.New()
		if sharedErr == nil {
			_, lk := randomOracleKeys()
			for off := uint64(0); off < uint64(len(randomPreimage))+8; off++ {
				if sharedErr = sharedH.LoadKeccakPart(off, randomPreimage); sharedErr != nil {
					return
				}
				if sharedErr = sharedH.LoadLocalData(lk, localCtx, randomPreimage[:20], min(off, 27)); sharedErr != nil {
					return
				}
			}
		}
	})
	require.NoError(t, sharedErr)
	return sharedH
}

func randomOracle() mapOracle {
	kk, lk := randomOracleKeys()
	return mapOracle{kk: randomPreimage, lk: randomPreimage[:20]}
}

// diffRandom runs one random pre-state on both sides. It returns the witness,
// or nil when the Go VM refuses the step as a host error (an unknown preimage key).
func diffRandom(t testing.TB, h *evm.Harness, s *mips.State) *mips.StepWitness {
	t.Helper()
	want0 := s.Hash()
	vm := mips.NewVM(s, randomOracle(), nil, nil)
	w, err := vm.Step(true)
	if err != nil {
		require.Equal(t, want0, s.Hash(), "a failed Go step must leave the state unchanged")
		return nil
	}
	want := s.Hash()
	post, _, err := h.Step(w.State, w.Proof, localCtx)
	require.NoError(t, err, "MIPS.step reverted on an honest witness (insn at pc; state %x)", w.State)
	require.Equal(t, want, post, "post-state differs; witness state %x thread %x", w.State, w.Proof[:min(len(w.Proof), 148)])
	v, err := mips.VerifyStep(w)
	require.NoError(t, err)
	require.Equal(t, want, v)
	return w
}

// tamperAgree flips one byte of the witness and requires MIPS.sol and
// mips.VerifyStep to agree: both reject, or both accept with the same hash. A
// flipped proof byte must always be rejected unless the state is exited.
func tamperAgree(t testing.TB, h *evm.Harness, r *rand.Rand, w *mips.StepWitness) {
	t.Helper()
	tw := *w
	tw.State = append([]byte(nil), w.State...)
	tw.Proof = append([]byte(nil), w.Proof...)
	inProof := len(tw.Proof) > 0 && r.Intn(2) == 0
	var where int
	if inProof {
		where = r.Intn(len(tw.Proof))
		tw.Proof[where] ^= byte(1 + r.Intn(255))
	} else {
		if w.HasPreimage {
			return // the shared oracle may hold the part a tampered key/offset asks for; Go cannot know
		}
		where = r.Intn(len(tw.State))
		tw.State[where] ^= 1 << r.Intn(8)
	}
	post, _, solErr := h.Step(tw.State, tw.Proof, localCtx)
	goPost, goErr := mips.VerifyStep(&tw)
	require.Equal(t, goErr == nil, solErr == nil, "accept/reject disagree (inProof=%v at %d): go %v, sol %v", inProof, where, goErr, solErr)
	if solErr == nil {
		require.Equal(t, goPost, post, "tampered witness accepted with different hashes")
		if inProof {
			require.Equal(t, byte(1), w.State[78], "a tampered proof byte was accepted on a live state")
		}
	}
}

// preimageOp classifies a pre-state whose step is a preimage syscall with a
// non-zero count (1.9): "read" (moves data), "eof", "keywrite", or "".
func preimageOp(s *mips.State) string {
	if s.Exited || s.StepsSinceSwitch >= 100000 {
		return ""
	}
	th := cur(s)
	if th.PC&3 != 0 || s.Memory.GetWord(th.PC) != 0x0C || th.Regs[6] == 0 {
		return ""
	}
	switch {
	case th.Regs[2] == 4004 && th.Regs[4] == 6:
		return "keywrite"
	case th.Regs[2] == 4003 && th.Regs[4] == 5:
		stream := map[[32]byte]uint32{kkRandom: uint32(len(randomPreimage)) + 8, lkRandom: 28}[s.PreimageKey]
		if stream == 0 {
			return "" // unknown key: the Go host refuses the step
		}
		if s.PreimageOffset >= stream {
			return "eof"
		}
		return "read"
	}
	return ""
}

// TestDiffRandom is the bounded, seeded differential run of every `go test`.
func TestDiffRandom(t *testing.T) {
	h := sharedHarness(t)
	sharedMu.Lock()
	defer sharedMu.Unlock()
	n := 2000
	if testing.Short() {
		n = 300
	}
	done, skipped := 0, 0
	ops := map[string]int{}
	for seed := 0; seed < n; seed++ {
		r := rand.New(rand.NewSource(int64(seed)))
		s := randomState(r, nil)
		op := preimageOp(s)
		w := diffRandom(t, h, s)
		if w == nil {
			skipped++
			continue
		}
		done++
		ops[op]++
		for i := 0; i < 3; i++ {
			tamperAgree(t, h, r, w)
		}
	}
	t.Logf("random differential cases: %d run, %d refused by the Go host (unknown preimage); preimage reads %d, at EOF %d, key writes %d",
		done, skipped, ops["read"], ops["eof"], ops["keywrite"])
	if !testing.Short() {
		require.Positive(t, ops["read"])
		require.Positive(t, ops["keywrite"])
	}
	require.Greater(t, done, n*3/4)
}

// FuzzDiffStep: go test ./contracts/evm -run '^$' -fuzz FuzzDiffStep
func FuzzDiffStep(f *testing.F) {
	for _, insn := range []uint32{0, 0x0C, 0x24420005, 0x8D090000, 0xAD090004, 0x00851020, 0x7C8A0000} {
		f.Add(int64(insn), insn, true)
	}
	f.Add(int64(7), uint32(0), false)
	// Seeds whose random state is a preimage read that moves data, a read at
	// EOF, and key writes (found by scanning seeds, so they follow randomState).
	found := map[string]int{}
	for seed := int64(0); seed < 5000 && (found["read"] < 4 || found["eof"] < 1 || found["keywrite"] < 4); seed++ {
		insn := uint32(0x0C)
		op := preimageOp(randomState(rand.New(rand.NewSource(seed)), &insn))
		if op != "" && found[op] < 4 {
			found[op]++
			f.Add(seed, insn, true)
		}
	}
	f.Fuzz(func(t *testing.T, seed int64, insn uint32, fixed bool) {
		h := sharedHarness(t)
		sharedMu.Lock()
		defer sharedMu.Unlock()
		r := rand.New(rand.NewSource(seed))
		var ip *uint32
		if fixed {
			ip = &insn
		}
		if w := diffRandom(t, h, randomState(r, ip)); w != nil {
			tamperAgree(t, h, r, w)
		}
	})
}
