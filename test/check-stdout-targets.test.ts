import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { PACKAGE_ROOT } from '../src/package-root.js';
import { project } from './check-project.js';

// The built CLI (`npm run build`), as a shell pipeline runs it.
const BIN = path.join(PACKAGE_ROOT, 'bin', 'pixelaudit.js');
const PIXEL = '<img src="https://img.example.org/o.gif?u={{ user.id }}" width="1" height="1">\n';

describe('an output file that is standard output is standard output', () => {
  it('-f sarif:/dev/stdout -f github is two outputs on one stream: refused before any template is read', async () => {
    const dir = project({ 't.hbs': PIXEL });
    for (const file of ['/dev/stdout', '/proc/self/fd/1']) {
      const r = await run(['check', 't.hbs', '-f', `sarif:${file}`, '-f', 'github'], { cwd: dir });
      expect(r.exitCode, file).toBe(2);
      expect(r.stderr).toMatch(/only one format can go to standard output \(sarif, github\)/);
      expect(r.stdout).toBe('');
    }
  });

  it('a reader that closes the pipe (| head) ends the run quietly, as -f github does', async () => {
    const files = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`t${i}.hbs`, PIXEL]));
    const dir = project(files);
    for (const format of ['sarif:/dev/stdout', 'github']) {
      const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [BIN, 'check', '.', '-f', format], { cwd: dir });
        let err = '';
        // The reader is gone before the first write: every write meets EPIPE.
        child.stdout.destroy();
        child.stderr.on('data', (d: Buffer) => (err += d.toString()));
        child.on('close', (c) => resolve({ code: c, stderr: err }));
      });
      expect(stderr, format).toBe('');
      expect(code, format).toBe(0);
    }
  });
});
