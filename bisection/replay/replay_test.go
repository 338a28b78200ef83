package replay_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aivm-dev/aivm/bisection"
	"github.com/aivm-dev/aivm/bisection/adversary"
	"github.com/aivm-dev/aivm/bisection/replay"
	"github.com/aivm-dev/aivm/contracts/bindings"
	"github.com/aivm-dev/aivm/contracts/market"
	"github.com/aivm-dev/aivm/contracts/registry"
	"github.com/aivm-dev/aivm/e2e/devnet"
	"github.com/aivm-dev/aivm/mips"
	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/tensor"
	"github.com/aivm-dev/aivm/models/testenv"
	"github.com/aivm-dev/aivm/vm/kernel/store"
)

// fixture is one real dispute on the simulated chain: a lying submitter
// flips bit 0 of the last node's output and claims its kernel run accepted
// it; its phase-V trace diverges at lie.VMStep (at the kernel's exit step
// when 0). The honest challenger disputes it down to one node and one MIPS
// step.
type fixture struct {
	once   sync.Once
	n      *devnet.Network
	gameID *big.Int
	lie    adversary.Lie
	err    error
}

var fixtures = map[string]*fixture{
	"exit": {lie: adversary.Lie{Bit: 0}},
	"mid":  {lie: adversary.Lie{Bit: 0, VMStep: 400_000}},
}

func TestMain(m *testing.M) {
	code := m.Run()
	for _, f := range fixtures {
		if f.n != nil {
			f.n.Close()
		}
	}
	os.Exit(code)
}

func dispute(t *testing.T, name string) *fixture {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the kernel and plays a whole dispute")
	}
	f := fixtures[name]
	f.once.Do(func() { f.err = f.play() })
	if f.err != nil {
		t.Fatal(f.err)
	}
	return f
}

func (f *fixture) play() error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	n, err := devnet.Start(ctx, devnet.Options{})
	if err != nil {
		return err
	}
	f.n = n
	f.lie.Node = len(n.Model.Graph.Nodes)
	if _, err := n.StartSubmitter(ctx, "liar", devnet.ServiceOptions{Lie: &f.lie}); err != nil {
		return err
	}
	if _, err := n.StartChallenger(ctx, "challenger", devnet.ServiceOptions{}); err != nil {
		return err
	}
	id, err := n.Classify(ctx, 3, big.NewInt(1e15))
	if err != nil {
		return err
	}
	if _, err := n.WaitRequest(ctx, id, func(r bindings.InferenceMarketRequest) bool { return r.Round > 0 }); err != nil {
		return err
	}
	ch, err := n.Market.Challenge(ctx, id, 0)
	if err != nil {
		return err
	}
	f.gameID = ch.GameId
	return nil
}

func rebuild(t *testing.T, f *fixture) *replay.Dispute {
	t.Helper()
	d, err := replay.Rebuild(context.Background(), f.n.Backend, replay.FromDeployment(f.n.Addr), f.gameID)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestRebuildAndVerify(t *testing.T) {
	t.Run("exit", func(t *testing.T) { testRebuildAndVerify(t, "exit") })
	t.Run("mid", func(t *testing.T) { testRebuildAndVerify(t, "mid") })
}

func testRebuildAndVerify(t *testing.T, name string) {
	f := dispute(t, name)
	ctx := context.Background()
	d := rebuild(t, f)
	if len(d.Notes) != 0 {
		t.Fatalf("rebuild notes: %v", d.Notes)
	}
	g, err := f.n.Market.GameRecord(ctx, f.gameID)
	if err != nil {
		t.Fatal(err)
	}
	if d.Status != g.Status || g.Status != market.GameChallengerWins || d.ByTimeout {
		t.Fatalf("status: replay %d (timeout %v), record %d; want the challenger by the step", d.Status, d.ByTimeout, g.Status)
	}
	if d.Node != g.Node || d.Node != uint32(f.lie.Node) {
		t.Fatalf("node: replay %d, record %d, lie at %d", d.Node, g.Node, f.lie.Node)
	}
	if d.Final.Seg.Lo != g.Lo || !d.Final.Seg.IsStep() {
		t.Fatalf("final position %v, record (%d,%d)", d.Final.Seg, g.Lo, g.Hi)
	}
	if d.Request == nil || d.Result == nil || d.ChallengeResult == nil || len(d.Request.Inputs) != 1 {
		t.Fatalf("request/result/challenge not found: %+v %+v %+v", d.Request, d.Result, d.ChallengeResult)
	}
	if d.Asserter != f.n.Accounts["liar"].Address() || d.Challenger != f.n.Accounts["challenger"].Address() {
		t.Fatalf("parties %s %s", d.Asserter, d.Challenger)
	}
	if len(d.StepState) != mips.StateSize {
		t.Fatalf("step calldata not decoded (%d bytes of state)", len(d.StepState))
	}
	for _, m := range d.Moves {
		if m.Tx.Gas == 0 || m.Tx.Time == 0 {
			t.Fatalf("move %s without gas or time: %+v", m.Kind, m.Tx)
		}
	}

	rep, err := d.Verify(ctx, registry.StoreLoader(f.n.Store))
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() {
		t.Fatalf("problems: %v", rep.Problems)
	}
	if rep.ChainWinner != "challenger" || rep.ExpectedWinner != "challenger" || rep.AsserterTrue || !rep.ChallengerTrue {
		t.Fatalf("winner chain %s expected %s, asserter true %v, challenger true %v", rep.ChainWinner, rep.ExpectedWinner, rep.AsserterTrue, rep.ChallengerTrue)
	}
	// The liar's first lie: its posted S_n, the first false state is node
	// Lie.Node's, and phase V lands on the first false VM claim.
	if rep.FirstLie == nil || rep.FirstLie.Party != "asserter" || rep.FirstLie.Move != -1 {
		t.Fatalf("first lie %+v", rep.FirstLie)
	}
	if rep.FirstWrongState == nil || rep.FirstWrongState.Index != uint64(f.lie.Node) {
		t.Fatalf("first wrong state %+v, lie at node %d", rep.FirstWrongState, f.lie.Node)
	}
	if rep.Node == nil || !rep.Node.PrevTrue || rep.Node.ClaimedTrue || rep.Node.K != d.Node {
		t.Fatalf("node report %+v", rep.Node)
	}
	if rep.VM == nil || rep.VM.VTTrue || rep.VM.ExitCode != 1 {
		t.Fatalf("vm report %+v", rep.VM)
	}
	if rep.FirstWrongStep == nil || rep.FirstWrongStep.Index != d.Final.Seg.Hi {
		t.Fatalf("first wrong VM index %+v, the game ended on %v", rep.FirstWrongStep, d.Final.Seg)
	}
	// Every move's verdict: the liar's splits lie from the first false
	// index on, the honest challenger's choices are all right.
	for i, m := range rep.Moves {
		switch m.Kind {
		case replay.KindChoose:
			if m.Party != "challenger" || !m.Honest || !m.ChoiceRight {
				t.Errorf("move %d (%s): %s", i, m.Kind, m.Verdict)
			}
		case replay.KindSplit:
			for _, c := range m.Claims {
				wantTrue := c.Index < rep.FirstWrongState.Index
				if m.Phase == bisection.PhaseV {
					wantTrue = c.Index < rep.FirstWrongStep.Index
				}
				if c.True != wantTrue {
					t.Errorf("move %d: claim at %d true=%v, want %v", i, c.Index, c.True, wantTrue)
				}
			}
		case replay.KindStartVM:
			if m.Honest {
				t.Errorf("startVMPhase judged honest: %s", m.Verdict)
			}
		}
	}
	s := rep.Step
	if s == nil || s.VMStep != g.Lo || !s.HonestPre || s.PostVerifier != s.PostEvent || s.PostLocal != s.PostEvent || s.PostEvent == s.Claimed {
		t.Fatalf("step report %+v", s)
	}
	if s.Insn.Mnemonic == "" || s.Insn.Mnemonic[0] == '(' || s.Insn.PC != s.Before.PC {
		t.Fatalf("instruction %+v", s.Insn)
	}
	if f.lie.VMStep != 0 {
		// The liar's trace flips k0 after step VMStep: the game lands
		// there, on an ordinary instruction whose true result the local VM
		// shows.
		if s.VMStep != f.lie.VMStep || !s.AfterKnown || s.PostExited {
			t.Fatalf("mid-run lie at %d: step report %+v", f.lie.VMStep, s)
		}
		if s.After.PC == s.Before.PC {
			t.Fatalf("pc did not advance: %+v", s)
		}
		if s.Insn.Mem {
			found := false
			for _, m := range s.Mem {
				found = found || m.Role == "data" && m.Accessed
				if m.Changed && (!s.Insn.Store || !m.Accessed) {
					t.Errorf("%s changed the word at %#x it does not address: %+v", s.Insn, m.Addr, m)
				}
			}
			if !found {
				t.Fatalf("%s: no accessed data word among %+v", s.Insn, s.Mem)
			}
		}
	} else if !s.PostExited || s.PostExitCode != 1 || s.Syscall == "" {
		t.Fatalf("exit lie: the step should be the kernel's exit with code 1: %+v", s)
	}
	t.Logf("game %s: node %d (%s), VM step %d: %s at pc %#x; moves %d, gas %v", d.GameID, d.Node, rep.Node.Op, s.VMStep, s.Insn, s.Insn.PC, len(rep.Moves), rep.Gas)
}

// wrongModel is a loader that serves the registered kernel's ELF with a
// model whose first weight has one bit flipped: another model.
func wrongModel(f *fixture) registry.KernelLoader {
	good := registry.StoreLoader(f.n.Store)
	return func(ctx context.Context, rec *registry.Record) (*graph.Model, []byte, error) {
		m, elf, err := good(ctx, rec)
		if err != nil {
			return nil, nil, err
		}
		enc, err := m.Weights[0].Encode()
		if err != nil {
			return nil, nil, err
		}
		h, err := tensor.DecodeHeader(enc)
		if err != nil {
			return nil, nil, err
		}
		enc[h.Size] ^= 1
		w, err := tensor.Decode(enc)
		if err != nil {
			return nil, nil, err
		}
		m2 := *m
		m2.Weights = append([]*tensor.Tensor{w}, m.Weights[1:]...)
		return &m2, elf, nil
	}
}

func TestVerifyWrongKernelStore(t *testing.T) {
	f := dispute(t, "exit")
	d := rebuild(t, f)
	_, err := d.Verify(context.Background(), wrongModel(f))
	if !errors.Is(err, replay.ErrInconsistent) || !strings.Contains(err.Error(), "model root") {
		t.Fatalf("a different model: err = %v, want ErrInconsistent naming the model root", err)
	}
	t.Log(err)
	// A store that lacks the kernel altogether.
	other, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.Verify(context.Background(), registry.StoreLoader(other)); err == nil || !strings.Contains(err.Error(), "load kernel") {
		t.Fatalf("an empty store: err = %v", err)
	}
}

func TestRunTextJSONHTML(t *testing.T) {
	t.Run("exit", func(t *testing.T) { testRun(t, "exit") })
	t.Run("mid", func(t *testing.T) { testRun(t, "mid") })
}

func testRun(t *testing.T, name string) {
	f := dispute(t, name)
	dir := t.TempDir()
	html := filepath.Join(dir, "report.html")
	var text bytes.Buffer
	opts := replay.Options{Addrs: replay.FromDeployment(f.n.Addr), GameID: f.gameID, Loader: registry.StoreLoader(f.n.Store), HTML: html}
	if err := replay.Run(context.Background(), f.n.Backend, opts, &text); err != nil {
		t.Fatal(err)
	}
	out := text.String()
	d := rebuild(t, f)
	step := strconv.FormatUint(d.Final.Seg.Lo, 10)
	for _, want := range []string{"first lie", "node " + strconv.Itoa(int(d.Node)), "VM step " + step, "winner: challenger"} {
		if !strings.Contains(out, want) {
			t.Errorf("text report lacks %q:\n%s", want, out)
		}
	}
	t.Log("\n" + out)
	var js bytes.Buffer
	opts.JSON, opts.HTML = true, ""
	if err := replay.Run(context.Background(), f.n.Backend, opts, &js); err != nil {
		t.Fatal(err)
	}
	var rep replay.Report
	if err := json.Unmarshal(js.Bytes(), &rep); err != nil {
		t.Fatalf("JSON report: %v", err)
	}
	if rep.Step == nil || rep.Step.VMStep != d.Final.Seg.Lo || rep.ChainWinner != "challenger" {
		t.Fatalf("JSON report step %+v winner %s", rep.Step, rep.ChainWinner)
	}
	if keep := os.Getenv("AIVM_REPLAY_KEEP"); keep != "" {
		keep = strings.TrimSuffix(keep, ".html") + "-" + name + ".html"
		if b, err := os.ReadFile(html); err == nil {
			_ = os.WriteFile(keep, b, 0o644)
		}
	}
	checkHTML(t, html, step, rep.Step.Insn.Mnemonic)
}

// checkHTML opens the report in headless Chromium: it must load without
// console errors and its DOM must name the step and the mnemonic.
func checkHTML(t *testing.T, path, step, mnemonic string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"http://", "https://", "<link", "src=\""} {
		if bytes.Contains(b, []byte(bad)) {
			t.Errorf("the report is not self-contained: it contains %q", bad)
		}
	}
	bin := testenv.RequireTool(t, "Debian package chromium, in the Makefile's APT_PACKAGES", "chromium", "chromium-browser", "google-chrome")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--headless", "--disable-gpu", "--no-sandbox", "--enable-logging=stderr", "--v=0",
		"--user-data-dir="+t.TempDir(), "--dump-dom", "file://"+path)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, stderr.String())
	}
	for _, line := range strings.Split(stderr.String(), "\n") {
		if strings.Contains(line, "Uncaught") || strings.Contains(line, "ERROR:CONSOLE") || strings.Contains(line, ":CONSOLE(") {
			t.Errorf("console error: %s", line)
		}
	}
	dom := stdout.String()
	for _, want := range []string{step, mnemonic, "<svg"} {
		if !strings.Contains(dom, want) {
			t.Errorf("the rendered DOM lacks %q", want)
		}
	}
}
