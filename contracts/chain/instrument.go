package chain

import (
	"context"
	"math/big"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// RPCObserver sees every call through an instrumented Backend: the
// JSON-RPC method it maps to (eth_call, eth_getTransactionReceipt, ...)
// and its error (nil on success). telemetry.Monitor.ObserveRPC is one.
type RPCObserver func(method string, err error)

// IsNotFound reports a lookup that found nothing (a receipt or
// transaction not known to the node): an answer, not a failure.
func IsNotFound(err error) bool { return notFound(err) }

// Instrument returns b with every call reported to observe, e.g. to count
// RPC errors by method. It changes nothing else.
func Instrument(b Backend, observe RPCObserver) Backend {
	if observe == nil {
		return b
	}
	return &instrumented{b: b, observe: observe}
}

type instrumented struct {
	b       Backend
	observe RPCObserver
}

var _ Backend = (*instrumented)(nil)

func obs[T any](i *instrumented, method string, v T, err error) (T, error) {
	i.observe(method, err)
	return v, err
}

func (i *instrumented) CodeAt(ctx context.Context, a common.Address, n *big.Int) ([]byte, error) {
	v, err := i.b.CodeAt(ctx, a, n)
	return obs(i, "eth_getCode", v, err)
}

func (i *instrumented) CallContract(ctx context.Context, msg ethereum.CallMsg, n *big.Int) ([]byte, error) {
	v, err := i.b.CallContract(ctx, msg, n)
	return obs(i, "eth_call", v, err)
}

func (i *instrumented) EstimateGas(ctx context.Context, msg ethereum.CallMsg) (uint64, error) {
	v, err := i.b.EstimateGas(ctx, msg)
	return obs(i, "eth_estimateGas", v, err)
}

func (i *instrumented) SuggestGasPrice(ctx context.Context) (*big.Int, error) {
	v, err := i.b.SuggestGasPrice(ctx)
	return obs(i, "eth_gasPrice", v, err)
}

func (i *instrumented) SuggestGasTipCap(ctx context.Context) (*big.Int, error) {
	v, err := i.b.SuggestGasTipCap(ctx)
	return obs(i, "eth_maxPriorityFeePerGas", v, err)
}

func (i *instrumented) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	err := i.b.SendTransaction(ctx, tx)
	i.observe("eth_sendRawTransaction", err)
	return err
}

func (i *instrumented) HeaderByNumber(ctx context.Context, n *big.Int) (*types.Header, error) {
	v, err := i.b.HeaderByNumber(ctx, n)
	return obs(i, "eth_getBlockByNumber", v, err)
}

func (i *instrumented) HeaderByHash(ctx context.Context, h common.Hash) (*types.Header, error) {
	v, err := i.b.HeaderByHash(ctx, h)
	return obs(i, "eth_getBlockByHash", v, err)
}

func (i *instrumented) PendingCodeAt(ctx context.Context, a common.Address) ([]byte, error) {
	v, err := i.b.PendingCodeAt(ctx, a)
	return obs(i, "eth_getCode", v, err)
}

func (i *instrumented) PendingNonceAt(ctx context.Context, a common.Address) (uint64, error) {
	v, err := i.b.PendingNonceAt(ctx, a)
	return obs(i, "eth_getTransactionCount", v, err)
}

func (i *instrumented) NonceAt(ctx context.Context, a common.Address, n *big.Int) (uint64, error) {
	v, err := i.b.NonceAt(ctx, a, n)
	return obs(i, "eth_getTransactionCount", v, err)
}

func (i *instrumented) BalanceAt(ctx context.Context, a common.Address, n *big.Int) (*big.Int, error) {
	v, err := i.b.BalanceAt(ctx, a, n)
	return obs(i, "eth_getBalance", v, err)
}

func (i *instrumented) TransactionByHash(ctx context.Context, h common.Hash) (*types.Transaction, bool, error) {
	tx, pending, err := i.b.TransactionByHash(ctx, h)
	i.observe("eth_getTransactionByHash", err)
	return tx, pending, err
}

func (i *instrumented) TransactionReceipt(ctx context.Context, h common.Hash) (*types.Receipt, error) {
	v, err := i.b.TransactionReceipt(ctx, h)
	return obs(i, "eth_getTransactionReceipt", v, err)
}

func (i *instrumented) FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	v, err := i.b.FilterLogs(ctx, q)
	return obs(i, "eth_getLogs", v, err)
}

func (i *instrumented) SubscribeFilterLogs(ctx context.Context, q ethereum.FilterQuery, ch chan<- types.Log) (ethereum.Subscription, error) {
	v, err := i.b.SubscribeFilterLogs(ctx, q, ch)
	return obs(i, "eth_subscribe", v, err)
}

func (i *instrumented) SubscribeNewHead(ctx context.Context, ch chan<- *types.Header) (ethereum.Subscription, error) {
	v, err := i.b.SubscribeNewHead(ctx, ch)
	return obs(i, "eth_subscribe", v, err)
}

func (i *instrumented) BlockNumber(ctx context.Context) (uint64, error) {
	v, err := i.b.BlockNumber(ctx)
	return obs(i, "eth_blockNumber", v, err)
}

func (i *instrumented) ChainID(ctx context.Context) (*big.Int, error) {
	v, err := i.b.ChainID(ctx)
	return obs(i, "eth_chainId", v, err)
}
