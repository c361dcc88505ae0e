import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readCompiled, writeCompiled } from '../src/trackers/compiled-data.js';
import { CNAME_HOSTS_FILE, COMPILED_CNAME_FILE, findHost, loadCnameHosts, readCnameFile } from '../src/trackers/cname-hosts.js';
import { BUILTIN_RULES_DIR, builtinVendorSets, COMPILED_VENDORS_FILE, loadVendors } from '../src/trackers/load.js';
import { PACKAGE_ROOT } from '../src/package-root.js';

// The compiled form is made by npm run build (pretest); run alone without a build, the parts that
// need it are skipped, counted as skipped.
const built = existsSync(COMPILED_VENDORS_FILE) && existsSync(COMPILED_CNAME_FILE);
const work = mkdtempSync(path.join(tmpdir(), 'pixelaudit-compiled-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the compiled tracker data (dist/rules, npm run build)', () => {
  it.skipIf(!built)('is used while rules/trackers is unchanged, and gives the vendors the source files give', () => {
    const { files, vendors } = builtinVendorSets();
    expect(files[0].startsWith(BUILTIN_RULES_DIR)).toBe(true);
    expect(readCompiled(COMPILED_VENDORS_FILE, files), 'the build wrote a fresh file').toBeDefined();
    expect(loadVendors()).toEqual(vendors.flat().filter((v) => v.patterns.length > 0));
    // --disable still applies to the compiled vendors.
    const without = loadVendors({ disable: ['sendgrid', 'mailgun-open'] });
    expect(without.some((v) => v.id === 'sendgrid')).toBe(false);
    expect(without.flatMap((v) => v.patterns).some((p) => p.id === 'mailgun-open')).toBe(false);
  });

  it.skipIf(!built)('CNAME hosts: the compiled file and the JSON itself answer every host alike', () => {
    const vendors = new Map(loadVendors().map((v) => [v.id, v]));
    expect(readCompiled(COMPILED_CNAME_FILE, [CNAME_HOSTS_FILE]), 'the build wrote a fresh file').toBeDefined();
    // Another path than the built-in one is read from its JSON, never from the compiled file.
    const copy = path.join(work, 'cname-hosts.json');
    copyFileSync(CNAME_HOSTS_FILE, copy);
    const compiled = loadCnameHosts(vendors);
    const fromJson = loadCnameHosts(vendors, copy);
    const data = readCnameFile();
    const hosts = Object.values(data.providers).flatMap((p) => Object.entries(p.hosts).flatMap(([label, rest]) => rest.split(' ').map((r) => `${label}.${r}`)));
    const probes = hosts.filter((_, i) => i % 37 === 0).flatMap((h) => [h, `x${h}`, `${h}x`, h.slice(1), `a.${h}`, h.replace('.', '-')]);
    for (const host of [...probes, 'a', '', 'zzzzzz.zz', '0.example', 'email', 'email.']) expect(compiled.providerOf(host), host).toBe(fromJson.providerOf(host));
    expect(compiled.hostCount).toBe(hosts.length);
    // A disabled vendor's hosts are not counted (nor found).
    const others = Object.values(data.providers).filter((p) => p.vendor !== 'mailgun');
    const withoutMailgun = loadCnameHosts(new Map([...vendors].filter(([id]) => id !== 'mailgun')));
    expect(withoutMailgun.hostCount).toBe(others.reduce((n, p) => n + Object.values(p.hosts).reduce((m, r) => m + r.split(' ').length, 0), 0));
    expect(withoutMailgun.providerOf('email.mg.12build.com')).toBeUndefined();
  });
});

describe('readCompiled: a compiled file counts only while its sources are as they were', () => {
  it('fresh, then stale on an edit of the same length, missing, or not ASCII', () => {
    const source = path.join(work, 'source.json');
    const target = path.join(work, 'compiled.txt');
    writeFileSync(source, '{"a": 1}');
    writeCompiled(target, [source], { value: 'caf\u00e9' }, 'one 0\ntwo 1\n');
    const fresh = readCompiled<{ value: string }>(target, [source]);
    expect(fresh?.header.value).toBe('caf\u00e9');
    expect(fresh?.text.slice(fresh.bodyStart)).toBe('one 0\ntwo 1\n');
    expect(readFileSync(target).every((b) => b < 0x80)).toBe(true);
    // Another list of sources (one more, or another path) is not what it was made from.
    expect(readCompiled(target, [source, source])).toBeUndefined();
    expect(readCompiled(target, [])).toBeUndefined();
    const { mtime } = statSync(source);
    writeFileSync(source, '{"a": 2}');
    utimesSync(source, mtime, new Date(mtime.getTime() + 1000));
    expect(readCompiled(target, [source])).toBeUndefined();
    rmSync(source);
    expect(readCompiled(target, [source])).toBeUndefined();
    writeFileSync(source, '{"a": 1}');
    writeFileSync(target, '{"sources": []}\n\u00e9\n');
    expect(readCompiled(target, [])).toBeUndefined();
    writeFileSync(target, 'not json\n');
    expect(readCompiled(target, [])).toBeUndefined();
    expect(readCompiled(path.join(work, 'none.txt'), [])).toBeUndefined();
    expect(() => writeCompiled(target, [], {}, 'caf\u00e9\n')).toThrow(/ASCII/);
    expect(path.relative(PACKAGE_ROOT, COMPILED_VENDORS_FILE)).toBe(path.join('dist', 'rules', 'trackers.json'));
  });
});

describe('findHost: a binary search on the lines of a sorted text, in place', () => {
  it('finds every listed host with its index and nothing else (fuzzed, fixed seed)', () => {
    const name = fc.stringMatching(/^[a-z0-9.-]{1,12}$/);
    fc.assert(
      fc.property(fc.uniqueArray(name, { maxLength: 60 }), fc.array(name, { maxLength: 20 }), fc.string({ maxLength: 20 }), (list, others, header) => {
        const sorted = [...list].sort();
        const text = `${header.replace(/\n/g, ' ')}\n${sorted.map((h, i) => `${h} ${i}\n`).join('')}`;
        const start = text.indexOf('\n') + 1;
        sorted.forEach((h, i) => expect(findHost(text, start, h)).toBe(i));
        for (const o of others) expect(findHost(text, start, o)).toBe(sorted.indexOf(o));
      }),
      { seed: 12, numRuns: 300 },
    );
  });

  it('an empty list finds nothing, and lines it did not write are not misread', () => {
    expect(findHost('header\n', 7, 'a')).toBe(-1);
    expect(findHost('header\nnospace\n', 7, 'nospace')).toBe(-1);
  });
});
