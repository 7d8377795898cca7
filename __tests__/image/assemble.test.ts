// The pure assembly of a measurement: which compressed source wins for a
// layer, which layers came from the base image, and the one definition of
// size (classic, from the layer scans) whatever the engine says.
import { assembleMeasurement, type AssemblyInput } from '../../src/image/assemble.js'
import { parseBuilderInspect, parseEngineInfo, describeEngine, type EngineInfo } from '../../src/docker/engine.js'
import type { InspectedImage } from '../../src/docker/inspect.js'
import type { LayerScan, SavedImage } from '../../src/image/save.js'

const overlay2: EngineInfo = {
  version: '28.0.4',
  apiVersion: '1.48',
  goVersion: 'go1.23.7',
  store: 'overlay2',
  storageDriver: 'overlay2',
  mirrors: [],
  os: 'linux',
  architecture: 'amd64',
  rootless: false
}
const containerd: EngineInfo = { ...overlay2, version: '29.4.2', goVersion: 'go1.26.2', store: 'containerd', storageDriver: 'overlayfs' }

const id = (n: number) => `sha256:${String(n).repeat(64).slice(0, 64)}`

function scan(n: number, over: Partial<LayerScan> = {}): LayerScan {
  return {
    entryPath: `blobs/sha256/${String(n).repeat(64).slice(0, 64)}`,
    diffId: id(n),
    tarBytes: 10240,
    uncompressed: 1000 * n,
    compressed: null,
    compressedExact: false,
    files: [{ kind: 'file', path: `f${n}`, size: 1000 * n }],
    goBinaries: [],
    ...over
  }
}

function input(scans: LayerScan[], over: Partial<AssemblyInput> = {}): AssemblyInput {
  const history = [{ created_by: 'ADD base.tar /' }, { created_by: 'ENV A=1', empty_layer: true }, ...scans.slice(1).map((_, i) => ({ created_by: `RUN step ${i + 1} # buildkit` }))]
  const saved: SavedImage = {
    layout: 'oci',
    layerPaths: scans.map((s) => s.entryPath),
    config: { rootfs: { diff_ids: scans.map((s) => s.diffId) }, history },
    layers: new Map(scans.map((s) => [s.entryPath, s])),
    ociLayerSizes: null,
    bytesRead: 0
  }
  const inspected: InspectedImage = {
    id: id(9),
    repoTags: [],
    repoDigests: [],
    size: 123,
    diffIds: scans.map((s) => s.diffId),
    platform: 'linux/amd64',
    created: null,
    config: { user: '', env: [], entrypoint: null, cmd: null, workingDir: '', labels: {} }
  }
  return {
    inspected,
    engine: overlay2,
    saved,
    exact: new Map(),
    cached: new Map(),
    blobSource: 'image-store',
    estimator: 'the model',
    fallback: 'the reason',
    chain: null,
    baseLayerCount: null,
    listed: null,
    topWastedFiles: 20,
    ...over
  }
}

describe('assembleMeasurement: which compressed size a layer gets', () => {
  test.each([
    ['a compressed blob read here (the store or an export) wins over everything', { compressed: 700, compressedExact: true }, 650, 600, 700, 'image-store'],
    ['a registry manifest, when the blob read was not compressed', { compressed: 690, compressedExact: false }, 650, 600, 650, 'registry'],
    ['a fresh estimate, when no registry knows the layer', { compressed: 690, compressedExact: false }, null, 600, 690, 'gzip-estimate'],
    ['the cached estimate, when the layer was not compressed here', {}, null, 600, 600, 'gzip-estimate'],
    ['unknown, when nothing knows it', {}, null, null, null, null]
  ] as const)('%s', (_name, over, registry, cached, expected, source) => {
    const layer = scan(2, over)
    const a = assembleMeasurement(
      input([scan(1, { compressed: 100, compressedExact: true }), layer], {
        exact: new Map(registry === null ? [] : [[layer.diffId, { size: registry, source: 'registry' }]]),
        cached: new Map(cached === null ? [] : [[layer.diffId, cached]])
      })
    )
    expect([a.layers[1].compressed, a.layers[1].compressedSource]).toEqual([expected, source])
    expect(a.size.compressed).toBe(expected === null ? null : 100 + expected)
    // The image's source: an estimate anywhere makes the whole an estimate; unknown anywhere, unknown.
    expect(a.size.compressedSource).toBe(source === 'registry' ? 'image-store' : source)
    expect(a.size.compressedEstimate).toBe(source === 'gzip-estimate' ? 'the model' : undefined)
    expect(a.size.compressedFallback).toBe(source === 'gzip-estimate' ? 'the reason' : undefined)
  })

  test("the engine's own push: exact, and what the image's source says beside a registry's base layer", () => {
    const [base, own] = [scan(1), scan(2)]
    const a = assembleMeasurement(
      input([base, own], {
        exact: new Map([
          [base.diffId, { size: 300, source: 'registry' }],
          [own.diffId, { size: 640, source: 'push' }]
        ]),
        cached: new Map([[own.diffId, 600]])
      })
    )
    expect(a.layers.map((l) => [l.compressed, l.compressedSource])).toEqual([
      [300, 'registry'],
      [640, 'push']
    ])
    expect(a.size).toMatchObject({ compressed: 940, compressedSource: 'push' })
    expect(a.size.compressedEstimate).toBeUndefined()
    expect(a.size.compressedFallback).toBeUndefined()
    expect(a.counts).toEqual({ exact: 2, estimated: 0, fromCache: 0 })
  })

  test('an export archive names its blobs oci', () => {
    const a = assembleMeasurement(input([scan(1, { compressed: 100, compressedExact: true })], { blobSource: 'oci' }))
    expect(a.layers[0].compressedSource).toBe('oci')
    expect(a.counts).toEqual({ exact: 1, estimated: 0, fromCache: 0 })
  })
})

describe('assembleMeasurement: sizes', () => {
  test("uncompressed is the sum of the classic layer sizes, never the engine's inspect Size; the engine's figures stand beside it", () => {
    const a = assembleMeasurement(input([scan(1), scan(2), scan(3)], { engine: containerd, listed: { diskUsage: 9000, contentSize: 2500 } }))
    expect(a.layers.map((l) => l.uncompressed)).toEqual([1000, 2000, 3000])
    expect(a.size.uncompressed).toBe(6000)
    expect(a.size.engine).toEqual({ name: 'Docker 29.4.2 (containerd image store, Go 1.26.2)', store: 'containerd', inspectSize: 123, diskUsage: 9000, contentSize: 2500 })
  })

  test('on overlay2, docker images shows inspect Size; no content size', () => {
    const a = assembleMeasurement(input([scan(1)]))
    expect(a.size.engine).toMatchObject({ store: 'overlay2', inspectSize: 123, diskUsage: 123, contentSize: null })
  })

  test('a layer that hashes to another diff id than the config names is an error, not a number', () => {
    const layers = [scan(1), scan(2, { diffId: id(7) })]
    const broken = input(layers)
    broken.saved.config.rootfs = { diff_ids: [id(1), id(2)] }
    expect(() => assembleMeasurement(broken)).toThrow(/layer 1 hashes to sha256:7+, expected sha256:2+/)
  })
})

describe('assembleMeasurement: fromBaseImage', () => {
  test.each([
    ['the base image known locally: its layer count', 1, null, [true, false, false]],
    ['scratch (no base): none', 0, null, [false, false, false]],
    ['base unknown, no Dockerfile: none', null, null, [false, false, false]],
    ['base unknown, the Dockerfile matched from its second row: the rows before', null, 'FROM x\nENV A=1\nRUN step 1\nRUN step 2\n', [true, false, false]]
  ] as const)('%s', (_name, baseLayerCount, dockerfile, expected) => {
    const chain = dockerfile
      ? {
          baseImage: 'x',
          instructions: [
            { keyword: 'ENV', line: 2, stage: '0', text: 'ENV A=1' },
            { keyword: 'RUN', line: 3, stage: '0', text: 'RUN step 1' },
            { keyword: 'RUN', line: 4, stage: '0', text: 'RUN step 2' }
          ]
        }
      : null
    const a = assembleMeasurement(input([scan(1), scan(2), scan(3)], { baseLayerCount, chain }))
    expect(a.layers.map((l) => l.fromBaseImage)).toEqual(expected)
  })
})

describe('the engine', () => {
  // `docker info` / `docker version` JSON as Docker 28 prints them, trimmed to the fields read.
  const info = (driver: string, status: [string, string][], mirrors: string[]) =>
    JSON.stringify({ ServerVersion: '28.5.2+dfsg4', Driver: driver, DriverStatus: status, RegistryConfig: { Mirrors: mirrors }, OSType: 'linux', Architecture: 'x86_64' })
  const version = JSON.stringify({ Version: '28.5.2+dfsg4', ApiVersion: '1.51', GoVersion: 'go1.27.1' })

  test.each([
    [
      'overlay2 graph driver',
      info(
        'overlay2',
        [
          ['Backing Filesystem', 'extfs'],
          ['Supports d_type', 'true']
        ],
        []
      ),
      'overlay2',
      'Docker 28.5.2+dfsg4 (overlay2 graph driver, Go 1.27.1)'
    ],
    [
      'containerd snapshotter',
      info('overlayfs', [['driver-type', 'io.containerd.snapshotter.v1']], ['http://127.0.0.1:5000/']),
      'containerd',
      'Docker 28.5.2+dfsg4 (containerd image store, Go 1.27.1)'
    ],
    ['another graph driver', info('vfs', [], []), 'other-graph-driver', 'Docker 28.5.2+dfsg4 (vfs graph driver, Go 1.27.1)']
  ])('%s', (_name, infoJson, store, description) => {
    const engine = parseEngineInfo(infoJson, version)
    expect(engine.store).toBe(store)
    expect(engine.architecture).toBe('amd64')
    expect(describeEngine(engine)).toBe(description)
  })

  test('a rootless daemon says so among its security options', () => {
    const rootless = JSON.stringify({ ...JSON.parse(info('overlay2', [], [])), SecurityOptions: ['name=seccomp,profile=builtin', 'name=rootless', 'name=cgroupns'] })
    expect(parseEngineInfo(rootless, version).rootless).toBe(true)
    expect(parseEngineInfo(info('overlay2', [], []), version).rootless).toBe(false)
  })

  test('mirrors lose their trailing slash (they are joined with /v2/…)', () => {
    expect(parseEngineInfo(info('overlayfs', [], ['http://127.0.0.1:5000/']), version).mirrors).toEqual(['http://127.0.0.1:5000'])
  })

  test.each([
    ['docker-container builder', 'Name:          builder\nDriver:        docker-container\nLast Activity: 2026-12-01\n\nNodes:\nName:      builder0\n', 'docker-container', null],
    [
      'default builder of an engine that does not answer',
      'Name:          default\nDriver:        \nLast Activity: 2026-12-01 20:56:58 +0000 UTC\nError:         Cannot connect to the Docker daemon at unix:///x.sock. Is the docker daemon running?\n',
      null,
      'Cannot connect to the Docker daemon at unix:///x.sock. Is the docker daemon running?'
    ]
  ])('buildx inspect: %s', (_name, stdout, driver, error) => {
    expect(parseBuilderInspect(stdout)).toEqual({ driver, error })
  })
})
