// A local stand-in for the few GitHub REST endpoints the action uses, on
// node:http. Every request and every response is checked against GitHub's own
// OpenAPI description (@octokit/openapi): the operation is looked up by method
// and path, then path and query parameters, the JSON body and the response
// body are validated with ajv. The one GraphQL query (`viewer`, who the token
// is) is validated against and executed on GitHub's own GraphQL schema
// (@octokit/graphql-schema). Anything off is recorded in `violations`, which
// tests assert to be empty.
//
// Tokens act as accounts, as on GitHub: by default github-actions[bot] (the
// workflow's GITHUB_TOKEN); `accounts` maps others to an app's bot or a user.
// A write token may edit anyone's comment, as a repository writer may on
// GitHub, so only the action itself can keep a stranger's comment untouched.
/* eslint-disable @typescript-eslint/no-explicit-any -- webhook payloads are JSON fixtures, navigated and edited freely */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRequire } from 'node:module'
import type { ValidateFunction } from 'ajv'
import { buildClientSchema, graphql, parse, validate, type GraphQLSchema, type IntrospectionQuery } from 'graphql'
import { schema as githubGraphqlSchema } from '@octokit/graphql-schema'

const require = createRequire(import.meta.url)

interface OpenApiParameter {
  name: string
  in: 'path' | 'query' | 'header'
  required?: boolean
  schema: object
}
interface OpenApiOperation {
  operationId: string
  parameters?: (OpenApiParameter | { $ref: string })[]
  requestBody?: { required?: boolean; content: Record<string, { schema: object }> }
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: object }> }>
}
interface OpenApiSpec {
  paths: Record<string, Record<string, OpenApiOperation>>
  components: { parameters: Record<string, OpenApiParameter>; responses: Record<string, { content?: Record<string, { schema: object }> }> }
}

/** Operations looked up by method + concrete path, validators compiled once per schema. */
class OpenApiChecker {
  private readonly spec: OpenApiSpec
  private readonly ajv
  private readonly routes: { method: string; template: string; pattern: RegExp; names: string[]; op: OpenApiOperation }[] = []
  private readonly cache = new Map<string, ValidateFunction>()

  constructor() {
    this.spec = require('@octokit/openapi/generated/api.github.com.json') as OpenApiSpec
    const Ajv = require('ajv').default
    const addFormats = require('ajv-formats').default
    this.ajv = new Ajv({ strict: false, validateSchema: false, allErrors: true })
    addFormats(this.ajv)
    this.ajv.addSchema({ $id: 'gh', components: this.spec.components })
    for (const [template, methods] of Object.entries(this.spec.paths)) {
      const names: string[] = []
      const pattern = new RegExp('^' + template.replace(/\{([^}]+)\}/g, (_m, name: string) => (names.push(name), '([^/]+)')) + '$')
      for (const [method, op] of Object.entries(methods)) {
        if (typeof op === 'object' && op && 'responses' in op) this.routes.push({ method: method.toUpperCase(), template, pattern, names, op })
      }
    }
  }

  private validator(key: string, schema: object): ValidateFunction {
    let fn = this.cache.get(key)
    if (!fn) {
      fn = this.ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components', '"gh#/components'))) as ValidateFunction
      this.cache.set(key, fn)
    }
    return fn
  }

  private errors(fn: ValidateFunction, value: unknown): string | null {
    return fn(value) ? null : this.ajv.errorsText(fn.errors, { separator: '; ' })
  }

  find(method: string, pathname: string): { template: string; op: OpenApiOperation; params: Record<string, string> } | null {
    // Literal templates (…/comments/{id}) and templated ones can both match; prefer fewer parameters.
    const candidates = this.routes.filter((r) => r.method === method && r.pattern.test(pathname)).sort((a, b) => a.names.length - b.names.length)
    const route = candidates[0]
    if (!route) return null
    const values = route.pattern.exec(pathname)!.slice(1)
    return { template: route.template, op: route.op, params: Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(values[i])])) }
  }

  private parameters(op: OpenApiOperation): OpenApiParameter[] {
    return (op.parameters ?? []).map((p) => ('$ref' in p ? this.spec.components.parameters[p.$ref.split('/').pop()!] : p))
  }

  /** Problems with a request, [] when it is what the description allows. */
  checkRequest(method: string, url: URL, body: unknown): string[] {
    const found = this.find(method, url.pathname)
    if (!found) return [`${method} ${url.pathname}: no such operation in GitHub's OpenAPI description`]
    const problems: string[] = []
    const where = `${found.op.operationId}`
    const params = this.parameters(found.op)
    const coerce = (text: string, schema: { type?: string }) => (schema.type === 'integer' || schema.type === 'number' ? Number(text) : schema.type === 'boolean' ? text === 'true' : text)
    for (const p of params.filter((q) => q.in === 'path')) {
      const error = this.errors(this.validator(`${where}:path:${p.name}`, p.schema), coerce(found.params[p.name], p.schema))
      if (error) problems.push(`${where}: path parameter ${p.name}: ${error}`)
    }
    const queryNames = new Set(params.filter((q) => q.in === 'query').map((q) => q.name))
    for (const [name, value] of url.searchParams) {
      const p = params.find((q) => q.in === 'query' && q.name === name)
      if (!queryNames.has(name) || !p) {
        problems.push(`${where}: unknown query parameter ${name}`)
        continue
      }
      const error = this.errors(this.validator(`${where}:query:${name}`, p.schema), coerce(value, p.schema))
      if (error) problems.push(`${where}: query parameter ${name}=${value}: ${error}`)
    }
    for (const p of params.filter((q) => q.in === 'query' && q.required)) {
      if (!url.searchParams.has(p.name)) problems.push(`${where}: missing required query parameter ${p.name}`)
    }
    const requestBody = found.op.requestBody
    if (requestBody) {
      const schema = requestBody.content['application/json']?.schema
      if (body === undefined) {
        if (requestBody.required) problems.push(`${where}: missing JSON body`)
      } else if (schema) {
        const error = this.errors(this.validator(`${where}:body`, schema), body)
        if (error) problems.push(`${where}: request body: ${error}`)
      }
    } else if (body !== undefined) problems.push(`${where}: takes no body`)
    return problems
  }

  checkResponse(method: string, url: URL, status: number, body: unknown): string[] {
    const found = this.find(method, url.pathname)
    if (!found) return []
    const where = found.op.operationId
    let response = found.op.responses[String(status)] ?? found.op.responses.default
    // GitHub answers 403 to a token that lacks the operation's permission (a
    // read-only token, `permissions: {}`) on any operation, though the
    // description lists it for few of them: its body is the documented
    // `forbidden` response.
    if (!response && status === 403) response = { $ref: '#/components/responses/forbidden' }
    if (!response) return [`${where}: status ${status} is not a documented response`]
    if (response.$ref) response = this.spec.components.responses[response.$ref.split('/').pop()!]
    const schema = response.content?.['application/json']?.schema
    if (!schema) return body === undefined ? [] : [`${where}: status ${status} has no documented body`]
    const error = this.errors(this.validator(`${where}:${status}`, schema), body)
    return error ? [`${where}: response ${status}: ${error}`] : []
  }
}

export interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string>
  token: string | null
  body: unknown
  status: number
}

export interface PullRequestFixture {
  number: number
  headSha: string
  headRef: string
  state: 'open' | 'closed'
  /** A complete pull-request object (from @octokit/webhooks-examples) to answer with. */
  payload: Record<string, unknown>
}

const USER_FIELDS = (login: string, id: number, type: 'Bot' | 'User', base: string, name = encodeURIComponent(login)) => ({
  login,
  id,
  node_id: `MDQ6VXNlcj${id}`,
  avatar_url: `${base}/avatars/${id}`,
  gravatar_id: '',
  url: `${base}/users/${name}`,
  html_url: `https://github.com/${name}`,
  followers_url: `${base}/users/${name}/followers`,
  following_url: `${base}/users/${name}/following{/other_user}`,
  gists_url: `${base}/users/${name}/gists{/gist_id}`,
  starred_url: `${base}/users/${name}/starred{/owner}{/repo}`,
  subscriptions_url: `${base}/users/${name}/subscriptions`,
  organizations_url: `${base}/users/${name}/orgs`,
  repos_url: `${base}/users/${name}/repos`,
  events_url: `${base}/users/${name}/events{/privacy}`,
  received_events_url: `${base}/users/${name}/received_events`,
  type,
  site_admin: false
})

export interface StoredComment {
  id: number
  body: string
  login: string
  type: 'Bot' | 'User'
  issue: number
  createdAt: string
  updatedAt: string
}

/** The account a token acts as. */
export interface Account {
  login: string
  type: 'Bot' | 'User'
}
export const GITHUB_ACTIONS_BOT: Account = { login: 'github-actions[bot]', type: 'Bot' }

let graphqlSchema: GraphQLSchema | null = null
/** GitHub's GraphQL schema, built once (as @octokit/graphql-schema's own validate does). */
function githubSchema(): GraphQLSchema {
  graphqlSchema ??= buildClientSchema((githubGraphqlSchema.json.data ?? githubGraphqlSchema.json) as IntrospectionQuery)
  return graphqlSchema
}

export class FakeGitHub {
  readonly checker = new OpenApiChecker()
  readonly requests: RecordedRequest[] = []
  readonly violations: string[] = []
  readonly comments: StoredComment[] = []
  readonly pulls: PullRequestFixture[] = []
  /** Tokens that may read but not write (a fork pull request's GITHUB_TOKEN). */
  readonly readOnlyTokens = new Set<string>()
  /** Who each token acts as; any other token is the workflow's GITHUB_TOKEN (github-actions[bot]). */
  readonly accounts = new Map<string, Account>()
  /** Answer the next N requests with 502 (to exercise retries). */
  failNext = 0
  private nextId = 1000
  private server: Server | null = null
  baseUrl = ''

  constructor(
    readonly owner: string,
    readonly repo: string
  ) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res))
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this.baseUrl
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()))
  }

  seedComment(issue: number, body: string, login = 'someone', type: 'Bot' | 'User' = 'User'): StoredComment {
    const at = new Date(Date.UTC(2026, 10, 1, 0, 0, this.comments.length)).toISOString()
    const comment = { id: this.nextId++, body, login, type, issue, createdAt: at, updatedAt: at }
    this.comments.push(comment)
    return comment
  }

  commentsOn(issue: number): StoredComment[] {
    return this.comments.filter((c) => c.issue === issue)
  }

  accountOf(token: string | null): Account {
    return (token && this.accounts.get(token)) || GITHUB_ACTIONS_BOT
  }

  /** A stable user id per login (github-actions[bot]'s is its real one). */
  private userId(login: string): number {
    if (login === GITHUB_ACTIONS_BOT.login) return 41898282
    let id = 583231
    for (const ch of login) id = (id * 31 + ch.charCodeAt(0)) % 90_000_000
    return id + 1
  }

  private commentJson(c: StoredComment) {
    const api = `${this.baseUrl}/repos/${this.owner}/${this.repo}`
    return {
      id: c.id,
      node_id: `IC_${c.id}`,
      url: `${api}/issues/comments/${c.id}`,
      html_url: `https://github.com/${this.owner}/${this.repo}/pull/${c.issue}#issuecomment-${c.id}`,
      issue_url: `${api}/issues/${c.issue}`,
      body: c.body,
      user: USER_FIELDS(c.login, this.userId(c.login), c.type, this.baseUrl),
      created_at: c.createdAt,
      updated_at: c.updatedAt,
      author_association: c.type === 'Bot' ? 'NONE' : 'CONTRIBUTOR'
    }
  }

  private pullJson(pull: PullRequestFixture) {
    const payload = JSON.parse(JSON.stringify(pull.payload)) as Record<string, any>
    payload.number = pull.number
    payload.state = pull.state
    payload.head = { ...payload.head, sha: pull.headSha, ref: pull.headRef }
    // The webhook payload predates auto-merge; the REST description requires the field.
    payload.auto_merge ??= null
    return payload
  }

  /** A request's JSON body and token; a REST request is checked against the description (GraphQL is checked where it is run). */
  private inspect(method: string, url: URL, raw: string, headers: IncomingHttpHeaders): { body: unknown; token: string | null } {
    let body: unknown
    if (raw !== '') {
      try {
        body = JSON.parse(raw)
      } catch {
        this.violations.push(`${method} ${url.pathname}: body is not JSON`)
      }
    }
    const token = /^(?:token|bearer) (.+)$/i.exec(headers.authorization ?? '')?.[1] ?? null
    if (url.pathname !== '/graphql') {
      this.violations.push(...this.checker.checkRequest(method, url, body))
      if (!token) this.violations.push(`${method} ${url.pathname}: no token`)
      if (!String(headers['user-agent'] ?? '').length) this.violations.push(`${method} ${url.pathname}: no user agent`)
    }
    return { body, token }
  }

  /**
   * A request that another server (a fault proxy) answered in the fake's
   * place: the request is checked as the fake checks its own, and the answer
   * against what GitHub's description documents for that status.
   */
  checkAnswered(method: string, url: URL, raw: string, headers: IncomingHttpHeaders, status: number, answer: unknown): void {
    const { body, token } = this.inspect(method, url, raw, headers)
    if (url.pathname === '/graphql') this.violations.push(...this.graphqlProblems(method, body, token))
    else if (status < 500) this.violations.push(...this.checker.checkResponse(method, url, status, answer))
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.baseUrl)
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const method = req.method ?? 'GET'
    const { body, token } = this.inspect(method, url, Buffer.concat(chunks).toString('utf8'), req.headers)
    if (url.pathname === '/graphql') return this.handleGraphql(res, method, body, token)

    const send = (status: number, json?: unknown, headers: Record<string, string> = {}) => {
      this.requests.push({ method, path: url.pathname, query: Object.fromEntries(url.searchParams), token, body, status })
      if (status < 500) this.violations.push(...this.checker.checkResponse(method, url, status, json))
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
      res.end(json === undefined ? '' : JSON.stringify(json))
    }
    if (this.failNext > 0) {
      this.failNext--
      return send(502, { message: 'Server Error' })
    }
    const forbidden = () => send(403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment', status: '403' })
    const notFound = () => send(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' })
    const prefix = `/repos/${this.owner}/${this.repo}`
    let m: RegExpExecArray | null

    if ((m = new RegExp(`^${prefix}/issues/(\\d+)/comments$`).exec(url.pathname))) {
      const issue = Number(m[1])
      if (method === 'GET') {
        const perPage = Number(url.searchParams.get('per_page') ?? 30)
        const page = Number(url.searchParams.get('page') ?? 1)
        const all = this.commentsOn(issue)
        const last = Math.max(1, Math.ceil(all.length / perPage))
        const link = (p: number, rel: string) => `<${this.baseUrl}${url.pathname}?per_page=${perPage}&page=${p}>; rel="${rel}"`
        const links = [...(page > 1 ? [link(page - 1, 'prev'), link(1, 'first')] : []), ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : [])]
        return send(
          200,
          all.slice((page - 1) * perPage, page * perPage).map((c) => this.commentJson(c)),
          links.length ? { link: links.join(', ') } : {}
        )
      }
      if (method === 'POST') {
        if (!token || this.readOnlyTokens.has(token)) return forbidden()
        const account = this.accountOf(token)
        const created = this.seedComment(issue, (body as { body: string }).body, account.login, account.type)
        return send(201, this.commentJson(created), { location: `${this.baseUrl}${prefix}/issues/comments/${created.id}` })
      }
    }
    if ((m = new RegExp(`^${prefix}/issues/comments/(\\d+)$`).exec(url.pathname)) && method === 'PATCH') {
      const comment = this.comments.find((c) => c.id === Number(m![1]))
      if (!comment) return notFound()
      // As on GitHub, a token that may write to the repository may edit anyone's comment.
      if (!token || this.readOnlyTokens.has(token)) return forbidden()
      comment.body = (body as { body: string }).body
      comment.updatedAt = new Date(Date.parse(comment.updatedAt) + 60_000).toISOString()
      return send(200, this.commentJson(comment))
    }
    if ((m = new RegExp(`^${prefix}/commits/([0-9a-f]+)/pulls$`).exec(url.pathname)) && method === 'GET') {
      const sha = m[1]
      return send(
        200,
        this.pulls.filter((p) => p.headSha === sha).map((p) => this.pullJson(p))
      )
    }
    if ((m = new RegExp(`^${prefix}/pulls/(\\d+)$`).exec(url.pathname)) && method === 'GET') {
      const pull = this.pulls.find((p) => p.number === Number(m![1]))
      return pull ? send(200, this.pullJson(pull)) : notFound()
    }
    this.violations.push(`${method} ${url.pathname}: not served by the fake`)
    return notFound()
  }

  /** POST /graphql: the query is validated against GitHub's schema and executed on it; `viewer` is the token's account. */
  private async handleGraphql(res: ServerResponse, method: string, body: unknown, token: string | null): Promise<void> {
    const query = (body as { query?: unknown } | undefined)?.query
    const send = (status: number, json: unknown) => {
      this.requests.push({ method, path: '/graphql', query: {}, token, body, status })
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
      res.end(JSON.stringify(json))
    }
    if (this.failNext > 0) {
      this.failNext--
      return send(502, { message: 'Server Error' })
    }
    const problems = this.graphqlProblems(method, body, token)
    if (problems.length > 0) {
      this.violations.push(...problems)
      if (method !== 'POST' || typeof query !== 'string') return send(400, { message: 'Problems parsing JSON' })
      if (!token) return send(401, { message: 'This endpoint requires you to be authenticated.' })
      return send(200, { errors: problems.map((message) => ({ message })) })
    }
    const account = this.accountOf(token)
    const result = await graphql({ schema: githubSchema(), source: query as string, rootValue: { viewer: { login: account.login, databaseId: this.userId(account.login) } } })
    if (result.errors?.length) this.violations.push(...result.errors.map((e) => `POST /graphql: ${e.message}`))
    return send(200, result)
  }

  /** What is wrong with a GraphQL request: not a POST with a query, no token, or a query GitHub's schema refuses. */
  private graphqlProblems(method: string, body: unknown, token: string | null): string[] {
    const query = (body as { query?: unknown } | undefined)?.query
    if (method !== 'POST' || typeof query !== 'string') return [`${method} /graphql: expected a POST with a JSON body holding the query`]
    if (!token) return ['POST /graphql: no token']
    try {
      return validate(githubSchema(), parse(query)).map((e) => `POST /graphql: ${e.message}`)
    } catch (error) {
      return [`POST /graphql: ${(error as Error).message}`]
    }
  }
}
