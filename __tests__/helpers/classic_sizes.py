#!/usr/bin/env python3
"""Classic (overlay2 graph driver) layer sizes of an image, from `docker save`.

Independent of the project's TypeScript: the tests compare what the product
reports with what this computes. A layer's classic size is the bytes of its
regular files plus the target lengths of its symlinks; a hard link adds
nothing (its file is counted once, where the data is). Reads either layout
(legacy `<id>/layer.tar`, OCI `blobs/sha256/...`), plain or gzip layer blobs.

  docker save IMAGE | python3 classic_sizes.py   ->  {"layers": [...], "total": N}
Each layer: {"diffId": "sha256:...", "blob": "...", "blobBytes": N, "mediaCompressed": bool, "size": N, "symlinkBytes": N}
"""
import hashlib
import io
import json
import sys
import tarfile


class HashingReader(io.RawIOBase):
    """Hashes what is read through it: the uncompressed tar's sha256 is its diff id."""

    def __init__(self, raw):
        self.raw = raw
        self.sha = hashlib.sha256()

    def readable(self):
        return True

    def readinto(self, buffer):
        data = self.raw.read(len(buffer))
        self.sha.update(data)
        buffer[: len(data)] = data
        return len(data)


def layer_size(blob_bytes):
    compressed = blob_bytes[:2] == b"\x1f\x8b"
    if blob_bytes[:4] == b"\x28\xb5\x2f\xfd":
        raise SystemExit("zstd layers are not supported by this checker")
    raw = io.BytesIO(blob_bytes)
    if compressed:
        import gzip

        raw = gzip.GzipFile(fileobj=raw)
    hashing = HashingReader(raw)
    size = 0
    symlinks = 0
    with tarfile.open(fileobj=io.BufferedReader(hashing, 1 << 20), mode="r|") as tar:
        for member in tar:
            if member.isreg():
                size += member.size
            elif member.issym():
                symlinks += len(member.linkname.encode("utf-8", "surrogateescape"))
                size += len(member.linkname.encode("utf-8", "surrogateescape"))
    # Read to the end (tarfile stops at the end-of-archive marker) so the hash is whole.
    while hashing.read(1 << 20):
        pass
    return size, symlinks, "sha256:" + hashing.sha.hexdigest(), compressed


def main():
    source = open(sys.argv[1], "rb") if len(sys.argv) > 1 else sys.stdin.buffer
    files = {}
    with tarfile.open(fileobj=source, mode="r|") as outer:
        for member in outer:
            if member.isreg():
                files[member.name] = outer.extractfile(member).read()
    manifest = json.loads(files["manifest.json"])[0]
    layers = []
    for path in manifest["Layers"]:
        size, symlinks, diff_id, compressed = layer_size(files[path])
        layers.append({"diffId": diff_id, "blob": path, "blobBytes": len(files[path]), "mediaCompressed": compressed, "size": size, "symlinkBytes": symlinks})
    print(json.dumps({"layers": layers, "total": sum(l["size"] for l in layers)}))


if __name__ == "__main__":
    main()
