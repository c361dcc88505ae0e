// npm run build:validator: compiles rules/schema/trackers.schema.json into standalone validator code.
import { writeFileSync } from 'node:fs';
import { CHECK_VALIDATORS, GENERATED_VALIDATOR_FILE, trackersValidatorCode, validatorCode } from '../src/trackers/validator-code.js';

writeFileSync(GENERATED_VALIDATOR_FILE, trackersValidatorCode());
console.log(`wrote ${GENERATED_VALIDATOR_FILE}`);
for (const { schema, out } of CHECK_VALIDATORS) {
  writeFileSync(out, validatorCode(schema));
  console.log(`wrote ${out}`);
}
