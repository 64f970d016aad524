// Starts and stops one `next start` for the HTTP bench. The process is spawned straight from
// next's bin (no npx wrapper) in its own process group, so the whole group can be ended on any
// exit path; the `next-server` process whose CPU time is sampled is found among its descendants.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const NEXT_BIN = 'node_modules/next/dist/bin/next';
const started = new Set<ChildProcess>();

/** Ends every process group this bench started (idempotent; safe from an exit handler). */
export function killStarted(): void {
  for (const child of started) {
    if (child.pid !== undefined && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    started.delete(child);
  }
}

process.once('exit', killStarted);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killStarted();
    process.exit(130);
  });
}

/** `next build` when there is no production build yet (`.next/BUILD_ID`). */
export function buildIfMissing(): void {
  if (existsSync('.next/BUILD_ID')) return;
  console.log('http bench: no .next build, running `next build` (a few minutes)…');
  const result = spawnSync(process.execPath, [NEXT_BIN, 'build'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
}

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Field 4 (ppid) follows the parenthesised command, which may itself hold spaces.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

/** The `next-server` process under `root` (next sets that title), else `root` itself. */
function findNextServer(root: number): number {
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    if (commandOf(pid).startsWith('next-server')) return pid;
    queue.push(...childrenOf(pid));
  }
  return root;
}

/** utime + stime of a process, in milliseconds (clock ticks of 10 ms on Linux). */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the command: state is field 3, so utime (14) and stime (15) are at 11 and 12.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export type RunningServer = { baseUrl: string; serverPid: number; stop: () => Promise<void> };

/** `next start` on the port with the environment given; resolves once the schema is current. */
export async function startNext(port: number, env: Record<string, string>): Promise<RunningServer> {
  const child = spawn(
    process.execPath,
    [NEXT_BIN, 'start', '-H', '127.0.0.1', '-p', String(port)],
    {
      env: { ...process.env, ...env, NODE_ENV: 'production' },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  started.add(child);
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${log}`);
    if (Date.now() > deadline) throw new Error(`next start did not become healthy:\n${log}`);
    try {
      const body = await (await fetch(`${baseUrl}/api/health`)).text();
      if (body.includes('"current":true')) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const serverPid = findNextServer(child.pid!);
  return {
    baseUrl,
    serverPid,
    stop: async () => {
      if (child.exitCode === null) {
        process.kill(-child.pid!, 'SIGTERM');
        await Promise.race([
          new Promise((r) => child.once('exit', r)),
          new Promise((r) => setTimeout(r, 5_000)),
        ]);
      }
      killStarted();
    },
  };
}
