package cli

import (
	"bytes"
	"encoding/hex"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/spf13/cobra"
	"github.com/stretchr/testify/require"
)

// captureLog routes slog's default logger into a buffer for one test.
func captureLog(t *testing.T) *bytes.Buffer {
	t.Helper()
	var buf bytes.Buffer
	prev := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(&buf, nil)))
	t.Cleanup(func() { slog.SetDefault(prev) })
	return &buf
}

// writeKeystore encrypts a fresh key with light scrypt parameters and
// writes the keystore file and a password file (with a trailing newline,
// as editors leave it).
func writeKeystore(t *testing.T, password string) (key *keystore.Key, ksPath, pwPath string) {
	t.Helper()
	priv, err := crypto.GenerateKey()
	require.NoError(t, err)
	key = &keystore.Key{Address: crypto.PubkeyToAddress(priv.PublicKey), PrivateKey: priv}
	blob, err := keystore.EncryptKey(key, password, keystore.LightScryptN, keystore.LightScryptP)
	require.NoError(t, err)
	dir := t.TempDir()
	ksPath = filepath.Join(dir, "key.json")
	pwPath = filepath.Join(dir, "password")
	require.NoError(t, os.WriteFile(ksPath, blob, 0o600))
	require.NoError(t, os.WriteFile(pwPath, []byte(password+"\n"), 0o600))
	return key, ksPath, pwPath
}

func TestLoadKeyKeystore(t *testing.T) {
	logs := captureLog(t)
	want, ks, pw := writeKeystore(t, "correct horse")
	got, err := loadKey(ks, pw, "")
	require.NoError(t, err)
	require.True(t, got.Equal(want.PrivateKey))
	require.Contains(t, logs.String(), want.Address.Hex())
	require.NotContains(t, logs.String(), "development")

	// CRLF password files and a second line are fine.
	require.NoError(t, os.WriteFile(pw, []byte("correct horse\r\nignored\n"), 0o600))
	got, err = loadKey(ks, pw, "")
	require.NoError(t, err)
	require.True(t, got.Equal(want.PrivateKey))

	// Wrong password.
	require.NoError(t, os.WriteFile(pw, []byte("battery staple\n"), 0o600))
	_, err = loadKey(ks, pw, "")
	require.ErrorIs(t, err, keystore.ErrDecrypt)
	require.ErrorContains(t, err, "wrong password")
	require.ErrorContains(t, err, ks)

	// Missing pieces and bad files.
	_, err = loadKey(ks, "", "")
	require.ErrorContains(t, err, "needs --password-file")
	_, err = loadKey(ks, filepath.Join(t.TempDir(), "nope"), "")
	require.ErrorContains(t, err, "password file")
	_, err = loadKey(filepath.Join(t.TempDir(), "nope.json"), pw, "")
	require.ErrorContains(t, err, "nope.json")
	_, err = loadKey(t.TempDir(), pw, "")
	require.ErrorContains(t, err, "is a directory")
	garbage := filepath.Join(t.TempDir(), "garbage.json")
	require.NoError(t, os.WriteFile(garbage, []byte("{not json"), 0o600))
	_, err = loadKey(garbage, pw, "")
	require.ErrorContains(t, err, "not a readable geth keystore")
}

func TestLoadKeyHex(t *testing.T) {
	logs := captureLog(t)
	priv, err := crypto.GenerateKey()
	require.NoError(t, err)
	secret := hex.EncodeToString(crypto.FromECDSA(priv))
	for _, s := range []string{"0x" + secret, secret, " 0x" + strings.ToUpper(secret) + "\n"} {
		got, err := loadKey("", "", s)
		require.NoError(t, err)
		require.True(t, got.Equal(priv))
	}
	require.Contains(t, logs.String(), "level=WARN")
	require.Contains(t, logs.String(), "development")
	require.Contains(t, logs.String(), crypto.PubkeyToAddress(priv.PublicKey).Hex())
	require.NotContains(t, logs.String(), secret, "the key itself is never logged")

	bad := []string{"0x1234", "0x" + strings.Repeat("zz", 32), "0x" + strings.Repeat("00", 32), "0x" + strings.Repeat("ff", 32)}
	for _, s := range bad {
		_, err := loadKey("", "", s)
		require.ErrorContains(t, err, "--private-key", s)
		require.NotContains(t, err.Error(), s[2:], "errors never echo the key")
	}
}

func TestLoadKeyChoice(t *testing.T) {
	_, err := loadKey("", "", "")
	require.ErrorContains(t, err, "no signing key")
	_, err = loadKey("k.json", "pw", "0x01")
	require.ErrorContains(t, err, "not both")
	_, err = loadKey("", "pw", "0x"+strings.Repeat("11", 32))
	require.ErrorContains(t, err, "goes with --keystore")
}

func TestKeyFlags(t *testing.T) {
	captureLog(t)
	want, ks, pw := writeKeystore(t, "pw")
	cmd := &cobra.Command{Use: "svc", RunE: func(*cobra.Command, []string) error { return nil }}
	o := addKeyFlags(cmd)
	addConfigFlag(cmd)
	cmd.PreRunE = func(cmd *cobra.Command, _ []string) error { return bindConfig(cmd) }
	t.Setenv("AIVM_PASSWORD_FILE", pw)
	cmd.SetArgs([]string{"--keystore", ks})
	require.NoError(t, cmd.Execute())
	got, err := o.load()
	require.NoError(t, err)
	require.True(t, got.Equal(want.PrivateKey))
}
