// Package bisection is the off-chain dispute game: trace providers, move
// selection and the Go mirror of the on-chain dissection rules
// (docs/protocol.md section 4): rules.go is what the contract implements,
// player.go the honest moves, sim.go an off-chain referee. solver.go is the
// pure decision of a real DisputeGame's moves (docs/protocol.md 5):
// Solver.Solve(GameState, traces) -> []Action, table-tested without a
// chain; onchain.go is the responder that reads the GameState, packs and
// sends the actions for one party (Player.Act, Play),
// with phase-V traces from vmsource.go (HonestVM; the dishonest ones, for
// tests and the devnet's liar, are in bisection/adversary).
package bisection
