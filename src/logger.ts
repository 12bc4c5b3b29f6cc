import pino, { type Logger } from 'pino';
import type { Config } from './config';

/**
 * Structured JSON logs; secrets are redacted by path so a mistake in a log call cannot leak them.
 * `fd` 2 is for tools whose stdout is their output (export writes the graph there).
 */
export function createLogger(config: Pick<Config, 'LOG_LEVEL'>, fd: 1 | 2 = 1): Logger {
  return pino(
    {
      level: config.LOG_LEVEL,
      base: { service: 'rightsgraph' },
      redact: { paths: ['req.headers.authorization', '*.password', '*.token', '*.secret'], censor: '[redacted]' },
    },
    pino.destination(fd),
  );
}
