package replay

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"

	"github.com/aivm-dev/aivm/bisection"
	"github.com/aivm-dev/aivm/contracts/registry"
	"github.com/aivm-dev/aivm/mips"
	"github.com/aivm-dev/aivm/models/merkle"
	"github.com/aivm-dev/aivm/models/tensor"
	"github.com/aivm-dev/aivm/vm/kernel"
)

// ErrInconsistent is wrapped by Verify's errors when the local re-execution
// cannot be the one the chain ran (another model, kernel or input).
var ErrInconsistent = errors.New("replay: local re-execution inconsistent with the chain")

// ClaimCheck is one asserter claim judged against the honest trace.
type ClaimCheck struct {
	Index   uint64         `json:"index"` // trace index (graph state or VM step)
	Claimed bisection.Hash `json:"claimed"`
	Honest  bisection.Hash `json:"honest"`
	True    bool           `json:"true"`
}

// MoveVerdict is a move and what the honest trace says about it.
type MoveVerdict struct {
	Move
	Claims []ClaimCheck `json:"checks,omitempty"`
	// Choose: the honest challenger's index (bisection.HonestChoice) and
	// whether the chosen sub-segment keeps "true at lo, false at hi".
	HonestJ     uint64 `json:"honest_j,omitempty"`
	ChoiceRight bool   `json:"choice_right,omitempty"`
	// Honest says whether an honest party would have made this move.
	Honest  bool   `json:"honest"`
	Verdict string `json:"verdict"`
}

// Lie is a false claim.
type Lie struct {
	Move    int            `json:"move"` // index into Report.Moves; -1: the posted S_n (GameCreated)
	Party   string         `json:"party"`
	Phase   uint8          `json:"phase"`
	Index   uint64         `json:"index"`
	Claimed bisection.Hash `json:"claimed"`
	Honest  bisection.Hash `json:"honest"`
}

// NodeReport is the graph node phase V ran.
type NodeReport struct {
	K           uint32         `json:"node"`
	Op          string         `json:"op"`
	Slot        int            `json:"slot"`
	Prev        bisection.Hash `json:"prev_state"`
	HonestPrev  bisection.Hash `json:"honest_prev_state"`
	PrevTrue    bool           `json:"prev_true"`
	Claimed     bisection.Hash `json:"claimed_state"`
	Honest      bisection.Hash `json:"honest_state"`
	ClaimedTrue bool           `json:"claimed_true"`
}

// VMReport is the honest kernel run of the disputed node on the chain's
// local data.
type VMReport struct {
	Steps       uint64         `json:"steps"`
	ExitCode    uint8          `json:"exit_code"`
	Verdict     string         `json:"verdict"`
	HonestFinal bisection.Hash `json:"honest_final"`
	AsserterVT  bisection.Hash `json:"asserter_vt"`
	VTTrue      bool           `json:"vt_true"`
}

// Regs is a thread's registers.
type Regs struct {
	ID, PC, NextPC, Lo, Hi uint32
	R                      [32]uint32
}

func regsOf(t *mips.Thread) Regs {
	return Regs{ID: t.ID, PC: t.PC, NextPC: t.NextPC, Lo: t.Lo, Hi: t.Hi, R: t.Regs}
}

// MemWord is one memory word of a leaf the step's witness proves.
type MemWord struct {
	Addr     uint32 `json:"addr"`
	Role     string `json:"role"` // fetch | data | data2
	Before   uint32 `json:"before"`
	After    uint32 `json:"after"`
	Accessed bool   `json:"accessed"`
	Changed  bool   `json:"changed"`
}

// StepReport is the one VM step the game ended at.
type StepReport struct {
	VMStep       uint64      `json:"vm_step"`
	Insn         Instruction `json:"instruction"`
	Syscall      string      `json:"syscall,omitempty"`
	Before       Regs        `json:"regs_before"`
	After        Regs        `json:"regs_after"`
	AfterKnown   bool        `json:"after_known"`
	Mem          []MemWord   `json:"memory,omitempty"`
	Proofs       int         `json:"memory_proofs"`
	OraclePart   string      `json:"oracle_part,omitempty"`
	FromCalldata bool        `json:"from_calldata"`
	// HonestPre: the step's pre-state is the honest state at VMStep.
	HonestPre bool           `json:"honest_pre"`
	PreHash   bisection.Hash `json:"pre_hash"`
	// PostEvent is Stepped's post-state hash, PostVerifier the Go stateless
	// verifier's on the calldata, PostLocal the full local VM's; Claimed
	// the asserter's hash at VMStep+1.
	PostEvent    bisection.Hash `json:"post_event"`
	PostVerifier bisection.Hash `json:"post_verifier"`
	PostLocal    bisection.Hash `json:"post_local"`
	Claimed      bisection.Hash `json:"claimed"`
	// ExitedPre is set when the pre-state had already exited (the step is
	// the identity); PostExited when the step exits the machine (with
	// PostExitCode).
	ExitedPre    bool  `json:"exited_pre"`
	PostExited   bool  `json:"post_exited"`
	PostExitCode uint8 `json:"post_exit_code"`
}

// Report is a verified dispute.
type Report struct {
	Dispute   *Dispute       `json:"dispute"`
	Model     string         `json:"model"`
	ModelRoot bisection.Hash `json:"model_root"`
	Inputs    []string       `json:"inputs"`
	Nodes     int            `json:"nodes"`
	HonestS0  bisection.Hash `json:"honest_s0"`
	HonestSn  bisection.Hash `json:"honest_sn"`
	// AsserterTrue: the asserter's S_n is the honest one; ChallengerTrue
	// likewise for the challenger's (from ChallengeOpened).
	AsserterTrue   bool          `json:"asserter_true"`
	ChallengerTrue bool          `json:"challenger_true"`
	Moves          []MoveVerdict `json:"moves"`
	// FirstLie is the first false claim in time; FirstWrongState the
	// lowest phase-G index the asserter claimed falsely (where an honest
	// challenger lands), FirstWrongStep likewise in phase V.
	FirstLie        *Lie        `json:"first_lie,omitempty"`
	FirstWrongState *Lie        `json:"first_wrong_state,omitempty"`
	FirstWrongStep  *Lie        `json:"first_wrong_step,omitempty"`
	Node            *NodeReport `json:"node,omitempty"`
	// Generation places the node in a generation (generation requests).
	Generation     *GenerationReport `json:"generation,omitempty"`
	VM             *VMReport         `json:"vm,omitempty"`
	Step           *StepReport       `json:"step,omitempty"`
	ChainWinner    string            `json:"chain_winner"`
	ExpectedWinner string            `json:"expected_winner"`
	// Rounds per phase, gas per party.
	Rounds map[string]int    `json:"rounds"`
	Gas    map[string]uint64 `json:"gas"`
	// Problems are inconsistencies (the rebuild's notes and every check
	// that failed); empty for a dispute the chain decided correctly.
	Problems []string `json:"problems,omitempty"`
}

// OK reports whether every check passed.
func (r *Report) OK() bool { return len(r.Problems) == 0 }

func (r *Report) problem(format string, args ...any) {
	r.Problems = append(r.Problems, fmt.Sprintf(format, args...))
}

// Verify re-executes the dispute locally from the kernels load returns and
// judges every move. It returns an error wrapping ErrInconsistent when the
// local execution cannot be the chain's (a model other than the registered
// one, another kernel pre-state, inputs that do not give the chain's S_0);
// mismatches in the game itself are Report.Problems.
func (d *Dispute) Verify(ctx context.Context, load registry.KernelLoader) (*Report, error) {
	if d.Kernel == nil {
		return nil, errors.New("replay: the dispute has no kernel record")
	}
	if d.Request == nil {
		return nil, errors.New("replay: the dispute's request is unknown (no ChallengeOpened/InferenceRequested for it): cannot re-execute")
	}
	rep := &Report{Dispute: d, Rounds: map[string]int{}, Gas: map[string]uint64{}}
	rep.Problems = append(rep.Problems, d.Notes...)
	model, elf, err := load(ctx, d.Kernel)
	if err != nil {
		return nil, fmt.Errorf("replay: load kernel %x (model root %x): %w", d.KernelID, d.Kernel.ModelRoot, err)
	}
	root, err := model.Root()
	if err != nil {
		return nil, fmt.Errorf("replay: model root: %w", err)
	}
	rep.ModelRoot = root
	if root != merkle.Hash(d.Kernel.ModelRoot) {
		return nil, fmt.Errorf("%w: the kernel store's model has root 0x%x, kernel %s is registered with model root %s (a different model)",
			ErrInconsistent, root[:], d.KernelID, d.Kernel.ModelRoot)
	}
	if len(model.Graph.Nodes) != int(d.GraphSize) {
		return nil, fmt.Errorf("%w: the model has %d nodes, the game %d", ErrInconsistent, len(model.Graph.Nodes), d.GraphSize)
	}
	rep.Nodes = len(model.Graph.Nodes)
	inputs := make([]*tensor.Tensor, len(d.Request.Inputs))
	for i, enc := range d.Request.Inputs {
		if inputs[i], err = tensor.Decode(enc); err != nil {
			return nil, fmt.Errorf("%w: request %s input %d does not decode: %v", ErrInconsistent, d.Request.ID, i, err)
		}
		rep.Inputs = append(rep.Inputs, fmt.Sprintf("%v %v", inputs[i].DType, inputs[i].Shape))
	}
	sess, err := kernel.NewSession(ctx, model, inputs, elf)
	if err != nil {
		return nil, fmt.Errorf("%w: re-execution: %v", ErrInconsistent, err)
	}
	if pre := sess.PrestateHash(); pre != d.Kernel.PrestateHash {
		return nil, fmt.Errorf("%w: the kernel ELF loads to pre-state %x, the registry records %x (another guest build)",
			ErrInconsistent, pre, d.Kernel.PrestateHash)
	}
	states := make([]bisection.Hash, len(sess.Trace.States))
	for i, h := range sess.Trace.States {
		states[i] = h
	}
	rep.HonestS0, rep.HonestSn = states[0], states[len(states)-1]
	if rep.HonestS0 != d.InitialState {
		return nil, fmt.Errorf("%w: local S_0 %x differs from the chain's %x (other inputs or model)", ErrInconsistent, rep.HonestS0, d.InitialState)
	}
	rep.AsserterTrue = d.ClaimedFinal == rep.HonestSn
	if d.ChallengeResult != nil {
		rep.ChallengerTrue = d.ChallengeResult.FinalState == rep.HonestSn
	}
	rep.ExpectedWinner = "challenger"
	if rep.AsserterTrue {
		rep.ExpectedWinner = "asserter"
	}
	rep.ChainWinner = d.Winner()
	if !rep.AsserterTrue {
		rep.FirstLie = &Lie{Move: -1, Party: "asserter", Phase: bisection.PhaseG, Index: uint64(d.GraphSize), Claimed: d.ClaimedFinal, Honest: rep.HonestSn}
		rep.FirstWrongState = rep.FirstLie
	}

	// Phase V's honest run, when it happened: hashes at every V split point.
	var vm *vmRun
	if d.VMStarted {
		if d.Node < 1 || int(d.Node) > rep.Nodes {
			return nil, fmt.Errorf("%w: phase V node %d outside [1,%d]", ErrInconsistent, d.Node, rep.Nodes)
		}
		k := int(d.Node)
		rep.Node = &NodeReport{K: d.Node, Op: model.Graph.Nodes[k-1].Op.String(), Slot: sess.Trace.NumInputs + k - 1,
			Prev: d.Prev, HonestPrev: states[k-1], PrevTrue: d.Prev == states[k-1],
			Claimed: d.Claimed, Honest: states[k], ClaimedTrue: d.Claimed == states[k]}
		if d.Request.Generation != nil {
			if rep.Generation, err = generationReport(model, sess.Trace, k); err != nil {
				rep.problem("generation request, but %v", err)
			}
		}
		var points []uint64
		for _, m := range d.Moves {
			if m.Kind == KindSplit && m.Phase == bisection.PhaseV {
				points = append(points, m.Points...)
			}
		}
		stepAt := ^uint64(0)
		if d.Final.Seg.IsStep() && d.Status != 0 && !d.ByTimeout {
			stepAt = d.Final.Seg.Lo
		}
		if vm, err = runKernel(ctx, sess, d.Prev, d.Claimed, d.Node, points, stepAt); err != nil {
			return nil, err
		}
		if vm.prestate != d.Prestate {
			return nil, fmt.Errorf("%w: the local kernel pre-state %x is not phase V's %x", ErrInconsistent, vm.prestate, d.Prestate)
		}
		rep.VM = &VMReport{Steps: vm.steps, ExitCode: vm.exit, Verdict: kernel.Verdict(vm.exit), HonestFinal: vm.final,
			AsserterVT: d.VT, VTTrue: d.VT == vm.final}
	}

	rep.judgeMoves(d, states, vm)
	if vm != nil && vm.step != nil {
		rep.Step = rep.checkStep(d, vm)
	}
	if d.Resolved {
		if rep.ChainWinner != rep.ExpectedWinner {
			how := "by the one-step proof"
			if d.ByTimeout {
				how = "by timeout (the honest side ran out of time)"
			}
			rep.problem("the game was won by the %s %s, but the %s's S_n is the true one", rep.ChainWinner, how, rep.ExpectedWinner)
		}
	}
	return rep, nil
}

// vmRun is the honest kernel run of the disputed node.
type vmRun struct {
	prestate bisection.Hash
	hashes   map[uint64]bisection.Hash
	final    bisection.Hash
	steps    uint64
	exit     uint8
	step     *localStep
}

type localStep struct {
	at         uint64
	pre        *mips.StepWitness
	before     Regs
	after      Regs
	afterKnown bool
	preHash    bisection.Hash
	postHash   bisection.Hash
	// words reads the memory after the step.
	wordsAfter func(addr uint32) uint32
}

func (v *vmRun) hash(i uint64) bisection.Hash {
	if i >= v.steps {
		return v.final
	}
	return v.hashes[i]
}

// runKernel runs the kernel of node on (prev, claimed) once, hashing the
// state at every point and capturing the full step at stepAt.
func runKernel(ctx context.Context, sess *kernel.Session, prev, claimed bisection.Hash, node uint32, points []uint64, stepAt uint64) (*vmRun, error) {
	st, o, err := sess.PrepareRequest(prev, claimed, node)
	if err != nil {
		return nil, err
	}
	run := &vmRun{prestate: st.Hash(), hashes: map[uint64]bisection.Hash{}}
	m := mips.NewVM(st, o, nil, nil)
	pts := append(slices.Clone(points), 0)
	if stepAt != ^uint64(0) {
		pts = append(pts, stepAt, stepAt+1)
	}
	slices.Sort(pts)
	pts = slices.Compact(pts)
	advance := func(to uint64) error {
		if st.Exited || st.Step >= to {
			return nil
		}
		if err := m.Run(ctx, to-st.Step); err != nil && !errors.Is(err, mips.ErrStepLimit) {
			return fmt.Errorf("replay: kernel run of node %d to step %d: %w", node, to, err)
		}
		return nil
	}
	for _, p := range pts {
		if p > bisection.VMSpan {
			continue
		}
		if err := advance(p); err != nil {
			return nil, err
		}
		if st.Exited && st.Step < p {
			break
		}
		run.hashes[p] = st.Hash()
		if p == stepAt && !st.Exited {
			t := st.CurrentThread()
			ls := &localStep{at: p, before: regsOf(t), preHash: run.hashes[p]}
			w, err := m.Step(true)
			if err != nil {
				return nil, fmt.Errorf("replay: local step %d: %w", p, err)
			}
			ls.pre = w
			if !st.Exited {
				if nt := st.CurrentThread(); nt != nil && nt.ID == ls.before.ID {
					ls.after, ls.afterKnown = regsOf(nt), true
				} else {
					for _, th := range append(slices.Clone(st.LeftStack), st.RightStack...) {
						if th.ID == ls.before.ID {
							ls.after, ls.afterKnown = regsOf(th), true
						}
					}
				}
			}
			ls.postHash = st.Hash()
			// The run goes on to the exit: keep the memory as the step left it.
			mem := st.Snapshot().Memory
			ls.wordsAfter = func(addr uint32) uint32 { return mem.GetWord(addr &^ 3) }
			run.step = ls
			run.hashes[p+1] = ls.postHash
		} else if p == stepAt {
			w, err := m.Step(true)
			if err != nil {
				return nil, fmt.Errorf("replay: local step %d: %w", p, err)
			}
			run.step = &localStep{at: p, pre: w, preHash: run.hashes[p], postHash: st.Hash()}
		}
	}
	if err := advance(bisection.VMSpan); err != nil {
		return nil, err
	}
	run.steps, run.exit, run.final = st.Step, st.ExitCode, st.Hash()
	if !st.Exited {
		run.steps = bisection.VMSpan
	}
	// Hashes recorded past the exit are the final hash.
	for p := range run.hashes {
		if p >= run.steps {
			run.hashes[p] = run.final
		}
	}
	return run, nil
}

// judgeMoves checks every claim and choice against the honest traces.
func (r *Report) judgeMoves(d *Dispute, states []bisection.Hash, vm *vmRun) {
	honestAt := func(phase uint8, i uint64) (bisection.Hash, bool) {
		if phase == bisection.PhaseG {
			if i >= uint64(len(states)) {
				return bisection.Hash{}, false
			}
			return states[i], true
		}
		if vm == nil {
			return bisection.Hash{}, false
		}
		if _, ok := vm.hashes[i]; ok || i >= vm.steps {
			return vm.hash(i), true
		}
		return bisection.Hash{}, false
	}
	var lastSplit *MoveVerdict
	for i, m := range d.Moves {
		mv := MoveVerdict{Move: m, Honest: true}
		if !m.SameTx {
			r.Gas[m.Party] += m.Tx.Gas
		}
		switch m.Kind {
		case KindSplit:
			r.Rounds[bisection.PhaseName(m.Phase)]++
			nFalse := 0
			for j, c := range m.Claims {
				if j >= len(m.Points) {
					break
				}
				h, ok := honestAt(m.Phase, m.Points[j])
				cc := ClaimCheck{Index: m.Points[j], Claimed: c, Honest: h, True: ok && h == c}
				mv.Claims = append(mv.Claims, cc)
				if !cc.True {
					nFalse++
					lie := &Lie{Move: i, Party: m.Party, Phase: m.Phase, Index: cc.Index, Claimed: c, Honest: h}
					if r.FirstLie == nil {
						r.FirstLie = lie
					}
					if m.Phase == bisection.PhaseG && (r.FirstWrongState == nil || cc.Index < r.FirstWrongState.Index) {
						r.FirstWrongState = lie
					}
					if m.Phase == bisection.PhaseV && (r.FirstWrongStep == nil || cc.Index < r.FirstWrongStep.Index) {
						r.FirstWrongStep = lie
					}
				}
			}
			mv.Honest = nFalse == 0
			if nFalse == 0 {
				mv.Verdict = fmt.Sprintf("all %d claims true", len(mv.Claims))
			} else {
				first := -1
				for j, c := range mv.Claims {
					if !c.True {
						first = j
						break
					}
				}
				mv.Verdict = fmt.Sprintf("%d of %d claims false, first at index %d", nFalse, len(mv.Claims), mv.Claims[first].Index)
			}
			r.Moves = append(r.Moves, mv)
			lastSplit = &r.Moves[len(r.Moves)-1]
		case KindChoose:
			if lastSplit == nil || m.Next == nil {
				mv.Verdict = "no split to answer"
				mv.Honest = false
				r.Moves = append(r.Moves, mv)
				continue
			}
			// The honest index: first false claim, else the last part.
			m2 := uint64(len(lastSplit.Claims)) + 1
			mv.HonestJ = m2 - 1
			for j, c := range lastSplit.Claims {
				if !c.True {
					mv.HonestJ = uint64(j)
					break
				}
			}
			loH, ok1 := honestAt(m.Phase, m.Next.Seg.Lo)
			hiH, ok2 := honestAt(m.Phase, m.Next.Seg.Hi)
			loTrue := ok1 && loH == m.Next.LoHash
			hiTrue := ok2 && hiH == m.Next.HiHash
			mv.ChoiceRight = loTrue && !hiTrue
			mv.Honest = m.J == mv.HonestJ
			switch {
			case mv.ChoiceRight && mv.Honest:
				mv.Verdict = fmt.Sprintf("right: part %d %v is the first with a false end (agreed start true)", m.J, m.Next.Seg)
			case mv.ChoiceRight:
				mv.Verdict = fmt.Sprintf("keeps a false end from a true start, though the first such part is %d", mv.HonestJ)
			case !loTrue:
				mv.Verdict = fmt.Sprintf("wrong: agrees to a false state at %d (honest choice: part %d)", m.Next.Seg.Lo, mv.HonestJ)
			default:
				mv.Verdict = fmt.Sprintf("wrong: disputes a true claim at %d (honest choice: part %d)", m.Next.Seg.Hi, mv.HonestJ)
			}
			r.Moves = append(r.Moves, mv)
			lastSplit = nil
		case KindStartVM:
			if r.VM != nil {
				mv.Honest = r.VM.VTTrue
				mv.Claims = []ClaimCheck{{Index: bisection.VMSpan, Claimed: m.VT, Honest: r.VM.HonestFinal, True: r.VM.VTTrue}}
				if r.VM.VTTrue {
					mv.Verdict = fmt.Sprintf("node %d: V_T true (the kernel accepts S_k)", m.Node)
				} else {
					mv.Verdict = fmt.Sprintf("node %d: V_T false: the kernel run ends %s (exit %d), the asserter claims VALID", m.Node, r.VM.Verdict, r.VM.ExitCode)
					lie := &Lie{Move: i, Party: m.Party, Phase: bisection.PhaseV, Index: bisection.VMSpan, Claimed: m.VT, Honest: r.VM.HonestFinal}
					if r.FirstLie == nil {
						r.FirstLie = lie
					}
					if r.FirstWrongStep == nil {
						r.FirstWrongStep = lie
					}
				}
			}
			r.Moves = append(r.Moves, mv)
		case KindStep:
			mv.Verdict = fmt.Sprintf("VM step %d executed on chain: post-state %x", m.VMStep, m.Post[:4])
			r.Moves = append(r.Moves, mv)
		case KindTimeout:
			mv.Verdict = "claimTimeout: the side due ran out of time"
			r.Moves = append(r.Moves, mv)
		default:
			r.Moves = append(r.Moves, mv)
		}
	}
}

// checkStep re-runs the final step from its calldata and from the local
// full state and explains it.
func (r *Report) checkStep(d *Dispute, vm *vmRun) *StepReport {
	ls := vm.step
	var ev *Move
	for i := range d.Moves {
		if d.Moves[i].Kind == KindStep {
			ev = &d.Moves[i]
		}
	}
	sr := &StepReport{VMStep: ls.at, PreHash: d.Final.LoHash, Claimed: d.Final.HiHash, PostLocal: ls.postHash,
		Before: ls.before, After: ls.after, AfterKnown: ls.afterKnown}
	if ev != nil {
		sr.PostEvent = ev.Post
	}
	sr.HonestPre = ls.preHash == d.Final.LoHash
	if !sr.HonestPre {
		r.problem("the agreed pre-state of step %d (%x) is not the honest state (%x): the challenger agreed to a false state", ls.at, d.Final.LoHash, ls.preHash)
	}
	// The witness: the calldata, with the oracle part from the local run
	// (the chain's PreimageOracle held it).
	w := &mips.StepWitness{State: d.StepState, Proof: d.StepProof}
	sr.FromCalldata = len(d.StepState) != 0
	if !sr.FromCalldata {
		w = ls.pre
	}
	if ls.pre != nil && ls.pre.HasPreimage {
		w.HasPreimage, w.PreimageKey, w.PreimageOffset, w.PreimageValue = true, ls.pre.PreimageKey, ls.pre.PreimageOffset, ls.pre.PreimageValue
		if p, ok := kernel.StepPart(ls.pre); ok {
			kind := "keccak"
			if p.Local {
				kind = fmt.Sprintf("local datum %d", p.Ident)
			}
			sr.OraclePart = fmt.Sprintf("%s key %x, part offset %d of a %d-byte preimage", kind, p.Key[:6], p.Offset, len(p.Data))
		}
	}
	if len(w.State) == mips.StateSize {
		if mips.StateHashOf(w.State) != d.Final.LoHash {
			r.problem("the step's stateData hashes to %x, the agreed pre-state is %x", mips.StateHashOf(w.State), d.Final.LoHash)
		}
		sd, err := mips.DecodeStateData(w.State)
		if err == nil && sd.Exited {
			sr.ExitedPre = true
		}
	}
	post, err := mips.VerifyStepData(w)
	if err != nil {
		r.problem("the Go stateless verifier rejects the step's witness: %v", err)
	} else {
		sr.PostVerifier = post.Hash()
		sr.PostExited, sr.PostExitCode = post.Exited, post.ExitCode
		if ev != nil && sr.PostVerifier != ev.Post {
			r.problem("the Go verifier's post-state %x differs from the Stepped event's %x", sr.PostVerifier, ev.Post)
		}
	}
	if sr.HonestPre && sr.PostLocal != sr.PostVerifier && err == nil {
		r.problem("the local VM's post-state %x differs from the verifier's %x", sr.PostLocal, sr.PostVerifier)
	}
	// The winner the step implies.
	want := "challenger"
	if sr.PostEvent == d.Final.HiHash {
		want = "asserter"
	}
	if d.Resolved && d.Winner() != want {
		r.problem("the step's post-state implies the %s wins, Resolved says %s", want, d.Winner())
	}
	if sr.ExitedPre || len(w.Proof) < mips.ThreadProofSize {
		return sr
	}
	// The instruction and the memory the witness proves.
	t, err := mips.DecodeThread(w.Proof[:mips.ThreadSize])
	if err != nil {
		r.problem("the step's thread does not decode: %v", err)
		return sr
	}
	if !sr.HonestPre || sr.Before.PC == 0 && sr.Before.ID == 0 {
		sr.Before = regsOf(t)
	}
	sd, _ := mips.DecodeStateData(w.State)
	proofs, perr := mips.SplitProofs(w.Proof[mips.ThreadProofSize:])
	if perr != nil {
		r.problem("the step's memory proofs do not parse: %v", perr)
		return sr
	}
	nproofs := len(proofs)
	sr.Proofs = nproofs
	if nproofs == 0 {
		if sd != nil && sd.StepsSinceSwitch >= mips.Quantum {
			sr.Insn = Instruction{PC: t.PC, Mnemonic: "(preempt)", Operands: "quantum expired: the thread is switched out"}
		} else {
			sr.Insn = Instruction{PC: t.PC, Mnemonic: "(fault)", Operands: "misaligned pc"}
		}
		return sr
	}
	leaf := func(i int) []byte { return proofs[i][:32] }
	fetch := leaf(0)
	o := t.PC & 31
	insn := binary.BigEndian.Uint32(fetch[o : o+4])
	sr.Insn = Disassemble(t.PC, insn)
	if sr.Insn.Mnemonic == "syscall" {
		if n, ok := SyscallNames[t.Regs[2]]; ok {
			sr.Syscall = fmt.Sprintf("%s (%d)", n, t.Regs[2])
		} else {
			sr.Syscall = fmt.Sprintf("syscall %d", t.Regs[2])
		}
	}
	// Leaf addresses: the fetch is pc's; data leaves are found among the
	// candidate addresses by checking the proof against the memory root.
	cands := []uint32{}
	if sr.Insn.Mem {
		rs := (insn >> 21) & 31
		cands = append(cands, t.Regs[rs]+uint32(int32(int16(insn&0xFFFF))))
	}
	cands = append(cands, t.Regs[4], t.Regs[5], t.Regs[5]+4, t.Regs[6])
	addrOf := []uint32{t.PC}
	accessed := []uint32{t.PC &^ 3}
	for i := 1; i < nproofs; i++ {
		found := false
		for _, c := range cands {
			if sd != nil && i == 1 && memRoot(proofs[i][:], c>>5) == sd.MemRoot {
				addrOf, accessed = append(addrOf, c), append(accessed, c&^3)
				found = true
				break
			}
		}
		if !found && i == 2 {
			addrOf, accessed = append(addrOf, t.Regs[5]+4), append(accessed, (t.Regs[5]+4)&^3)
			found = true
		}
		if !found {
			addrOf = append(addrOf, 0)
			accessed = append(accessed, 0)
		}
	}
	roles := []string{"fetch", "data", "data2"}
	for i := 0; i < nproofs && i < 3; i++ {
		if i > 0 && addrOf[i] == 0 {
			continue
		}
		base := addrOf[i] &^ 31
		l := leaf(i)
		for j := uint32(0); j < 8; j++ {
			a := base + 4*j
			mw := MemWord{Addr: a, Role: roles[i], Before: binary.BigEndian.Uint32(l[4*j:]), Accessed: a == accessed[i]}
			mw.After = mw.Before
			if sr.HonestPre && ls.wordsAfter != nil {
				mw.After = ls.wordsAfter(a)
			}
			mw.Changed = mw.After != mw.Before
			sr.Mem = append(sr.Mem, mw)
		}
	}
	return sr
}

// memRoot recomputes the memory root from one 896-byte proof (leaf ‖ 27
// siblings) at leaf index idx, as MIPS.step does.
func memRoot(proof []byte, idx uint32) [32]byte {
	var node [32]byte
	copy(node[:], proof[:32])
	for h := 0; h < mips.MemDepth; h++ {
		sib := proof[32+32*h : 64+32*h]
		if idx>>h&1 == 1 {
			node = mips.Keccak256(sib, node[:])
		} else {
			node = mips.Keccak256(node[:], sib)
		}
	}
	return node
}
