import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { message, named, type FuzzCase } from './build-message.js';
import { hostileFragment } from './hostile.js';

/** A recipient address the detector should find and mask: dots, plus tags, hyphens, digits. */
export const recipientAddress = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9]{2,8}$/), fc.constantFrom('', '.smith', '+news', '+a.b', '-x', '_1', '+tag+more'), fc.constantFrom('example.org', 'mail.example.net', 'xn--bcher-kva.example', 'pot.test'))
  .map(([local, tail, domain]) => `${local}${tail}@${domain}`);

/** Every form of an address that the leak rule knows, so output can be searched for each. */
export function recipientForms(address: string): Array<{ form: string; text: string; caseless: boolean }> {
  const a = address.toLowerCase();
  const b64 = Buffer.from(a).toString('base64');
  const forms = [
    { form: 'plain', text: a, caseless: true },
    { form: 'url-encoded', text: encodeURIComponent(a), caseless: true },
    { form: 'base64', text: b64.replace(/=+$/, ''), caseless: false },
    { form: 'base64url', text: Buffer.from(a).toString('base64url'), caseless: false },
  ];
  forms.push({ form: 'hex', text: Buffer.from(a).toString('hex'), caseless: true });
  for (const h of ['md5', 'sha1', 'sha256'] as const) forms.push({ form: h, text: createHash(h).update(a).digest('hex'), caseless: true });
  return forms;
}

/** The address in a URL, in one of the encodings the leak rule knows (or half-encoded, as trackers write it). */
const formInUrl = (address: string) =>
  fc.constantFrom(
    address,
    address.toUpperCase(),
    encodeURIComponent(address),
    address.replace('@', '%40'),
    address.replace(/\+/g, '%2B'),
    `${address}%2C`,
    `${encodeURIComponent(address)}%2Cother`,
    ...recipientForms(address)
      .filter((f) => f.form !== 'plain' && f.form !== 'url-encoded')
      .map((f) => f.text),
  );

/** How the address stands in a To header: bare, angle-bracketed, with an encoded-word name, in a group. */
const toHeader = (address: string) =>
  fc.constantFrom(
    address,
    `<${address}>`,
    `Reader <${address}>`,
    `"Reader, Ann" <${address.toUpperCase()}>`,
    `=?UTF-8?B?${Buffer.from('Lesérin').toString('base64')}?= <${address}>`,
    `=?iso-8859-1?Q?Les=E9rin?= <${address}>`,
    `undisclosed: ${address};`,
    `${address} (the reader)`,
    `other@example.com, ${address}`,
  );

/** Where the address turns up in a message besides the URLs: the parts that output shows. */
const headerPlaces = (address: string) =>
  fc.subarray([
    `Subject: Hello ${address}, your account`,
    `Subject: \u001b[2J\u001b[31m${address}\u0007 \u001b]0;owned\u0007`,
    `Subject: =?UTF-8?B?${Buffer.from(`Für ${address}`).toString('base64')}?=`,
    `From: "${address}" <${address}>`,
    `From: Support <${address}>`,
    `Message-ID: <${address.replace('@', '.')}@${address.split('@')[1]}>`,
    `Message-ID: <${address}>`,
    `Disposition-Notification-To: ${address}`,
    `Return-Receipt-To: <${address}>`,
  ]);

export interface RecipientCase extends FuzzCase {
  address: string;
  /** The plain address is in the Subject, so output without redaction must show it. */
  shown: boolean;
}

/** A message to one recipient that puts the address into URLs and headers, among hostile markup. */
export const recipientMessage: fc.Arbitrary<RecipientCase> = recipientAddress.chain((address) =>
  fc
    .tuple(
      toHeader(address),
      headerPlaces(address),
      fc.array(
        fc.tuple(
          formInUrl(address),
          fc.constantFrom('img', 'a', 'style', 'background', 'srcset', 'vml'),
          // The innocuous names (`?cb=`, `?w=` ...) excuse no address form (attack14).
          fc.constantFrom(
            'http://list-manage.com/track/open.php?u=1&e=',
            'https://tracker.example.net/open/',
            'https://example.com/?email=',
            'https://clicktime.symantec.com/a?u=https%3A%2F%2Fx.test%2F%3Fe%3D',
            'https://t.example/o.gif?cb=',
            'https://t.example/o.gif?w=1&utm_content=',
          ),
        ),
        { minLength: 1, maxLength: 4 },
      ),
      fc.array(hostileFragment, { maxLength: 2 }),
      fc.constantFrom('8bit' as const, 'base64' as const, 'quoted-printable' as const),
    )
    .map(([to, places, urls, noise, cte]) => {
      const refs = urls.map(([form, where, prefix]) => {
        const url = `${prefix}${form}`;
        if (where === 'img') return `<img src="${url}" width="1" height="1">`;
        if (where === 'a') return `<a href="${url}">read</a>`;
        if (where === 'style') return `<div style="background:url('${url}')">x</div>`;
        if (where === 'background') return `<td background="${url}">x</td>`;
        if (where === 'srcset') return `<img srcset="${url} 1x" alt="">`;
        return `<!--[if mso]><v:image src="${url}" /><![endif]-->`;
      });
      const html = `<html><body>${noise.join('')}<p>Hi</p>${refs.join('\n')}</body></html>`;
      const headers = [`To: ${to}`, ...places];
      if (!places.some((p) => p.startsWith('From:'))) headers.push('From: News <news@sender.example>');
      if (!places.some((p) => p.startsWith('Subject:'))) headers.push('Subject: Weekly');
      const bytes = message(headers, html, cte);
      const what = `to ${JSON.stringify(to)}, headers ${JSON.stringify(places)}, urls ${JSON.stringify(urls.map((u) => u.slice(0, 2)))}, ${cte}`;
      return Object.assign(named(what, bytes), { address, shown: places.some((p) => p.startsWith('Subject: Hello')) });
    }),
);
