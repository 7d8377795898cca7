// Every command this project sends to the Docker engine goes through one
// adapter per run, split by concern: its images, its containers, buildx, and
// the engine with its image store (asked once, so callers can ask what a
// number means on it), and a measurement's push. It also remembers what the
// run built.
import type { Exec, Spawn } from '../exec.js'
import { DockerBuildx } from './buildx.js'
import { DockerCli } from './cli.js'
import { DockerContainers } from './containers.js'
import { DockerImages } from './images.js'
import { DockerPush } from './push.js'
import { DockerStore } from './store.js'

export class Docker {
  /**
   * The images this instance built or loaded, in order, without repeats: what
   * `cleanup` removes. The build records them (buildImage, bakeBuild, load);
   * nothing reads command lines to find them.
   */
  readonly builtImages: string[] = []
  readonly images: DockerImages
  readonly containers: DockerContainers
  readonly buildx: DockerBuildx
  readonly store: DockerStore
  readonly push: DockerPush

  constructor(deps: { exec: Exec; spawn: Spawn }) {
    const cli = new DockerCli(deps)
    this.store = new DockerStore(cli)
    this.images = new DockerImages(cli, (id) => this.recordBuilt(id))
    this.containers = new DockerContainers(cli)
    this.buildx = new DockerBuildx(cli, this.store)
    this.push = new DockerPush(cli)
  }

  /** Records an image this run made (a build's `--iidfile`, a bake run's metadata, a load). */
  recordBuilt(id: string): void {
    if (id && !this.builtImages.includes(id)) this.builtImages.push(id)
  }
}
