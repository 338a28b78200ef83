// Package e2e holds end-to-end tests over real contracts, services and chains.
package e2e
