// Projects: unit tests (pure, fast), the fuzz and scale tests (pure, slow:
// 10,000 cases a parser, thousands of layers, a million files), and the
// integration tests once per Docker
// engine users run: the default engine (Docker 28, overlay2 graph driver, as
// GitHub's ubuntu-latest) and a second one with the containerd image store
// (Docker 29's default). Integration tests need real Docker, a real local
// registry and a local GitHub API; they never skip when an engine is
// missing, they fail (the global setups install and start what is missing).
const common = {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', diagnostics: { ignoreCodes: [151002] } }] },
  extensionsToTreatAsEsm: ['.ts']
}
const integration = (engine) => ({
  ...common,
  displayName: engine === 'default' ? 'integration' : `integration-${engine}`,
  testMatch: ['<rootDir>/__tests__/integration/**/*.test.ts'],
  testEnvironment: '<rootDir>/__tests__/helpers/engine-environment.mjs',
  testEnvironmentOptions: { engine },
  globalSetup: '<rootDir>/__tests__/integration/global-setup.mjs',
  globalTeardown: '<rootDir>/__tests__/integration/global-teardown.mjs',
  slowTestThreshold: 120
})
const SCALE = ['/__tests__/fuzz.test.ts', '/__tests__/faults.test.ts']

export default {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/__tests__/**/*.test.ts'], testPathIgnorePatterns: ['/integration/', ...SCALE], setupFiles: ['<rootDir>/__tests__/helpers/fuzz-seed.mjs'] },
    { ...common, displayName: 'scale', testMatch: SCALE.map((t) => `<rootDir>${t}`), setupFiles: ['<rootDir>/__tests__/helpers/fuzz-seed.mjs'] },
    integration('default'),
    integration('containerd')
  ],
  testTimeout: 600000
}
