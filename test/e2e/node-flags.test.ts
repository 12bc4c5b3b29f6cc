/**
 * The server's Node flags (src/node-flags.ts) are passed wherever the server is started for real:
 * `npm start` and the Docker image. The benches import the same constant.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVER_NODE_FLAGS } from '../../src/node-flags';

const root = join(__dirname, '..', '..');

describe('the server runs with SERVER_NODE_FLAGS', () => {
  it('in npm start', () => {
    const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts['start']).toBe(['node', ...SERVER_NODE_FLAGS, 'dist/src/main.js'].join(' '));
  });

  it("in the Dockerfile's CMD", () => {
    const cmd = /^CMD (\[.*\])$/m.exec(readFileSync(join(root, 'Dockerfile'), 'utf8'))?.[1];
    expect(JSON.parse(cmd ?? 'null')).toEqual(['node', ...SERVER_NODE_FLAGS, 'dist/src/main.js']);
  });

  it('flags Node accepts', () => {
    // A mistyped V8 flag stops Node at start; this runs it once with them.
    expect(execFileSync(process.execPath, [...SERVER_NODE_FLAGS, '-e', 'process.stdout.write("ok")'], { encoding: 'utf8' })).toBe('ok');
  });
});
