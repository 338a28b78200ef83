package cli

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/aivm-dev/aivm/mips"
	"github.com/aivm-dev/aivm/vm"
)

// profileFlags are the --profile flags of `vm run` and `vm trace`.
type profileFlags struct {
	file   string
	period uint64
}

func (p *profileFlags) add(c *cobra.Command) {
	c.Flags().StringVar(&p.file, "profile", "", "write a pprof profile of the guest's steps by guest function to FILE (go tool pprof -top FILE)")
	c.Flags().Uint64Var(&p.period, "profile-period", vm.DefaultProfilePeriod, "sample every N steps for --profile (1: count every step exactly)")
}

// attach starts profiling m when --profile is set (nil otherwise).
func (p *profileFlags) attach(elf []byte, m *mips.VM) (*vm.StepProfile, error) {
	if p.file == "" {
		return nil, nil
	}
	prof, err := vm.NewStepProfile(elf, p.period)
	if err != nil {
		return nil, fmt.Errorf("--profile: %w", err)
	}
	prof.Attach(m)
	return prof, nil
}

// write saves prof to the --profile file (nothing when prof is nil).
func (p *profileFlags) write(prof *vm.StepProfile) error {
	if prof == nil {
		return nil
	}
	f, err := os.Create(p.file)
	if err != nil {
		return fmt.Errorf("--profile: %w", err)
	}
	if err := prof.Write(f); err != nil {
		_ = f.Close()
		return fmt.Errorf("--profile: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("--profile: %w", err)
	}
	return nil
}
