package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Configuration of the service commands (submitter, challenger): every flag
// can also come from an environment variable or a JSON config file.
//
//	precedence: command-line flag > AIVM_<FLAG_NAME> > config file > default
//
// The environment variable of a flag is AIVM_ + its name upper-cased with
// '-' replaced by '_' (--rpc: AIVM_RPC, --challenge-bond:
// AIVM_CHALLENGE_BOND); an empty variable counts as unset. The config file
// is named by --config (or AIVM_CONFIG) and is one JSON object whose keys
// are flag names:
//
//	{"rpc": "http://127.0.0.1:8545", "challenge-bond": "1000000000000000000",
//	 "poll": "2s", "challenger": {"challenge-bond": "2000000000000000000"}}
//
// Values are JSON strings, numbers or booleans, written as on the command
// line; an array sets a list flag. A key whose value is an object is a
// section for the command of that name (its keys override the top-level
// ones for that command, other commands ignore it), so one file can serve
// several services. Any other key that names no flag of the command is an
// error, so a typo is not silently ignored.

// configFlag is the flag that names the config file.
const configFlag = "config"

// envPrefix prefixes every configuration environment variable.
const envPrefix = "AIVM_"

// addConfigFlag adds --config to cmd (bindConfig reads it).
func addConfigFlag(cmd *cobra.Command) {
	cmd.Flags().String(configFlag, "", "JSON config file: an object whose keys are flag names (precedence: flag > AIVM_<FLAG> environment variable > file > default)")
}

// envName is the environment variable of a flag: AIVM_ + NAME with '-' as '_'.
func envName(flag string) string {
	return envPrefix + strings.ToUpper(strings.ReplaceAll(flag, "-", "_"))
}

// bindConfig sets every flag of cmd that was not given on the command line
// from its AIVM_<FLAG_NAME> environment variable, else from the config file
// (--config, or AIVM_CONFIG), leaving the default otherwise. Set flags are
// marked changed, as if given. Use it as (or from) PreRunE, after cobra
// has parsed the flags.
func bindConfig(cmd *cobra.Command) error {
	flags := cmd.Flags()
	file, err := readConfigFile(cmd)
	if err != nil {
		return err
	}
	// Unknown keys first, so a typo fails even if the flag came from
	// elsewhere.
	var unknown []string
	for k := range file.values {
		if k == configFlag || flags.Lookup(k) == nil {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return fmt.Errorf("config file %s: %s names no flag of %q (keys are flag names; put keys for other commands in a section named after the command)",
			file.path, strings.Join(unknown, ", "), cmd.CommandPath())
	}
	var errs []error
	flags.VisitAll(func(f *pflag.Flag) {
		if f.Changed || f.Name == configFlag || f.Name == "help" {
			return
		}
		env := envName(f.Name)
		if v, ok := os.LookupEnv(env); ok && v != "" {
			if err := flags.Set(f.Name, v); err != nil {
				errs = append(errs, fmt.Errorf("environment %s: %w", env, err))
			}
			return
		}
		if raw, ok := file.values[f.Name]; ok {
			if err := setFromJSON(flags, f, raw); err != nil {
				errs = append(errs, fmt.Errorf("config file %s: key %q: %w", file.path, f.Name, err))
			}
		}
	})
	return errors.Join(errs...)
}

// configFile is the part of a config file that applies to one command.
type configFile struct {
	path   string
	values map[string]json.RawMessage
}

// readConfigFile reads the file named by --config or AIVM_CONFIG (none: no
// values) and merges the command's section over the top level.
func readConfigFile(cmd *cobra.Command) (*configFile, error) {
	path := ""
	if f := cmd.Flags().Lookup(configFlag); f != nil {
		path = f.Value.String()
	}
	if path == "" {
		path = os.Getenv(envName(configFlag))
	}
	cf := &configFile{path: path, values: map[string]json.RawMessage{}}
	if path == "" {
		return cf, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("config file: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	var top map[string]json.RawMessage
	if err := dec.Decode(&top); err != nil {
		return nil, fmt.Errorf("config file %s: want one JSON object with flag names as keys: %w", path, err)
	}
	if top == nil {
		return nil, fmt.Errorf("config file %s: want one JSON object with flag names as keys, got null", path)
	}
	if dec.More() {
		return nil, fmt.Errorf("config file %s: trailing data after the JSON object", path)
	}
	var section map[string]json.RawMessage
	for k, v := range top {
		if !isObject(v) {
			cf.values[k] = v
			continue
		}
		// A section is named after the command, or after its parent for
		// the services' `run` ("submitter", "challenger").
		if k == cmd.Name() || (cmd.HasParent() && cmd.Parent() != cmd.Root() && k == cmd.Parent().Name()) {
			if err := json.Unmarshal(v, &section); err != nil {
				return nil, fmt.Errorf("config file %s: section %q: %w", path, k, err)
			}
		}
		// Sections of other commands are theirs to check.
	}
	for k, v := range section {
		if isObject(v) {
			return nil, fmt.Errorf("config file %s: section %q: key %q: sections do not nest", path, cmd.Name(), k)
		}
		cf.values[k] = v
	}
	return cf, nil
}

func isObject(raw json.RawMessage) bool {
	t := bytes.TrimSpace(raw)
	return len(t) > 0 && t[0] == '{'
}

// setFromJSON sets a flag from a config value: a string as is, a number by
// its JSON text (so big integers keep every digit), a boolean as
// true/false, an array element by element for list flags.
func setFromJSON(flags *pflag.FlagSet, f *pflag.Flag, raw json.RawMessage) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return err
	}
	scalar := func(v any) (string, error) {
		switch x := v.(type) {
		case string:
			return x, nil
		case json.Number:
			return x.String(), nil
		case bool:
			if x {
				return "true", nil
			}
			return "false", nil
		case nil:
			return "", errors.New("null is not a value (leave the key out for the default)")
		}
		return "", fmt.Errorf("want a string, number or boolean, got %s", raw)
	}
	if arr, ok := v.([]any); ok {
		sv, ok := f.Value.(pflag.SliceValue)
		if !ok {
			return fmt.Errorf("an array for a flag of type %s that takes one value", f.Value.Type())
		}
		elems := make([]string, len(arr))
		for i, e := range arr {
			s, err := scalar(e)
			if err != nil {
				return fmt.Errorf("element %d: %w", i, err)
			}
			elems[i] = s
		}
		if err := sv.Replace(elems); err != nil {
			return err
		}
		f.Changed = true
		return nil
	}
	s, err := scalar(v)
	if err != nil {
		return err
	}
	return flags.Set(f.Name, s)
}
