// Package replay rebuilds a finished (or running) DisputeGame from the chain
// alone and re-judges it off chain: the researcher's tool behind
// `aivm replay` (docs/protocol.md 4-6).
//
// Rebuild reads every event of one game (GameCreated, Split, Chosen,
// VMPhaseStarted, Stepped, Resolved), the market's request, result and
// challenge behind it, and every move's transaction (sender, gas, block
// time, calldata), and replays the positions with bisection.Apply, so the
// node S_{k-1}/S_k phase V ran on and the step it ended at come from the
// events, cross-checked against the game record and the oracle's local data.
//
// Verify re-executes the request locally from a kernel store (the model and
// the kernel ELF the registry names): S_0, the honest graph trace, the
// honest kernel run of the disputed node. It judges every claim and every
// choice against them, finds the first false claim, re-runs the final step
// from its calldata with the Go stateless verifier (mips.VerifyStepData)
// and from the full local state, disassembles the instruction, and checks
// the winner. WriteText and WriteHTML render the result.
package replay
