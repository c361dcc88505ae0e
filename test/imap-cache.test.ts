import { appendFileSync, chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { failedResult } from '../src/engine/analyse-message.js';
import { COMPACT_MIN_DEAD } from '../src/imap/cache-file.js';
import { UidIndex } from '../src/imap/cache-index.js';
import { ResultCache } from '../src/imap/cache.js';
import type { MessageResult } from '../src/types.js';

const SERVER = '127.0.0.1:143';
const USER = 'sam.rivera@example.org';
const SETTINGS = '{"VERSION":"test","redact":true}';
const dirs: string[] = [];

function tempDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'pixelaudit-cache-unit-'));
  dirs.push(d);
  return d;
}

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A scanned result that says which UID and which run wrote it. */
function result(uid: number, run = 1): MessageResult {
  return { ...failedResult(`imap://x/INBOX;UID=${uid}`, ''), error: null, subject: `message ${uid} of run ${run}`, messageIdHeader: `<${uid}@example.com>` };
}

function open(dir: string, settings = SETTINGS, warnings: string[] = []): ResultCache {
  return new ResultCache(dir, SERVER, USER, settings, { warn: (m) => warnings.push(m) });
}

function files(cache: ResultCache): string[] {
  return existsSync(cache.folder) ? readdirSync(cache.folder).sort() : [];
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function lines(file: string): string[] {
  return readFileSync(file, 'utf8').split('\n').filter(Boolean);
}

describe('IMAP result cache', () => {
  it('gives back what was put, across runs, from one private file per mailbox and UIDVALIDITY', () => {
    const dir = tempDir();
    const a = open(dir);
    for (let uid = 1; uid <= 50; uid++) a.put('INBOX', '7', uid, result(uid));
    a.put('Newsletters', '9', 3, result(3));
    expect(a.get('INBOX', '7', 10)?.subject).toBe('message 10 of run 1');
    a.close();
    const b = open(dir);
    for (let uid = 1; uid <= 50; uid++) expect(b.get('INBOX', '7', uid)).toEqual(result(uid));
    expect(b.get('INBOX', '7', 51)).toBeUndefined();
    expect(b.get('Newsletters', '9', 3)).toEqual(result(3));
    b.close();
    expect(files(b)).toHaveLength(2);
    expect(statSync(b.folder).mode & 0o777).toBe(0o700);
    expect(statSync(path.dirname(b.folder)).mode & 0o777).toBe(0o700);
    for (const f of files(b)) expect(statSync(path.join(b.folder, f)).mode & 0o777).toBe(0o600);
  });

  it('ignores a line cut by a crash and cuts it off before appending, so no later line is glued to it', () => {
    const dir = tempDir();
    const a = open(dir);
    for (let uid = 1; uid <= 3; uid++) a.put('INBOX', '7', uid, result(uid));
    a.close();
    const [name] = files(a);
    const file = path.join(a.folder, name);
    const full = lines(file);
    appendFileSync(file, `{"uid":4,"result":{"source":"imap://x/INBOX;UID=4","subj`);
    const b = open(dir);
    expect(b.get('INBOX', '7', 4)).toBeUndefined();
    expect(b.get('INBOX', '7', 3)).toEqual(result(3));
    b.put('INBOX', '7', 4, result(4, 2));
    b.close();
    expect(lines(file)).toHaveLength(full.length + 1);
    for (const line of lines(file)) expect(() => JSON.parse(line)).not.toThrow();
    expect(open(dir).get('INBOX', '7', 4)).toEqual(result(4, 2));
  });

  it('answers for what this run put, in any UID order, before any file existed', () => {
    const c = open(tempDir());
    for (const uid of [5, 2, 9, 1]) c.put('INBOX', '7', uid, result(uid));
    for (const uid of [5, 2, 9, 1]) expect(c.get('INBOX', '7', uid)).toEqual(result(uid));
    expect(c.has('INBOX', '7', 3)).toBe(false);
  });

  it('treats an unreadable line as a miss and keeps every other result', () => {
    const dir = tempDir();
    const a = open(dir);
    a.put('INBOX', '7', 1, result(1));
    a.close();
    const file = path.join(a.folder, files(a)[0]);
    appendFileSync(file, 'not json at all\n{"uid":2,"result":{broken\n{"uid":3,"result":{"a":1}}\n');
    const b = open(dir);
    expect(b.get('INBOX', '7', 1)).toEqual(result(1));
    expect(b.get('INBOX', '7', 2)).toBeUndefined();
    expect(b.get('INBOX', '7', 3)).toEqual({ a: 1 });
  });

  it('the newest line for a UID wins, and a file full of duplicates is compacted through a temporary file', () => {
    const dir = tempDir();
    const runs = COMPACT_MIN_DEAD + 10;
    const c = open(dir);
    // Out of order on purpose: the index must not rely on ascending UIDs.
    for (let run = 1; run <= runs; run++) for (const uid of [3, 1, 2]) c.put('INBOX', '7', uid, result(uid, run));
    c.close();
    expect(lines(path.join(c.folder, files(c)[0]))).toHaveLength(1 + 3 * runs);
    const before = open(dir);
    const file = path.join(before.folder, files(before)[0]);
    for (const uid of [1, 2, 3]) expect(before.get('INBOX', '7', uid)).toEqual(result(uid, runs));
    // Opening the mailbox compacted it: header plus one line per UID, the newest of each.
    expect(lines(file)).toHaveLength(4);
    expect(files(before)).toHaveLength(1);
    before.put('INBOX', '7', 4, result(4, runs));
    before.close();
    expect(files(before)).toHaveLength(1);
    const after = open(dir);
    expect(after.get('INBOX', '7', 4)).toEqual(result(4, runs));
    expect(after.get('INBOX', '7', 2)).toEqual(result(2, runs));
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('drops the results of messages the server no longer has, once they outnumber the others', () => {
    const dir = tempDir();
    const a = open(dir);
    for (let uid = 1; uid <= 100; uid++) a.put('INBOX', '7', uid, result(uid));
    const file = path.join(a.folder, files(a)[0]);
    // A few deleted: not worth a rewrite yet.
    a.retainOnly('INBOX', '7', range(11, 100));
    expect(lines(file)).toHaveLength(101);
    // Most deleted: rewritten with only the messages still there.
    a.retainOnly('INBOX', '7', range(61, 100));
    expect(lines(file)).toHaveLength(41);
    expect(a.get('INBOX', '7', 60)).toBeUndefined();
    expect(a.get('INBOX', '7', 61)).toEqual(result(61));
    a.put('INBOX', '7', 101, result(101));
    a.close();
    const b = open(dir);
    expect(b.get('INBOX', '7', 101)).toEqual(result(101));
    expect(b.get('INBOX', '7', 100)).toEqual(result(100));
  });

  it('keeps complete lines another run appended meanwhile, and cuts only a cut one', () => {
    const dir = tempDir();
    const first = open(dir);
    first.put('INBOX', '7', 1, result(1));
    first.close();
    const a = open(dir);
    expect(a.get('INBOX', '7', 1)).toEqual(result(1));
    const other = open(dir);
    other.get('INBOX', '7', 1);
    other.put('INBOX', '7', 2, result(2, 2));
    other.close();
    const file = path.join(a.folder, files(a)[0]);
    appendFileSync(file, '{"uid":3,"res');
    a.put('INBOX', '7', 4, result(4));
    a.close();
    const b = open(dir);
    expect(b.get('INBOX', '7', 2)).toEqual(result(2, 2));
    expect(b.get('INBOX', '7', 3)).toBeUndefined();
    expect(b.get('INBOX', '7', 4)).toEqual(result(4));
    for (const line of lines(file)) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('removes the file of an older UIDVALIDITY, of other settings, of a mailbox gone, and the old one-file format', () => {
    const dir = tempDir();
    const legacy = path.join(dir, 'imap');
    const a = open(dir);
    a.put('INBOX', '7', 1, result(1));
    a.put('Old', '5', 1, result(1));
    a.put('Newsletters', '9', 1, result(1));
    a.close();
    const account = path.basename(a.folder);
    writeFileSync(path.join(legacy, `${account}-0123456789ab.jsonl`), '{"mailbox":"INBOX","uidValidity":"7","uid":1,"result":{}}\n');
    writeFileSync(path.join(legacy, `ffffffffffffffffffffffff-0123456789ab.jsonl`), 'another account: kept\n');
    expect(files(a)).toHaveLength(3);

    const b = open(dir);
    expect(existsSync(path.join(legacy, `${account}-0123456789ab.jsonl`))).toBe(false);
    expect(existsSync(path.join(legacy, `ffffffffffffffffffffffff-0123456789ab.jsonl`))).toBe(true);
    b.forgetMailboxesExcept(['INBOX', 'Newsletters']);
    expect(files(b)).toHaveLength(2);
    // UIDVALIDITY changed: every UID now names another message.
    expect(b.get('INBOX', '8', 1)).toBeUndefined();
    expect(files(b)).toHaveLength(1);
    b.close();

    const redactOff = open(dir, '{"VERSION":"test","redact":false}');
    expect(files(redactOff)).toHaveLength(0);
    expect(redactOff.get('Newsletters', '9', 1)).toBeUndefined();
  });

  it('does not reuse results computed with other settings (redaction is part of the key)', () => {
    const dir = tempDir();
    const clear = open(dir, '{"redact":false}');
    clear.put('INBOX', '7', 1, { ...result(1), subject: 'for sam.rivera@example.org' });
    clear.close();
    const masked = open(dir, '{"redact":true}');
    expect(masked.get('INBOX', '7', 1)).toBeUndefined();
  });

  it('a cache that cannot be used is one warning, and the run goes on without it', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'imap'), 'a file where the folder should be');
    const warnings: string[] = [];
    const c = open(dir, SETTINGS, warnings);
    expect(() => c.put('INBOX', '7', 1, result(1))).not.toThrow();
    expect(c.get('INBOX', '7', 1)).toBeUndefined();
    c.put('INBOX', '7', 2, result(2));
    c.close();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/cannot be used .*going on without it/);
  });

  it('never follows a link planted where its file or folder should be', () => {
    const dir = tempDir();
    const a = open(dir);
    a.put('INBOX', '7', 1, result(1));
    a.close();
    const name = files(a)[0];
    const victim = path.join(tempDir(), 'victim.txt');
    writeFileSync(victim, 'precious\n');
    rmSync(path.join(a.folder, name));
    symlinkSync(victim, path.join(a.folder, name));
    const warnings: string[] = [];
    const b = open(dir, SETTINGS, warnings);
    expect(b.get('INBOX', '7', 1)).toBeUndefined();
    b.put('INBOX', '7', 2, result(2));
    b.close();
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(warnings).toHaveLength(1);

    const dir2 = tempDir();
    const elsewhere = tempDir();
    const c = open(dir2);
    mkdirSync(path.dirname(c.folder), { recursive: true });
    symlinkSync(elsewhere, c.folder);
    const w2: string[] = [];
    const d = open(dir2, SETTINGS, w2);
    d.put('INBOX', '7', 1, result(1));
    d.close();
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(w2).toHaveLength(1);
  });

  it('tightens a folder that was left readable by others', () => {
    const dir = tempDir();
    const a = open(dir);
    a.put('INBOX', '7', 1, result(1));
    a.close();
    chmodSync(a.folder, 0o755);
    const b = open(dir);
    expect(b.get('INBOX', '7', 1)).toEqual(result(1));
    expect(statSync(b.folder).mode & 0o777).toBe(0o700);
  });
});

describe('UID index', () => {
  it('answers like a Map where the last write wins, in any order, with duplicates', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 60 }), fc.boolean()), { maxLength: 200 }), (ops) => {
        const index = new UidIndex();
        const model = new Map<number, number>();
        let offset = 0;
        let sealed = false;
        for (const [uid, sealNow] of ops) {
          if (sealNow && !sealed) {
            index.seal();
            sealed = true;
          }
          index.add(uid, offset, 10);
          model.set(uid, offset);
          offset += 11;
        }
        index.seal();
        for (let uid = 1; uid <= 60; uid++) expect(index.get(uid)?.offset).toBe(model.get(uid));
        expect(index.size).toBe(model.size);
        expect(index.duplicates).toBe(ops.length - model.size);
        expect([...index.entries()].map((e) => [e.uid, e.offset])).toEqual([...model.entries()].sort((x, y) => x[0] - y[0]));
      }),
      { seed: 9, numRuns: 300 },
    );
  });
});

describe('cache key', () => {
  it('changes with redaction, the reader addresses, disabled vendors and edited tracker data, and only then', async () => {
    const { createDetector } = await import('../src/engine/detector.js');
    const { cacheSettings } = await import('../src/imap/cache-key.js');
    const base = cacheSettings('1.0.0', createDetector({ redact: true }));
    expect(cacheSettings('1.0.0', createDetector({ redact: true }))).toBe(base);
    expect(cacheSettings('1.0.1', createDetector({ redact: true }))).not.toBe(base);
    expect(cacheSettings('1.0.0', createDetector({ redact: false }))).not.toBe(base);
    expect(cacheSettings('1.0.0', createDetector({ redact: true, me: ['me@example.org'] }))).not.toBe(base);
    expect(cacheSettings('1.0.0', createDetector({ redact: true, disable: ['sendgrid'] }))).not.toBe(base);
    const edited = createDetector({ redact: true });
    const vendor = edited.matcher.vendors[0] as { patterns: Array<{ path?: string }> };
    vendor.patterns[0] = { ...vendor.patterns[0], path: '^/other$' };
    expect(cacheSettings('1.0.0', edited)).not.toBe(base);
  });
});
