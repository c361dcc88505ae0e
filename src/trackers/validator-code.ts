import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { PACKAGE_ROOT } from '../package-root.js';

export const TRACKERS_SCHEMA_FILE = path.join(PACKAGE_ROOT, 'rules', 'schema', 'trackers.schema.json');
export const GENERATED_VALIDATOR_FILE = path.join(PACKAGE_ROOT, 'src', 'trackers', 'schema-validator.generated.ts');

/**
 * The schema compiled by ajv into standalone code, written to schema-validator.generated.ts by
 * `npm run build:validator` and compared with it by test/tracker-schema.test.ts. Compiled ahead:
 * importing ajv and compiling the schema cost about 150 ms per start here (ajv 8.20, 2 shared
 * cores), on a scan of one message that takes about 400 ms in all.
 */
export function trackersValidatorCode(): string {
  return validatorCode(TRACKERS_SCHEMA_FILE);
}

/** The schemas `check` reads (its configuration, the template tags, the expression names), compiled the same way. */
export const CHECK_VALIDATORS = [
  { schema: path.join(PACKAGE_ROOT, 'rules', 'schema', 'check-config.schema.json'), out: path.join(PACKAGE_ROOT, 'src', 'check', 'config-validator.generated.ts') },
  { schema: path.join(PACKAGE_ROOT, 'rules', 'schema', 'template-tags.schema.json'), out: path.join(PACKAGE_ROOT, 'src', 'check', 'template-tags-validator.generated.ts') },
  { schema: path.join(PACKAGE_ROOT, 'rules', 'schema', 'expression-names.schema.json'), out: path.join(PACKAGE_ROOT, 'src', 'check', 'expression-names-validator.generated.ts') },
];

/** Any of the project's schemas as standalone validator code (one module per schema). */
export function validatorCode(schemaFile: string): string {
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as object;
  // verbose: errors carry their schema, whose x-error says what is wrong in words.
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false, code: { source: true, esm: true, lines: true } });
  ajv.addKeyword({ keyword: 'x-error', schemaType: 'string' });
  // ajv's CommonJS module is the function and also has it as .default; TypeScript sees only the latter.
  const code = standaloneCode.default(ajv, ajv.compile(schema));
  if (/\brequire\(/.test(code)) throw new Error('the generated validator needs a runtime require (a keyword such as minLength); use a pattern instead');
  return `// @ts-nocheck\n// Generated from rules/schema/${path.basename(schemaFile)} by npm run build:validator: do not edit.\n${code}\n`;
}
