// The action's outputs; action.yml is generated from this table.
export const OUTPUT_SPECS = {
  size: 'Uncompressed image size in bytes (as `docker images` shows it).',
  'compressed-size': 'Compressed image size in bytes (as a registry stores it).',
  'base-size': 'Uncompressed size of the baseline image in bytes (empty without a baseline).',
  delta: 'Size change against the baseline in bytes, in the budget metric.',
  'delta-percent': 'Size change against the baseline in percent.',
  status: 'Verdict: pass, warn or fail.',
  report: 'Path of the report JSON file.',
  'comment-body': 'The markdown of the pull-request comment, for a fork-safe workflow_run job to post.'
} as const
