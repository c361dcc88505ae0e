import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors.js';
import { PACKAGE_ROOT } from '../package-root.js';

export interface PlatformSignature {
  vendor: string;
  /** Regular expression on the lower-case header name. */
  header: string;
  /** Optional regular expression on the header value (case-insensitive). */
  value?: string;
  provenance: string;
  examples: { match: string[]; noMatch: string[] };
}

interface Compiled {
  vendor: string;
  header: RegExp;
  value?: RegExp;
}

export const PLATFORMS_FILE = path.join(PACKAGE_ROOT, 'rules', 'platforms.json');

/** Names the sending platform from header signatures (rules/platforms.json). */
export class PlatformDetector {
  private readonly compiled: Compiled[];
  private anyName: RegExp | undefined;

  constructor(
    readonly signatures: PlatformSignature[],
    knownVendors: Set<string>,
  ) {
    this.compiled = signatures.map((s, i) => {
      if (!knownVendors.has(s.vendor)) throw new ConfigError(`${PLATFORMS_FILE}: platforms[${i}]: vendor "${s.vendor}" is not in rules/trackers`);
      if (!s.examples?.match?.length || !s.examples?.noMatch?.length) throw new ConfigError(`${PLATFORMS_FILE}: platforms[${i}]: examples.match and examples.noMatch are required`);
      return { vendor: s.vendor, header: new RegExp(s.header, 'i'), value: s.value ? new RegExp(s.value, 'i') : undefined };
    });
  }

  /** The first platform whose signature a header matches, as a vendor id. */
  detect(headers: Array<{ name: string; value: string }>): string | undefined {
    // One combined test per header name first: most headers match no signature.
    this.anyName ??= new RegExp(this.compiled.map((c) => `(?:${c.header.source})`).join('|'), 'i');
    const candidates = headers.filter((h) => (this.anyName as RegExp).test(h.name));
    if (!candidates.length) return undefined;
    for (const c of this.compiled) {
      if (candidates.some((h) => c.header.test(h.name) && (!c.value || c.value.test(h.value)))) return c.vendor;
    }
    return undefined;
  }
}

export function loadPlatforms(knownVendors: Set<string>): PlatformDetector {
  let data: { platforms: PlatformSignature[] };
  try {
    data = JSON.parse(readFileSync(PLATFORMS_FILE, 'utf8')) as { platforms: PlatformSignature[] };
  } catch (error) {
    throw new ConfigError(`${PLATFORMS_FILE}: ${(error as Error).message}`);
  }
  return new PlatformDetector(data.platforms, knownVendors);
}

/** Parses a "Name: value" header line, for the examples. */
export function headerLine(line: string): { name: string; value: string } {
  const colon = line.indexOf(':');
  return { name: line.slice(0, colon).trim().toLowerCase(), value: line.slice(colon + 1).trim() };
}
