//go:build unix

package graph

import (
	"fmt"
	"os"
	"syscall"
)

// mapFile maps f read-only and shared: the weights stay in the page cache,
// counted once however many processes read them.
func mapFile(f *os.File) ([]byte, func([]byte) error, error) {
	st, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	size := st.Size()
	if size <= 0 || int64(int(size)) != size {
		return nil, nil, fmt.Errorf("%w: file of %d bytes cannot be mapped", ErrFormat, size)
	}
	b, err := syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil, nil, fmt.Errorf("mmap: %w", err)
	}
	return b, syscall.Munmap, nil
}
