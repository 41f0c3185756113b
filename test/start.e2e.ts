import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { SERVICE_SUBGRAPHS } from '@hub/schema/contracts';

/**
 * `pnpm start` exactly as a user runs it: pnpm → node (through the script's `exec`) → the hub. The
 * signal goes to the pnpm process alone, as a service manager or `kill <pid>` sends it, not to its
 * process group; the whole tree must end and give its ports back.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STARTED = /网关 \/ gateway: (http:\/\/\S+)\/graphql/;
const SUBGRAPH = /subgraph up at (http:\/\/\S+)/g;

interface Launched {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const launched: Launched[] = [];
const dataDirs: string[] = [];

/**
 * A user's environment, not the test runner's: vitest sets NODE_ENV=test, which turns Apollo Server's
 * own signal handlers off and would hide what they do to a real start. Always PGlite in a fresh folder.
 */
function launch(settings: Record<string, string>): Launched {
  const env: NodeJS.ProcessEnv = { ...process.env, APOLLO_TELEMETRY_DISABLED: 'true', ...settings };
  for (const name of Object.keys(env)) if (name === 'NODE_ENV' || name === 'DATABASE_URL' || name.startsWith('VITEST')) delete env[name];
  // detached: pnpm leads a process group of its own, so the test can find every process it started (and end them if it fails).
  const child = spawn('pnpm', ['start'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout!.on('data', (chunk) => (text += chunk));
  child.stderr!.on('data', (chunk) => (text += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const run = { child, output: () => text, exited };
  launched.push(run);
  return run;
}

function freshDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hub-start-'));
  dataDirs.push(dir);
  return dir;
}

/** Resolves with the first match of `pattern` in the output; rejects with the output if the process ends or `ms` pass first. */
function waitFor(run: Launched, pattern: RegExp, ms: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = run.output().match(pattern);
      if (match) finish(() => resolve(match));
    };
    const fail = (why: string) => finish(() => reject(new Error(`${why}; output so far:\n${run.output()}`)));
    const timer = setTimeout(() => fail(`no ${pattern} within ${ms / 1000} s`), ms);
    const onExit = () => setImmediate(() => (run.output().match(pattern) ? check() : fail('pnpm start ended first')));
    const finish = (then: () => void) => {
      clearTimeout(timer);
      run.child.stdout!.off('data', check);
      run.child.off('exit', onExit);
      then();
    };
    run.child.stdout!.on('data', check);
    run.child.once('exit', onExit);
    check();
  });
}

/** Living processes of a process group (Linux /proc; zombies already dead and only waiting to be reaped are not counted). */
function livingMembers(pgid: number): number[] {
  const members: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // ended while we looked
    }
    // pid (comm) state ppid pgrp …: comm may hold spaces and parentheses, so split after its last ')'.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === pgid && state !== 'Z') members.push(Number(entry));
  }
  return members;
}

/** Polls until the group is empty, at most `ms`; returns who is left. */
async function groupAfter(pgid: number, ms: number): Promise<number[]> {
  const until = Date.now() + ms;
  let left = livingMembers(pgid);
  while (left.length > 0 && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    left = livingMembers(pgid);
  }
  return left;
}

/** True when this process can listen on the port, i.e. nothing holds it. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A port nothing holds now (the system's choice). */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

afterEach(async () => {
  for (const run of launched.splice(0)) {
    const pgid = run.child.pid!;
    if (livingMembers(pgid).length > 0) {
      try {
        process.kill(-pgid, 'SIGKILL'); // only what this test started: the group pnpm leads
      } catch {}
    }
  }
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('pnpm start', () => {
  it('serves on free ports with PORT=0 SUBGRAPH_PORTS=0, and a SIGTERM or a SIGINT to the pnpm process stops every server and ends the whole tree', async () => {
    // The second start reopens the folder the first one closed: quicker (migrated), and it shows the stop left it whole.
    const dataDir = freshDataDir();
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const run = launch({ DEMO_DATA: 'false', DATA_DIR: dataDir, PORT: '0', SUBGRAPH_PORTS: '0' });
      const [, base] = await waitFor(run, STARTED, 200_000);
      const urls = [base!, ...[...run.output().matchAll(SUBGRAPH)].map((m) => m[1]!)];
      expect(urls).toHaveLength(SERVICE_SUBGRAPHS.length + 1); // the gateway, the four offices and the catalog, each at the port it really got
      const ports = urls.map((url) => Number(new URL(url).port));
      expect(ports.every((port) => port > 0)).toBe(true);

      const health = await fetch(`${base}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok' });

      const pgid = run.child.pid!;
      expect(livingMembers(pgid).length).toBeGreaterThan(1); // pnpm and node at least
      process.kill(run.child.pid!, signal); // the pnpm process only, not its group
      const exit = await Promise.race([run.exited, new Promise<'still running'>((r) => setTimeout(() => r('still running'), 30_000))]);
      expect(exit, `${signal}:\n${run.output()}`).toEqual({ code: 0, signal: null }); // stopped cleanly, not forced after the grace period
      expect(run.output()).toContain(`收到 ${signal}，正在停止 / ${signal}: stopping …\n已停止 / stopped`);
      expect(await groupAfter(pgid, 5_000), `processes of pnpm start still running after ${signal}`).toEqual([]);
      for (const port of ports) expect(await portIsFree(port), `port ${port} still held after ${signal}`).toBe(true);
    }
  }, 400_000);

  it('a port another process holds: says which and what to do in both languages, without a stack, gives back every port it took, and the next start on the same folder serves', async () => {
    const [held, gatewayPort, ...free] = await Promise.all(Array.from({ length: SERVICE_SUBGRAPHS.length + 2 }, () => freePort()));
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(held, '127.0.0.1', resolve));
    const dataDir = freshDataDir();
    // HR's port is the one taken; the gateway and the other subgraphs get free ones.
    const names = SERVICE_SUBGRAPHS.map((s) => s.name);
    const ports = Object.fromEntries(names.map((name, i) => [name, name === 'hr' ? held! : free[i]!]));
    const settings = {
      DEMO_DATA: 'false',
      DATA_DIR: dataDir,
      PORT: String(gatewayPort),
      SUBGRAPH_PORTS: names.map((name) => `${name}=${ports[name]}`).join(','),
    };
    try {
      const run = launch(settings);
      const exit = await Promise.race([run.exited, new Promise<'still running'>((r) => setTimeout(() => r('still running'), 120_000))]);
      expect(exit, run.output()).toEqual({ code: 1, signal: null });
      expect(run.output()).toContain(`端口 127.0.0.1:${held} 已被占用`);
      expect(run.output()).toContain(`port 127.0.0.1:${held} is already in use`);
      expect(run.output()).not.toMatch(/\n\s+at .*\(node:/); // no stack trace
      for (const port of Object.values(ports).filter((p) => p !== held)) expect(await portIsFree(port), `port ${port} still held`).toBe(true);
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
    const again = launch(settings);
    const [, base] = await waitFor(again, STARTED, 200_000);
    expect((await fetch(`${base}/health`)).status).toBe(200);
  }, 400_000);

  it('refuses a bad SUBGRAPH_PORTS before starting anything, with a message in both languages', async () => {
    const run = launch({ DEMO_DATA: 'false', DATA_DIR: freshDataDir(), PORT: '0', SUBGRAPH_PORTS: 'hr=4203,payroll=4204' });
    const exit = await Promise.race([run.exited, new Promise<'still running'>((r) => setTimeout(() => r('still running'), 60_000))]);
    expect(exit).toEqual({ code: 2, signal: null });
    expect(run.output()).toContain('SUBGRAPH_PORTS: 无法识别 "payroll=4204"');
    expect(run.output()).toContain('cannot read "payroll=4204"');
    expect(run.output()).not.toContain('subgraph up at');
  }, 90_000);
});
