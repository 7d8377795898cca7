#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ // The require scope
/******/ var __nccwpck_require__ = {};
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  BK: () => (/* binding */ helpText),
  iW: () => (/* binding */ main),
  Zy: () => (/* binding */ parseArgs)
});

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_namespaceObject);
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
;// CONCATENATED MODULE: ./src/errors.ts
// Errors a user can act on. Each says what went wrong and how to fix it in
// one line; the entry points print the message, never a stack trace.
/** Bad input: a value that cannot be parsed, a missing file. Exit code 2. */
class UsageError extends Error {
    name = 'UsageError';
}
/** The environment cannot do the job: no Docker daemon, no buildx. Exit code 2. */
class EnvironmentError extends Error {
    name = 'EnvironmentError';
}
/** A command that ran and failed (a build); `detail` holds its last stderr lines. */
class CommandError extends Error {
    detail;
    name = 'CommandError';
    constructor(message, detail = '') {
        super(detail ? `${message}\n${detail}` : message);
        this.detail = detail;
    }
}
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/exec.ts
// Running commands without a shell. The pipeline takes an `Exec` as a
// collaborator so tests can run real Docker and the entry points decide where
// output goes.


/** Runs a command and collects its output; never throws for a non-zero exit. */
const exec = (command, args, options = {}) => new Promise((resolve, reject) => {
    const child = (0,external_node_child_process_namespaceObject.spawn)(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => {
        err.push(b);
        options.onStderr?.(b.toString('utf8'));
    });
    child.on('error', (e) => {
        reject(e.code === 'ENOENT' ? new EnvironmentError(`'${command}' is not installed or not on PATH`) : e);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    child.stdin.end(options.input ?? '');
});
const spawnStream = (command, args, options = {}) => {
    const child = (0,external_node_child_process_namespaceObject.spawn)(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const err = [];
    child.stderr.on('data', (b) => err.push(b));
    const done = new Promise((resolve, reject) => {
        child.on('error', (e) => reject(e.code === 'ENOENT' ? new EnvironmentError(`'${command}' is not installed or not on PATH`) : e));
        child.on('close', (code, signal) => {
            if (code === 0)
                resolve();
            else
                reject(new CommandError(`${command} ${args[0] ?? ''} failed (${signal ?? `exit ${code}`})`, lastLines(Buffer.concat(err).toString('utf8'))));
        });
    });
    return { stdout: child.stdout, done, kill: () => child.kill() };
};
/** The last meaningful lines of a command's stderr, for error messages. */
function lastLines(text, count = 8) {
    return text
        .split('\n')
        .map((l) => l.trimEnd())
        .filter((l) => l.trim() !== '')
        .slice(-count)
        .join('\n');
}

;// CONCATENATED MODULE: ./src/size.ts
// Size strings in and out. `MB` means what `docker images` means: decimal
// (1 MB = 1,000,000 bytes); `MiB` is binary. Both are exact.

const UNITS = {
    b: 1,
    k: 1e3, kb: 1e3, m: 1e6, mb: 1e6, g: 1e9, gb: 1e9, t: 1e12, tb: 1e12,
    kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3, tib: 1024 ** 4
};
const SIZE_EXAMPLES = '25MB, 25 MiB, 1.5GB, 800kB, 2000000';
const SIZE_PATTERN = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*([a-zA-Z]*)\s*$/;
/** Parses "25MB", "25 MiB", "1.5GB" or plain bytes into a whole number of bytes. */
function parseSize(text, inputName = 'size') {
    const match = SIZE_PATTERN.exec(text);
    const factor = match ? UNITS[match[2].toLowerCase() || 'b'] : undefined;
    if (!match || factor === undefined) {
        throw new UsageError(`${inputName}: cannot read '${text}' as a size; use a number with an optional unit, e.g. ${SIZE_EXAMPLES}`);
    }
    const bytes = Math.round(Number(match[1]) * factor);
    if (!Number.isSafeInteger(bytes))
        throw new UsageError(`${inputName}: '${text}' is too large`);
    return bytes;
}
/** Parses a size or a percentage ("10%", "2.5 %"). */
function parseSizeOrPercent(text, inputName) {
    const percent = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(text);
    if (percent)
        return { percent: Number(percent[1]) };
    try {
        return { bytes: parseSize(text, inputName) };
    }
    catch {
        throw new UsageError(`${inputName}: cannot read '${text}' as a size or a percentage; use e.g. ${SIZE_EXAMPLES}, or 10%`);
    }
}
const DECIMAL = ['B', 'kB', 'MB', 'GB', 'TB'];
/** Formats bytes as `docker images` does (decimal, 3 significant digits): "7.58 MB". */
function formatSize(bytes) {
    const sign = bytes < 0 ? '-' : '';
    let value = Math.abs(bytes);
    let unit = 0;
    while (value >= 1000 && unit < DECIMAL.length - 1) {
        value /= 1000;
        unit++;
    }
    const text = unit === 0 ? String(value) : Number(value.toPrecision(3)).toString();
    return `${sign}${text} ${DECIMAL[unit]}`;
}
/** "+1.1 MB", "-300 kB", "±0 B". */
function formatDelta(bytes) {
    if (bytes === 0)
        return '±0 B';
    return bytes > 0 ? `+${formatSize(bytes)}` : formatSize(bytes);
}
function formatPercent(percent) {
    const rounded = Math.abs(percent) >= 10 ? percent.toFixed(0) : percent.toFixed(1);
    return `${percent > 0 ? '+' : ''}${rounded}%`;
}

;// CONCATENATED MODULE: ./src/inputs.ts
// One table of inputs: action.yml declares exactly these (a unit test checks
// it), the CLI accepts each as `--name value`, and `parseInputs` turns their
// raw strings into one typed `Inputs`, with errors that name the input.


const FAIL_ON = ['any', 'budget', 'increase', 'never'];
const BASELINES = ['auto', 'build', 'image', 'report', 'none'];
const METRICS = ['uncompressed', 'compressed'];
const INPUT_SPECS = {
    context: { kind: 'string', default: '.', description: 'Build context directory.' },
    file: { kind: 'string', default: '', description: 'Path to the Dockerfile (default: `Dockerfile` in the context).' },
    target: { kind: 'string', default: '', description: 'Build stage to measure (default: the last stage).' },
    image: { kind: 'string', default: '', description: 'Measure this already-built local or registry image instead of building.' },
    'build-args': { kind: 'list', default: '', description: 'Build arguments, one `NAME=value` per line.' },
    'build-contexts': { kind: 'list', default: '', description: 'Additional build contexts, one `name=path` per line.' },
    platforms: { kind: 'list', default: '', description: 'Platforms to build and measure one by one, e.g. `linux/amd64,linux/arm64` (default: the builder\'s).' },
    builder: { kind: 'string', default: '', description: 'buildx builder instance to use.' },
    'cache-from': { kind: 'list', default: '', description: 'External cache sources (`--cache-from`), one per line.' },
    'cache-to': { kind: 'list', default: '', description: 'Cache export destinations (`--cache-to`), one per line.' },
    secrets: { kind: 'list', default: '', description: 'Build secrets, one `id=value` per line; masked and never printed.' },
    labels: { kind: 'list', default: '', description: 'Image labels, one `key=value` per line.' },
    budget: { kind: 'size', default: '', description: 'Size budget, e.g. `25MB`, `25 MiB`, `1.5GB` or plain bytes (MB as `docker images`: 1,000,000 bytes).' },
    'budget-metric': { kind: 'enum', values: METRICS, default: 'uncompressed', description: 'Which size the budget and limits apply to: `uncompressed` (as `docker images`) or `compressed` (as a registry stores it).' },
    'warn-at': { kind: 'size', default: '', description: 'Warn from this size on, as a size or a percentage of the budget (e.g. `90%`).' },
    'max-increase': { kind: 'size', default: '', description: 'Largest allowed growth against the baseline, as a size (`2MB`) or a percentage (`10%`).' },
    'min-delta': { kind: 'size', default: '', description: 'Noise floor: a change smaller than this (size or percentage) is reported as unchanged.' },
    'fail-on': { kind: 'enum', values: FAIL_ON, default: 'any', description: 'What fails the job: `any` (budget or max-increase), `budget`, `increase` or `never`.' },
    baseline: { kind: 'enum', values: BASELINES, default: 'auto', description: 'Where the comparison size comes from: `auto`, `build` (build the base ref), `image`, `report` or `none`.' },
    'base-ref': { kind: 'string', default: '', description: 'Git ref to compare with (default: the pull request\'s base, or the push\'s previous commit).' },
    'baseline-image': { kind: 'string', default: '', description: 'Registry image to compare with, measured from its manifest without pulling layers.' },
    'baseline-report': { kind: 'string', default: '', description: 'Report JSON written by an earlier run to compare with.' },
    'verify-suggestion': { kind: 'enum', values: ['auto', 'true', 'false'], default: 'auto', description: 'Build the suggested Dockerfile to prove its size: `auto` (when the budget is exceeded), `true` or `false`.' },
    'verify-command': { kind: 'string', default: '', description: 'Command run in the suggested image to prove it works (e.g. `/app/main --version`).' },
    'dockerfile-only': { kind: 'boolean', default: 'false', description: 'Only check the Dockerfile with the rules that need no build; no Docker needed.' },
    comment: { kind: 'boolean', default: 'true', description: 'Keep one sticky comment on the pull request up to date.' },
    'comment-key': { kind: 'string', default: '', description: 'Distinguishes comments of several images in one pull request (e.g. a matrix).' },
    report: { kind: 'string', default: '', description: 'Publish this stored report JSON instead of building (for a fork-safe `workflow_run` job).' },
    'history-length': { kind: 'string', default: '20', description: 'How many pushes the size trend keeps.' },
    'allow-untrusted-build': { kind: 'boolean', default: 'false', description: 'Build pull-request code on `pull_request_target`/`workflow_run` (unsafe with a write token).' },
    cleanup: { kind: 'boolean', default: 'false', description: 'Remove the images this run built when it ends.' },
    'github-token': { kind: 'string', default: '${{ github.token }}', description: 'Token used to post the comment.' },
    json: { kind: 'string', default: '', description: 'Also write the report JSON to this path.' }
};
/** Lists accept newlines or commas (like build-push-action), skip blanks and `#` comments. */
function parseList(text, { commas = true } = {}) {
    return text
        .split(commas ? /[\n,]/ : /\n/)
        .map((s) => s.trim())
        .filter((s) => s !== '' && !s.startsWith('#'));
}
function parseBoolean(text, name) {
    const value = text.trim().toLowerCase();
    if (['true', 'yes', '1', 'on'].includes(value))
        return true;
    if (['false', 'no', '0', 'off', ''].includes(value))
        return false;
    throw new UsageError(`${name}: expected true or false, got '${text}'`);
}
function parseEnum(text, name, values) {
    const value = text.trim().toLowerCase();
    if (values.includes(value))
        return value;
    throw new UsageError(`${name}: '${text}' is not one of ${values.join(', ')}`);
}
function parseCount(text, name) {
    const value = Number(text.trim());
    if (!Number.isInteger(value) || value < 1)
        throw new UsageError(`${name}: expected a whole number of at least 1, got '${text}'`);
    return value;
}
const orNull = (text) => (text.trim() === '' ? null : text.trim());
/** Reads every input through `raw` (which returns '' for unset) and validates it. */
function parseInputs(raw) {
    const get = (name) => {
        const value = raw(name);
        return value === '' ? (INPUT_SPECS[name].default ?? '') : value;
    };
    const sizeOrPercent = (name) => (get(name).trim() === '' ? null : parseSizeOrPercent(get(name), name));
    const token = get('github-token');
    return {
        context: get('context').trim() || '.',
        file: orNull(get('file')),
        target: orNull(get('target')),
        image: orNull(get('image')),
        buildArgs: parseList(get('build-args'), { commas: false }),
        buildContexts: parseList(get('build-contexts'), { commas: false }),
        platforms: parseList(get('platforms')),
        builder: orNull(get('builder')),
        cacheFrom: parseList(get('cache-from'), { commas: false }),
        cacheTo: parseList(get('cache-to'), { commas: false }),
        secrets: parseList(get('secrets'), { commas: false }),
        labels: parseList(get('labels'), { commas: false }),
        budget: get('budget').trim() === '' ? null : parseSize(get('budget'), 'budget'),
        budgetMetric: parseEnum(get('budget-metric'), 'budget-metric', METRICS),
        warnAt: sizeOrPercent('warn-at'),
        maxIncrease: sizeOrPercent('max-increase'),
        minDelta: sizeOrPercent('min-delta'),
        failOn: parseEnum(get('fail-on'), 'fail-on', FAIL_ON),
        baseline: parseEnum(get('baseline'), 'baseline', BASELINES),
        baseRef: orNull(get('base-ref')),
        baselineImage: orNull(get('baseline-image')),
        baselineReport: orNull(get('baseline-report')),
        verifySuggestion: parseEnum(get('verify-suggestion'), 'verify-suggestion', ['auto', 'true', 'false']),
        verifyCommand: orNull(get('verify-command')),
        dockerfileOnly: parseBoolean(get('dockerfile-only'), 'dockerfile-only'),
        comment: parseBoolean(get('comment'), 'comment'),
        commentKey: get('comment-key').trim(),
        report: orNull(get('report')),
        historyLength: parseCount(get('history-length'), 'history-length'),
        allowUntrustedBuild: parseBoolean(get('allow-untrusted-build'), 'allow-untrusted-build'),
        cleanup: parseBoolean(get('cleanup'), 'cleanup'),
        githubToken: token.startsWith('${{') ? null : orNull(token),
        json: orNull(get('json'))
    };
}

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: ./src/buildx/args.ts
// Composing `docker buildx build` arguments: pure, table-tested. Secrets are
// passed as files (`src=`), never as values on the command line.
function composeBuildArgs(req) {
    const args = ['buildx', 'build'];
    if (req.builder)
        args.push('--builder', req.builder);
    args.push('--load', '--progress', 'plain', '--iidfile', req.iidFile);
    if (req.metadataFile)
        args.push('--metadata-file', req.metadataFile);
    if (req.file)
        args.push('--file', req.file);
    if (req.target)
        args.push('--target', req.target);
    if (req.platform)
        args.push('--platform', req.platform);
    for (const a of req.buildArgs)
        args.push('--build-arg', a);
    for (const c of req.buildContexts)
        args.push('--build-context', c);
    for (const c of req.cacheFrom)
        args.push('--cache-from', c);
    for (const c of req.cacheTo)
        args.push('--cache-to', c);
    for (const l of req.labels)
        args.push('--label', l);
    for (const t of req.tags)
        args.push('--tag', t);
    for (const s of req.secretFiles)
        args.push('--secret', `id=${s.id},src=${s.path}`);
    args.push(req.context);
    return args;
}

;// CONCATENATED MODULE: ./src/buildx/build.ts
// Running a build. The image lands in the daemon (`--load`); its id comes from
// `--iidfile`. A failing build ends with buildx's last error lines.





async function buildImage(options, deps) {
    const dir = await (0,promises_namespaceObject.mkdtemp)(external_node_path_default().join(deps.tempDir, 'build-'));
    try {
        const secretFiles = await writeSecrets(options.secrets, dir);
        const iidFile = external_node_path_default().join(dir, 'iid');
        const args = composeBuildArgs({ ...options, secretFiles, iidFile, metadataFile: null });
        const result = await deps.exec('docker', args, { onStderr: deps.onProgress });
        if (result.code !== 0)
            throw buildFailure(result.stderr, options);
        const imageId = (await (0,promises_namespaceObject.readFile)(iidFile, 'utf8')).trim();
        return { imageId, log: result.stderr };
    }
    finally {
        await (0,promises_namespaceObject.rm)(dir, { recursive: true, force: true });
    }
}
async function writeSecrets(secrets, dir) {
    const files = [];
    for (const [i, secret] of secrets.entries()) {
        const eq = secret.indexOf('=');
        if (eq <= 0)
            throw new UsageError(`secrets: entry ${i + 1} is not 'id=value'`);
        const id = secret.slice(0, eq).trim();
        const file = external_node_path_default().join(dir, `secret-${i}`);
        await (0,promises_namespaceObject.writeFile)(file, secret.slice(eq + 1), { mode: 0o600 });
        files.push({ id, path: file });
    }
    return files;
}
function buildFailure(stderr, options) {
    const tail = lastLines(stderr, 12);
    if (/Cannot connect to the Docker daemon|docker daemon is not running|error during connect/i.test(stderr)) {
        return new EnvironmentError('no Docker daemon answers: start Docker (or run scripts/ensure-docker.sh) and retry');
    }
    if (/unknown command: docker buildx|'buildx' is not a docker command|unknown flag: --load/.test(stderr)) {
        return new EnvironmentError('docker buildx is not installed: install the buildx plugin (or run scripts/ensure-docker.sh)');
    }
    if (/no builder .* found|failed to find builder/i.test(stderr)) {
        return new UsageError(`builder: no buildx builder named '${options.builder}'; list them with 'docker buildx ls'`);
    }
    return new CommandError(`docker buildx build failed for ${options.file ?? 'Dockerfile'} in ${options.context}`, tail);
}

;// CONCATENATED MODULE: ./src/image/inspect.ts
// `docker image inspect`: exact uncompressed size (what `docker images` shows),
// the layer diff ids and the platform. Free and exact; everything else builds on it.


function parseInspect(json) {
    const parsed = JSON.parse(json);
    const raw = Array.isArray(parsed) ? parsed[0] : parsed;
    if (!raw || typeof raw.Size !== 'number')
        throw new Error('docker image inspect returned no image');
    return {
        id: raw.Id,
        repoTags: raw.RepoTags ?? [],
        repoDigests: raw.RepoDigests ?? [],
        size: raw.Size,
        diffIds: raw.RootFS?.Layers ?? [],
        platform: [raw.Os, raw.Architecture, raw.Variant].filter(Boolean).join('/'),
        created: raw.Created ?? null,
        config: {
            user: raw.Config?.User ?? '',
            env: raw.Config?.Env ?? [],
            entrypoint: raw.Config?.Entrypoint ?? null,
            cmd: raw.Config?.Cmd ?? null,
            workingDir: raw.Config?.WorkingDir ?? '',
            labels: raw.Config?.Labels ?? {}
        }
    };
}
async function inspectImage(ref, exec) {
    const result = await exec('docker', ['image', 'inspect', ref]);
    if (result.code !== 0) {
        if (/Cannot connect to the Docker daemon|error during connect/i.test(result.stderr)) {
            throw new EnvironmentError('no Docker daemon answers: start Docker (or run scripts/ensure-docker.sh) and retry');
        }
        if (/No such image/i.test(result.stderr))
            throw new UsageError(`image: no local image '${ref}'; build or pull it first`);
        throw new CommandError(`docker image inspect ${ref} failed`, lastLines(result.stderr));
    }
    return parseInspect(result.stdout);
}

;// CONCATENATED MODULE: ./src/report/types.ts
// The report: the pipeline's product and the project's contract (design.md,
// "The report"). Markdown, terminal output, job summary and step outputs are
// all renderings of it; a report written by one run is read by another, so
// names are stable and additions are optional.
const SCHEMA_VERSION = 1;

;// CONCATENATED MODULE: ./src/version.ts
// Kept in step with package.json by a unit test; bundled into dist/.
const TOOL = { name: 'go-image-budget', version: '0.1.0' };

;// CONCATENATED MODULE: ./src/pipeline.ts
// The stages in order: build → measure → baseline → compare/budget → advise.
// Takes its collaborators as parameters; returns the Report. Rendering and
// publishing are the entry points' business.







/** Resolves context and Dockerfile and checks they exist, naming the input at fault. */
function resolveBuild(inputs, workspace) {
    const context = external_node_path_default().resolve(workspace, inputs.context);
    if (!(0,external_node_fs_namespaceObject.existsSync)(context) || !(0,external_node_fs_namespaceObject.statSync)(context).isDirectory()) {
        throw new UsageError(`context: '${inputs.context}' is not a directory (resolved to ${context})`);
    }
    const dockerfile = inputs.file ? external_node_path_default().resolve(workspace, inputs.file) : external_node_path_default().join(context, 'Dockerfile');
    if (!(0,external_node_fs_namespaceObject.existsSync)(dockerfile)) {
        throw new UsageError(`file: no Dockerfile at ${external_node_path_default().relative(workspace, dockerfile) || dockerfile}; set 'file' to its path`);
    }
    return { context, dockerfile };
}
async function runPipeline(inputs, ctx, deps) {
    let imageRef;
    let resolved = null;
    if (inputs.image) {
        imageRef = inputs.image;
    }
    else {
        resolved = resolveBuild(inputs, ctx.workspace);
        const build = resolved;
        const result = await deps.log.group(`Build ${external_node_path_default().relative(ctx.workspace, build.dockerfile) || build.dockerfile}`, () => buildImage({
            context: build.context,
            file: build.dockerfile,
            target: inputs.target,
            platform: inputs.platforms[0] ?? null,
            builder: inputs.builder,
            buildArgs: inputs.buildArgs,
            buildContexts: inputs.buildContexts,
            cacheFrom: inputs.cacheFrom,
            cacheTo: inputs.cacheTo,
            labels: inputs.labels,
            tags: [],
            secrets: inputs.secrets
        }, { exec: deps.exec, tempDir: deps.tempDir, onProgress: (chunk) => deps.log.debug(chunk) }));
        imageRef = result.imageId;
    }
    const inspected = await inspectImage(imageRef, deps.exec);
    const image = {
        ref: inputs.image,
        id: inspected.id,
        platform: inspected.platform,
        context: resolved ? external_node_path_default().relative(ctx.workspace, resolved.context) || '.' : null,
        dockerfile: resolved ? external_node_path_default().relative(ctx.workspace, resolved.dockerfile) : null,
        target: inputs.target,
        commit: ctx.commit
    };
    const status = 'pass';
    return {
        schemaVersion: SCHEMA_VERSION,
        tool: { name: TOOL.name, version: TOOL.version },
        image,
        size: { uncompressed: inspected.size, compressed: null, compressedSource: null },
        layers: [],
        wasted: null,
        goBinaries: [],
        budget: { metric: inputs.budgetMetric, limit: inputs.budget, warnAt: null, maxIncrease: null, status: 'none' },
        baseline: { source: 'none', ref: null, commit: null, size: null, layers: [], error: null },
        delta: null,
        findings: [],
        suggestion: null,
        history: [],
        status
    };
}

;// CONCATENATED MODULE: ./src/report/terminal.ts
// The report for a terminal: a short, plain summary.

function renderTerminal(report) {
    const lines = [
        `${report.status.toUpperCase()}  ${report.image.dockerfile ?? report.image.ref ?? report.image.id}  ${report.image.platform}`,
        `  size: ${formatSize(report.size.uncompressed)} uncompressed` +
            (report.size.compressed !== null ? `, ${formatSize(report.size.compressed)} compressed (${report.size.compressedSource})` : '')
    ];
    if (report.budget.limit !== null)
        lines.push(`  budget: ${formatSize(report.budget.limit)} ${report.budget.metric} → ${report.budget.status}`);
    return lines.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./src/cli.ts
// Terminal entry: the same pipeline as the action, flags instead of inputs.
// Every action input is a flag of the same name. Exit codes: 0 pass or warn,
// 1 fail, 2 usage or environment error (one line on stderr).









/** Turns argv into raw input strings keyed by input name. */
function parseArgs(argv) {
    const values = new Map();
    let help = false;
    let version = false;
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '--help' || arg === '-h') {
            help = true;
            continue;
        }
        if (arg === '--version') {
            version = true;
            continue;
        }
        if (!arg.startsWith('--'))
            throw new UsageError(`unexpected argument '${arg}'; flags look like --context DIR (see --help)`);
        const eq = arg.indexOf('=');
        const name = (eq > 0 ? arg.slice(2, eq) : arg.slice(2));
        const spec = INPUT_SPECS[name];
        if (!spec)
            throw new UsageError(`unknown flag --${name} (see --help)`);
        let value;
        if (eq > 0)
            value = arg.slice(eq + 1);
        else if (spec.kind === 'boolean') {
            const next = argv[i + 1];
            value = next !== undefined && /^(true|false)$/i.test(next) ? (i++, next) : 'true';
        }
        else {
            const next = argv[i + 1];
            if (next === undefined)
                throw new UsageError(`--${name} needs a value`);
            value = next;
            i++;
        }
        // A repeated list flag adds a line (--build-arg A=1 --build-arg B=2).
        const previous = values.get(name);
        values.set(name, previous !== undefined && spec.kind === 'list' ? `${previous}\n${value}` : value);
    }
    return { values, help, version };
}
function helpText() {
    const rows = Object.entries(INPUT_SPECS).map(([name, spec]) => {
        const flag = spec.kind === 'boolean' ? `--${name} [true|false]` : `--${name} VALUE`;
        const def = spec.default && !spec.default.startsWith('${{') ? ` (default: ${spec.default})` : '';
        return `  ${flag.padEnd(34)} ${spec.description}${def}`;
    });
    return `${TOOL.name} ${TOOL.version}: build, measure and budget a Go container image\n\nUsage: ${TOOL.name} --context DIR [--file PATH] [--budget 20MB] [--json PATH] ...\n\n${rows.join('\n')}\n\nExit codes: 0 pass or warn, 1 fail, 2 usage or environment error.\n`;
}
const stderrLogger = (verbose) => ({
    info: (m) => process.stderr.write(`${m}\n`),
    warning: (m) => process.stderr.write(`warning: ${m}\n`),
    debug: (m) => { if (verbose)
        process.stderr.write(m); },
    group: async (name, fn) => { process.stderr.write(`▸ ${name}\n`); return fn(); }
});
async function gitCommit(dir) {
    const r = await exec('git', ['rev-parse', 'HEAD'], { cwd: dir }).catch(() => null);
    return r && r.code === 0 ? r.stdout.trim() : null;
}
async function main(argv) {
    const tempDir = (0,external_node_fs_namespaceObject.mkdtempSync)(external_node_path_default().join(external_node_os_default().tmpdir(), 'go-image-budget-'));
    try {
        const args = parseArgs(argv);
        if (args.help) {
            process.stdout.write(helpText());
            return 0;
        }
        if (args.version) {
            process.stdout.write(`${TOOL.version}\n`);
            return 0;
        }
        const inputs = parseInputs((name) => args.values.get(name) ?? (name === 'github-token' ? '' : ''));
        const workspace = process.cwd();
        const report = await runPipeline(inputs, { workspace, commit: await gitCommit(workspace) }, {
            exec: exec, spawn: spawnStream, tempDir,
            cacheDir: external_node_path_default().join(external_node_os_default().homedir(), '.cache', TOOL.name),
            log: stderrLogger(process.env.GO_IMAGE_BUDGET_VERBOSE === '1'),
            now: () => new Date()
        });
        if (inputs.json)
            (0,external_node_fs_namespaceObject.writeFileSync)(external_node_path_default().resolve(workspace, inputs.json), JSON.stringify(report, null, 2) + '\n');
        process.stdout.write(renderTerminal(report));
        return report.status === 'fail' ? 1 : 0;
    }
    catch (error) {
        process.stderr.write(`${TOOL.name}: ${errorMessage(error)}\n`);
        return 2;
    }
    finally {
        (0,external_node_fs_namespaceObject.rmSync)(tempDir, { recursive: true, force: true });
    }
}
// Only when run as a program (the bundle, or tsx), not when imported by tests.
const invokedAs = process.argv[1] ? external_node_path_default().basename(process.argv[1]) : '';
if (/^(cli\.(ts|js)|index\.js|go-image-budget)$/.test(invokedAs) && !process.env.JEST_WORKER_ID) {
    main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
}

var __webpack_exports__helpText = __webpack_exports__.BK;
var __webpack_exports__main = __webpack_exports__.iW;
var __webpack_exports__parseArgs = __webpack_exports__.Zy;
export { __webpack_exports__helpText as helpText, __webpack_exports__main as main, __webpack_exports__parseArgs as parseArgs };
