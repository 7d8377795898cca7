// A failed build in one line: the failing step and its last output lines.
import { buildFailureSummary } from '../../src/docker/build-failure.js'

// The end of `docker buildx build --progress plain` for a step that failed (buildx 0.29's layout).
const VCS_FAILURE = `#9 [build 3/3] RUN CGO_ENABLED=0 go build -o /out/app .
#9 0.412 error obtaining VCS status: exit status 128
#9 0.412 	Use -buildvcs=false to disable VCS stamping.
#9 ERROR: process "/bin/sh -c CGO_ENABLED=0 go build -o /out/app ." did not complete successfully: exit code: 1
------
 > [build 3/3] RUN CGO_ENABLED=0 go build -o /out/app .:
0.412 error obtaining VCS status: exit status 128
0.412 	Use -buildvcs=false to disable VCS stamping.
------
Dockerfile:4
--------------------
   2 |     WORKDIR /src
   3 |     COPY . .
   4 | >>> RUN CGO_ENABLED=0 go build -o /out/app .
   5 |
--------------------
ERROR: failed to build: failed to solve: process "/bin/sh -c CGO_ENABLED=0 go build -o /out/app ." did not complete successfully: exit code: 1`

test.each([
  [
    'a failing RUN step: the step and its last lines',
    VCS_FAILURE,
    '[build 3/3] RUN CGO_ENABLED=0 go build -o /out/app .: error obtaining VCS status: exit status 128 / Use -buildvcs=false to disable VCS stamping.'
  ],
  ['a step without output: the step', ' > [2/2] COPY missing /x:\n------\nERROR: failed to build', '[2/2] COPY missing /x'],
  [
    'no step block: the last line, without its step number',
    '#1 [internal] load build definition\n#1 ERROR: failed to read dockerfile: open Dockerfile: no such file or directory\n',
    'ERROR: failed to read dockerfile: open Dockerfile: no such file or directory'
  ]
])('%s', (_, output, expected) => {
  expect(buildFailureSummary(output)).toBe(expected)
})
