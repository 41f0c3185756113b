import type { Server } from 'node:http';
import { StartFailure } from './startFailure.ts';

/**
 * `server.listen(port, host)` as a promise. A port another process holds (most often a hub still
 * running, or a second `pnpm start`) is a StartFailure that names the port and what to do, in both
 * languages; any other error is passed on as it is.
 */
export function listen(server: Server, port: number, host: string | undefined): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EADDRINUSE') return reject(error);
      const where = `${host ?? ''}:${port}`;
      reject(
        new StartFailure(
          `端口 ${where} 已被占用（也许另一个平台实例仍在运行）：先停止它，或用 PORT、SUBGRAPH_PORTS 换端口`,
          `port ${where} is already in use (another hub still running?): stop it, or choose other ports with PORT and SUBGRAPH_PORTS`,
          { cause: error },
        ),
      );
    };
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve();
    });
  });
}
