// Composing `docker buildx build` arguments: pure, table-tested. Secrets are
// passed as files (`src=`) or environment variables (`env=`), never as values
// on the command line.

export interface BuildRequest {
  context: string
  file: string | null
  target: string | null
  platform: string | null
  builder: string | null
  buildArgs: string[]
  buildContexts: string[]
  cacheFrom: string[]
  cacheTo: string[]
  labels: string[]
  tags: string[]
  /** Secrets in files (written by the run, or given as `secret-files`): `id` → path. */
  secretFiles: { id: string; path: string }[]
  /** Secrets buildx reads from its environment (`secret-envs`): `id` → variable. */
  secretEnvs?: { id: string; env: string }[]
  iidFile: string
  metadataFile: string | null
  /**
   * Where the image goes: `load` into the engine (`--load`), or an image archive
   * (`--output type=docker,dest=…`), which carries the exact compressed blobs
   * BuildKit would push; the caller loads it. Default `load`.
   */
  archive?: string | null
}

export function composeBuildArgs(req: BuildRequest): string[] {
  const args = ['buildx', 'build']
  if (req.builder) args.push('--builder', req.builder)
  if (req.archive) args.push('--output', `type=docker,dest=${req.archive}`)
  else args.push('--load')
  args.push('--progress', 'plain', '--iidfile', req.iidFile)
  if (req.metadataFile) args.push('--metadata-file', req.metadataFile)
  if (req.file) args.push('--file', req.file)
  if (req.target) args.push('--target', req.target)
  if (req.platform) args.push('--platform', req.platform)
  for (const a of req.buildArgs) args.push('--build-arg', a)
  for (const c of req.buildContexts) args.push('--build-context', c)
  for (const c of req.cacheFrom) args.push('--cache-from', c)
  for (const c of req.cacheTo) args.push('--cache-to', c)
  for (const l of req.labels) args.push('--label', l)
  for (const t of req.tags) args.push('--tag', t)
  for (const s of req.secretFiles) args.push('--secret', `id=${s.id},src=${s.path}`)
  for (const s of req.secretEnvs ?? []) args.push('--secret', `id=${s.id},env=${s.env}`)
  args.push(req.context)
  return args
}
