import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { CheckConfigError, ConfigError } from '../errors.js';
import { schemaProblems } from '../trackers/schema-problems.js';
import type { RuleMeta } from '../rules/rule.js';
import type { Severity } from '../types.js';
import type { SeverityOrOff } from './check-finding.js';
import generated from './config-validator.generated.js';
import { isPublicSuffix } from './policy.js';
import type { SyntaxName } from './template-syntax.js';

const validate = generated as unknown as ValidateFunction;

/** rules/schema/check-config.schema.json as a type. */
export interface CheckConfig {
  rules?: Record<string, SeverityOrOff>;
  allowedHosts?: string[];
  allowedExactHosts?: string[];
  failOn?: Severity | 'never';
  maxWarnings?: number;
  syntax?: SyntaxName;
  baseline?: string;
}

/** A configuration and where it came from (paths in it are relative to its folder). */
export interface LoadedConfig {
  config: CheckConfig;
  /** The file read, or null when none was found. */
  file: string | null;
  dir: string;
}

const NAMES = ['pixelaudit.config.json', '.pixelauditrc.json'];

/**
 * The configuration: `--config FILE`, else the first of pixelaudit.config.json,
 * .pixelauditrc.json or a package.json with a "pixelaudit" key, in the working folder or the
 * nearest folder above it (as eslint and prettier search). Every problem is one line with its
 * JSON path, and the run stops with exit 2: a misspelt severity must not turn a rule off.
 */
export function loadConfig(cwd: string, explicit: string | undefined, rules: RuleMeta[]): LoadedConfig {
  if (explicit) {
    const file = path.resolve(cwd, explicit);
    if (!existsSync(file)) throw new ConfigError(`--config ${explicit}: no such file`);
    return { config: parse(file, readJson(file), rules), file, dir: path.dirname(file) };
  }
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    for (const name of NAMES) {
      const file = path.join(dir, name);
      if (existsSync(file)) return { config: parse(file, readJson(file), rules), file, dir };
    }
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg)) {
      const data = readJson(pkg) as Record<string, unknown> | null;
      if (data && typeof data === 'object' && 'pixelaudit' in data) return { config: parse(`${pkg} "pixelaudit"`, data.pixelaudit, rules), file: pkg, dir };
    }
    if (path.dirname(dir) === dir) return { config: {}, file: null, dir: path.resolve(cwd) };
  }
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    throw new ConfigError(`${file}: not valid JSON (${(error as Error).message})`);
  }
}

/**
 * Every problem of the configuration at once, one line each with its path: the schema's (ajv
 * with allErrors, compiled ahead), rule names no rule has, and allowed hosts that are public
 * suffixes. A run stops on the first report, so a user fixing one line at a time would need one
 * CI round per mistake otherwise.
 */
function parse(name: string, data: unknown, rules: RuleMeta[]): CheckConfig {
  const problems = validate(data) ? [] : schemaProblems(validate.errors ?? [], data).map((p) => p.replace('rules/schema/trackers.schema.json', 'rules/schema/check-config.schema.json'));
  const config = (data && typeof data === 'object' ? data : {}) as CheckConfig;
  const known = new Set(rules.flatMap((r) => [r.id, r.alias]));
  const ruleNames = config.rules && typeof config.rules === 'object' ? Object.keys(config.rules) : [];
  for (const k of ruleNames) if (!known.has(k)) problems.push(`rules.${k}: no rule has this id or alias (pixelaudit rules lists them)`);
  const hosts = Array.isArray(config.allowedHosts) ? config.allowedHosts : [];
  hosts.forEach((h, i) => {
    if (typeof h === 'string' && isPublicSuffix(h)) problems.push(`allowedHosts[${i}]: "${h}" is a public suffix (anyone can register a name below it); name your own domain, such as example.${h}`);
  });
  if (problems.length) throw new CheckConfigError(problems.map((p) => `${name}: ${p}`));
  return config;
}
