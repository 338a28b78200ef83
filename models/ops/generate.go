package ops

//go:generate go run ./internal/gentables tables_gen.go
