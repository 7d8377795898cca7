// Writes action.yml and the README's input/output tables from src/inputs.ts and
// src/outputs.ts, so they never drift (a unit test fails when they do).
// Run: npx tsx scripts/action-yml.ts
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { INPUT_SPECS, type InputSpec } from '../src/inputs.js'
import { OUTPUT_SPECS } from '../src/outputs.js'

const quote = (s: string) => JSON.stringify(s)
const inputEntries = () => Object.entries(INPUT_SPECS as Record<string, InputSpec>)

export function actionYml(): string {
  const inputs = inputEntries()
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

const cell = (s: string) => s.replace(/\|/g, '\\|')

export function inputsTable(): string {
  const rows = inputEntries().map(([name, spec]) => {
    const def = spec.default ? `\`${spec.default}\`` : ''
    return `| \`${name}\` | ${cell(spec.description)} | ${cell(def)} |`
  })
  return ['| input (CLI: `--input`) | what it does | default |', '| --- | --- | --- |', ...rows].join('\n')
}

export function outputsTable(): string {
  const rows = Object.entries(OUTPUT_SPECS).map(([name, description]) => `| \`${name}\` | ${cell(description)} |`)
  return ['| output | what it holds |', '| --- | --- |', ...rows].join('\n')
}

/** Replaces the text between `<!-- NAME:start -->` and `<!-- NAME:end -->`. */
export function withSection(text: string, name: string, body: string): string {
  const pattern = new RegExp(`(<!-- ${name}:start -->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`)
  return text.replace(pattern, (_m, start: string, end: string) => `${start}${body}\n${end}`)
}

export function readmeWithTables(readme: string): string {
  return withSection(withSection(readme, 'inputs', inputsTable()), 'outputs', outputsTable())
}

/** Writes `text` only where it differs, so a file already in sync is never rewritten (.ci/run builds while the tests read these). */
function writeIfChanged(url: URL, text: string): void {
  if (!existsSync(url) || readFileSync(url, 'utf8') !== text) writeFileSync(url, text)
}

if (process.argv[1]?.endsWith('action-yml.ts')) {
  writeIfChanged(new URL('../action.yml', import.meta.url), actionYml())
  const readmeUrl = new URL('../README.md', import.meta.url)
  writeIfChanged(readmeUrl, readmeWithTables(readFileSync(readmeUrl, 'utf8')))
}
