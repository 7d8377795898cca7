// ca-certificates: a scratch final stage whose binary makes TLS connections
// and gets no root certificates ("x509: certificate signed by unknown authority").
import { classifyBase } from '../images.js'
import { rootImage, stageChain } from '../model.js'
import { finding, type Rule } from '../rule.js'
import { linkedPackages } from './packages.js'

const TLS_PACKAGES = ['crypto/tls', 'crypto/x509', 'net/http', 'net/smtp', 'google.golang.org/grpc/credentials']

export const caCertificates: Rule = {
  id: 'ca-certificates',
  needsMeasurement: false,
  check(ctx) {
    const { model } = ctx
    const base = rootImage(model, model.final)
    if (classifyBase(base).kind !== 'scratch') return []
    const chain = stageChain(model, model.final)
    const provided = chain.some((s) =>
      s.copies.some((c) => [...c.sources, c.dest].some((p) => /ssl\/certs|ca-certificates|ca-bundle|cert\.pem/.test(p))) ||
      'SSL_CERT_FILE' in s.env || 'SSL_CERT_DIR' in s.env)
    if (provided) return []
    const packages = linkedPackages(ctx)
    const uses = packages.filter((p) => TLS_PACKAGES.includes(p))
    if (uses.length === 0) return []
    return [finding(ctx, 'ca-certificates', 'warning', model.final.line,
      `The binary uses ${uses.join(', ')} but \`scratch\` has no CA certificates: TLS connections fail with "certificate signed by unknown authority". Copy them from the build stage or use distroless static.`,
      'COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\n# or: FROM gcr.io/distroless/static-debian12:nonroot')]
  }
}
