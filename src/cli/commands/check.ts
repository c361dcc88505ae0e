import { Command, Option } from 'commander';
import path from 'node:path';
import { readBaseline, writeBaseline } from '../../check/baseline.js';
import { checkInputs } from '../../check/check-inputs.js';
import { exitCodeOf, summarise, type CheckReport } from '../../check/check-report.js';
import type { CheckedFile } from '../../check/check-finding.js';
import type { Severity } from '../../types.js';
import { loadConfig } from '../../check/config.js';
import { allCheckRules } from '../../check/rules/index.js';
import { checkFile } from '../../check/run-check.js';
import { SYNTAX_NAMES, type SyntaxName } from '../../check/template-syntax.js';
import { loadTemplateTags } from '../../check/template-tags.js';
import { createDetector } from '../../engine/detector.js';
import { UsageError } from '../../errors.js';
import { formatCheckTable } from '../../formatters/check-table.js';
import { safeJson } from '../../formatters/safe-text.js';
import { useColor } from '../color.js';
import type { Io } from '../io.js';
import { collect } from '../options.js';

const DEFAULT_BASELINE = 'pixelaudit-baseline.json';

interface CheckFlags {
  format: string;
  syntax?: SyntaxName;
  config?: string;
  baseline?: string;
  writeBaseline?: boolean;
  maxWarnings?: number;
  failOn?: Severity | 'never';
  rules?: string[];
  disable?: string[];
  color?: boolean;
}

function maxWarnings(value: string): number {
  if (!/^\s*\d+\s*$/.test(value)) throw new UsageError(`--max-warnings takes a whole number of 0 or more, not "${value}"`);
  return Number(value);
}

/** `pixelaudit check`: newsletter templates (and .eml files) checked in CI, findings at file:line:column. */
export function checkCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('check')
    .description('check email templates (HTML, Handlebars, Liquid, Jinja, Go templates, MJML output ...) and .eml files for tracking, for CI')
    .argument('<paths...>', 'template files, folders (walked for template and .eml files) or quoted globs')
    .addOption(new Option('-f, --format <name>', 'output format').choices(['table', 'json']).default('table'))
    .addOption(new Option('--syntax <name>', 'template syntax of every file (default: from each file name)').choices(SYNTAX_NAMES))
    .option('--config <file>', 'configuration file (default: pixelaudit.config.json, .pixelauditrc.json or package.json "pixelaudit", searched upward)')
    .option('--baseline <file>', 'findings recorded in this baseline are not reported')
    .option('--write-baseline', `record every current finding in the baseline (--baseline, the config's, or ${DEFAULT_BASELINE}) and exit 0`)
    .option('--max-warnings <n>', 'fail (exit 1) when there are more warnings than this', maxWarnings)
    .addOption(new Option('--fail-on <severity>', 'lowest severity that fails the run (default: error, or the config\'s)').choices(['error', 'warning', 'info', 'never']))
    .option('--rules <path>', 'extra tracker data (repeatable)', collect)
    .option('--disable <id>', 'leave out a vendor or pattern id (repeatable)', collect)
    .option('--no-color', 'no colour')
    .action(async (paths: string[], flags: CheckFlags) => {
      const cwd = io.cwd ?? process.cwd();
      const rules = allCheckRules();
      const { config, dir } = loadConfig(cwd, flags.config, rules);
      const baselineFile = flags.baseline ? path.resolve(cwd, flags.baseline) : config.baseline ? path.resolve(dir, config.baseline) : undefined;
      const detector = createDetector({ extra: flags.rules, disable: flags.disable });
      const tags = loadTemplateTags();
      const inputs = await checkInputs(paths, cwd);
      const baseline = baselineFile && !flags.writeBaseline ? readBaseline(baselineFile) : undefined;
      const files: CheckedFile[] = [];
      for (const input of inputs) {
        if (input.failed) files.push({ file: input.file, syntax: 'unknown', findings: [], suppressed: 0, baselined: 0, error: input.failed });
        else files.push(await checkFile(input.file, { detector, tags, rules, config, syntax: flags.syntax, baseline, cwd }));
      }
      const failOn = flags.failOn ?? config.failOn ?? 'error';
      const report: CheckReport = { files, summary: summarise(files, failOn, flags.maxWarnings ?? config.maxWarnings ?? null) };
      if (flags.writeBaseline) {
        const target = baselineFile ?? path.resolve(cwd, DEFAULT_BASELINE);
        if (files.some((f) => path.resolve(cwd, f.file) === target)) throw new UsageError(`--write-baseline: ${target} is one of the checked files`);
        writeBaseline(target, files.flatMap((f) => f.findings));
        await io.stderr.write(`pixelaudit: wrote ${files.reduce((n, f) => n + f.findings.length, 0)} findings to ${path.relative(cwd, target) || target}\n`);
        setExit(report.summary.failed > 0 ? 2 : 0);
        return;
      }
      await io.stdout.write(flags.format === 'json' ? `${safeJson({ tool: 'pixelaudit', command: 'check', ...report }, 2)}\n` : formatCheckTable(report, useColor(io, flags.color === false ? false : undefined, false)));
      setExit(exitCodeOf(report.summary));
    });
}
