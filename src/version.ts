// Kept in step with package.json by a unit test; bundled into dist/.
export const TOOL = { name: 'go-image-budget', version: '0.1.0' } as const
