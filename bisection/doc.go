// Package bisection is the off-chain dispute game: trace providers, move
// selection and the Go mirror of the on-chain dissection rules
// (docs/protocol.md section 4): rules.go is what the contract implements,
// player.go the honest player, sim.go an off-chain referee.
package bisection
