// Renders the pull-request comment as GitHub would show it and screenshots it
// in headless Chromium (Debian's `chromium`), for the README:
//   docs/comment-over-budget.png  a single-stage golang image over a 20 MB budget
//   docs/comment-passing.png      the multi-stage scratch image, well within it
//   docs/comment-why-it-grew.png  "Why it grew": a pull request adding cobra and logrus
//                                 (the CLI's report of it, given as --why-report FILE)
//
// The reports are real two-commit runs: a temporary repository holds the
// helloworld program with one rung's Dockerfile on `main` and the next on a
// pull-request branch, and the CLI measures the branch against `--base-ref
// main`, building main from a checkout of it (Docker and the stand-in base
// images must be available: scripts/ensure-docker.sh, scripts/standins.sh).
// The comment's markdown goes through a GFM renderer
// (marked) into a page styled with github-markdown-css, and mermaid renders
// the trend chart in the page, as GitHub does.
//
// Run: npx tsx scripts/screenshot.ts [--reports DIR] [--out docs] [--why-report FILE]
// Reports already in DIR are reused; delete them to measure again.
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { marked } from 'marked'
import { renderMarkdown } from '../src/render/markdown.js'
import type { Report } from '../src/report/types.js'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name)
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback
}
const reportsDir = path.resolve(arg('--reports', path.join(os.tmpdir(), 'go-image-budget-screenshots')))
const outDir = path.resolve(arg('--out', path.join(root, 'docs')))
const REPO_URL = 'https://github.com/go-image-budget/go-image-budget'
const RUNGS = path.join(root, 'examples/helloworld')

function page(markdown: string): string {
  const css = readFileSync(path.join(root, 'node_modules/github-markdown-css/github-markdown-light.css'), 'utf8')
  const body = marked.parse(markdown, { gfm: true, async: false })
  return `<!doctype html><html><head><meta charset="utf-8"><style>${css}
body { margin: 0; background: #fff; }
.comment { width: 860px; margin: 16px; border: 1px solid #d0d7de; border-radius: 6px; }
.comment-header { background: #f6f8fa; border-bottom: 1px solid #d0d7de; padding: 8px 16px; font: 14px "Liberation Sans", Arial, sans-serif; color: #59636e; border-radius: 6px 6px 0 0; }
.comment-header b { color: #1f2328; }
/* Debian has none of GitHub's first-choice fonts; name close ones so fontconfig does not pick the emoji font for text. */
.markdown-body { padding: 16px; font-family: "Liberation Sans", Arial, sans-serif, "Noto Color Emoji" !important; }
.markdown-body code, .markdown-body pre, .markdown-body tt { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace !important; }
</style></head><body><div class="comment"><div class="comment-header"><b>github-actions</b> <span>bot</span> commented</div>
<div class="markdown-body">${body}</div></div>
<script src="file://${path.join(root, 'node_modules/mermaid/dist/mermaid.min.js')}"></script>
<script>
  // GitHub renders \`\`\`mermaid blocks as diagrams.
  for (const code of document.querySelectorAll('pre > code.language-mermaid')) {
    const div = document.createElement('div'); div.className = 'mermaid'; div.textContent = code.textContent
    code.parentElement.replaceWith(div)
  }
  mermaid.initialize({ startOnLoad: false, theme: 'default' })
  mermaid.run().then(() => { document.title = 'height:' + (document.querySelector('.comment').getBoundingClientRect().bottom + 16) })
</script></body></html>`
}

function chromium(args: string[], profile: string): string {
  return execFileSync(
    'chromium',
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--hide-scrollbars',
      `--user-data-dir=${profile}`,
      '--allow-file-access-from-files',
      '--virtual-time-budget=15000',
      ...args
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 120_000 }
  )
}

function screenshot(markdown: string, png: string): void {
  const work = mkdtempSync(path.join(os.tmpdir(), 'gib-shot-'))
  try {
    const html = path.join(work, 'comment.html')
    writeFileSync(html, page(markdown))
    writeFileSync(html.replace(/\.html$/, '.md'), markdown)
    // First pass measures the rendered height (the page writes it into its title), the second shoots.
    const dom = chromium(['--window-size=892,4000', '--dump-dom', `file://${html}`], path.join(work, 'profile-1'))
    const height = Number(/<title>height:([\d.]+)<\/title>/.exec(dom)?.[1] ?? 2000)
    chromium([`--window-size=892,${Math.ceil(height)}`, `--screenshot=${png}`, `file://${html}`], path.join(work, 'profile-2'))
    process.stderr.write(`wrote ${path.relative(root, png)} (${Math.ceil(height)} px high)\n`)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

/**
 * A pull request as the action sees one: `main` has the `base` rung's
 * Dockerfile, the pull request's commit switches to `head`'s. The CLI runs in
 * the pull request's checkout with --base-ref main, so main is built from its
 * own commit. The report is reused when it exists in the reports directory.
 */
function pullRequest(base: string, head: string, budget: string): Report {
  const file = path.join(reportsDir, `${base}-to-${head}.json`)
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Report
  const repo = mkdtempSync(path.join(os.tmpdir(), 'gib-shot-repo-'))
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=octocat', '-c', 'user.email=octocat@example.com', ...args], { cwd: repo, stdio: 'ignore' })
  try {
    git('init', '-q', '-b', 'main')
    for (const name of ['go.mod', 'helloworld.go']) copyFileSync(path.join(RUNGS, name), path.join(repo, name))
    writeFileSync(path.join(repo, '.dockerignore'), '.git\n')
    copyFileSync(path.join(RUNGS, `Dockerfile.${base}`), path.join(repo, 'Dockerfile'))
    git('add', '-A')
    git('commit', '-qm', `helloworld on ${base}`)
    git('checkout', '-qb', 'pull-request')
    copyFileSync(path.join(RUNGS, `Dockerfile.${head}`), path.join(repo, 'Dockerfile'))
    git('commit', '-qam', `helloworld on ${head}`)
    process.stderr.write(`measuring ${head} against main (${base})…\n`)
    try {
      execFileSync(path.join(root, 'node_modules/.bin/tsx'), [path.join(root, 'src/cli.ts'), '--budget', budget, '--base-ref', 'main', '--json', file], {
        cwd: repo,
        stdio: ['ignore', 'ignore', 'inherit']
      })
    } catch (error) {
      // Exit code 1 is a failed budget: the report is still written.
      if ((error as { status?: number }).status !== 1) throw error
    }
  } finally {
    rmSync(repo, { recursive: true, force: true })
  }
  return JSON.parse(readFileSync(file, 'utf8')) as Report
}

mkdirSync(reportsDir, { recursive: true })
mkdirSync(outDir, { recursive: true })
// Why it grew: a report the CLI wrote for a pull request that adds dependencies (see the README); alone when given.
const whyReport = arg('--why-report', '')
if (!whyReport) {
  // Over budget: a pull request that moves from golang:alpine to the full golang image, single stage.
  const over = pullRequest('3-golang-alpine', '2-golang-latest', '20MB')
  // Passing: a pull request that moves from a multi-stage alpine image to multi-stage scratch.
  const passing = pullRequest('4-multistage-alpine', '5-multistage-scratch', '20MB')
  screenshot(renderMarkdown(over, { repoUrl: REPO_URL }), path.join(outDir, 'comment-over-budget.png'))
  screenshot(renderMarkdown(passing, { repoUrl: REPO_URL }), path.join(outDir, 'comment-passing.png'))
}
if (whyReport) {
  const report = JSON.parse(readFileSync(whyReport, 'utf8')) as Report
  screenshot(renderMarkdown(report, { repoUrl: REPO_URL }), path.join(outDir, 'comment-why-it-grew.png'))
}
