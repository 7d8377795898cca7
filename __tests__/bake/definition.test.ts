// Reading a bake definition (src/bake/definition.ts): targets from
// `docker buildx bake --print` (its JSON as buildx 0.29 prints it), one image
// per target and platform, the overlay that builds them where they can be
// measured, and the inputs refused next to `bake`.
import path from 'node:path'
import { UsageError } from '../../src/errors.js'
import { bakeOverlay, checkBakeInputs, loadedImageId, parseBakePrint, planImages } from '../../src/bake/definition.js'
import { parseInputs, type InputName } from '../../src/inputs.js'

// `docker buildx bake --print` of a file with a `common` target inherited by
// `api` (two platforms) and a `worker` with a stage and a registry output.
const PRINTED = JSON.stringify({
  group: { default: { targets: ['worker', 'api'] } },
  target: {
    api: { context: 'services/api', dockerfile: 'Dockerfile', args: { GOFLAGS: '-trimpath' }, tags: ['example/api:dev'], platforms: ['linux/amd64', 'linux/arm64'] },
    worker: { context: 'services/worker', dockerfile: 'build/Dockerfile', tags: ['example/worker:dev'], target: 'final', output: [{ type: 'registry' }] }
  }
})

describe('parseBakePrint', () => {
  test("the targets in the default group's order, with what the measurement needs", () => {
    expect(parseBakePrint(PRINTED, 'docker-bake.hcl')).toEqual([
      { name: 'worker', context: 'services/worker', dockerfile: 'build/Dockerfile', stage: 'final', args: {}, platforms: [] },
      { name: 'api', context: 'services/api', dockerfile: 'Dockerfile', stage: null, args: { GOFLAGS: '-trimpath' }, platforms: ['linux/amd64', 'linux/arm64'] }
    ])
  })

  test('defaults: context ".", Dockerfile "Dockerfile"', () => {
    expect(parseBakePrint('{"group":{"default":{"targets":["x"]}},"target":{"x":{}}}', 'f')).toEqual([{ name: 'x', context: '.', dockerfile: 'Dockerfile', stage: null, args: {}, platforms: [] }])
  })

  test.each([
    ['no JSON', 'ERROR: something', "bake: docker buildx bake --print gave no definition for docker-bake.hcl; check the file with 'docker buildx bake --print'"],
    ['no target', '{"group":{},"target":{}}', 'bake: docker-bake.hcl defines no target to build; add a target, or name one in bake-targets'],
    [
      'an inline Dockerfile',
      '{"target":{"inline":{"dockerfile-inline":"FROM scratch"}}}',
      "bake-targets: target 'inline' has a dockerfile-inline; its Dockerfile is read from a file to name layers and advise, so move it into a Dockerfile"
    ]
  ])('%s: one line naming the input', (_name, json, message) => {
    expect(() => parseBakePrint(json, 'docker-bake.hcl')).toThrow(new UsageError(message))
  })
})

describe('planImages', () => {
  const targets = parseBakePrint(PRINTED, 'docker-bake.hcl')

  test('one image per target and platform; a target with several platforms is named with each', () => {
    const images = planImages(targets, [], '/ws')
    expect(images.map((i) => [i.key, i.name, i.platform, i.context, i.dockerfile])).toEqual([
      ['gib-1-1-worker', 'worker', null, '/ws/services/worker', '/ws/services/worker/build/Dockerfile'],
      ['gib-2-1-api', 'api (linux/amd64)', 'linux/amd64', '/ws/services/api', '/ws/services/api/Dockerfile'],
      ['gib-2-2-api', 'api (linux/arm64)', 'linux/arm64', '/ws/services/api', '/ws/services/api/Dockerfile']
    ])
  })

  test("`platforms` overrides every target's; one platform keeps the plain name", () => {
    expect(planImages(targets, ['linux/arm64'], '/ws').map((i) => [i.name, i.platform])).toEqual([
      ['worker', 'linux/arm64'],
      ['api', 'linux/arm64']
    ])
  })

  test('absolute paths stay; a remote context is refused', () => {
    const [abs] = planImages([{ ...targets[0], context: '/src/w', dockerfile: '/other/Dockerfile' }], [], '/ws')
    expect([abs.context, abs.dockerfile]).toEqual(['/src/w', '/other/Dockerfile'])
    expect(() => planImages([{ ...targets[0], context: 'https://github.com/o/r.git#main' }], [], '/ws')).toThrow(
      "bake-targets: target 'worker' builds from a remote context (https://github.com/o/r.git#main); only local contexts can be compared with the base commit, so use a directory"
    )
  })
})

describe('bakeOverlay', () => {
  const images = planImages(parseBakePrint(PRINTED, 'f'), [], '/ws')

  test('each image inherits its target; one platform, no tags, an output the engine can measure', () => {
    const overlay = bakeOverlay(images, (i) => (i.platform ? `type=docker,dest=/tmp/${i.key}.tar` : 'type=docker'), { cacheTo: true })
    expect(overlay).toEqual({
      target: {
        'gib-1-1-worker': { inherits: ['worker'], tags: [], output: ['type=docker'] },
        'gib-2-1-api': { inherits: ['api'], tags: [], output: ['type=docker,dest=/tmp/gib-2-1-api.tar'], platforms: ['linux/amd64'] },
        'gib-2-2-api': { inherits: ['api'], tags: [], output: ['type=docker,dest=/tmp/gib-2-2-api.tar'], platforms: ['linux/arm64'] }
      }
    })
  })

  test("the base build leaves the bake file's cache export out", () => {
    const overlay = bakeOverlay(images.slice(0, 1), () => 'type=docker', { cacheTo: false }) as { target: Record<string, { 'cache-to'?: string[] }> }
    expect(overlay.target['gib-1-1-worker']['cache-to']).toEqual([])
  })
})

test('loadedImageId reads the metadata file bake writes', () => {
  const id = `sha256:${'a'.repeat(64)}`
  expect(loadedImageId(JSON.stringify({ k: { 'containerimage.config.digest': id, 'containerimage.digest': `sha256:${'b'.repeat(64)}` } }), 'k')).toBe(id)
  expect(loadedImageId(JSON.stringify({ k: { 'containerimage.digest': id } }), 'k')).toBe(id)
  expect(loadedImageId(JSON.stringify({ k: { 'containerimage.config.digest': 'nope' } }), 'k')).toBeNull()
  expect(loadedImageId('not json', 'k')).toBeNull()
})

describe('inputs that have no place next to bake', () => {
  const inputs = (raw: Partial<Record<InputName, string>>) => parseInputs((name) => ({ bake: 'docker-bake.hcl', ...raw })[name] ?? '')

  test('bake and its targets parse; the defaults pass', () => {
    const parsed = inputs({ 'bake-targets': 'api, worker\ncron' })
    expect([parsed.bake, parsed.bakeTargets]).toEqual(['docker-bake.hcl', ['api', 'worker', 'cron']])
    expect(() => checkBakeInputs(parsed)).not.toThrow()
  })

  test.each([
    ['file', 'Dockerfile', 'file: not used with bake; each target names its Dockerfile in the bake file'],
    ['target', 'final', "target: not used with bake; set each target's stage with `target` in the bake file"],
    ['build-args', 'A=1', 'build-args: not used with bake; set `args` in the bake file'],
    ['cache-to', 'type=gha', 'cache-to: not used with bake; set `cache-to` in the bake file'],
    ['secrets', 'id=x', 'secrets: not used with bake; set `secret` in the bake file'],
    ['baseline-image', 'ghcr.io/o/app:main', 'baseline-image: not used with bake; it names one image; with bake each target is compared with its own base build'],
    ['context', 'services', 'context: not used with bake; each target names its context in the bake file (relative to the workspace)']
  ] as const)('%s', (name, value, message) => {
    expect(() => checkBakeInputs(inputs({ [name]: value }))).toThrow(new UsageError(message))
  })
})

test("paths resolve against bake's working directory", () => {
  const [image] = planImages([{ name: 't', context: '../up', dockerfile: 'D', stage: null, args: {}, platforms: [] }], [], '/ws/sub')
  expect(image.context).toBe(path.resolve('/ws/up'))
})
