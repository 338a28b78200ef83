// Package bisection is the off-chain dispute game: trace providers, move
// selection and the Go mirror of the on-chain dissection rules.
package bisection
