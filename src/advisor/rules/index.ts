// Every rule, in the order findings are listed.
import type { Rule } from '../rule.js'
import { caCertificates } from './ca-certificates.js'
import { cgoDisabled } from './cgo-disabled.js'
import { dockerignore } from './dockerignore.js'
import { layerOrder } from './layer-order.js'
import { minimalBase } from './minimal-base.js'
import { multiStage } from './multi-stage.js'
import { nonRoot } from './non-root.js'
import { stripSymbols } from './strip-symbols.js'
import { trimpath } from './trimpath.js'
import { tzdata } from './tzdata.js'
import { wastedLayers } from './wasted-layers.js'

export const RULES: readonly Rule[] = [multiStage, minimalBase, cgoDisabled, caCertificates, tzdata, nonRoot, stripSymbols, trimpath, wastedLayers, dockerignore, layerOrder]
