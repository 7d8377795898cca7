// Two projects: unit tests (pure, fast) and integration tests (real Docker,
// a real local registry, a local GitHub API). CI runs both; integration tests
// never skip when Docker is missing, they fail.
const common = {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', diagnostics: { ignoreCodes: [151002] } }] },
  extensionsToTreatAsEsm: ['.ts']
}
export default {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/__tests__/**/*.test.ts'], testPathIgnorePatterns: ['/integration/'], setupFiles: ['<rootDir>/__tests__/helpers/fuzz-seed.mjs'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/__tests__/integration/**/*.test.ts'], globalSetup: '<rootDir>/__tests__/integration/global-setup.mjs', slowTestThreshold: 120 }
  ],
  testTimeout: 600000
}
