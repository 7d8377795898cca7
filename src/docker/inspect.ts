// What `docker image inspect` says of an image (Docker.inspect runs it): exact
// uncompressed size on overlay2, the layer diff ids, the platform, the config.

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
