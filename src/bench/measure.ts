/**
 * Running one build stage as a child process and measuring it: wall time and
 * peak resident memory of the child together with everything it starts
 * (Astro's esbuild service, Pagefind's indexing binary), so each stage's
 * memory is its own.
 *
 * Memory comes from /proc (Linux): every `pollMs` the child's process tree is
 * read (VmRSS, VmHWM of each process). The peak is the larger of the highest
 * sampled sum of VmRSS over the tree (what the tree held at once) and the
 * highest single process's VmHWM (exact for that process, even between
 * samples). Without /proc the peak is reported as null.
 */
import {spawn} from 'node:child_process'
import {existsSync, readdirSync, readFileSync} from 'node:fs'

/** What a measured run gives. */
export interface Measured {
  /** Exit code (null when killed by a signal). */
  code: number | null
  /** Wall time, milliseconds. */
  wallMs: number
  /** Peak resident memory of the process tree, bytes; null when /proc is unavailable. */
  peakRssBytes: number | null
  stdout: string
  stderr: string
}

/** Options of `runMeasured`. */
export interface RunOptions {
  cwd: string
  env: NodeJS.ProcessEnv
  /** Memory sampling interval, ms; default 50. */
  pollMs?: number
  /** Also copy the child's output to this process's stderr as it comes (default false). */
  echo?: boolean
  /** Aborting it stops the child (SIGTERM) and rejects. */
  signal?: AbortSignal
}

const procAvailable = existsSync('/proc/self/status')

/** Parent pid of a process, from /proc/<pid>/stat (the field after the parenthesised name). */
function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return Number(rest[1])
  } catch {
    return null
  }
}

/** All live descendants of `root` (not `root` itself). */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    const pid = Number(name)
    const parent = parentOf(pid)
    if (parent === null) continue
    const list = children.get(parent)
    if (list) list.push(pid)
    else children.set(parent, [pid])
  }
  const out: number[] = []
  const queue = [root]
  while (queue.length > 0) {
    for (const child of children.get(queue.shift() as number) ?? []) {
      out.push(child)
      queue.push(child)
    }
  }
  return out
}

/** VmRSS and VmHWM of a process in bytes, or null when it is gone. */
function memoryOf(pid: number): {rss: number; hwm: number} | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024
    return {rss: kb('VmRSS'), hwm: kb('VmHWM')}
  } catch {
    return null
  }
}

/**
 * Run `command args` and measure it.
 *
 * Takes the command, its arguments and options; resolves when it exits with
 * its exit code, wall time, peak memory and output.
 */
export function runMeasured(command: string, args: readonly string[], options: RunOptions): Promise<Measured> {
  const pollMs = options.pollMs ?? 50
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(command, args, {cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], ...(options.signal ? {signal: options.signal} : {})})
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => {
      stdout.push(chunk)
      if (options.echo) process.stderr.write(chunk)
    })
    child.stderr.on('data', (chunk: Buffer) => {
      stderr.push(chunk)
      if (options.echo) process.stderr.write(chunk)
    })

    let peakSum = 0
    let peakSingle = 0
    let tree: number[] = []
    let ticks = 0
    const sample = () => {
      const pid = child.pid
      if (pid === undefined || !procAvailable) return
      // Look for new processes of the tree every fifth sample: scanning /proc costs more than reading a few status files.
      if (ticks++ % 5 === 0) tree = [pid, ...descendants(pid)]
      let sum = 0
      for (const p of tree) {
        const memory = memoryOf(p)
        if (!memory) continue
        sum += memory.rss
        peakSingle = Math.max(peakSingle, memory.hwm)
      }
      peakSum = Math.max(peakSum, sum)
    }
    const timer = setInterval(sample, pollMs)
    child.on('spawn', sample)
    child.on('error', (error) => {
      clearInterval(timer)
      reject(error)
    })
    child.on('close', (code) => {
      clearInterval(timer)
      resolve({
        code,
        wallMs: performance.now() - started,
        peakRssBytes: procAvailable ? Math.max(peakSum, peakSingle) : null,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8')
      })
    })
  })
}
