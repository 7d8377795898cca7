// The real Go programs of the attribution's oracle tests: a CLI framework and
// a logger from Debian's golang-*-dev packages (scripts/go-modules.sh).
import path from 'node:path'
import type { GoProgram } from '../../scripts/lib/go-build.js'

const fixtures = path.resolve('__tests__/fixtures/go')
export const DEPS = ['golang-github-spf13-cobra-dev', 'golang-github-sirupsen-logrus-dev', 'golang-github-stretchr-testify-dev', 'golang-github-inconshreveable-mousetrap-dev']

export const greeter: GoProgram = {
  dir: path.join(fixtures, 'greeter'),
  module: { path: 'example.com/greeter', require: { 'github.com/spf13/cobra': 'v1.6.1', 'github.com/sirupsen/logrus': 'v1.9.0' } },
  debianPackages: DEPS
}

/** Debian's golang.org/x/sys (under logrus) needs Go 1.17: Go 1.15 builds the program without the logger. */
export const cobraOnly: GoProgram = { ...greeter, dir: path.join(fixtures, 'cobraonly'), module: { path: 'example.com/greeter', require: { 'github.com/spf13/cobra': 'v1.6.1' } } }

export const gopathApp: GoProgram = { dir: path.join(fixtures, 'gopathapp'), module: null, debianPackages: DEPS }
