package cli

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/spf13/cobra"
	"github.com/stretchr/testify/require"
)

// configCmd is a throwaway service-like command: it records the flag values
// its RunE sees after bindConfig ran as PreRunE.
type configSeen struct {
	rpc, bond, keystore string
	poll                time.Duration
	dry                 bool
	peers               []string
	changed             bool
}

func configCmd(seen *configSeen) *cobra.Command {
	cmd := &cobra.Command{
		Use:           "challenger",
		SilenceUsage:  true,
		SilenceErrors: true,
		PreRunE:       func(cmd *cobra.Command, _ []string) error { return bindConfig(cmd) },
		RunE: func(cmd *cobra.Command, _ []string) error {
			seen.changed = cmd.Flags().Changed("rpc")
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&seen.rpc, "rpc", "http://default", "")
	f.StringVar(&seen.bond, "challenge-bond", "1", "")
	f.StringVar(&seen.keystore, "keystore", "", "")
	f.DurationVar(&seen.poll, "poll", time.Second, "")
	f.BoolVar(&seen.dry, "dry-run", false, "")
	f.StringSliceVar(&seen.peers, "peers", []string{"d"}, "")
	addConfigFlag(cmd)
	return cmd
}

func runConfig(t *testing.T, args ...string) (*configSeen, error) {
	t.Helper()
	seen := &configSeen{}
	cmd := configCmd(seen)
	cmd.SetArgs(args)
	return seen, cmd.Execute()
}

func writeConfig(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "aivm.json")
	require.NoError(t, os.WriteFile(p, []byte(body), 0o600))
	return p
}

func TestEnvName(t *testing.T) {
	require.Equal(t, "AIVM_RPC", envName("rpc"))
	require.Equal(t, "AIVM_CHALLENGE_BOND", envName("challenge-bond"))
	require.Equal(t, "AIVM_CONFIG", envName("config"))
}

func TestBindConfigPrecedence(t *testing.T) {
	// Defaults only.
	seen, err := runConfig(t)
	require.NoError(t, err)
	require.Equal(t, "http://default", seen.rpc)
	require.Equal(t, "1", seen.bond)
	require.Equal(t, time.Second, seen.poll)
	require.Equal(t, []string{"d"}, seen.peers)
	require.False(t, seen.changed)

	cfg := writeConfig(t, `{
		"rpc": "http://file", "challenge-bond": 1000000000000000000000, "poll": "5s",
		"dry-run": true, "peers": ["a", "b"], "keystore": "/file/key.json"
	}`)

	// File over defaults; big numbers keep every digit.
	seen, err = runConfig(t, "--config", cfg)
	require.NoError(t, err)
	require.Equal(t, "http://file", seen.rpc)
	require.Equal(t, "1000000000000000000000", seen.bond)
	require.Equal(t, 5*time.Second, seen.poll)
	require.True(t, seen.dry)
	require.Equal(t, []string{"a", "b"}, seen.peers)
	require.True(t, seen.changed, "a flag set from the file counts as changed")

	// Environment over file; empty variables are unset.
	t.Setenv("AIVM_RPC", "http://env")
	t.Setenv("AIVM_CHALLENGE_BOND", "7")
	t.Setenv("AIVM_KEYSTORE", "")
	seen, err = runConfig(t, "--config", cfg)
	require.NoError(t, err)
	require.Equal(t, "http://env", seen.rpc)
	require.Equal(t, "7", seen.bond)
	require.Equal(t, "/file/key.json", seen.keystore)
	require.Equal(t, 5*time.Second, seen.poll)

	// Flag over environment and file.
	seen, err = runConfig(t, "--config", cfg, "--rpc", "http://flag", "--peers", "x")
	require.NoError(t, err)
	require.Equal(t, "http://flag", seen.rpc)
	require.Equal(t, "7", seen.bond)
	require.Equal(t, []string{"x"}, seen.peers)

	// The config file can come from AIVM_CONFIG.
	t.Setenv("AIVM_CONFIG", cfg)
	seen, err = runConfig(t)
	require.NoError(t, err)
	require.Equal(t, 5*time.Second, seen.poll)
}

func TestBindConfigSections(t *testing.T) {
	cfg := writeConfig(t, `{"rpc": "http://shared", "challenge-bond": "1",
		"challenger": {"challenge-bond": "2"},
		"submitter": {"result-bond": "3", "anything": true}}`)
	seen, err := runConfig(t, "--config", cfg)
	require.NoError(t, err)
	require.Equal(t, "http://shared", seen.rpc)
	require.Equal(t, "2", seen.bond, "the command's section overrides the top level")
}

func TestBindConfigErrors(t *testing.T) {
	for _, c := range []struct{ body, want string }{
		{`{"rcp": "x"}`, `rcp names no flag`},
		{`{"poll": "soon"}`, `key "poll"`},
		{`{"poll": null}`, `null`},
		{`{"rpc": ["a"]}`, `array for a flag of type string`},
		{`{"rpc": 1} {}`, `trailing data`},
		{`[1]`, `one JSON object`},
		{`null`, `null`},
		{`{"challenger": {"x": {}}}`, `do not nest`},
		{`{"config": "other.json"}`, `config names no flag`},
	} {
		_, err := runConfig(t, "--config", writeConfig(t, c.body))
		require.ErrorContains(t, err, c.want, c.body)
	}
	_, err := runConfig(t, "--config", filepath.Join(t.TempDir(), "missing.json"))
	require.ErrorContains(t, err, "missing.json")

	t.Setenv("AIVM_POLL", "never")
	_, err = runConfig(t)
	require.ErrorContains(t, err, "AIVM_POLL")
	t.Setenv("AIVM_POLL", "")
	t.Setenv("AIVM_DRY_RUN", "maybe")
	_, err = runConfig(t)
	require.ErrorContains(t, err, "AIVM_DRY_RUN")
}

// Inherited persistent flags are bound too (AIVM_LOG_LEVEL for --log-level).
func TestBindConfigInherited(t *testing.T) {
	var level string
	parent := &cobra.Command{Use: "aivm", SilenceUsage: true, SilenceErrors: true}
	parent.PersistentFlags().StringVar(&level, "log-level", "info", "")
	child := &cobra.Command{
		Use:     "svc",
		PreRunE: func(cmd *cobra.Command, _ []string) error { return bindConfig(cmd) },
		RunE:    func(*cobra.Command, []string) error { return nil },
	}
	addConfigFlag(child)
	parent.AddCommand(child)
	t.Setenv("AIVM_LOG_LEVEL", "debug")
	parent.SetArgs([]string{"svc"})
	require.NoError(t, parent.Execute())
	require.Equal(t, "debug", level)
}
