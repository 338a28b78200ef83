// Package cli holds the cobra command tree of the aivm binary. Each command
// group lives in its own file and registers itself on the root command from an
// init function, so groups can be added without touching this file.
package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/aivm-dev/aivm/contracts/chain"
)

// exitCodeError lets a command choose the process exit code (for example to
// relay a guest program's exit status) without printing an error.
type exitCodeError struct{ code int }

func (e exitCodeError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// ExitCode returns an error that makes Execute exit with code and print nothing.
func ExitCode(code int) error { return exitCodeError{code: code} }

var logLevel string

// Root is the aivm root command; groups attach to it in init functions.
var Root = &cobra.Command{
	Use:           "aivm",
	Short:         "AIVM: optimistic fraud proofs for integer-only ML inference on EVM chains",
	SilenceUsage:  true,
	SilenceErrors: true,
	PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
		var lvl slog.Level
		if err := lvl.UnmarshalText([]byte(logLevel)); err != nil {
			return fmt.Errorf("bad --log-level %q: %w", logLevel, err)
		}
		slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: lvl})))
		return nil
	},
}

func init() {
	Root.PersistentFlags().StringVar(&logLevel, "log-level", "info", "log level: debug, info, warn, error")
}

// Execute runs the command tree with a context cancelled on SIGINT/SIGTERM and
// returns the process exit code.
func Execute() int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := Root.ExecuteContext(ctx)
	if err == nil {
		return 0
	}
	var ec exitCodeError
	if errors.As(err, &ec) {
		return ec.code
	}
	fmt.Fprintln(os.Stderr, "aivm:", chain.Printable(err.Error()))
	return 1
}
