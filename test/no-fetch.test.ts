import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { ROOT, htmlMessage } from './helpers.js';

const exec = promisify(execFile);

describe('nothing is ever fetched', () => {
  let server: Server;
  let requests: string[] = [];
  let base = '';
  let mailbox = '';

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'image/gif' });
      res.end(Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // Every way HTML can make a client load something, all pointing at the local server.
    const html = `<html><head>
      <link rel="stylesheet" href="${base}/link.css">
      <style>@import url("${base}/import.css"); @font-face { font-family: x; src: url(${base}/font.woff) } .b { background: url('${base}/class-bg.png') }</style>
      </head><body background="${base}/body-bg.png">
      <img src="${base}/open?u=5f2a9c3e1b7d4a6f" width="1" height="1">
      <img src="${base}/logo.png" srcset="${base}/logo@2x.png 2x">
      <div style="background-image:url(${base}/div-bg.png)">x</div>
      <input type="image" src="${base}/input.png"><video poster="${base}/poster.jpg"></video>
      <!--[if mso]><v:rect><v:fill src="${base}/vml.png" /></v:rect><![endif]-->
      <a href="${base}/click?u=1">link</a>
      <img src="https://ci3.googleusercontent.com/meips/X#${base}/proxied.gif">
      </body></html>`;
    const dir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-nofetch-'));
    mailbox = path.join(dir, 'mail.eml');
    writeFileSync(mailbox, htmlMessage(html));
    requests = [];
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('the local server is reachable (so a fetch would have been seen)', async () => {
    const res = await fetch(`${base}/sanity`);
    expect(res.status).toBe(200);
    expect(requests).toEqual(['/sanity']);
    requests = [];
  });

  it('scan in every format, explain and rules make zero requests', async () => {
    for (const format of ['table', 'json', 'jsonl', 'csv', 'html']) {
      const r = await run(['scan', mailbox, '-f', format, '--no-redact']);
      expect(r.exitCode).toBe(0);
    }
    const explained = await run(['explain', mailbox, '-f', 'json', '--no-redact']);
    expect(JSON.parse(explained.stdout).resources.length).toBe(13);
    await run(['rules']);
    expect(requests).toEqual([]);
  });

  it('the built CLI, end to end, makes zero requests', async () => {
    const { stdout } = await exec(process.execPath, [path.join(ROOT, 'bin', 'pixelaudit.js'), 'scan', mailbox, '-f', 'jsonl', '--no-redact']);
    expect(JSON.parse(stdout.split('\n')[0]).tracked).toBe(true);
    expect(requests).toEqual([]);
  });
});
