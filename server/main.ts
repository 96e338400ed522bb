import { ConfigError, loadConfig } from './config';
import { createLogger, toError } from './logger';
import { startServer } from './startServer';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  const server = await startServer({
    port: config.port,
    host: config.host,
    dataDir: config.dataDir,
    staticDir: config.staticDir,
    maxMessageBytes: config.maxMessageBytes,
    logLevel: config.logLevel,
    sqliteSynchronous: config.sqliteSynchronous,
    quotas: config.quotas,
    docFileQuotas: config.docFileQuotas,
    publicUrl: config.publicUrl,
    trustProxy: config.trustProxy,
    databaseUrl: config.databaseUrl,
    redisUrl: config.redisUrl,
    redisPrefix: config.redisPrefix,
  });
  // Scripts (the benchmark, tests) wait for this exact line, whatever the log level.
  process.stdout.write(`Jianyan listening on ${server.url}\n`);
  if (server.setupUrl !== null) {
    // Printed, never logged: whoever opens it first becomes the secretariat. A restart makes a new one.
    process.stdout.write(`Open this link to create the first secretariat account: ${server.setupUrl}\n`);
  }
  logger.info('data directory', { dataDir: config.dataDir });
  if (config.publicUrl !== null) {
    logger.info('links are built on PUBLIC_URL', {
      publicUrl: config.publicUrl,
      trustProxy: config.trustProxy.join(', '),
    });
  }

  let isStopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    // Ctrl+C in a terminal signals the whole foreground group, and `npm start` forwards its copy
    // too: a second signal must not end the process while pending changes are being stored.
    if (isStopping) {
      logger.info('already stopping', { signal });
      return;
    }
    isStopping = true;
    logger.info('stopping: storing pending changes', { signal });
    server.close().then(
      () => process.exit(0),
      (thrown: unknown) => {
        logger.error('shutdown failed', { error: toError(thrown).message });
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => stop(signal));
  }
}

main().catch((thrown: unknown) => {
  const error = toError(thrown);
  process.stderr.write(`${error instanceof ConfigError ? error.message : (error.stack ?? error.message)}\n`);
  process.exit(1);
});
