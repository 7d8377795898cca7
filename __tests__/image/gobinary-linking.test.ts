// What an ELF needs to start (interpreter, DT_NEEDED, run path) and what a Go
// program needs at run time, read from its pclntab's function names in each
// format Go has written, on synthetic ELF bytes.
import { readElfLinking } from '../../src/image/gobinary.js'
import { findPclntab, pclntabFunctionNames, runtimeNeeds } from '../../src/image/pclntab.js'
import { makeElf, makePclntab } from '../helpers/elf.js'

describe('readElfLinking', () => {
  test('a dynamic executable: interpreter, needed libraries in order, run path', () => {
    const elf = makeElf({ interp: '/lib64/ld-linux-x86-64.so.2', needed: ['libsqlite3.so.0', 'libc.so.6'], runpath: '$ORIGIN/../lib:/opt/lib' })
    expect(readElfLinking(elf)).toEqual({
      interp: '/lib64/ld-linux-x86-64.so.2',
      needed: ['libsqlite3.so.0', 'libc.so.6'],
      runpath: ['$ORIGIN/../lib', '/opt/lib'],
      soname: null,
      machine: 62,
      is64: true
    })
  })
  test('a shared library names itself; a static executable needs nothing', () => {
    expect(readElfLinking(makeElf({ needed: ['libc.so.6'], soname: 'libz.so.1' }))).toMatchObject({ interp: null, needed: ['libc.so.6'], soname: 'libz.so.1' })
    expect(readElfLinking(makeElf({ machine: 183 }))).toEqual({ interp: null, needed: [], runpath: [], soname: null, machine: 183, is64: true })
  })
  test('not ELF: null', () => {
    expect(readElfLinking(Buffer.from('#!/bin/sh\nexec /app "$@"\n'.repeat(4)))).toBeNull()
  })
})

const NAMES = [
  'runtime.main',
  'main.main',
  'net/http.(*Client).Do',
  'crypto/x509.systemRootsPool',
  'time.LoadLocation',
  'github.com/acme/bot/notify.(*Client).Send',
  'os/user.Current',
  'runtime/cgo.init',
  'net._C2func_getaddrinfo'
]

describe('pclntab function names', () => {
  test.each(['go1.20', 'go1.18', 'go1.16', 'go1.2'] as const)('%s: every name, from the .gopclntab section', (format) => {
    const elf = makeElf({ pclntab: makePclntab(NAMES, format) })
    const table = findPclntab(elf, [{ name: '.gopclntab', offset: elf.indexOf(makePclntab(NAMES, format).subarray(0, 8)), size: 0 }])
    expect(table).not.toBeNull()
    expect(pclntabFunctionNames(elf, table!)).toEqual(NAMES)
  })
  test('found by its header when no section names it (a stripped section table)', () => {
    const elf = makeElf({ pclntab: makePclntab(['main.main', 'time/tzdata.init.0'], 'go1.18'), pclntabSection: false })
    const table = findPclntab(elf, [])
    expect(table).toMatchObject({ version: 'go1.18', le: true, ptr: 8 })
    expect(pclntabFunctionNames(elf, table!)).toEqual(['main.main', 'time/tzdata.init.0'])
  })
  test('no table: null', () => {
    expect(findPclntab(makeElf({}), [])).toBeNull()
  })
})

describe('runtimeNeeds', () => {
  test('a bot whose HTTPS call lives in a dependency still needs the system roots', () => {
    expect(runtimeNeeds(NAMES)).toEqual({
      systemRoots: true,
      embedsRoots: false,
      loadsZones: true,
      embedsTzdata: false,
      usersLookup: true,
      cgoResolver: true,
      cgo: true,
      source: 'pclntab'
    })
  })
  test('embedded roots and zone data are seen; a hello world needs nothing', () => {
    expect(runtimeNeeds(['golang.org/x/crypto/x509roots/fallback.init.0', 'time/tzdata.init.0', 'time.LoadLocation'])).toMatchObject({
      embedsRoots: true,
      embedsTzdata: true,
      loadsZones: true,
      systemRoots: false
    })
    expect(runtimeNeeds(['runtime.main', 'main.main', 'fmt.Println', 'net.cgoLookupHost'])).toMatchObject({ systemRoots: false, loadsZones: false, usersLookup: false, cgoResolver: false, cgo: false })
  })
})
