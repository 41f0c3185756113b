import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockFolder } from './folderLock.ts';
import { StartFailure } from './startFailure.ts';

const folders: string[] = [];
const children: ReturnType<typeof spawn>[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
const freshFolder = () => {
  const folder = mkdtempSync(join(tmpdir(), 'hub-lock-'));
  folders.push(folder);
  return folder;
};
/** Another process, running until the test ends. */
const otherProcess = async () => {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
  children.push(child);
  await new Promise((resolve) => child.once('spawn', resolve));
  return child;
};

describe('lockFolder', () => {
  it('claims a folder for this process and gives it back on release', () => {
    const folder = freshFolder();
    const release = lockFolder(folder);
    expect(readFileSync(join(folder, '.hub-lock'), 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(join(folder, '.hub-lock'))).toBe(false);
  });

  it('refuses a folder another running process holds, naming the process and the lock file, in both languages', async () => {
    const folder = freshFolder();
    const other = await otherProcess();
    writeFileSync(join(folder, '.hub-lock'), String(other.pid));
    let refusal: unknown;
    try {
      lockFolder(folder);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(StartFailure);
    expect((refusal as Error).message).toContain(`正被进程 ${other.pid} 使用`);
    expect((refusal as Error).message).toContain(`in use by process ${other.pid}`);
    expect((refusal as Error).message).toContain(join(folder, '.hub-lock'));
    // The holder's lock is left as it was.
    expect(readFileSync(join(folder, '.hub-lock'), 'utf8')).toBe(String(other.pid));
  });

  it.runIf(existsSync('/proc/self/cmdline'))('takes over a lock whose id now belongs to a process that is not Node (the id reused)', async () => {
    const folder = freshFolder();
    const sleeper = spawn('sleep', ['60'], { stdio: 'ignore' });
    children.push(sleeper);
    await new Promise((resolve) => sleeper.once('spawn', resolve));
    writeFileSync(join(folder, '.hub-lock'), String(sleeper.pid));
    const release = lockFolder(folder);
    expect(readFileSync(join(folder, '.hub-lock'), 'utf8')).toBe(String(process.pid));
    release();
  });

  it('takes over a lock whose process has ended (a hub killed before it could remove it)', async () => {
    const folder = freshFolder();
    const ended = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    await new Promise((resolve) => ended.once('exit', resolve));
    writeFileSync(join(folder, '.hub-lock'), String(ended.pid));
    const release = lockFolder(folder);
    expect(readFileSync(join(folder, '.hub-lock'), 'utf8')).toBe(String(process.pid));
    release();
  });
});
