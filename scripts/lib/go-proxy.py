"""A file:// GOPROXY from unpacked Debian golang-*-dev packages (scripts/go-modules.sh).

    python3 go-proxy.py TREES_DIR PROXY_DIR

TREES_DIR holds one directory per unpacked package, named like its .deb
(`NAME_VERSION_ARCH`); each module found under usr/share/gocode/src (a
directory with a go.mod, or the package's import path when it has none) is
written to PROXY_DIR in the proxy protocol's layout: `<module>/@v/list`,
`<version>.info`, `.mod` and `.zip` (files under `<module>@<version>/`).
"""
import json
import os
import re
import sys
import urllib.parse
import zipfile

SRC = os.path.join('usr', 'share', 'gocode', 'src')
SAFE_NAME = re.compile(r'^[A-Za-z0-9._+\-~]+$')


def go_version(debian):
    """Debian's upstream version as a Go module version, or None."""
    v = urllib.parse.unquote(debian)
    v = v.split(':', 1)[-1]
    v = re.sub(r'-[^-]+$', '', v)  # the Debian revision
    v = v.split('+really')[-1]
    git = re.match(r'^(\d+)\.(\d+)(?:\.(\d+))?[~+]git(\d{8})[.-]?([0-9a-f]{7,40})?', v)
    if git:
        major, minor, patch, date, rev = git.groups()
        rev = (rev or '000000000000')[:12]
        patch = int(patch or 0)
        if v[len(major) + len(minor) + 1:].startswith(('.%d+' % patch, '+')):
            patch += 1  # released version plus commits: the next patch's pseudo-version
        base = 'v%s.%s.%d' % (major, minor, patch)
        if base == 'v0.0.0':
            return 'v0.0.0-%s000000-%s' % (date, rev)
        return '%s-0.%s000000-%s' % (base, date, rev)
    v = re.sub(r'[+~](ds|dfsg|repack)\d*.*$', '', v)
    m = re.match(r'^(\d+)\.(\d+)(?:\.(\d+))?$', v)
    if not m:
        return None
    return 'v%s.%s.%s' % (m.group(1), m.group(2), m.group(3) or '0')


def semver_key(v):
    m = re.match(r'^v(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?', v)
    if not m:
        return (0, 0, 0, 0, ())
    pre = m.group(4)
    parts = tuple((0, int(p), '') if p.isdigit() else (1, 0, p) for p in pre.split('.')) if pre else ()
    return (int(m.group(1)), int(m.group(2)), int(m.group(3)), 0 if pre else 1, parts)


def major_of(path):
    m = re.search(r'/v(\d+)$', path) or re.search(r'\.v(\d+)$', path)
    return int(m.group(1)) if m else None


def module_path(gomod):
    with open(gomod, encoding='utf-8', errors='replace') as f:
        for line in f:
            m = re.match(r'^\s*module\s+"?([^"\s]+)"?', line)
            if m:
                return m.group(1)
    return None


def requirements(text):
    reqs = []
    block = False
    for line in text.splitlines():
        line = line.split('//')[0].strip()
        if block:
            if line == ')':
                block = False
            elif line:
                parts = line.replace('"', '').split()
                if len(parts) >= 2:
                    reqs.append((parts[0], parts[1]))
        elif line.startswith('require ('):
            block = True
        elif line.startswith('require '):
            parts = line[len('require '):].replace('"', '').split()
            if len(parts) >= 2:
                reqs.append((parts[0], parts[1]))
    return reqs


def escape(path):
    return re.sub(r'[A-Z]', lambda m: '!' + m.group(0).lower(), path)


def find_modules(tree):
    """(module path, directory) pairs in one unpacked package."""
    src = os.path.join(tree, SRC)
    if not os.path.isdir(src):
        return []
    mods = []
    go_dirs = []
    for dirpath, dirnames, filenames in os.walk(src):
        dirnames[:] = [d for d in dirnames if d not in ('vendor', 'testdata') and not os.path.islink(os.path.join(dirpath, d))]
        if 'go.mod' in filenames and not os.path.islink(os.path.join(dirpath, 'go.mod')):
            path = module_path(os.path.join(dirpath, 'go.mod'))
            if path:
                mods.append((path, dirpath))
        if any(f.endswith('.go') and not os.path.islink(os.path.join(dirpath, f)) for f in filenames):
            go_dirs.append(dirpath)
    covered = [d for _, d in mods]
    loose = [d for d in go_dirs if not any(d == c or d.startswith(c + os.sep) for c in covered)]
    if loose:
        top = os.path.commonpath(loose)
        rel = os.path.relpath(top, src).replace(os.sep, '/').split('/')
        # Without a go.mod the module is its repository: host/owner/repo on the code hosts, host/repo elsewhere.
        depth = 3 if rel[0] in ('github.com', 'gitlab.com', 'bitbucket.org', 'golang.org') else 2
        if rel[0] != '.' and '.' in rel[0] and len(rel) >= depth:
            mods.append(('/'.join(rel[:depth]), os.path.join(src, *rel[:depth])))
    return mods


def module_files(directory, nested):
    for dirpath, dirnames, filenames in os.walk(directory):
        dirnames[:] = sorted(d for d in dirnames if d not in ('vendor', 'testdata') and not os.path.islink(os.path.join(dirpath, d))
                             and os.path.join(dirpath, d) not in nested)
        for f in sorted(filenames):
            full = os.path.join(dirpath, f)
            if os.path.islink(full) or not SAFE_NAME.match(f):
                continue
            yield full, os.path.relpath(full, directory).replace(os.sep, '/')


def main(trees_dir, out):
    modules = {}  # path -> {version: (directory, nested dirs, go.mod text)}
    for name in sorted(os.listdir(trees_dir)):
        parts = name.split('_')
        if len(parts) < 2 or name.startswith('.'):
            continue
        version = go_version(parts[1])
        if not version:
            print('go-proxy: skipping %s: no Go version for %s' % (name, parts[1]))
            continue
        found = find_modules(os.path.join(trees_dir, name))
        dirs = [d for _, d in found]
        for path, directory in found:
            v = version
            want = major_of(path)
            have = semver_key(v)[0]
            if want is not None and want != have and not (want in (0, 1) and have in (0, 1)):
                print('go-proxy: skipping %s %s: version %s does not fit the module path' % (name, path, v))
                continue
            gomod_file = os.path.join(directory, 'go.mod')
            if os.path.exists(gomod_file):
                with open(gomod_file, encoding='utf-8', errors='replace') as f:
                    text = f.read()
            else:
                text = 'module %s\n' % path
                if have >= 2 and want is None:
                    v += '+incompatible'
            nested = {d for d in dirs if d != directory and d.startswith(directory + os.sep)}
            modules.setdefault(path, {})[v] = (directory, nested, text)

    # Versions other modules require: stand-ins (see scripts/go-modules.sh).
    wanted = {}
    for versions in list(modules.values()):
        for directory, nested, text in versions.values():
            for path, v in requirements(text):
                wanted.setdefault(path, set()).add(v)
    mod_only = {}
    for path, versions in wanted.items():
        have = modules.get(path, {})
        newest = max(have, key=semver_key) if have else None
        for v in versions:
            if v in have:
                continue
            if newest:
                have[v] = have[newest]
            else:
                mod_only.setdefault(path, {})[v] = 'module %s\n' % path

    count = 0
    for path in sorted(set(modules) | set(mod_only)):
        base = os.path.join(out, escape(path), '@v')
        os.makedirs(base, exist_ok=True)
        versions = dict(mod_only.get(path, {}))
        for v, (directory, nested, text) in modules.get(path, {}).items():
            versions[v] = text
            with zipfile.ZipFile(os.path.join(base, escape(v) + '.zip'), 'w', zipfile.ZIP_DEFLATED) as z:
                prefix = '%s@%s/' % (path, v)
                for full, rel in module_files(directory, nested):
                    z.write(full, prefix + rel)
                if not os.path.exists(os.path.join(directory, 'go.mod')):
                    z.writestr(prefix + 'go.mod', text)
            count += 1
        for v, text in versions.items():
            with open(os.path.join(base, escape(v) + '.mod'), 'w', encoding='utf-8') as f:
                f.write(text)
            with open(os.path.join(base, escape(v) + '.info'), 'w', encoding='utf-8') as f:
                json.dump({'Version': v, 'Time': '2023-01-01T00:00:00Z'}, f)
        with open(os.path.join(base, 'list'), 'w', encoding='utf-8') as f:
            f.write(''.join(v + '\n' for v in sorted(versions, key=semver_key) if v in modules.get(path, {})))
    print('go-proxy: %d module versions from %d packages' % (count, len(os.listdir(trees_dir))))


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
