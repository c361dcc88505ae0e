import { expect } from 'vitest';
import { TrackerDataError } from '../src/errors.js';
import { validateTrackerFile } from '../src/trackers/validate.js';

/** A valid user tracker file of one vendor and one pattern, for tests to break one field at a time. */
export const PATTERN = {
  id: 'acme-open',
  kind: 'open',
  domains: ['acme-mail.example'],
  path: '^/o/',
  provenance: [{ type: 'vendor-docs', ref: 'https://docs.acme-mail.example/open-tracking', read: '2026-12-01' }],
  examples: { match: ['https://t.acme-mail.example/o/AbCd1234'], noMatch: ['https://acme-mail.example/images/logo.png'] },
};
export const VENDOR = { id: 'acme', name: 'Acme Mail', category: 'esp', patterns: [PATTERN] };

export function trackerFile(vendorPatch: Record<string, unknown> = {}, patternPatch: Record<string, unknown> = {}): unknown {
  return { vendors: [{ ...VENDOR, ...vendorPatch, patterns: [{ ...PATTERN, ...patternPatch }] }] };
}

/** The problem lines a file gives, or [] when it is valid. */
export function trackerProblems(data: unknown, options: { proveLinear?: boolean } = {}): string[] {
  try {
    validateTrackerFile(data, 'mine.json', options);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(TrackerDataError);
    return (error as TrackerDataError).problems;
  }
}
