import { readGoBinary } from '../../src/image/gobinary.js'

/** A minimal ELF64 executable with an optional interpreter, .symtab and a Go 1.18+ build info blob. */
function makeElf(options: { interp?: boolean; symtab?: boolean; version?: string; modinfo?: string | null; inSection?: boolean }): Buffer {
  const sentinelStart = Buffer.from('3077af0c9274080241e1c107e6d618e6', 'hex')
  const sentinelEnd = Buffer.from('f932433186182072008242104116d8f2', 'hex')
  const varint = (n: number) => {
    const out: number[] = []
    do {
      out.push((n & 0x7f) | (n >= 0x80 ? 0x80 : 0))
      n >>>= 7
    } while (n > 0)
    return Buffer.from(out)
  }
  const phnum = options.interp ? 1 : 0
  let offset = 64 + phnum * 56
  const interp = Buffer.from('/lib64/ld-linux-x86-64.so.2\0')
  const interpOffset = offset
  if (options.interp) offset += interp.length
  offset = Math.ceil(offset / 16) * 16
  const buildinfoOffset = offset
  let blob = Buffer.alloc(0)
  if (options.modinfo !== null) {
    const header = Buffer.alloc(32)
    header.write('\xff Go buildinf:', 0, 'latin1')
    header[14] = 8
    header[15] = 2
    const version = Buffer.from(options.version ?? 'go1.22.5')
    const mod = Buffer.concat([sentinelStart, Buffer.from(options.modinfo ?? ''), sentinelEnd])
    blob = Buffer.concat([header, varint(version.length), version, varint(mod.length), mod])
  }
  offset += blob.length
  const names = ['', '.shstrtab', '.go.buildinfo', ...(options.symtab ? ['.symtab'] : [])]
  const shstrtab = Buffer.from(names.join('\0') + '\0')
  const shstrtabOffset = offset
  offset += shstrtab.length
  const shoff = Math.ceil(offset / 8) * 8
  const shnum = names.length
  const buf = Buffer.alloc(shoff + shnum * 64)
  buf.write('\x7fELF', 0, 'latin1')
  buf[4] = 2
  buf[5] = 1
  buf[6] = 1
  buf.writeUInt16LE(2, 16)
  buf.writeUInt16LE(62, 18)
  buf.writeBigUInt64LE(64n, 0x20)
  buf.writeBigUInt64LE(BigInt(shoff), 0x28)
  buf.writeUInt16LE(64, 0x34)
  buf.writeUInt16LE(56, 0x36)
  buf.writeUInt16LE(phnum, 0x38)
  buf.writeUInt16LE(64, 0x3a)
  buf.writeUInt16LE(shnum, 0x3c)
  buf.writeUInt16LE(1, 0x3e)
  if (options.interp) {
    buf.writeUInt32LE(3, 64)
    buf.writeBigUInt64LE(BigInt(interpOffset), 64 + 8)
    buf.writeBigUInt64LE(BigInt(interp.length), 64 + 32)
    interp.copy(buf, interpOffset)
  }
  blob.copy(buf, buildinfoOffset)
  shstrtab.copy(buf, shstrtabOffset)
  const nameOffset = (n: string) => shstrtab.indexOf(Buffer.from(`\0${n}\0`)) + 1
  const section = (i: number, name: string, type: number, off: number, size: number) => {
    const o = shoff + i * 64
    buf.writeUInt32LE(name ? nameOffset(name) : 0, o)
    buf.writeUInt32LE(type, o + 4)
    buf.writeBigUInt64LE(BigInt(off), o + 24)
    buf.writeBigUInt64LE(BigInt(size), o + 32)
  }
  section(1, '.shstrtab', 3, shstrtabOffset, shstrtab.length)
  // Without the section the blob is found by its magic, as Go does for stripped section tables.
  section(2, options.inSection === false ? '' : '.go.buildinfo', 1, buildinfoOffset, blob.length)
  if (options.symtab) section(3, '.symtab', 2, 0, 0)
  return buf
}

const modinfo = (settings: string[]) =>
  ['path\texample.com/hello/cmd/hello', 'mod\texample.com/hello\t(devel)\t', 'dep\tgolang.org/x/sys\tv0.20.0\th1:abc=', ...settings.map((s) => `build\t${s}`)].join('\n') + '\n'

describe('readGoBinary', () => {
  test.each([
    [
      'static, stripped, trimpath, ldflags, cgo off',
      { modinfo: modinfo(['-ldflags="-s -w"', '-trimpath=true', 'CGO_ENABLED=0']) },
      { static: true, stripped: true, cgo: false, trimpath: true, ldflags: '-s -w' }
    ],
    ['dynamic with cgo, symbols kept', { interp: true, symtab: true, modinfo: modinfo(['CGO_ENABLED=1']) }, { static: false, stripped: false, cgo: true, trimpath: false, ldflags: null }],
    ['no CGO_ENABLED setting but dynamic: cgo', { interp: true, modinfo: modinfo([]) }, { static: false, stripped: true, cgo: true, trimpath: null, ldflags: null }],
    ['no setting, static: unknown', { symtab: true, modinfo: modinfo([]) }, { static: true, stripped: false, cgo: null, trimpath: null, ldflags: null }],
    ['blob found by its magic without a section name', { inSection: false, modinfo: modinfo(['CGO_ENABLED=0']) }, { static: true, stripped: true, cgo: false, trimpath: false, ldflags: null }]
  ])('%s', (_name, options, expected) => {
    const facts = readGoBinary(makeElf(options))
    expect(facts).not.toBeNull()
    expect(facts).toMatchObject({ goVersion: 'go1.22.5', module: 'example.com/hello', mainPackage: 'example.com/hello/cmd/hello', ...expected })
    expect(facts?.packages).toEqual(['example.com/hello', 'golang.org/x/sys'])
  })

  test('an ELF file without Go build info is not a Go binary', () => {
    expect(readGoBinary(makeElf({ modinfo: null }))).toBeNull()
  })

  test('a file that is not ELF is not a Go binary', () => {
    expect(readGoBinary(Buffer.from('#!/bin/sh\necho hi\n'.repeat(10)))).toBeNull()
  })
})
