import { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';

/** Starts listening, turning the usual start-up failures into one line an operator can act on. */
export async function listenOrExplain(app: INestApplication, port: number): Promise<void> {
  await app.init();
  const server = app.getHttpServer() as Server;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new Error(`Port ${port} is already in use: stop the other process or set PORT`);
    if (code === 'EACCES') throw new Error(`Port ${port} needs privileges this process lacks: set PORT above 1024`);
    throw error;
  }
}
