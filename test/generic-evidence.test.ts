import { describe, expect, it } from 'vitest';
import { analyseMessage } from '../src/engine/analyse-message.js';
import { detector, htmlMessage } from './helpers.js';

const ids = async (html: string): Promise<string[]> => {
  const r = await analyseMessage('g.eml', htmlMessage(html), detector());
  return r.findings.filter((f) => f.tracking).map((f) => f.ruleId);
};

describe('generic evidence rules (PA009, PA010)', () => {
  it('PA009: only a random-looking id of a tracked link, carried by the image itself', async () => {
    const link = '<a href="https://go.shop.example/r?u=Zq8XkL2mP9wR4tYb&url=https%3A%2F%2Fshop.example%2F">x</a>';
    expect(await ids(`<img src="https://img.shop.example/a.jpg?u=Zq8XkL2mP9wR4tYb" width="600">${link}`)).toEqual(['PA009']);
    // The same id, but the link is not tracked (no link rule fires on a plain link without it).
    expect(await ids('<img src="https://img.shop.example/a.jpg?u=Zq8XkL2mP9wR4tYb" width="600"><a href="https://shop.example/about">x</a>')).toEqual([]);
    // A number shared with the links (a campaign id) is the same in every copy.
    expect(await ids('<img src="https://img.shop.example/a.jpg?c=20240514012345" width="600"><a href="https://go.shop.example/r?c=20240514012345&u=Zq8XkL2mP9wR4tYb&url=https%3A%2F%2Fshop.example%2F">x</a>')).toEqual([]);
    // A style sheet is not an image.
    expect(await ids(`<link rel="stylesheet" href="https://img.shop.example/a.css?u=Zq8XkL2mP9wR4tYb">${link}`)).toEqual([]);
  });

  it('PA010: a subdomain named for tracking, with an identifier; not a domain like t.co, not without an id', async () => {
    expect(await ids('<img src="https://open.news.example/h.png?s=Ab3dE9fK2mQ7xZ1pL" width="600">')).toEqual(['PA010']);
    expect(await ids('<img src="https://beacon.news.example/x/Ab3dE9fK2mQ7xZ1pLq8R/h.png" width="600">')).toEqual(['PA010']);
    expect(await ids('<img src="https://t.co/Ab3dE9fK2mQ7xZ1pL?s=Ab3dE9fK2mQ7xZ1pL" width="600">')).toEqual([]);
    expect(await ids('<img src="https://track.news.example/img/header.png?w=600" width="600">')).toEqual([]);
    expect(await ids('<img src="https://tracker.news.example/h.png?s=Ab3dE9fK2mQ7xZ1pL" width="600">')).toEqual([]);
  });
});

describe('PA009 leaves out the first path segment', () => {
  it('a bucket or script name that the image and the links share is not a recipient id', async () => {
    const r = await analyseMessage('b.eml', htmlMessage('<img src="https://storage.example/zerzer52f5sdfzeraze/banner.png" width="600"><a href="https://storage.example/zerzer52f5sdfzeraze/go.html?t=Zq8XkL2mP9wR4tYb">x</a>'), detector());
    expect(r.findings.filter((f) => f.tracking)).toEqual([]);
  });
});
