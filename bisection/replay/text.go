package replay

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/aivm-dev/aivm/bisection"
	"github.com/aivm-dev/aivm/contracts/registry"
)

// Options configure Run.
type Options struct {
	Addrs  Addresses
	GameID *big.Int
	Loader registry.KernelLoader
	// HTML, when set, is where the self-contained HTML report is written.
	HTML string
	// JSON writes the Report as JSON instead of the narrative.
	JSON bool
}

// Run rebuilds game opts.GameID from b, verifies it with opts.Loader and
// writes the narrative (or JSON) to w and, with opts.HTML, the HTML report.
// It returns an error when the dispute cannot be rebuilt or re-executed,
// and one listing the problems when any check failed (after writing the
// reports, which show them).
func Run(ctx context.Context, b Backend, opts Options, w io.Writer) error {
	if opts.Loader == nil {
		return errors.New("replay: no kernel loader (--store)")
	}
	d, err := Rebuild(ctx, b, opts.Addrs, opts.GameID)
	if err != nil {
		return err
	}
	rep, err := d.Verify(ctx, opts.Loader)
	if err != nil {
		return err
	}
	if opts.JSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else if err := rep.WriteText(w); err != nil {
		return err
	}
	if opts.HTML != "" {
		f, err := os.Create(opts.HTML)
		if err != nil {
			return fmt.Errorf("replay: %w", err)
		}
		if err := rep.WriteHTML(f); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return fmt.Errorf("replay: %w", err)
		}
	}
	if !rep.OK() {
		return fmt.Errorf("replay: game %s: %d problem(s): %s", d.GameID, len(rep.Problems), strings.Join(rep.Problems, "; "))
	}
	return nil
}

func hx(h [32]byte) string { return "0x" + common.Bytes2Hex(h[:6]) + "…" }

func truth(ok bool) string {
	if ok {
		return "true"
	}
	return "FALSE"
}

func when(t uint64) string { return time.Unix(int64(t), 0).UTC().Format("2006-01-02 15:04:05Z") }

// Narrative returns the report's story, one sentence a line.
func (r *Report) Narrative() []string {
	d := r.Dispute
	var out []string
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	if d.Request != nil {
		slots, err := d.Kernel.ResultSlots()
		if err != nil {
			slots = []uint32{d.Request.OutputSlot}
		}
		add("request %s: %s asked kernel %s (model root %s, %d nodes; result bound to slot(s) %v) on %d input(s) [%s]; fee %s wei; S_0 %s (local: %s)",
			d.Request.ID, short(d.Request.Requester), hx(d.KernelID), hx(d.Kernel.ModelRoot), r.Nodes, slots,
			len(d.Request.Inputs), strings.Join(r.Inputs, ", "), d.Request.Fee, hx(d.InitialState), map[bool]string{true: "same", false: "DIFFERENT"}[r.HonestS0 == d.InitialState])
	}
	add("the asserter %s claimed S_n = %s: %s (the true S_n is %s)", short(d.Asserter), hx(d.ClaimedFinal), truth(r.AsserterTrue), hx(r.HonestSn))
	if d.ChallengeResult != nil {
		add("the challenger %s disputed it with S_n = %s (%s), challenge %d, game %s (k = %d, clocks %d s + %d s per move)",
			short(d.Challenger), hx(d.ChallengeResult.FinalState), truth(r.ChallengerTrue), d.ChallengeIndex, d.GameID, d.K, d.ClockBudget, d.ClockExtension)
	}
	if l := r.FirstLie; l != nil {
		where := "in its posted result"
		if l.Move >= 0 {
			where = fmt.Sprintf("in move %d (%s)", l.Move+1, r.Moves[l.Move].Kind)
		}
		what := fmt.Sprintf("graph state S_%d", l.Index)
		if l.Phase == bisection.PhaseV {
			what = fmt.Sprintf("VM state V_%d", l.Index)
		}
		add("first lie: the %s %s: %s = %s, the truth is %s", l.Party, where, what, hx(l.Claimed), hx(l.Honest))
	} else {
		add("first lie: none by the asserter: every claim it made is true")
	}
	if l := r.FirstWrongState; l != nil {
		add("the asserter's first false graph state is S_%d: node %d is where an honest challenger lands", l.Index, l.Index)
	}
	if n := r.Node; n != nil {
		add("phase G ended at node %d (%s, slot %d): agreed S_%d = %s (%s), disputed S_%d = %s (%s)",
			n.K, n.Op, n.Slot, n.K-1, hx(n.Prev), truth(n.PrevTrue), n.K, hx(n.Claimed), truth(n.ClaimedTrue))
	}
	if g := r.Generation; g != nil {
		add("in the generation: step %d, generated token %d, step node %q; the honest run samples token %d there; honest text before it %s, from it on %s",
			g.Step, g.Token, g.Node, g.HonestToken, g.Before, g.After)
	}
	if v := r.VM; v != nil {
		add("the kernel run of node %d on the chain's local data takes %d steps and exits %d (%s); the asserter claimed V_T = %s (%s)",
			d.Node, v.Steps, v.ExitCode, v.Verdict, hx(v.AsserterVT), truth(v.VTTrue))
	}
	if l := r.FirstWrongStep; l != nil && l.Index != bisection.VMSpan {
		add("the asserter's first false VM state is V_%d", l.Index)
	}
	if s := r.Step; s != nil {
		add("phase V ended at VM step %d: %s at pc 0x%08x (word 0x%08x)%s", s.VMStep, s.Insn, s.Insn.PC, s.Insn.Word, opt(s.Syscall != "", ", "+s.Syscall))
		if s.AfterKnown {
			for _, i := range s.Insn.Writes {
				add("  $%s: 0x%08x -> 0x%08x", RegNames[i], s.Before.R[i], s.After.R[i])
			}
			add("  pc: 0x%08x -> 0x%08x", s.Before.PC, s.After.PC)
		} else {
			for _, i := range s.Insn.Reads {
				add("  $%s = 0x%08x", RegNames[i], s.Before.R[i])
			}
		}
		if s.PostExited {
			add("  the step exits the machine with code %d (status %s)", s.PostExitCode, statusName(s.PostExitCode))
		}
		for _, m := range s.Mem {
			if m.Accessed || m.Changed {
				add("  memory %s 0x%08x: 0x%08x -> 0x%08x%s", m.Role, m.Addr, m.Before, m.After, opt(m.Changed, " (written)"))
			}
		}
		if s.OraclePart != "" {
			add("  reads the oracle: %s", s.OraclePart)
		}
		add("  post-state: chain %s, Go verifier on the calldata %s, local VM %s; the asserter claimed %s",
			hx(s.PostEvent), hx(s.PostVerifier), hx(s.PostLocal), hx(s.Claimed))
	}
	switch {
	case !d.Resolved:
		add("the game is in progress")
	case d.ByTimeout:
		add("winner: %s, by timeout", r.ChainWinner)
	default:
		add("winner: %s, by the one-step proof (expected: %s)", r.ChainWinner, r.ExpectedWinner)
	}
	return out
}

func statusName(code uint8) string {
	switch code {
	case 0:
		return "VALID"
	case 1:
		return "INVALID"
	}
	return "PANIC"
}

func opt(ok bool, s string) string {
	if ok {
		return s
	}
	return ""
}

func short(a common.Address) string {
	h := a.Hex()
	return h[:8] + "…" + h[len(h)-4:]
}

// WriteText writes the narrative, the table of moves and any problems.
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	d := r.Dispute
	fmt.Fprintf(&b, "game %s on %s (market %s)\n\n", d.GameID, d.Addrs.Game, d.Addrs.Market)
	for _, l := range r.Narrative() {
		fmt.Fprintln(&b, l)
	}
	fmt.Fprintf(&b, "\nmoves\n  %-3s %-12s %-10s %-5s %-26s %9s %8s %8s %8s  %s\n", "#", "move", "by", "phase", "segment", "gas", "elapsed", "A clock", "C clock", "verdict")
	for i, m := range r.Moves {
		gas := fmt.Sprint(m.Tx.Gas)
		if m.SameTx {
			gas = "same tx"
		}
		fmt.Fprintf(&b, "  %-3d %-12s %-10s %-5s %-26s %9s %7ds %7ds %7ds  %s\n", i+1, m.Kind, m.Party, bisection.PhaseName(m.Phase), m.Seg,
			gas, m.Elapsed, m.AsserterClock, m.ChallengerClock, m.Verdict)
	}
	fmt.Fprintf(&b, "\nrounds: G %d, V %d; gas: asserter %d, challenger %d", r.Rounds["G"], r.Rounds["V"], r.Gas["asserter"], r.Gas["challenger"])
	if g := r.Gas["anyone"]; g != 0 {
		fmt.Fprintf(&b, ", third parties %d", g)
	}
	fmt.Fprintln(&b)
	if len(r.Problems) == 0 {
		fmt.Fprintln(&b, "verification: every check passed")
	} else {
		fmt.Fprintf(&b, "verification: %d problem(s)\n", len(r.Problems))
		for _, p := range r.Problems {
			fmt.Fprintf(&b, "  - %s\n", p)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
