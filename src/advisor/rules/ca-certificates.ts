// ca-certificates: a scratch final stage whose program loads the system's CA
// roots (an HTTPS call anywhere in it, a dependency's included) and gets no
// root certificates ("x509: certificate signed by unknown authority").
import { classifyBase } from '../images.js'
import { rootImage, stageChain } from '../model.js'
import { programNeeds, readFrom } from '../needs.js'
import { finding, type Rule } from '../rule.js'

export const caCertificates: Rule = {
  id: 'ca-certificates',
  needsMeasurement: false,
  check(ctx) {
    const { model } = ctx
    const base = rootImage(model, model.final)
    if (classifyBase(base).kind !== 'scratch') return []
    const chain = stageChain(model, model.final)
    const provided = chain.some(
      (s) => s.copies.some((c) => [...c.sources, c.dest].some((p) => /ssl\/certs|ca-certificates|ca-bundle|cert\.pem/.test(p))) || 'SSL_CERT_FILE' in s.env || 'SSL_CERT_DIR' in s.env
    )
    if (provided) return []
    const needs = programNeeds(ctx)
    if (!needs.caCertificates) return []
    // An assumption (dependencies not read) is something to check, not a fact.
    const message = needs.caAssumed
      ? `The program may load the system's CA roots, ${readFrom(needs)}. \`scratch\` has no CA certificates: check whether it makes TLS connections; if it does, they fail with "certificate signed by unknown authority" until the certificates are copied in.`
      : `The program loads the system's CA roots, ${readFrom(needs)}, but \`scratch\` has no CA certificates: TLS connections fail with "certificate signed by unknown authority". Copy them from the build stage or use distroless static.`
    return [
      finding(
        ctx,
        'ca-certificates',
        needs.caAssumed ? 'info' : 'warning',
        model.final.line,
        message,
        'COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\n# or: FROM gcr.io/distroless/static-debian12:nonroot'
      )
    ]
  }
}
