package cli

import (
	"crypto/ecdsa"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/spf13/cobra"
)

// keyOptions are the signing-key flags of the service commands.
type keyOptions struct {
	keystore     string
	passwordFile string
	privateKey   string
}

// addKeyFlags adds --keystore, --password-file and --private-key to cmd
// (also settable as AIVM_KEYSTORE, ... through bindConfig).
func addKeyFlags(cmd *cobra.Command) *keyOptions {
	o := &keyOptions{}
	cmd.Flags().StringVar(&o.keystore, "keystore", "", "geth keystore file (JSON, scrypt-encrypted) holding the signing key; needs --password-file")
	cmd.Flags().StringVar(&o.passwordFile, "password-file", "", "file whose first line is the keystore password")
	cmd.Flags().StringVar(&o.privateKey, "private-key", "", "0x-hex private key, for development only (prefer --keystore)")
	return o
}

// load loads the key the flags name (loadKey).
func (o *keyOptions) load() (*ecdsa.PrivateKey, error) {
	return loadKey(o.keystore, o.passwordFile, o.privateKey)
}

// loadKey returns the signing key from a geth keystore file decrypted with
// the first line of passwordFile, or from a 0x-hex private key (for
// development: it is logged as a warning). Exactly one of keystorePath and
// hexKey must be given. Errors never contain key material.
func loadKey(keystorePath, passwordFile, hexKey string) (*ecdsa.PrivateKey, error) {
	switch {
	case keystorePath != "" && hexKey != "":
		return nil, errors.New("key: give either --keystore (with --password-file) or --private-key, not both")
	case keystorePath == "" && hexKey == "":
		return nil, errors.New("key: no signing key: give --keystore with --password-file, or --private-key for development")
	case hexKey != "":
		if passwordFile != "" {
			return nil, errors.New("key: --password-file goes with --keystore, not with --private-key")
		}
		return loadHexKey(hexKey)
	}
	if passwordFile == "" {
		return nil, fmt.Errorf("key: keystore %s needs --password-file", keystorePath)
	}
	fi, err := os.Stat(keystorePath)
	if err != nil {
		return nil, fmt.Errorf("key: keystore: %w", err)
	}
	if fi.IsDir() {
		return nil, fmt.Errorf("key: keystore %s is a directory; give the key file inside it", keystorePath)
	}
	blob, err := os.ReadFile(keystorePath)
	if err != nil {
		return nil, fmt.Errorf("key: keystore: %w", err)
	}
	pw, err := readPassword(passwordFile)
	if err != nil {
		return nil, err
	}
	key, err := keystore.DecryptKey(blob, pw)
	if errors.Is(err, keystore.ErrDecrypt) {
		return nil, fmt.Errorf("key: keystore %s: wrong password (from %s): %w", keystorePath, passwordFile, err)
	}
	if err != nil {
		return nil, fmt.Errorf("key: keystore %s is not a readable geth keystore file: %w", keystorePath, err)
	}
	slog.Info("signing key loaded", "address", key.Address.Hex(), "keystore", keystorePath)
	return key.PrivateKey, nil
}

// readPassword returns the first line of a password file (without its line
// ending), as geth reads --password files.
func readPassword(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("key: password file: %w", err)
	}
	line, _, _ := strings.Cut(string(b), "\n")
	return strings.TrimSuffix(line, "\r"), nil
}

// loadHexKey parses a 0x-hex (or bare hex) secp256k1 private key.
func loadHexKey(s string) (*ecdsa.PrivateKey, error) {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(strings.TrimPrefix(s, "0x"), "0X")
	if len(s) != 64 {
		return nil, fmt.Errorf("key: --private-key must be 32 bytes as 64 hex digits (with or without 0x), got %d characters", len(s))
	}
	key, err := crypto.HexToECDSA(s)
	if err != nil {
		// WHY not wrap err verbatim with the input: the input is a secret.
		return nil, fmt.Errorf("key: --private-key is not a valid secp256k1 private key: %w", err)
	}
	slog.Warn("using a raw hex private key: for development only; use --keystore with --password-file for real funds",
		"address", crypto.PubkeyToAddress(key.PublicKey).Hex())
	return key, nil
}
