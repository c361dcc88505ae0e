import { describe, expect, it } from 'vitest';
import { findIdentifiers, identifierLabel } from '../src/url/identifiers.js';
import { parseUrl } from '../src/url/url-parts.js';

const labels = (url: string): string[] => findIdentifiers(parseUrl(url)).map(identifierLabel);

// The attacker's r4.eml: the same token moved out of the values, each 1x1 image once a "possible spacer".
describe('an identifier is one wherever the sender puts it', () => {
  it.each([
    ['https://k9fcaj81jbg9b4gbff5kf14f6gbhgcb1.t.shop.example/o.gif', 'host token'],
    ['https://K9fCAJ81jBg9b4GbfF5kF14f6GbhGCb2@t.shop.example/o.gif', 'host token'],
    ['https://t.shop.example/o.gif?x=1&K9fCAJ81jBg9b4GbfF5kF14f6GbhGCb5=1', '=token'],
    ['https://3f2504e04f8911d39a0c0305e82c3301.t.shop.example/o.gif', 'host uuid'],
  ])('%s', (url, label) => {
    expect(labels(url)).toContain(label);
  });

  it.each([
    'https://d3u9ukmkxau9he.cloudfront.net/o.gif', // a CDN's fixed name for a customer
    'https://lh3.googleusercontent.com/o.gif',
    'https://my-newsletter-images-bucket.s3.amazonaws.com/header.png',
    'https://k9fcaj81jbg9b4gbff5kf14f6gbhgcb1.example/o.gif', // the registrable domain names the sender
    'https://t.shop.example/o.gif?utm_campaign=spring&utm_source=newsletter2024',
    'https://user:password@t.shop.example/o.gif',
  ])('%s: none', (url) => {
    expect(labels(url).filter((l) => l.startsWith('host') || l.startsWith('='))).toEqual([]);
  });
});
