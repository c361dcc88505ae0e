import type { MessageResult } from '../types.js';

type Kind = 'string' | 'string?' | 'boolean' | 'number' | 'array' | 'object?';

/**
 * The fields of a result line that `report` and its formatters read, with the type each must have.
 * A JSONL shard is input like any other and may be written by anyone: a line whose `from` is an
 * object would otherwise reach `senderOf(...).toLowerCase()` and crash the run with an internal
 * error. Hand-written rather than an ajv schema: eleven `typeof` checks a line, and `report` does
 * not pay for loading ajv at start.
 */
const RESULT_FIELDS: ReadonlyArray<[keyof MessageResult, Kind]> = [
  ['source', 'string'],
  ['messageIdHeader', 'string?'],
  ['from', 'string?'],
  ['date', 'string?'],
  ['subject', 'string?'],
  ['tracked', 'boolean'],
  ['linkTracked', 'boolean'],
  ['addressLeak', 'boolean'],
  ['readReceipt', 'boolean'],
  ['platform', 'string?'],
  ['senderDomain', 'string?'],
  ['bulk', 'boolean'],
  ['spam', 'boolean'],
  ['transactional', 'boolean'],
  ['thirdParty', 'boolean'],
  ['resources', 'number'],
  ['html', 'boolean'],
  ['findings', 'array'],
  ['warnings', 'array'],
  ['error', 'string?'],
];

const FINDING_FIELDS: ReadonlyArray<[string, Kind]> = [
  ['ruleId', 'string'],
  ['rule', 'string'],
  ['messageKey', 'string'],
  ['category', 'string'],
  ['tracking', 'boolean'],
  ['confidence', 'string'],
  ['url', 'string'],
  ['kind', 'string'],
  ['vendor', 'string?'],
  ['vendorName', 'string?'],
  ['vendorCategory', 'string?'],
  ['pattern', 'string?'],
  ['host', 'string?'],
  ['party', 'string?'],
  ['data', 'object?'],
];

function fits(value: unknown, kind: Kind): boolean {
  switch (kind) {
    case 'string':
      return typeof value === 'string';
    case 'string?':
      return value === undefined || value === null || typeof value === 'string';
    // Absent counts as false or 0 (a file from an older version may lack a later flag); a wrong type does not.
    case 'boolean':
      return value === undefined || typeof value === 'boolean';
    case 'number':
      return value === undefined || (typeof value === 'number' && Number.isFinite(value));
    case 'array':
      return Array.isArray(value);
    case 'object?':
      return value === undefined || (typeof value === 'object' && value !== null && !Array.isArray(value));
  }
}

const expected = (kind: Kind): string => ({ string: 'a string', 'string?': 'a string or null', boolean: 'true or false', number: 'a number', array: 'an array', 'object?': 'an object' })[kind];

/**
 * Why a parsed line is not a message result (`"from" must be a string or null, not an object`), or
 * undefined when it is one. Old results without `warnings` (format 1) are accepted: an absent
 * `warnings` is read as none by the caller.
 */
export function resultShapeProblem(raw: unknown): string | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return 'not a JSON object';
  const r = raw as Record<string, unknown>;
  for (const [key, kind] of RESULT_FIELDS) {
    if (key === 'warnings' && r.warnings === undefined) continue;
    if (!fits(r[key], kind)) return `"${key}" must be ${expected(kind)}, not ${describe(r[key])}`;
  }
  const findings = r.findings as unknown[];
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    if (!f || typeof f !== 'object' || Array.isArray(f)) return `findings[${i}] must be an object, not ${describe(f)}`;
    for (const [key, kind] of FINDING_FIELDS) {
      const value = (f as Record<string, unknown>)[key];
      if (!fits(value, kind)) return `findings[${i}].${key} must be ${expected(kind)}, not ${describe(value)}`;
    }
  }
  if (!(r.warnings === undefined || (r.warnings as unknown[]).every((w) => typeof w === 'string'))) return '"warnings" must hold strings only';
  return undefined;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
