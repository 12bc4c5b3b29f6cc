import type { Config } from '../../config';
import type { Neo4jOptions } from './driver';

/** The store's options from validated config; null when NEO4J_URI is unset (embedded mode). */
export function neo4jOptionsFromConfig(config: Config): Neo4jOptions | null {
  if (!config.NEO4J_URI) return null;
  return {
    uri: config.NEO4J_URI,
    user: config.NEO4J_USER,
    password: config.NEO4J_PASSWORD,
    database: config.NEO4J_DATABASE,
    timeoutMs: config.NEO4J_TIMEOUT_MS,
  };
}
