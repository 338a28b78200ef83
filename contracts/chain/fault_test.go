package chain_test

import (
	"context"
	"math/big"
	"net"
	"os"
	"sync/atomic"
	"syscall"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/aivm-dev/aivm/contracts/chain"
)

// faultBackend is a Backend whose node can be swapped (a node reset with
// its state lost) or taken down (every call fails with "connection
// refused"), for the methods TxManager and LogWatcher use.
type faultBackend struct {
	chain.Backend // the first node; methods not overridden below go here
	cur           atomic.Pointer[backendRef]
	down          atomic.Bool
	failed        atomic.Int64 // calls refused while down
}

type backendRef struct{ b chain.Backend }

func newFaultBackend(b chain.Backend) *faultBackend {
	f := &faultBackend{Backend: b}
	f.cur.Store(&backendRef{b})
	return f
}

// swap points every later call at b.
func (f *faultBackend) swap(b chain.Backend) { f.cur.Store(&backendRef{b}) }

func (f *faultBackend) get() (chain.Backend, error) {
	if f.down.Load() {
		f.failed.Add(1)
		return nil, &net.OpError{Op: "dial", Net: "tcp", Err: &os.SyscallError{Syscall: "connect", Err: syscall.ECONNREFUSED}}
	}
	return f.cur.Load().b, nil
}

func (f *faultBackend) ChainID(ctx context.Context) (*big.Int, error) {
	b, err := f.get()
	if err != nil {
		return nil, err
	}
	return b.ChainID(ctx)
}

func (f *faultBackend) BlockNumber(ctx context.Context) (uint64, error) {
	b, err := f.get()
	if err != nil {
		return 0, err
	}
	return b.BlockNumber(ctx)
}

func (f *faultBackend) HeaderByNumber(ctx context.Context, n *big.Int) (*types.Header, error) {
	b, err := f.get()
	if err != nil {
		return nil, err
	}
	return b.HeaderByNumber(ctx, n)
}

func (f *faultBackend) EstimateGas(ctx context.Context, msg ethereum.CallMsg) (uint64, error) {
	b, err := f.get()
	if err != nil {
		return 0, err
	}
	return b.EstimateGas(ctx, msg)
}

func (f *faultBackend) SuggestGasTipCap(ctx context.Context) (*big.Int, error) {
	b, err := f.get()
	if err != nil {
		return nil, err
	}
	return b.SuggestGasTipCap(ctx)
}

func (f *faultBackend) PendingNonceAt(ctx context.Context, a common.Address) (uint64, error) {
	b, err := f.get()
	if err != nil {
		return 0, err
	}
	return b.PendingNonceAt(ctx, a)
}

func (f *faultBackend) NonceAt(ctx context.Context, a common.Address, n *big.Int) (uint64, error) {
	b, err := f.get()
	if err != nil {
		return 0, err
	}
	return b.NonceAt(ctx, a, n)
}

func (f *faultBackend) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	b, err := f.get()
	if err != nil {
		return err
	}
	return b.SendTransaction(ctx, tx)
}

func (f *faultBackend) TransactionReceipt(ctx context.Context, h common.Hash) (*types.Receipt, error) {
	b, err := f.get()
	if err != nil {
		return nil, err
	}
	return b.TransactionReceipt(ctx, h)
}

func (f *faultBackend) TransactionByHash(ctx context.Context, h common.Hash) (*types.Transaction, bool, error) {
	b, err := f.get()
	if err != nil {
		return nil, false, err
	}
	return b.TransactionByHash(ctx, h)
}

func (f *faultBackend) FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	b, err := f.get()
	if err != nil {
		return nil, err
	}
	return b.FilterLogs(ctx, q)
}

func (f *faultBackend) CodeAt(ctx context.Context, a common.Address, n *big.Int) ([]byte, error) {
	b, err := f.get()
	if err != nil {
		return nil, err
	}
	return b.CodeAt(ctx, a, n)
}

func (f *faultBackend) BalanceAt(ctx context.Context, a common.Address, n *big.Int) (*big.Int, error) {
	b, err := f.get()
	if err != nil {
		return nil, err
	}
	return b.BalanceAt(ctx, a, n)
}
