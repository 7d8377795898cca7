// non-root: the final stage runs as root (no USER, or USER root/0), so a
// process escape starts as root. Distroless `:nonroot` or a numeric USER fix it.
import { classifyBase } from '../images.js'
import { rootImage } from '../model.js'
import { finding, type Rule } from '../rule.js'

const isRoot = (user: string) => /^(root|0)(:.*)?$/.test(user.trim()) || user.trim() === ''

export const nonRoot: Rule = {
  id: 'non-root',
  needsMeasurement: false,
  check(ctx) {
    const { model, measured } = ctx
    const declared = model.final.user
    const base = classifyBase(rootImage(model, model.final))
    // The built image's config is the truth (a base image may set USER); else the Dockerfile and the base's name.
    const root = measured?.user !== undefined && measured?.user !== null ? isRoot(measured.user) : declared ? isRoot(declared.value) : !base.nonRoot
    if (!root) return []
    const fix = base.kind === 'scratch' ? 'USER 65532:65532' : 'FROM gcr.io/distroless/static-debian12:nonroot\n# or, on any base: USER 65532:65532'
    return [
      finding(
        ctx,
        'non-root',
        'warning',
        declared && isRoot(declared.value) ? declared.line : model.final.line,
        'The container runs as root. Run it as an unprivileged user: a numeric USER works even on scratch, which has no /etc/passwd.',
        fix
      )
    ]
  }
}
