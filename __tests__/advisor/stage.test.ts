import { shouldVerify } from '../../src/advisor/stage.js'
import type { Finding } from '../../src/report/types.js'

const finding = (rule: Finding['rule'], estimatedSavings: number | null): Finding => ({ rule, severity: 'warning', file: 'Dockerfile', line: 1, message: '', estimatedSavings, fix: '' })

test.each([
  ['true', 'pass', [], true, 'verify-suggestion: true'],
  ['false', 'fail', [finding('multi-stage', 1e9)], false, 'verify-suggestion: false'],
  ['auto', 'fail', [], true, 'budget exceeded'],
  ['auto', 'warn', [], true, 'budget near its limit'],
  ['auto', 'pass', [finding('multi-stage', 1e9)], false, 'budget passes (verify-suggestion: auto)'],
  ['auto', 'none', [finding('multi-stage', 1e9)], true, 'no budget set, and the findings claim savings'],
  ['auto', 'none', [finding('multi-stage', null)], false, 'no savings claimed (verify-suggestion: auto)'],
  ['auto', 'none', [finding('non-root', null), finding('cgo-disabled', null)], false, 'no savings claimed (verify-suggestion: auto)']
] as const)('verify-suggestion %s, budget %s', (mode, status, findings, verify, reason) => {
  expect(shouldVerify(mode, status, [...findings])).toEqual({ verify, reason })
})
