// Package fashion is the built-in Fashion-MNIST classifier: the dataset
// reader (idx format, as shipped by Debian's dataset-fashion-mnist), the
// integer MLP graph builder, and the committed int8 model plus a small test
// subset, embedded so `aivm model infer fashion-mnist --sample 3` works on a
// fresh clone. Integer-only: training and quantization live in models/train.
//
// Fashion-MNIST is (c) Zalando SE, released under the MIT licence.
package fashion

import (
	"bytes"
	"compress/gzip"
	"embed"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/aivm-dev/aivm/models/tensor"
)

// Name is the built-in model's name.
const Name = "fashion-mnist"

// Image geometry.
const (
	Rows    = 28
	Cols    = 28
	Pixels  = Rows * Cols
	Classes = 10
)

// DebianDir is where Debian's dataset-fashion-mnist installs the data.
const DebianDir = "/usr/share/datasets/fashion-mnist"

// ClassNames are the ten Fashion-MNIST labels in index order.
var ClassNames = [Classes]string{"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"}

// Set is a labelled image set; image i is Images[i*Pixels:(i+1)*Pixels].
type Set struct {
	Images []uint8
	Labels []uint8
}

// Len is the number of items.
func (s *Set) Len() int { return len(s.Labels) }

// Image returns item i's pixels.
func (s *Set) Image(i int) []uint8 { return s.Images[i*Pixels : (i+1)*Pixels] }

// Head returns the first n items (sharing memory).
func (s *Set) Head(n int) *Set {
	n = min(n, s.Len())
	return &Set{Images: s.Images[:n*Pixels], Labels: s.Labels[:n]}
}

// maxItems bounds how much a hostile idx header can make us allocate.
const maxItems = 1 << 20

func readIDX(r io.Reader, magic uint32, dims int) ([]uint8, []uint32, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, nil, fmt.Errorf("idx: %w", err)
	}
	defer zr.Close()
	hdr := make([]byte, 4+4*dims)
	if _, err := io.ReadFull(zr, hdr); err != nil {
		return nil, nil, fmt.Errorf("idx header: %w", err)
	}
	if m := binary.BigEndian.Uint32(hdr); m != magic {
		return nil, nil, fmt.Errorf("idx magic %#x, want %#x", m, magic)
	}
	shape := make([]uint32, dims)
	n := uint64(1)
	for i := range shape {
		shape[i] = binary.BigEndian.Uint32(hdr[4+4*i:])
		n *= uint64(shape[i])
	}
	if shape[0] > maxItems || n > maxItems*Pixels {
		return nil, nil, fmt.Errorf("idx: %v is too large", shape)
	}
	data := make([]uint8, n)
	if _, err := io.ReadFull(zr, data); err != nil {
		return nil, nil, fmt.Errorf("idx data: %w", err)
	}
	return data, shape, nil
}

// ReadIDX reads a gzip'd idx3 image file and idx1 label file.
func ReadIDX(images, labels io.Reader) (*Set, error) {
	img, ishape, err := readIDX(images, 0x803, 3)
	if err != nil {
		return nil, fmt.Errorf("images: %w", err)
	}
	if ishape[1] != Rows || ishape[2] != Cols {
		return nil, fmt.Errorf("images are %dx%d, want %dx%d", ishape[1], ishape[2], Rows, Cols)
	}
	lab, lshape, err := readIDX(labels, 0x801, 1)
	if err != nil {
		return nil, fmt.Errorf("labels: %w", err)
	}
	if lshape[0] != ishape[0] {
		return nil, fmt.Errorf("%d images but %d labels", ishape[0], lshape[0])
	}
	for i, l := range lab {
		if l >= Classes {
			return nil, fmt.Errorf("label %d of item %d is not a class", l, i)
		}
	}
	return &Set{Images: img, Labels: lab}, nil
}

// EncodeIDX writes a set as gzip'd idx3 images and idx1 labels, the inverse
// of ReadIDX (gzip headers carry no name or time, so output is reproducible).
func EncodeIDX(s *Set) (images, labels []byte, err error) {
	enc := func(hdr []uint32, data []byte) ([]byte, error) {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		for _, h := range hdr {
			if err := binary.Write(zw, binary.BigEndian, h); err != nil {
				return nil, err
			}
		}
		if _, err := zw.Write(data); err != nil {
			return nil, err
		}
		if err := zw.Close(); err != nil {
			return nil, err
		}
		return b.Bytes(), nil
	}
	n := uint32(s.Len())
	if images, err = enc([]uint32{0x803, n, Rows, Cols}, s.Images); err != nil {
		return nil, nil, err
	}
	labels, err = enc([]uint32{0x801, n}, s.Labels)
	return images, labels, err
}

// LoadDir reads split "train" or "t10k" from a directory holding the four
// standard .gz files.
func LoadDir(dir, split string) (*Set, error) {
	fi, err := os.Open(filepath.Join(dir, split+"-images-idx3-ubyte.gz"))
	if err != nil {
		return nil, fmt.Errorf("fashion-mnist %s (install dataset-fashion-mnist): %w", split, err)
	}
	defer fi.Close()
	fl, err := os.Open(filepath.Join(dir, split+"-labels-idx1-ubyte.gz"))
	if err != nil {
		return nil, fmt.Errorf("fashion-mnist %s labels: %w", split, err)
	}
	defer fl.Close()
	s, err := ReadIDX(fi, fl)
	if err != nil {
		return nil, fmt.Errorf("fashion-mnist %s: %w", split, err)
	}
	return s, nil
}

//go:embed assets
var assets embed.FS

// SubsetSize is the number of test items committed in the repository.
const SubsetSize = 200

// TestSubset returns the first SubsetSize items of the official test set,
// embedded so tests and --sample work without the Debian package.
func TestSubset() (*Set, error) {
	img, err := assets.ReadFile("assets/t10k-head-images-idx3-ubyte.gz")
	if err != nil {
		return nil, err
	}
	lab, err := assets.ReadFile("assets/t10k-head-labels-idx1-ubyte.gz")
	if err != nil {
		return nil, err
	}
	return ReadIDX(bytes.NewReader(img), bytes.NewReader(lab))
}

// TestSet returns the full 10k test set from the Debian package when it is
// installed, else the embedded subset (full reports whether it is complete).
func TestSet() (s *Set, full bool, err error) {
	if s, err := LoadDir(DebianDir, "t10k"); err == nil {
		return s, true, nil
	}
	s, err = TestSubset()
	return s, false, err
}

// Input wraps one image as the model's input tensor: u8 [784].
func Input(img []uint8) (*tensor.Tensor, error) {
	if len(img) != Pixels {
		return nil, fmt.Errorf("fashion-mnist: image has %d pixels, want %d", len(img), Pixels)
	}
	return tensor.FromU8(append([]uint8(nil), img...), Pixels)
}
