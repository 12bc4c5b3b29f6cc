import { SERVERS, startServer, type ServerName } from './http-targets';

/**
 * One benchmarked server in its own process (see http.ts for why): prints `READY <url>` once it
 * listens, and stops cleanly on SIGTERM, so `node --cpu-prof` gets to write its profile.
 */
async function main(): Promise<void> {
  const name = process.argv[2] as ServerName;
  if (!SERVERS.includes(name)) throw new Error(`expected one of ${SERVERS.join(', ')}, got "${String(name)}"`);
  const target = await startServer(name);
  process.once('SIGTERM', () => {
    target.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
  process.stdout.write(`READY ${target.url}\n`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
