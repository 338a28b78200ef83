package vm

import (
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestOracles(t *testing.T) {
	o := MapOracle{}
	k := o.AddKeccak([]byte("abc"))
	require.Equal(t, byte(2), k[0])
	v, err := o.GetPreimage(k)
	require.NoError(t, err)
	require.Equal(t, []byte("abc"), v)
	_, err = o.GetPreimage(LocalKey(1))
	require.Error(t, err)
	require.Equal(t, byte(1), LocalKey(7)[0])
	require.Equal(t, byte(7), LocalKey(7)[31])

	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, hex.EncodeToString(k[:])), []byte("abc"), 0o644))
	v, err = DirOracle(dir).GetPreimage(k)
	require.NoError(t, err)
	require.Equal(t, []byte("abc"), v)
	bad := KeccakKey([]byte("xyz"))
	require.NoError(t, os.WriteFile(filepath.Join(dir, hex.EncodeToString(bad[:])), []byte("abc"), 0o644))
	_, err = DirOracle(dir).GetPreimage(bad)
	require.ErrorContains(t, err, "does not hash")
	_, err = DirOracle("").GetPreimage(k)
	require.Error(t, err)
}
