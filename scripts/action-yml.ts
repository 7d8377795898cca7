// Writes action.yml's inputs from src/inputs.ts, so the two never drift
// (a unit test fails when they do). Run: npx tsx scripts/action-yml.ts
import { writeFileSync } from 'node:fs'
import { INPUT_SPECS, type InputSpec } from '../src/inputs.js'
import { OUTPUT_SPECS } from '../src/outputs.js'

const quote = (s: string) => JSON.stringify(s)

export function actionYml(): string {
  const inputs = Object.entries(INPUT_SPECS as Record<string, InputSpec>)
    .map(([name, spec]) => `  ${name}:\n    description: ${quote(spec.description)}\n    required: false\n    default: ${quote(spec.default ?? '')}`)
    .join('\n')
  const outputs = Object.entries(OUTPUT_SPECS)
    .map(([name, description]) => `  ${name}:\n    description: ${quote(description)}`)
    .join('\n')
  return `# Generated from src/inputs.ts and src/outputs.ts by scripts/action-yml.ts; edit those.
name: go-image-budget
description: Keep Go container images small - build, measure, budget, compare with the base branch, advise and prove the fix in one sticky PR comment.
author: go-image-budget
branding:
  icon: package
  color: blue
inputs:
${inputs}
outputs:
${outputs}
runs:
  using: node24
  main: dist/index.js
`
}

if (process.argv[1]?.endsWith('action-yml.ts')) writeFileSync(new URL('../action.yml', import.meta.url), actionYml())
