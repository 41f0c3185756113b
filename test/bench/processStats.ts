import { readFileSync } from 'node:fs';

/**
 * What the benchmarks read of a process from /proc (Linux): the CPU it has used and its peak memory,
 * and the Node flags a benchmark passes on from an environment variable.
 */

const CLOCK_TICK_MS = 10; // USER_HZ is 100 on Linux

/** CPU time the process has used so far, in ms (utime + stime, fields 14 and 15 of /proc/<pid>/stat, after the parenthesised command name). */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS;
}

/** cpuMs of the process and of every process below it (a launcher and the services it started). */
export function treeCpuMs(pid: number): number {
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  return children.reduce((sum, child) => sum + treeCpuMs(child), cpuMs(pid));
}

/** The process's resident-memory high-water mark, in MB. */
export function peakMb(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? 0) / 1024;
}

/** The Node flags in an environment variable (space separated), such as `--cpu-prof --cpu-prof-dir=/tmp/prof`. */
export const nodeArgs = (name: string): string[] => process.env[name]?.split(/\s+/).filter(Boolean) ?? [];

/**
 * The Node flags `pnpm start` runs the hub with (package.json's start script, between `node` and
 * `--import tsx`, such as the young generation's size), so that a benchmark runs our processes as the
 * hub ships them.
 */
export function hubNodeFlags(): string[] {
  const script: string = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).scripts.start;
  const words = script.split(/\s+/);
  return words.slice(words.indexOf('node') + 1, words.indexOf('--import'));
}
