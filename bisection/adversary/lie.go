// Package adversary is test support: the dishonest parties the e2e attack
// suite, the bisection tests and the devnet's demonstration of a caught lie
// play. Nothing in it belongs on a real deployment; the services only see
// it as a bisection.Claimer, and a service started with one prints a
// warning.
//
//   - Tamper: a graph trace with one flipped bit in one node's output,
//     consistent in itself from that node on.
//   - FaultyVM: a phase-V trace that departs from the true kernel run at a
//     chosen step and claims a VALID exit.
//   - Lie: a Claimer that combines them (or any forged trace).
package adversary

import (
	"github.com/aivm-dev/aivm/bisection"
	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/vm/kernel"
)

// Lie makes a service dishonest, for tests and the devnet's demonstration
// of a caught lie: its graph trace has bit Bit of node Node's output
// flipped (Tamper) and its phase-V trace diverges at VM step VMStep
// (FaultyVM; 0 means at the kernel's exit, claiming VALID). Never set it on
// a real deployment.
type Lie struct {
	Node   int    `json:"node"`
	Bit    int    `json:"bit"`
	VMStep uint64 `json:"vm_step,omitempty"`
	// Forge, when set, replaces the Node/Bit tamper: it builds the liar's
	// graph trace from the honest session (wrong weights, wrong input, ...).
	Forge func(s *kernel.Session) (*graph.Trace, error) `json:"-"`
	// VM, when set, replaces FaultyVM: the liar's phase-V traces (a forged
	// preimage, a forged post-state, ...).
	VM func(s *kernel.Session) bisection.VMFunc `json:"-"`
}

// Claim is the liar's claim on the honest session s: the tampered (or
// forged) graph trace, and a phase-V trace that claims its kernel run
// accepted its S_k, diverging at VMStep (at the exit step itself when
// unset).
func (l *Lie) Claim(s *kernel.Session) (bisection.Sources, error) {
	var tr *graph.Trace
	var err error
	if l.Forge != nil {
		tr, err = l.Forge(s)
	} else {
		tr, err = Tamper(s.Trace, l.Node, l.Bit)
	}
	if err != nil {
		return bisection.Sources{}, err
	}
	src := bisection.Sources{Graph: tr, Session: s}
	step := l.VMStep
	if step == 0 {
		step = AtExit
	}
	src.VM = FaultyVM(s, step)
	if l.VM != nil {
		src.VM = l.VM(s)
	}
	return src, nil
}
