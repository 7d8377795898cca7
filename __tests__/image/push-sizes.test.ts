// What decides, before any probe, that the daemon cannot reach this machine's
// loopback; and that a push which stalls is stopped (a real process, killed).
import { DockerCli } from '../../src/docker/cli.js'
import { DockerPush } from '../../src/docker/push.js'
import { exec, spawnStream } from '../../src/exec.js'
import { remoteDaemon } from '../../src/image/push-sizes.js'

test.each([
  ['unix:///var/run/docker.sock', null],
  ['unix:///run/user/1000/docker.sock', null],
  ['tcp://127.0.0.1:2375', null],
  ['tcp://localhost:2376', null],
  ['tcp://[::1]:2375', null],
  [null, null],
  ['tcp://docker:2375', 'the Docker daemon at tcp://docker:2375 is not on this machine'],
  ['tcp://10.0.0.5:2376', 'the Docker daemon at tcp://10.0.0.5:2376 is not on this machine'],
  ['ssh://builder@build-host', 'the Docker daemon at ssh://builder@build-host is not on this machine'],
  ['tcp://127.0.0.1.example:2375', 'the Docker daemon at tcp://127.0.0.1.example:2375 is not on this machine']
])('remoteDaemon(%j)', (host, reason) => {
  expect(remoteDaemon(host)).toBe(reason)
})

test('a push that stalls is stopped, and says so (code null)', async () => {
  // The spawn collaborator runs a command that never ends, in place of docker push.
  const commands = new DockerPush(new DockerCli({ exec, spawn: () => spawnStream('sleep', ['30']) }))
  const started = Date.now()
  let asked = 0
  const outcome = await commands.push('127.0.0.1:1/x:y', () => ++asked >= 3, 20)
  expect(outcome).toEqual({ code: null, stderr: '' })
  expect(Date.now() - started).toBeLessThan(5000)
})

test("a push that fails reports its exit and stderr's last lines", async () => {
  const commands = new DockerPush(new DockerCli({ exec, spawn: () => spawnStream('bash', ['-c', 'echo first >&2; echo "denied: go-image-budget measured this push" >&2; exit 1']) }))
  expect(await commands.push('127.0.0.1:1/x:y', () => false, 20)).toEqual({ code: 1, stderr: 'first\ndenied: go-image-budget measured this push' })
})
