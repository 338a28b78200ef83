package cli

import (
	"fmt"

	"github.com/spf13/cobra"
)

// modelGenerateCmd is replaced when tiny-llama lands.
func modelGenerateCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "generate tiny-llama --prompt-tokens 1,2,3 -n N",
		Short: "Greedy decoding with tiny-llama",
		RunE: func(*cobra.Command, []string) error {
			return fmt.Errorf("generate: tiny-llama is not built yet")
		},
	}
}
