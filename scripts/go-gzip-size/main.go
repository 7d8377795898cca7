// Command go-gzip-size prints the size of what this Go release's compress/gzip
// writes for standard input at the default level, exactly as `docker push`
// compresses a layer (gzip.NewWriter, io.Copy, Close). It is built with each
// toolchain from scripts/go-toolchains.sh to give the tests real sizes.
//
//	go-gzip-size [-blocks] < input
//
// -blocks also lists the deflate blocks of the output, one per line:
// type (stored, fixed, dynamic), bits from the start of the deflate stream
// where the block starts, its header bits, and the input bytes it holds.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	blocks := flag.Bool("blocks", false, "list the deflate blocks")
	flag.Parse()
	var out bytes.Buffer
	var counter countingWriter
	var dst io.Writer = &counter
	if *blocks {
		dst = &out
	}
	zw := gzip.NewWriter(dst)
	if _, err := io.Copy(zw, bufio.NewReaderSize(os.Stdin, 1<<20)); err != nil {
		fail(err)
	}
	if err := zw.Close(); err != nil {
		fail(err)
	}
	if !*blocks {
		fmt.Println(counter.n)
		return
	}
	fmt.Println(out.Len())
	// A gzip member from gzip.NewWriter has a 10-byte header and no optional fields.
	if err := listBlocks(out.Bytes()[10:]); err != nil {
		fail(err)
	}
}

type countingWriter struct{ n int64 }

func (c *countingWriter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	return len(p), nil
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "go-gzip-size:", err)
	os.Exit(1)
}
