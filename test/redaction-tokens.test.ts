import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { redactText, redactUrl } from '../src/engine/redact.js';
import { debugRedaction, maskedLogger } from '../src/imap/connect.js';
import { AddressFinder } from '../src/url/address-leak.js';

const finder = new AddressFinder(['reader@example.org']);
const T = 'K9fCAJ81jBg9b4GbfF5kF14f6GbhGCb';

describe('a token is cut however it is written and wherever it stands', () => {
  it.each([
    // The attacker's r7 and r4: lower-case and mixed escapes, + for a base64 plus, an escaped letter.
    ['https://t.shop.example/o.gif?id=Ab9xQ2rT%2bZk8Lm4Np7Qr%2fWs1Ty6Uv3Xz%3d%3d', 'https://t.shop.example/o.gif?id=Ab9x…'],
    ['https://t.shop.example/p.gif?id=Ab9xQ2rT%2BZk8Lm4Np7Qr%2FWs1Ty6Uv3Xz%3D%3D', 'https://t.shop.example/p.gif?id=Ab9x…'],
    ['https://t.shop.example/q.gif?id=Ab9xQ2rT+Zk8Lm4Np7Qr%2FWs1Ty6Uv3Xz==', 'https://t.shop.example/q.gif?id=Ab9x…'],
    [`https://t.shop.example/o.gif?id=K9fC%41J81jBg9b4GbfF5kF14f6GbhGCb7`, 'https://t.shop.example/o.gif?id=K9fC…'],
    [`https://t.shop.example/o/${T.replace('A', '%41')}1/p.gif`, 'https://t.shop.example/o/K9fC…/p.gif'],
    // r1, r6: a token in a redirect's encoded destination, once and twice encoded.
    [`https://click.shop.example/c?url=https%3A%2F%2Fdest.example%2F%3Fsub%3D${T}9`, 'https://click.shop.example/c?url=https%3A%2F%2Fdest.example%2F%3Fsub%3DK9fC…'],
    [`https://click.shop.example/c?url=https%253A%252F%252Fdest.example%252F%253Fsub%253D${T}9%2526x%253D1`, 'https://click.shop.example/c?url=http…'],
    [`https://click.shop.example/c?url=https%3A%2F%2Fdest.example%2F%3Fsub%3D${T}9%26lang%3Den-GB%26page%3Dnews`, 'https://click.shop.example/c?url=https%3A%2F%2Fdest.example%2F%3Fsub%3DK9fC…%26lang%3Den-GB%26page%3Dnews'],
    // r3: the fragment.
    [`https://t.shop.example/o.gif#id=${T}3`, 'https://t.shop.example/o.gif#id=K9fC…'],
    // r4: host label, userinfo, parameter name.
    ['https://k9fcaj81jbg9b4gbff5kf14f6gbhgcb1.t.shop.example/o.gif', 'https://k9fc….t.shop.example/o.gif'],
    [`https://${T}2@t.shop.example/o.gif`, 'https://K9fC…@t.shop.example/o.gif'],
    [`https://t.shop.example/o.gif?x=1&${T}5=1`, 'https://t.shop.example/o.gif?x=1&K9fC…=1'],
  ])('%s', (url, expected) => {
    expect(redactUrl(url, finder)).toBe(expected);
  });

  it('in every format, explain included, none of them is printed whole', async () => {
    const urls = [
      'https://t.shop.example/o.gif?id=Ab9xQ2rT%2bZk8Lm4Np7Qr%2fWs1Ty6Uv3Xz%3d%3d',
      'https://t.shop.example/q.gif?id=Ab9xQ2rT+Zk8Lm4Np7Qr%2FWs1Ty6Uv3Xz==',
      `https://t.shop.example/o.gif#id=${T}3`,
      `https://k9fcaj81jbg9b4gbff5kf14f6gbhgcb1.t.shop.example/o.gif`,
      `https://t.shop.example/o.gif?x=1&${T}5=1`,
    ];
    const links = [`https://click.shop.example/c?url=https%3A%2F%2Fdest.example%2F%3Fsub%3D${T}9`];
    const html = `${urls.map((u) => `<img src="${u}" width=1 height=1>`).join('\n')}\n${links.map((u) => `<a href="${u}">go</a>`).join('\n')}`;
    const dir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-tokens-'));
    const file = path.join(dir, 'm.eml');
    writeFileSync(file, `From: a@shop.example\r\nTo: reader@example.org\r\nSubject: s\r\nMIME-Version: 1.0\r\nContent-Type: text/html\r\n\r\n${html}\r\n`);
    const secrets = [/Ab9xQ2rT/i, /Zk8Lm4Np/i, new RegExp(T.slice(4, 14), 'i')];
    for (const format of ['json', 'jsonl', 'sarif', 'junit', 'html', 'github', 'csv']) {
      const r = await run(['scan', file, '-f', format]);
      for (const s of secrets) expect(r.stdout, format).not.toMatch(s);
    }
    for (const format of ['text', 'json']) {
      const r = await run(['explain', file, '-f', format]);
      for (const s of secrets) expect(r.stdout, `explain ${format}`).not.toMatch(s);
    }
    const shown = await run(['scan', file, '-f', 'json', '--no-redact']);
    for (const s of secrets) expect(shown.stdout).toMatch(s);
  });

  it('explain\'s "not remote" list, a failure reason quoting a URL, and a host on its own lose their tokens too', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-tokens-'));
    const notRemote = path.join(dir, 'r.eml');
    writeFileSync(notRemote, `From: a@shop.example\r\nTo: reader@example.org\r\nSubject: s\r\nMIME-Version: 1.0\r\nContent-Type: text/html\r\n\r\n<img src="o.gif?u=${T}4"><img src="cid:part1?${T}7"><img src="/p.gif#${T}8">\r\n`);
    const explained = await run(['explain', notRemote]);
    expect(explained.stdout).toContain('o.gif?u=K9fC…');
    expect(explained.stdout).toContain('cid:part1?K9fC…');
    expect(explained.stdout).not.toContain(T.slice(4, 14));
    const charset = path.join(dir, 'c.eml');
    writeFileSync(charset, `From: a@shop.example\r\nTo: reader@example.org\r\nSubject: x\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset="https://x.example/?t=${T}1"\r\n\r\n<img src=https://t.x/o.gif>\r\n`);
    const failed = await run(['scan', charset, '-f', 'json']);
    expect(failed.stdout).toContain('?t=');
    expect(failed.stdout + failed.stderr).not.toMatch(new RegExp(T.slice(4, 14), 'i'));
    expect(redactUrl('https://t.example/o.gif', finder)).toBe('https://t.example/o.gif');
  });
});

describe('explain\'s "not remote" list (the attacker\'s second round)', () => {
  it('cuts tokens in cid: and data: URLs, nested URLs included, and masks an address cut by a tab in a srcset candidate', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-tokens-2-'));
    const tok = 'AbCdEfGh12IjKlMn34OpQrSt56UvWx';
    const svg = `data:image/svg+xml,<svg xmlns=%22http://www.w3.org/2000/svg%22><image href=%22https://t.example/o.gif?t=${tok}%22/></svg>`;
    const file = path.join(dir, 'nr.eml');
    const html = `<img src="cid:${tok}"><img src="cid:${tok}@x"><img src="${svg}"><img srcset="https://cdn.example/a.png 1x, https://t.shop.example?e=reader.kiss@exa\tmple.org 2x" src="https://cdn.example/a.png"><img srcset="https://t.shop.example?e=reader.kiss@example.o\nrg 2x">`;
    writeFileSync(file, `From: a@shop.example\r\nTo: Reader.Kiss@Example.org\r\nSubject: s\r\nMIME-Version: 1.0\r\nContent-Type: text/html\r\n\r\n${html}\r\n`);
    for (const args of [[], ['-f', 'json']]) {
      const out = (await run(['explain', file, ...args])).stdout;
      expect(out).toContain('cid:AbCd…');
      expect(out).toContain('o.gif?t=AbCd…%22');
      expect(out).toContain('https://t.shop.example?e=[address]');
      expect(out).not.toContain(tok.slice(4, 14));
      expect(out.toLowerCase()).not.toMatch(/reader\.kiss@ex/);
    }
    const shown = (await run(['explain', file, '--no-redact'])).stdout;
    expect(shown).toContain(`cid:${tok}@x`);
    expect(shown).toContain('e=reader.kiss@exa');
  });
});

describe('explain\'s "not remote" list (outside review 3, finding 7)', () => {
  it('cuts tokens in javascript:, vbscript:, urn: and x-apple-data-detectors: URLs, as written (case, blanks, a newline in the scheme)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-tokens-3-'));
    const tok = 'Zq8Xk3Lp9Wm2Rt7Yv4Bn';
    const urls = [`javascript:${tok}`, `vbscript:u=${tok}`, `JaVaScript:${tok}`, ` javascript:${tok}`, `java&#x0A;script:${tok}`, `urn:x:${tok}`, `x-apple-data-detectors://${tok}`, `javascript:void(${tok})`];
    const html = `${urls.map((u) => `<img src="${u}">`).join('')}<a href="javascript:void(${tok})">j</a><div style="background:url(javascript:${tok})"></div>`;
    const file = path.join(dir, 'js.eml');
    writeFileSync(file, `From: a@shop.example\r\nTo: reader@example.org\r\nSubject: s\r\nMIME-Version: 1.0\r\nContent-Type: text/html\r\n\r\n${html}\r\n`);
    for (const args of [[], ['-f', 'json']]) {
      const out = (await run(['explain', file, ...args])).stdout;
      for (const shown of ['vbscript:u=Zq8X…', 'JaVaScript:Zq8X…', 'urn:x:Zq8X…', 'x-apple-data-detectors://Zq8X…', 'javascript:void(Zq8X…)']) expect(out).toContain(shown);
      expect(out).not.toContain(tok.slice(4, 14));
    }
    expect((await run(['explain', file, '--no-redact'])).stdout).toContain(`urn:x:${tok}`);
    // A text that is no URL (blanks after the colon) is not read as one.
    expect(redactText(`Re: order ${tok}`, finder)).toBe(`Re: order ${tok}`);
  });
});

describe('imap --debug', () => {
  it('masks the login and the reader addresses in every record, unless --no-redact', () => {
    const lines: string[] = [];
    const logger = maskedLogger((l) => lines.push(l), ['s3cret'], debugRedaction('reader@example.org', ['reader@example.org']));
    logger.info({ msg: 'login', user: 'reader@example.org', to: 'READER%40example.org', pass: 's3cret' });
    expect(lines.join('')).not.toMatch(/reader|s3cret/i);
    const plain = maskedLogger((l) => lines.push(l), [], debugRedaction('reader', []));
    plain.debug({ user: 'reader' });
    expect(lines.at(-1)).toContain('"user":"[user]"');
    const shown = maskedLogger((l) => lines.push(l), []);
    shown.debug({ user: 'reader@example.org' });
    expect(lines.at(-1)).toContain('reader@example.org');
  });

  it("hides imapflow's SASL payloads whole and masks a login of any length (the attacker's AUTH=PLAIN lines)", () => {
    const lines: string[] = [];
    const plainFrame = (user: string) => Buffer.from(`\0${user}\0(* value hidden *)`).toString('base64');
    for (const user of ['kissreader2024', 'kr', 'reader.kiss@example.org']) {
      const logger = maskedLogger((l) => lines.push(l), ['pw'], debugRedaction(user, user.includes('@') ? [user] : []));
      logger.debug({ src: 'c', msg: plainFrame(user), comment: 'Encoded response for AUTH=PLAIN', cid: 'x' });
      logger.debug({ src: 'c', msg: Buffer.from(user).toString('base64'), comment: 'Encoded username for AUTH=LOGIN', cid: 'x' });
      logger.debug({ src: 'c', msg: Buffer.from(`user=${user}\x01auth=Bearer t\x01\x01`).toString('base64'), cid: 'x' });
      logger.info({ src: 'auth', msg: 'User authenticated', cid: 'x', user });
      logger.debug({ src: 'c', msg: `1 LOGIN ${user.toUpperCase()} "(* value hidden *)"`, cid: 'x' });
      const out = lines.splice(0).join('');
      expect(out).not.toContain(plainFrame(user).slice(0, 8));
      expect(out).not.toContain(Buffer.from(user).toString('base64').slice(0, 4));
      expect(out).not.toMatch(new RegExp(`"${user}"|LOGIN ${user}`, 'i'));
      expect(out).toMatch(/"user":"\[(user|address)\]"/);
      expect(out.match(/\(\* value hidden \*\)/g)?.length).toBe(4);
    }
    // A short login is masked where it stands alone, not inside other words.
    const short = maskedLogger((l) => lines.push(l), [], debugRedaction('kr', []));
    short.debug({ src: 's', msg: '* OK [CAPABILITY KRB5] ready', user: 'kr' });
    short.debug({ src: 'c', msg: 'DONE' });
    expect(lines.join('')).toContain('KRB5');
    expect(lines.join('')).toContain('"msg":"DONE"');
    expect(lines.join('')).toContain('"user":"[user]"');
  });
});
