// Command aivm is the single entry point for AIVM users: VM tools, models,
// kernels, services and the devnet.
package main

import (
	"os"

	"github.com/aivm-dev/aivm/cmd/aivm/cli"
)

func main() {
	os.Exit(cli.Execute())
}
