import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CONFIG_KEYS, configSchema } from '../../src/config';
import { projectRoot } from '../../src/paths';

/** Docker cannot run here; this keeps the compose file honest against the code it runs. */
const root = projectRoot();
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'));
const pom = readFileSync(join(root, 'neo4j', 'pom.xml'), 'utf8');

describe('docker-compose.yml', () => {
  it('runs a pinned Neo4j 5.26 Community patch, the one the embedded launcher uses', () => {
    const image: string = compose.services.neo4j.image;
    expect(image).toMatch(/^neo4j:5\.26\.\d+-community$/);
    const pomVersion = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(pom)?.[1];
    expect(image).toBe(`neo4j:${pomVersion}-community`);
  });

  it('gives Neo4j a healthcheck and a named volume', () => {
    expect(compose.services.neo4j.healthcheck.test.join(' ')).toMatch(/cypher-shell/);
    const [volume] = (compose.services.neo4j.volumes[0] as string).split(':');
    expect(Object.keys(compose.volumes)).toContain(volume);
  });

  it('starts the API only when Neo4j is healthy, then migrates, seeds and serves on 4000', () => {
    const api = compose.services.api;
    expect(api.depends_on.neo4j.condition).toBe('service_healthy');
    expect(api.command.join(' ')).toMatch(/cli\/migrate\.js && .*cli\/seed\.js && .*main\.js/);
    expect(api.ports).toContain('4000:4000');
    for (const script of ['migrate', 'seed']) expect(existsSync(join(root, 'src', 'cli', `${script}.ts`))).toBe(true);
    expect(existsSync(join(root, 'Dockerfile'))).toBe(true);
  });

  it('sets only environment variables the code reads, with values it accepts', () => {
    const env: Record<string, string> = compose.services.api.environment;
    for (const name of Object.keys(env)) expect(CONFIG_KEYS).toContain(name);
    expect(() => configSchema.parse(env)).not.toThrow();
    const [user, password] = (compose.services.neo4j.environment.NEO4J_AUTH as string).split('/');
    expect([env.NEO4J_USER, env.NEO4J_PASSWORD]).toEqual([user, password]);
  });
});
