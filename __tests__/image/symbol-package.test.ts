import { importPathRoot, isStdPackage, symbolPackage, unvendored } from '../../src/image/symbol-package.js'

describe('symbolPackage', () => {
  test.each([
    ['plain function', 'fmt.Println', 'fmt'],
    ['nested path', 'net/http.(*Client).Do', 'net/http'],
    ['main package', 'main.main', 'main'],
    ['closure', 'github.com/spf13/cobra.(*Command).ExecuteC.func1', 'github.com/spf13/cobra'],
    ['nested closure', 'main.main.func1.2', 'main'],
    ['method value wrapper', 'github.com/a/b.T.M-fm', 'github.com/a/b'],
    ['generic function', 'slices.SortFunc[go.shape.[]string,go.shape.string]', 'slices'],
    ['generic with paths in its arguments', 'github.com/x/y.Map[github.com/a/b.T,net/http.Header]', 'github.com/x/y'],
    ['generic method', 'github.com/x/y.(*Tree[go.shape.int]).Insert', 'github.com/x/y'],
    ['generic dictionary', 'internal/sync..dict.HashTrieMap[interface {},interface {}]', 'internal/sync'],
    ['escaped dot in the last element', 'gopkg.in/yaml%2ev3.Marshal', 'gopkg.in/yaml.v3'],
    ['escaped dot, dotted domain', 'github.com/a/b%2ec.(*T).M', 'github.com/a/b.c'],
    ['domain starting with go.', 'go.uber.org/zap.New', 'go.uber.org/zap'],
    ['std vendored', 'vendor/golang.org/x/net/http2/hpack.(*Decoder).Write', 'vendor/golang.org/x/net/http2/hpack'],
    ['type descriptor (1.20+)', 'type:*github.com/a/b.T', 'github.com/a/b'],
    ['type descriptor (before 1.20)', 'type.*net/http.Request', 'net/http'],
    ['equality function (1.20+)', 'type:.eq.github.com/a/b.T', 'github.com/a/b'],
    ['equality function (before 1.20)', 'type..eq.internal/cpu.option', 'internal/cpu'],
    ['equality function of an array', 'type..eq.[...]internal/cpu.option', 'internal/cpu'],
    ['hash function of an array', 'type:.hash.[8]github.com/a/b.T', 'github.com/a/b'],
    ['slice and map types', 'type:map[string][]*github.com/a/b.T', 'github.com/a/b'],
    ['itab (1.20+)', 'go:itab.*github.com/a/b.T,io.Writer', 'github.com/a/b'],
    ['itab (before 1.20)', 'go.itab.*bytes.Buffer,io.StringWriter', 'bytes'],
    ['ABI wrapper', 'internal/cpu.cpuid.abi0', 'internal/cpu']
  ])('%s: %s → %s', (_case, name, pkg) => {
    expect(symbolPackage(name)).toBe(pkg)
  })

  test.each([
    ['linker string table', 'go:string.*'],
    ['funcdata region', 'go.func.*'],
    ['build info', 'go:buildinfo'],
    ['float constant', '$f64.3ff0000000000000'],
    ['stack map', 'gclocals·g2BeySu+wFnoycgXfElmcg=='],
    ['type name data', 'type:.namedata.*func()-'],
    ['literal struct type', 'type:struct { a int }'],
    ['function type', 'type:func(int) string'],
    ['C function', 'x_cgo_init'],
    ['entry point', '_rt0_amd64_linux']
  ])('%s: %s has no package', (_case, name) => {
    expect(symbolPackage(name)).toBeNull()
  })
})

test('unvendored turns GOPATH vendoring back into the import path and leaves std vendoring alone', () => {
  expect(unvendored('github.com/me/app/vendor/github.com/x/y')).toBe('github.com/x/y')
  expect(unvendored('vendor/golang.org/x/net/idna')).toBe('vendor/golang.org/x/net/idna')
})

test('isStdPackage: no dot in the first element; main is not std', () => {
  expect(isStdPackage('net/http')).toBe(true)
  expect(isStdPackage('vendor/golang.org/x/net/idna')).toBe(true)
  expect(isStdPackage('github.com/a/b')).toBe(false)
  expect(isStdPackage('main')).toBe(false)
})

test('importPathRoot: the repository on code hosts, two elements elsewhere', () => {
  expect(importPathRoot('github.com/a/b/c/d')).toBe('github.com/a/b')
  expect(importPathRoot('golang.org/x/net/http2')).toBe('golang.org/x/net')
  expect(importPathRoot('gopkg.in/yaml.v3')).toBe('gopkg.in/yaml.v3')
  expect(importPathRoot('k8s.io/client-go/kubernetes')).toBe('k8s.io/client-go')
  expect(importPathRoot('myapp/internal/x')).toBe('myapp')
})
