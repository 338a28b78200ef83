// Package bisection is the off-chain dispute game: trace providers, move
// selection and the Go mirror of the on-chain dissection rules
// (docs/protocol.md section 4): rules.go is what the contract implements,
// player.go the honest player, sim.go an off-chain referee. onchain.go plays
// a real DisputeGame (docs/protocol.md 5) for one party (Player.Act, Play),
// with phase-V traces from vmsource.go (HonestVM; the dishonest ones, for
// tests and the devnet's liar, are in bisection/adversary).
package bisection
