// How tests start the CLI and the action as programs. Under `npm test` they
// are the bundles scripts/test.mjs builds once beside the jest runs (with the
// same ncc commands as `npm run build`, never into dist/), waited for here:
// what ships, started in a tenth of the time tsx takes to compile the sources
// on each start. In a jest run of its own, the sources through tsx.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

const ROOT = process.cwd()
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx')
const SOURCES = { cli: path.join(ROOT, 'src', 'cli.ts'), action: path.join(ROOT, 'src', 'index.ts') }
const BUNDLES = { cli: process.env.GO_IMAGE_BUDGET_CLI_BUNDLE, action: process.env.GO_IMAGE_BUDGET_BUNDLE }

/** The arguments after `node` that start the entry: the bundle, or tsx and the source. */
export async function programArgs(entry: 'cli' | 'action'): Promise<string[]> {
  const bundle = BUNDLES[entry]
  if (!bundle) return [TSX, SOURCES[entry]]
  const status = process.env.GO_IMAGE_BUDGET_BUNDLE_STATUS
  if (status) {
    const built = await bundleStatus(status)
    if (built !== 'ok') throw new Error(`the bundles for the tests were not built: ${built}`)
  }
  if (!existsSync(bundle)) throw new Error(`no ${entry} bundle at ${bundle}`)
  return [bundle]
}

/** The status file's text once the build beside the runs has written it: `ok` or why it failed. */
async function bundleStatus(file: string): Promise<string> {
  const deadline = Date.now() + 280_000
  while (!existsSync(file)) {
    if (Date.now() > deadline) return `nothing after 280 s (${file})`
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  return readFileSync(file, 'utf8')
}
