import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { htmlMessage } from './helpers.js';

// explain says what loads and what does not, and why: the rejected URLs, the meta refresh that
// no mail client follows, the candidates that only may load, and Outlook's own markup.
describe('explain: loads, non-loads and their reasons', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-explain-'));
  const file = path.join(dir, 'm.eml');
  writeFileSync(
    file,
    htmlMessage(
      [
        '<meta http-equiv="refresh" content="0;url=https://t.example/refresh">',
        '<img src="http://[body_domain]/track/open.gif" width="1" height="1">',
        '<img src="cid:logo@example">',
        '<img src="https://t.example/a.png" srcset="https://t.example/a2.png 2x">',
        '<!--[if mso]><v:image src="https://t.example/vml.png"/><![endif]-->',
      ].join('\n'),
    ),
  );

  it('as text', async () => {
    const r = await run(['explain', file, '--no-redact']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('verdict:  not tracked (3 remote resources)');
    expect(r.stdout).toMatch(/<img> img-srcset at line 4, column 1, may load/);
    expect(r.stdout).toMatch(/<v:image> vml-image at line 5, column 14, Outlook only/);
    expect(r.stdout).toContain('Named but not loaded by a mail client (1):\n  https://t.example/refresh\n');
    expect(r.stdout).toContain('Not remote, so not loaded (2):\n  http://[body_domain]/track/open.gif\n    <img> img at line 2, column 1: the URL parser rejects it\n');
    expect(r.stdout).toContain('  cid:logo@example\n    <img> img at line 3, column 1: cid: is not fetched from the network\n');
  });

  it('as JSON', async () => {
    const json = JSON.parse((await run(['explain', file, '-f', 'json'])).stdout);
    expect(json.resources.map((x: { kind: string; load: string; client: string | null }) => `${x.kind} ${x.load} ${x.client}`)).toEqual(['img may null', 'img-srcset may null', 'vml-image must outlook']);
    expect(json.rejected.map((x: { reason: string }) => x.reason)).toEqual(['the URL parser rejects it', 'cid: is not fetched from the network']);
    expect(json.notLoaded).toEqual([{ url: 'https://t.example/refresh', kind: 'meta-refresh', element: 'meta', position: { line: 1, column: 1 } }]);
  });
});
