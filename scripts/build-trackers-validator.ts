// npm run build:validator: compiles rules/schema/trackers.schema.json into standalone validator code.
import { writeFileSync } from 'node:fs';
import { GENERATED_VALIDATOR_FILE, trackersValidatorCode } from '../src/trackers/validator-code.js';

writeFileSync(GENERATED_VALIDATOR_FILE, trackersValidatorCode());
console.log(`wrote ${GENERATED_VALIDATOR_FILE}`);
