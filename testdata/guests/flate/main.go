// Command flate round-trips generated text through compress/flate and
// compress/gzip and prints sizes and CRC32/Adler32 checksums; the
// compressor is deterministic for a given level and input.
package main

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"fmt"
	"hash/adler32"
	"hash/crc32"
	"io"
	"os"
)

func main() {
	var src bytes.Buffer
	x := uint32(7)
	words := []string{"alpha", "beta", "gamma", "delta", "epsilon", "mips", "fraud", "proof", "\n"}
	for src.Len() < 300000 {
		x = x*1103515245 + 12345
		src.WriteString(words[(x>>16)%uint32(len(words))])
		src.WriteByte(' ')
		if x%17 == 0 {
			src.WriteByte(byte(x >> 8)) // a little binary noise
		}
	}
	in := src.Bytes()
	fmt.Printf("input: %d bytes crc32=%08x adler32=%08x\n", len(in), crc32.ChecksumIEEE(in), adler32.Checksum(in))

	for _, level := range []int{flate.BestSpeed, flate.DefaultCompression, flate.BestCompression, flate.HuffmanOnly} {
		var comp bytes.Buffer
		w, err := flate.NewWriter(&comp, level)
		if err != nil {
			fmt.Println("writer:", err)
			os.Exit(1)
		}
		w.Write(in)
		w.Close()
		out, err := io.ReadAll(flate.NewReader(bytes.NewReader(comp.Bytes())))
		if err != nil {
			fmt.Println("reader:", err)
			os.Exit(1)
		}
		fmt.Printf("level %2d: compressed=%d crc32(comp)=%08x roundtrip=%v\n",
			level, comp.Len(), crc32.ChecksumIEEE(comp.Bytes()), bytes.Equal(out, in))
	}

	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Name = "aivm.txt" // ModTime left zero so the header is deterministic
	zw.Write(in)
	zw.Close()
	zr, err := gzip.NewReader(&gz)
	if err != nil {
		fmt.Println("gzip:", err)
		os.Exit(1)
	}
	out, _ := io.ReadAll(zr)
	fmt.Printf("gzip: name=%s roundtrip=%v crc32c=%08x\n", zr.Name, bytes.Equal(out, in),
		crc32.Checksum(out, crc32.MakeTable(crc32.Castagnoli)))
}
