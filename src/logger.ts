import pino, { type Logger } from 'pino';
import type { Config } from './config';

/** Structured JSON logs; secrets are redacted by path so a mistake in a log call cannot leak them. */
export function createLogger(config: Pick<Config, 'LOG_LEVEL'>): Logger {
  return pino({
    level: config.LOG_LEVEL,
    base: { service: 'rightsgraph' },
    redact: { paths: ['req.headers.authorization', '*.password', '*.token', '*.secret'], censor: '[redacted]' },
  });
}
