// non-root: the final stage runs as root (no USER, or USER root/0), so a
// process escape starts as root. The fix fits the base the image keeps: a
// numeric USER (no /etc/passwd entry needed, scratch and distroless too),
// added at the end of the final stage. A base the advisor knows nothing of
// may set a user itself: without the built image's config that is info.
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
    const known = measured?.user != null || declared !== null || base.kind !== 'unknown'
    const end = Math.max(...model.final.instructions.map((i) => i.endLine))
    // After the final stage's last instruction: every RUN still runs as root, the container does not.
    const edit = { line: end + 1, endLine: end, text: 'USER 65532:65532' }
    const f = finding(
      ctx,
      'non-root',
      known ? 'warning' : 'info',
      declared && isRoot(declared.value) ? declared.line : model.final.line,
      known
        ? 'The container runs as root. Run it as an unprivileged user: a numeric USER works on any base, scratch included, without an /etc/passwd entry.'
        : `The Dockerfile sets no USER, and whether \`${rootImage(model, model.final)}\` sets one is not known without its config: check that the container does not run as root.`,
      edit.text
    )
    return [{ ...f, edits: [edit] }]
  }
}
