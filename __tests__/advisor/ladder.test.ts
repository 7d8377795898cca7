// The seed's ladder from its Dockerfiles alone (the measured run is an
// integration test): each rung's findings, by rule and line.
import { readFileSync } from 'node:fs'
import { advise } from '../../src/advisor/advise.js'
import { parseDockerfile } from '../../src/advisor/model.js'
import type { ContextFiles } from '../../src/advisor/rule.js'

const files = (over: Partial<ContextFiles> = {}): ContextFiles => ({
  hasDockerignore: false,
  goMod: { module: 'helloworld', requires: 0 },
  unwanted: [],
  imports: ['fmt'],
  loadsTimeZones: false,
  ...over
})

describe('the seed ladder, dockerfile-only', () => {
  const ladder = files({ imports: ['fmt'] })
  test.each([
    [
      'Dockerfile.1-golang-debian',
      [
        ['multi-stage', 3],
        ['non-root', 3],
        ['strip-symbols', 6],
        ['trimpath', 6]
      ]
    ],
    [
      'Dockerfile.2-golang-latest',
      [
        ['multi-stage', 2],
        ['non-root', 2],
        ['strip-symbols', 5],
        ['trimpath', 5]
      ]
    ],
    [
      'Dockerfile.3-golang-alpine',
      [
        ['multi-stage', 2],
        ['non-root', 2],
        ['strip-symbols', 5],
        ['trimpath', 5]
      ]
    ],
    [
      'Dockerfile.4-multistage-alpine',
      [
        ['minimal-base', 10],
        ['strip-symbols', 7],
        ['trimpath', 7]
      ]
    ],
    [
      'Dockerfile.5-multistage-scratch',
      [
        ['non-root', 9],
        ['strip-symbols', 7],
        ['trimpath', 7]
      ]
    ]
  ])('%s', (name, expected) => {
    const model = parseDockerfile(readFileSync(`examples/helloworld/${name}`, 'utf8'))
    const { findings } = advise({ model, measured: null, files: ladder })
    expect(findings.map((f) => [f.rule, f.line])).toEqual(expected)
  })
})
