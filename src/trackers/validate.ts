import { TrackerDataError } from '../errors.js';
import { compileExpression } from './compile.js';
import { joinBreakingReason, superLinearReason } from './regex-safety.js';
import type { TrackerFile } from './schema.js';
import { schemaProblems } from './schema-problems.js';
import type { ValidateFunction } from 'ajv';
import generated from './schema-validator.generated.js';

// Type-only import of ajv: at run time only the generated code and ajv's small runtime helpers load.
const validateSchema = generated as unknown as ValidateFunction;

/**
 * Checks a tracker file against rules/schema/trackers.schema.json (compiled ahead by ajv), then
 * compiles its regular expressions and checks they are safe to run on attacker-written URLs and
 * to join (regex-safety.ts); throws a TrackerDataError with one line per problem, each
 * naming the file, the vendor and pattern, and the reason.
 */
export function validateTrackerFile(data: unknown, file: string, options: { proveLinear?: boolean } = {}): TrackerFile {
  // proveLinear: false is for the built-in data's schema test only; test/regex-safety.test.ts proves
  // those expressions linear with no time bound, where the user-file bound (10 s) made the schema
  // test fail on a loaded machine (iterable-click.path takes 9 s unloaded).
  const proveLinear = options.proveLinear ?? true;
  if (!validateSchema(data)) throw new TrackerDataError(schemaProblems(validateSchema.errors ?? [], data).map((p) => `${file}: ${p}`));
  const problems: string[] = [];
  (data as TrackerFile).vendors.forEach((vendor, i) => {
    vendor.patterns.forEach((pattern, j) => {
      for (const key of ['host', 'path', 'query'] as const) {
        const where = `${file}: vendors[${i}] (${vendor.id}).patterns[${j}] (${pattern.id}).${key}`;
        let re: RegExp | undefined;
        try {
          re = compileExpression(pattern, key);
        } catch (error) {
          problems.push(`${where}: not a valid regular expression: ${(error as Error).message}`);
        }
        if (!re) continue;
        const reason = joinBreakingReason(pattern[key] as string) ?? (proveLinear ? superLinearReason(re.source, re.flags) : undefined);
        if (reason) problems.push(`${where}: ${JSON.stringify(pattern[key]).slice(0, 200)} ${reason}`);
      }
    });
  });
  if (problems.length) throw new TrackerDataError(problems);
  return data as TrackerFile;
}
