import 'reflect-metadata';
import { startApp } from './app';
import { loadConfig } from './config';
import { createLogger } from './logger';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  const running = await startApp(config, logger);
  logger.info({ url: `${running.url}/graphql` }, 'rightsgraph is listening; open /graphql in a browser for the IDE');

  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // A hung connection must not keep the process alive forever.
    setTimeout(() => process.exit(1), 10_000).unref();
    running.stop().then(
      () => process.exit(0),
      (e: unknown) => {
        logger.error({ err: e }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((e: unknown) => {
  // Configuration and seed errors are written for people; print them plainly and exit.
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
