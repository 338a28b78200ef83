package chain

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/ethereum/go-ethereum/common"
	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// Store is an embedded key-value database (bbolt) for a daemon's durable
// state: duties it has taken on (a claim to challenge before its window
// closes, a game to move in) and LogWatcher checkpoints, so a restart
// neither forgets a duty nor re-scans the chain from genesis.
//
// Values are JSON. Every write is its own fsynced transaction. The file is
// locked while open: a second daemon (or a second Open in the same process)
// pointed at the same file fails instead of acting on the same duties.
type Store struct {
	db   *bolt.DB
	path string
}

// cursorBucket holds checkpoints; user bucket names must differ.
const cursorBucket = "_cursors"

// openTimeout is how long Open waits for another process's lock.
const openTimeout = 500 * time.Millisecond

// Open opens (creating if needed) the store at path. If another process
// holds it, Open fails with "store <path> is in use by another process".
func Open(path string) (*Store, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("chain: store %s: %w", path, err)
		}
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: openTimeout})
	if errors.Is(err, bolterrors.ErrTimeout) {
		return nil, fmt.Errorf("chain: store %s is in use by another process", path)
	}
	if err != nil {
		return nil, fmt.Errorf("chain: open store %s: %w", path, err)
	}
	return &Store{db: db, path: path}, nil
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// Close releases the database and its lock.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("chain: close store %s: %w", s.path, err)
	}
	return nil
}

// Put stores v as JSON under bucket/key, replacing any previous value.
func (s *Store) Put(bucket, key string, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("chain: store %s/%s: encode: %w", bucket, key, err)
	}
	err = s.db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists([]byte(bucket))
		if err != nil {
			return err
		}
		return b.Put([]byte(key), data)
	})
	if err != nil {
		return fmt.Errorf("chain: store %s/%s: %w", bucket, key, err)
	}
	return nil
}

// Get decodes the value under bucket/key into v; false if there is none.
func (s *Store) Get(bucket, key string, v any) (bool, error) {
	var data []byte
	err := s.db.View(func(tx *bolt.Tx) error {
		if b := tx.Bucket([]byte(bucket)); b != nil {
			if d := b.Get([]byte(key)); d != nil {
				data = append([]byte(nil), d...) // valid only inside the transaction
			}
		}
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("chain: store %s/%s: %w", bucket, key, err)
	}
	if data == nil {
		return false, nil
	}
	if err := json.Unmarshal(data, v); err != nil {
		return true, fmt.Errorf("chain: store %s/%s: decode: %w", bucket, key, err)
	}
	return true, nil
}

// Delete removes bucket/key; deleting a missing key is not an error.
func (s *Store) Delete(bucket, key string) error {
	err := s.db.Update(func(tx *bolt.Tx) error {
		if b := tx.Bucket([]byte(bucket)); b != nil {
			return b.Delete([]byte(key))
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("chain: store %s/%s: delete: %w", bucket, key, err)
	}
	return nil
}

// Entry is one key and its JSON value.
type Entry struct {
	Key   string
	Value json.RawMessage
}

// List returns every entry of bucket in key order (bytewise); none if the
// bucket does not exist.
func (s *Store) List(bucket string) ([]Entry, error) {
	var out []Entry
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte(bucket))
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			out = append(out, Entry{Key: string(k), Value: append(json.RawMessage(nil), v...)})
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("chain: store %s: list: %w", bucket, err)
	}
	return out, nil
}

// Keys returns the keys of bucket in order (bytewise); none if the bucket
// does not exist.
func (s *Store) Keys(bucket string) ([]string, error) {
	var out []string
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte(bucket))
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, _ []byte) error {
			out = append(out, string(k))
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("chain: store %s: keys: %w", bucket, err)
	}
	return out, nil
}

// Cursor is a position in the chain: a processed block and its hash (the
// hash lets a restarted watcher notice the block was reorged away).
type Cursor struct {
	Block uint64      `json:"block"`
	Hash  common.Hash `json:"hash"`
}

// Cursor returns the checkpoint saved under name; false if none.
func (s *Store) Cursor(name string) (Cursor, bool, error) {
	var c Cursor
	ok, err := s.Get(cursorBucket, name, &c)
	return c, ok, err
}

// SetCursor saves the checkpoint name.
func (s *Store) SetCursor(name string, block uint64, hash common.Hash) error {
	return s.Put(cursorBucket, name, Cursor{Block: block, Hash: hash})
}

// Checkpoint adapts the cursor name to a LogWatcher checkpoint.
func (s *Store) Checkpoint(name string) Checkpoint { return storeCheckpoint{s, name} }

type storeCheckpoint struct {
	s    *Store
	name string
}

func (c storeCheckpoint) Load() (Cursor, bool, error) { return c.s.Cursor(c.name) }
func (c storeCheckpoint) Save(cur Cursor) error       { return c.s.SetCursor(c.name, cur.Block, cur.Hash) }
