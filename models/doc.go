// Package models holds deterministic integer-only ML for AIVM: tensors and
// their commitments, ops, the graph IR, quantization and the built-in models.
package models
