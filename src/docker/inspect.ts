// `docker image inspect`: exact uncompressed size (what `docker images` shows),
// the layer diff ids and the platform. Free and exact; everything else builds on it.
import { CommandError, EnvironmentError, UsageError } from '../errors.js'
import { lastLines, type Exec } from '../exec.js'

export interface InspectedImage {
  id: string
  repoTags: string[]
  repoDigests: string[]
  size: number
  diffIds: string[]
  platform: string
  created: string | null
  config: { user: string; env: string[]; entrypoint: string[] | null; cmd: string[] | null; workingDir: string; labels: Record<string, string> }
  /** The daemon's storage of the image's layers (overlay2: the diff directories), when it says. */
  graphDriver?: { name: string; data: Record<string, string> } | null
}

interface RawInspect {
  Id: string
  RepoTags?: string[] | null
  RepoDigests?: string[] | null
  Size: number
  Os: string
  Architecture: string
  Variant?: string
  Created?: string
  RootFS?: { Layers?: string[] }
  GraphDriver?: { Name?: string; Data?: Record<string, string> | null }
  Config?: { User?: string; Env?: string[] | null; Entrypoint?: string[] | null; Cmd?: string[] | null; WorkingDir?: string; Labels?: Record<string, string> | null }
}

export function parseInspect(json: string): InspectedImage {
  const parsed = JSON.parse(json) as RawInspect | RawInspect[]
  const raw = Array.isArray(parsed) ? parsed[0] : parsed
  if (!raw || typeof raw.Size !== 'number') throw new Error('docker image inspect returned no image')
  return {
    id: raw.Id,
    repoTags: raw.RepoTags ?? [],
    repoDigests: raw.RepoDigests ?? [],
    size: raw.Size,
    diffIds: raw.RootFS?.Layers ?? [],
    platform: [raw.Os, raw.Architecture, raw.Variant].filter(Boolean).join('/'),
    created: raw.Created ?? null,
    config: {
      user: raw.Config?.User ?? '',
      env: raw.Config?.Env ?? [],
      entrypoint: raw.Config?.Entrypoint ?? null,
      cmd: raw.Config?.Cmd ?? null,
      workingDir: raw.Config?.WorkingDir ?? '',
      labels: raw.Config?.Labels ?? {}
    },
    graphDriver: raw.GraphDriver?.Name ? { name: raw.GraphDriver.Name, data: raw.GraphDriver.Data ?? {} } : null
  }
}

export async function inspectImage(ref: string, exec: Exec): Promise<InspectedImage> {
  const result = await exec('docker', ['image', 'inspect', ref])
  if (result.code !== 0) {
    if (/Cannot connect to the Docker daemon|error during connect/i.test(result.stderr)) {
      throw new EnvironmentError('no Docker daemon answers: start Docker (or run scripts/ensure-docker.sh) and retry')
    }
    if (/No such image/i.test(result.stderr)) throw new UsageError(`image: no local image '${ref}'; build or pull it first`)
    throw new CommandError(`docker image inspect ${ref} failed`, lastLines(result.stderr))
  }
  return parseInspect(result.stdout)
}
