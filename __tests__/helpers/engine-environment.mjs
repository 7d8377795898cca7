// The integration tests' environment: which Docker engine a test file talks
// to. One jest project per engine sets `testEnvironmentOptions.engine`; this
// sets DOCKER_HOST in the worker itself (child processes inherit the real
// process.env, not the sandbox's copy) for the file's duration.
import { TestEnvironment } from 'jest-environment-node'

export const ENGINES = {
  default: null,
  containerd: 'unix:///run/go-image-budget-cs/docker.sock'
}

/** The variable naming the run's layer-size cache for an engine (set by the integration global setup). */
export const layerCacheVariable = (engine) => `GIB_TEST_LAYER_CACHE_${engine.toUpperCase()}`

export default class EngineEnvironment extends TestEnvironment {
  constructor(config, context) {
    const engine = config.projectConfig.testEnvironmentOptions?.engine ?? 'default'
    if (!(engine in ENGINES)) throw new Error(`unknown engine '${engine}' in testEnvironmentOptions`)
    const saved = process.env.DOCKER_HOST
    const host = ENGINES[engine]
    if (host) process.env.DOCKER_HOST = host
    else delete process.env.DOCKER_HOST
    super(config, context)
    this.saved = saved
    // Tests read it to say which engine they assert about (`engine` below).
    this.global.process.env.GIB_TEST_ENGINE = engine
  }

  async teardown() {
    if (this.saved === undefined) delete process.env.DOCKER_HOST
    else process.env.DOCKER_HOST = this.saved
    await super.teardown()
  }
}
