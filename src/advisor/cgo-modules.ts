// Modules that do nothing useful without cgo: built with CGO_ENABLED=0 they
// compile a stub that fails at run time (go-sqlite3: "Binary was compiled
// with 'CGO_ENABLED=0', go-sqlite3 requires cgo to work"). Used only when the
// module's own sources are not at hand (not vendored); with sources, their
// `import "C"` decides. Keep the list short: each entry is a widely used
// binding to a C library with no pure-Go fallback.
export const CGO_ONLY_MODULES: readonly string[] = [
  'github.com/mattn/go-sqlite3', // SQLite (C amalgamation)
  'github.com/confluentinc/confluent-kafka-go', // librdkafka (also /v2)
  'github.com/godror/godror', // Oracle client
  'github.com/mattn/go-oci8', // Oracle OCI
  'github.com/linxGnu/grocksdb', // RocksDB
  'github.com/tecbot/gorocksdb', // RocksDB
  'github.com/h2non/bimg', // libvips
  'github.com/davidbyttow/govips', // libvips
  'gopkg.in/gographics/imagick.v3', // ImageMagick
  'github.com/DataDog/zstd', // zstd (C)
  'github.com/valyala/gozstd' // zstd (C)
]

/** The cgo-only module a module path is (or is a major version of), or null. */
export function cgoOnlyModule(path: string): string | null {
  return CGO_ONLY_MODULES.find((m) => path === m || path.startsWith(`${m}/`)) ?? null
}
