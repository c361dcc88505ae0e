import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { project } from './check-project.js';

const PIXEL = '<img src="https://img.example.org/o.gif?u={{ user.id }}" width="1" height="1">\n';

describe('check -f sarif: the invocation says how the run ended', () => {
  it('exit 2 (a file that could not be checked) is an unsuccessful execution with its exit code; findings (1) and none (0) are successful', async () => {
    const dir = project({ 'a.hbs': PIXEL, 'bin.html': Buffer.from([0x3c, 0x70, 0x3e, 0, 1, 2]), 'ok.hbs': '<p>hi</p>\n' });
    const invocation = async (...files: string[]): Promise<{ exitCode: number; inv: NonNullable<Log['runs'][0]['invocations']>[0] }> => {
      const r = await run(['check', ...files, '-f', 'sarif:out.sarif'], { cwd: dir });
      const log = JSON.parse(readFileSync(path.join(dir, 'out.sarif'), 'utf8')) as Log;
      return { exitCode: r.exitCode, inv: log.runs[0].invocations![0] };
    };
    const failed = await invocation('a.hbs', 'bin.html');
    expect(failed.exitCode).toBe(2);
    expect(failed.inv).toMatchObject({ executionSuccessful: false, exitCode: 2 });
    expect(failed.inv.toolExecutionNotifications).toHaveLength(1);
    const found = await invocation('a.hbs');
    expect(found.exitCode).toBe(1);
    expect(found.inv).toEqual({ executionSuccessful: true, exitCode: 1 });
    expect((await invocation('ok.hbs')).inv).toEqual({ executionSuccessful: true, exitCode: 0 });
  });
});
