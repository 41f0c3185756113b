import { openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { StartFailure } from './startFailure.ts';

const LOCK_FILE = '.hub-lock';

/**
 * Whether a Node process with this id is running (signal 0 checks without sending anything). Where
 * /proc tells (Linux), a process that is not Node is not a hub: its id was reused after the hub ended
 * (in a restarted container, say).
 */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('node');
  } catch {
    return true;
  }
}

/**
 * Claims an embedded database's folder for this process: a `.hub-lock` file holding its process id,
 * made only if none exists. PGlite has no lock of its own, and a second process opening the same folder
 * (a second `pnpm start` while the first runs) reads and writes the same files under the first one. A
 * lock whose process no longer runs (a hub killed before it could remove it) is taken over; one held by
 * a running process is a StartFailure that names it. Returns the release (removes the file).
 */
export function lockFolder(folder: string): () => void {
  const path = join(folder, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && running(holder)) {
        throw new StartFailure(
          `数据目录 ${folder} 正被进程 ${holder} 使用（另一个平台实例？）：先停止它；若确无实例在运行，删除 ${path}`,
          `the data folder ${folder} is in use by process ${holder} (another hub?): stop it first; if none is running, delete ${path}`,
        );
      }
      // Left by a process that has ended (or by this one): taken over.
      rmSync(path, { force: true });
    }
  }
  throw new StartFailure(`无法锁定数据目录 ${folder}`, `cannot lock the data folder ${folder}`);
}
