import { checkReportTarget } from './check-report-target.js';
import { refuseOutputOverInput } from './refuse-output-over-input.js';

/**
 * Everything a report file (`-o`) must pass before a command does any work: not an input, not
 * inside an input folder, in a folder that exists, not a folder itself. `inputs` is every file the
 * command reads (mail, tracker data, secret files).
 */
export function guardReportOutput(output: string | undefined, inputs: readonly string[]): void {
  if (output === undefined) return;
  refuseOutputOverInput(output, inputs);
  checkReportTarget(output);
}
