package main

import (
	"errors"
	"fmt"
)

// A minimal inflater that walks the deflate blocks and reports where each
// starts and how much input it holds; it decodes symbols, not the data.
type bitReader struct {
	data []byte
	pos  int // in bits
}

func (r *bitReader) bits(n int) (int, error) {
	v := 0
	for i := 0; i < n; i++ {
		if r.pos>>3 >= len(r.data) {
			return 0, errors.New("unexpected end of deflate stream")
		}
		v |= int(r.data[r.pos>>3]>>(r.pos&7)&1) << i
		r.pos++
	}
	return v, nil
}

// huffman maps (length, code) to a symbol, codes read MSB first as deflate writes them.
type huffman map[[2]int]int

func newHuffman(lengths []int) huffman {
	count := make([]int, 16)
	for _, l := range lengths {
		if l > 0 {
			count[l]++
		}
	}
	next := make([]int, 16)
	code := 0
	for bits := 1; bits < 16; bits++ {
		code = (code + count[bits-1]) << 1
		next[bits] = code
	}
	h := huffman{}
	for sym, l := range lengths {
		if l > 0 {
			h[[2]int{l, next[l]}] = sym
			next[l]++
		}
	}
	return h
}

func (r *bitReader) symbol(h huffman) (int, error) {
	code := 0
	for l := 1; l < 16; l++ {
		b, err := r.bits(1)
		if err != nil {
			return 0, err
		}
		code = code<<1 | b
		if s, ok := h[[2]int{l, code}]; ok {
			return s, nil
		}
	}
	return 0, errors.New("bad huffman code")
}

var lengthBase = []int{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258}
var lengthExtra = []int{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
var distExtra = []int{0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13}

func listBlocks(data []byte) error {
	r := &bitReader{data: data}
	for {
		start := r.pos
		final, err := r.bits(1)
		if err != nil {
			return err
		}
		kind, err := r.bits(2)
		if err != nil {
			return err
		}
		var lit, dist huffman
		switch kind {
		case 0:
			r.pos = (r.pos + 7) &^ 7
			n, err := r.bits(16)
			if err != nil {
				return err
			}
			r.pos += 16 + 8*n
			fmt.Printf("stored %d 3 %d\n", start, n)
			if final == 1 {
				return nil
			}
			continue
		case 1:
			l := make([]int, 288)
			for i := range l {
				l[i] = map[bool]int{true: 8, false: 9}[i < 144 || i >= 280]
				if i >= 256 && i < 280 {
					l[i] = 7
				}
			}
			d := make([]int, 30)
			for i := range d {
				d[i] = 5
			}
			lit, dist = newHuffman(l), newHuffman(d)
		case 2:
			lit, dist, err = r.dynamicTables()
			if err != nil {
				return err
			}
		default:
			return errors.New("reserved block type")
		}
		header := r.pos - start
		n := 0
		for {
			s, err := r.symbol(lit)
			if err != nil {
				return err
			}
			if s < 256 {
				n++
				continue
			}
			if s == 256 {
				break
			}
			extra, err := r.bits(lengthExtra[s-257])
			if err != nil {
				return err
			}
			n += lengthBase[s-257] + extra
			d, err := r.symbol(dist)
			if err != nil {
				return err
			}
			r.pos += distExtra[d]
		}
		fmt.Printf("%s %d %d %d\n", map[int]string{1: "fixed", 2: "dynamic"}[kind], start, header, n)
		if final == 1 {
			return nil
		}
	}
}

func (r *bitReader) dynamicTables() (huffman, huffman, error) {
	hlit, _ := r.bits(5)
	hdist, _ := r.bits(5)
	hclen, err := r.bits(4)
	if err != nil {
		return nil, nil, err
	}
	order := []int{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}
	cl := make([]int, 19)
	for i := 0; i < hclen+4; i++ {
		if cl[order[i]], err = r.bits(3); err != nil {
			return nil, nil, err
		}
	}
	code := newHuffman(cl)
	lengths := make([]int, 0, hlit+257+hdist+1)
	for len(lengths) < hlit+257+hdist+1 {
		s, err := r.symbol(code)
		if err != nil {
			return nil, nil, err
		}
		switch {
		case s < 16:
			lengths = append(lengths, s)
		case s == 16:
			n, _ := r.bits(2)
			for i := 0; i < 3+n; i++ {
				lengths = append(lengths, lengths[len(lengths)-1])
			}
		case s == 17:
			n, _ := r.bits(3)
			lengths = append(lengths, make([]int, 3+n)...)
		default:
			n, _ := r.bits(7)
			lengths = append(lengths, make([]int, 11+n)...)
		}
	}
	return newHuffman(lengths[:hlit+257]), newHuffman(lengths[hlit+257:]), nil
}
