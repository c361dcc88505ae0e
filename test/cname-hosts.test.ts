import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseMessage } from '../src/engine/analyse-message.js';
import { createDetector } from '../src/engine/detector.js';
import { CNAME_HOSTS_FILE, groupHosts, loadCnameHosts, type CnameHostsFile } from '../src/trackers/cname-hosts.js';
import { parseUrl } from '../src/url/url-parts.js';
import { ROOT, detector, htmlMessage } from './helpers.js';

const data = JSON.parse(readFileSync(CNAME_HOSTS_FILE, 'utf8')) as CnameHostsFile;
const UPSTREAM = path.join(ROOT, '..', 'shared', 'data', 'adguard-cname-mail-trackers');

describe('branded CNAME hosts (rules/cname-hosts.json)', () => {
  it('holds the five providers and their 72,349 hosts, each on a vendor of rules/trackers', () => {
    const d = detector();
    expect(Object.keys(data.providers).sort()).toEqual(['cordial', 'customer-io', 'mailgun', 'sailthru', 'salesforce-marketing-cloud']);
    for (const p of Object.values(data.providers)) expect(d.vendors.has(p.vendor), p.vendor).toBe(true);
    const hosts = Object.values(data.providers).flatMap((p) => Object.entries(p.hosts).flatMap(([label, rest]) => rest.split(' ').map((r) => `${label}.${r}`)));
    expect(hosts.length).toBe(72349);
    expect(new Set(hosts).size).toBe(hosts.length);
  });

  for (const [name, provider] of Object.entries(data.providers)) {
    it(`${name}: every example resolves through the full matcher to its own pattern, or to none`, () => {
      const m = detector().matcher;
      for (const ex of provider.examples.match) expect(m.match(parseUrl(ex.url), ex.as)?.pattern.id, ex.url).toBe(ex.id);
      for (const ex of provider.examples.noMatch) expect(m.match(parseUrl(ex.url), ex.as)?.pattern.id, `${ex.as} ${ex.url}`).toBeUndefined();
      // Every grammar rule is shown by a match example, and every example host is in the list.
      const shown = new Set(provider.examples.match.map((e) => e.id));
      for (const rule of provider.grammar) expect(shown, rule.id).toContain(rule.id);
      for (const ex of provider.examples.match) expect(detector().matcher.match(parseUrl(ex.url), ex.as)?.vendor.id).toBe(provider.vendor);
    });
  }

  it('every listed host is found, and a first label that names an Object property (constructor, __proto__) is just unknown', () => {
    const d = detector();
    const cname = loadCnameHosts(d.vendors);
    const wrong: string[] = [];
    for (const p of Object.values(data.providers)) {
      for (const [label, rest] of Object.entries(p.hosts)) for (const r of rest.split(' ')) if (cname.providerOf(`${label}.${r}`) !== p.vendor) wrong.push(`${label}.${r}`);
    }
    expect(wrong).toEqual([]);
    expect(cname.hostCount).toBe(72349);
    const m = d.matcher;
    for (const host of ['constructor.example.com', '__proto__.example.com', 'hasOwnProperty.example.com', 'toString.x']) {
      for (const as of ['resource', 'link'] as const) expect(m.match(parseUrl(`https://${host}/o/AbCdEf123`), as), host).toBeUndefined();
    }
  });

  it.skipIf(!existsSync(UPSTREAM))('matches the upstream lists exactly (what scripts/build-cname-hosts.ts writes)', () => {
    for (const provider of Object.values(data.providers)) {
      const lines = readFileSync(path.join(UPSTREAM, provider.upstreamFile), 'utf8').split('\n');
      const hosts = lines.map((l) => l.trim().toLowerCase()).filter((l) => l && !l.startsWith('#'));
      expect(provider.hosts, provider.upstreamFile).toEqual(groupHosts(hosts));
    }
  });

  it("a host alone is not enough: the path must be the provider's, and a look-alike host is not on the list", () => {
    const m = detector().matcher;
    expect(m.match(parseUrl('https://email.mg.12build.com/images/logo.png'), 'resource')).toBeUndefined();
    // The provider's token shape and the end of the path, not any /o/<8 characters>.
    for (const url of ['https://email.mg.12build.com/o/newsletter_banner_2024.jpg', 'https://email.10000ft.com/e/o/product-launch-banner.png', 'https://nxslink.abc27.com/img/banner.gif', 'https://sptrack.mailer.humblebundle.com/o/summer-sale.jpg']) {
      expect(m.match(parseUrl(url), 'resource'), url).toBeUndefined();
    }
    expect(m.match(parseUrl('https://email.mg.12build.com.evil.example/o/eJwsy8tuwyAQheGnGZYW'), 'resource')).toBeUndefined();
    expect(m.match(parseUrl('https://x.email.mg.12build.com/o/eJwsy8tuwyAQheGnGZYW'), 'resource')).toBeUndefined();
  });

  it('a disabled vendor takes its branded hosts with it', () => {
    const d = createDetector({ disable: ['mailgun'], redact: false });
    expect(d.matcher.match(parseUrl('https://email.mg.12build.com/o/eJwsy8tuwyAQheGnGZYW'), 'resource')).toBeUndefined();
  });

  it("makes a message tracked by the provider, on the sender's own domain, with the click reported as link tracking", async () => {
    const html = '<p>Hello</p><img src="https://email.mg.12build.com/o/eJwsy8tuwyAQheGnGZYWx" width="600" height="40">' + '<a href="https://email.mg.12build.com/c/eJwsy8tuwyAQheGnGZYWx">read</a>';
    const result = await analyseMessage('cname.eml', htmlMessage(html, { From: 'News <news@12build.com>' }), detector());
    expect(result.tracked).toBe(true);
    const open = result.findings.find((f) => f.ruleId === 'PA001');
    expect(open).toMatchObject({ vendor: 'mailgun', pattern: 'mailgun-cname-open', party: 'esp-on-sender-domain' });
    expect(result.findings.find((f) => f.ruleId === 'PA006')).toMatchObject({ vendor: 'mailgun', pattern: 'mailgun-cname-click' });
  });
});
