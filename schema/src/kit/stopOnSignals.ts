import { logError } from './logError.ts';

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * SIGTERM or SIGINT stops every server and exits: 0 once all have stopped, 1 if stopping fails or takes
 * longer than `graceMs` (a client holding a request open must not keep the ports), and at once on a
 * second signal. Installed before the start, so a signal during a long first start (demo data) ends the
 * process in bounded time too.
 *
 * Returns `takeOver`, to call once the servers have started: it removes the handlers they installed.
 * Every Apollo Server outside NODE_ENV=test adds its own (`stopOnTerminationSignals`) that stops that
 * server and raises the signal again, and a second stop() of a server still stopping never returns
 * (@apollo/server 5.5.1 resolves that wait only when stopping fails): together with the launcher's own,
 * ordered stop they would hang it, or end the process before the databases are closed.
 *
 * `pnpm start` runs node through `exec`: pnpm forwards a signal to its own child only, which must be
 * this process, not a `sh -c` in between (dash neither execs the command nor passes the signal on).
 */
export function stopOnSignals(stop: () => Promise<void>, graceMs = 10_000): () => void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      console.error(`再次收到 ${signal}，立即退出 / ${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    console.log(`收到 ${signal}，正在停止 / ${signal}: stopping …`);
    setTimeout(() => {
      console.error(`${graceMs / 1000} 秒内未能停止，强制退出 / not stopped within ${graceMs / 1000} s: exiting`);
      process.exit(1);
    }, graceMs);
    stop().then(
      () => {
        console.log('已停止 / stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logError({ source: 'hub: 停止时出错 / error while stopping' }, error);
        process.exit(1);
      },
    );
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  return () => {
    for (const signal of SIGNALS) {
      for (const listener of process.listeners(signal)) if (listener !== onSignal) process.removeListener(signal, listener);
    }
  };
}
