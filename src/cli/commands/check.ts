import { Command, Option } from 'commander';
import path from 'node:path';
import { readBaseline, writeBaseline } from '../../check/baseline.js';
import { checkInputs } from '../../check/check-inputs.js';
import { exitCodeOf, notReadText, summarise, type CheckReport } from '../../check/check-report.js';
import type { CheckedFile } from '../../check/check-finding.js';
import type { Severity } from '../../types.js';
import { loadConfig } from '../../check/config.js';
import { allCheckRules } from '../../check/rules/index.js';
import { checkFile } from '../../check/run-check.js';
import { SYNTAX_NAMES, type SyntaxName } from '../../check/template-syntax.js';
import { loadTemplateTags } from '../../check/template-tags.js';
import { createDetector } from '../../engine/detector.js';
import { UsageError } from '../../errors.js';
import { CHECK_FORMAT_NAMES, CHECK_FORMATTERS, SCAN_ONLY_FORMATS } from '../../formatters/check-formats.js';
import { useColor } from '../color.js';
import { formatSpec, resolveTargets, type FormatTarget } from '../format-targets.js';
import type { Io } from '../io.js';
import { collect } from '../options.js';
import { openSinks } from '../outputs.js';

const DEFAULT_BASELINE = 'pixelaudit-baseline.json';

interface CheckFlags {
  /** Every `-f NAME[:FILE]` given, in order; undefined for none (then `table`). */
  format?: FormatTarget[];
  output?: string;
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
    .addOption(new Option('-f, --format <name[:file]>', `output format, repeatable, each to its own file: -f sarif:out.sarif -f github (${CHECK_FORMAT_NAMES.join(', ')}; default table)`).argParser(formatSpec(CHECK_FORMAT_NAMES, SCAN_ONLY_FORMATS)))
    .option('-o, --output <file>', 'write the output (the one -f without a file) to a file instead of stdout')
    .addOption(new Option('--syntax <name>', 'template syntax of every file (default: from each file name)').choices(SYNTAX_NAMES))
    .option('--config <file>', 'configuration file (default: pixelaudit.config.json, .pixelauditrc.json or package.json "pixelaudit", searched upward)')
    .option('--baseline <file>', 'findings recorded in this baseline are not reported')
    .option('--write-baseline', `record every current finding in the baseline (--baseline, the config's, or ${DEFAULT_BASELINE}) and exit 0`)
    .option('--max-warnings <n>', 'fail (exit 1) when there are more warnings than this', maxWarnings)
    .addOption(new Option('--fail-on <severity>', "lowest severity that fails the run (default: error, or the config's)").choices(['error', 'warning', 'info', 'never']))
    .option('--rules <path>', 'extra tracker data (repeatable)', collect)
    .option('--disable <id>', 'leave out a vendor or pattern id (repeatable)', collect)
    .option('--no-color', 'no colour')
    .action(async (paths: string[], flags: CheckFlags) => {
      const cwd = io.cwd ?? process.cwd();
      const rules = allCheckRules();
      const { config, dir, file: configFile } = loadConfig(cwd, flags.config, rules);
      const baselineFile = flags.baseline ? path.resolve(cwd, flags.baseline) : config.baseline ? path.resolve(dir, config.baseline) : undefined;
      const detector = createDetector({ extra: flags.rules, disable: flags.disable });
      const tags = loadTemplateTags();
      const { inputs, skipped, notRead } = await checkInputs(paths, cwd);
      // As scan's folder without mail: a run that found no template at all must not pass CI.
      if (inputs.length === 0) throw new UsageError(`${paths.join(' ')}: no template or .eml file to check${notReadText(notRead) ? `: ${notReadText(notRead)}` : ''}`);
      // Not followed (a loop, a link out of the project, a broken link): said, never silent.
      for (const s of skipped) await io.stderr.write(`pixelaudit: ${s.file}: not checked: ${s.reason}${s.detail ? ` (${s.detail})` : ''}\n`);
      // Every output is checked before any file is read, as scan's are: never one of the
      // templates, the configuration, the baseline or the tracker data, nor inside a checked folder.
      // The baseline --write-baseline writes is an output like any -f FILE: never an input, the
      // config (or the package.json holding it), the tracker data, nor another output's file.
      const baselineOut = flags.writeBaseline ? (baselineFile ?? path.resolve(cwd, DEFAULT_BASELINE)) : undefined;
      if (baselineOut !== undefined && path.basename(baselineOut) === 'package.json') throw new UsageError(`--write-baseline: ${baselineOut} is a package.json, not a baseline; choose another file`);
      const read = [...paths, ...inputs.map((i) => i.file), ...(flags.rules ?? []), ...(configFile ? [configFile] : []), ...(baselineOut ? [] : [baselineFile ?? DEFAULT_BASELINE])].map((p) => path.resolve(cwd, p));
      // Outputs keep the names given (messages quote them), resolved only when run for another folder.
      const inCwd = (file: string | undefined) => (file === undefined || cwd === process.cwd() ? file : path.resolve(cwd, file));
      const also = baselineOut ? [{ name: '--write-baseline', file: baselineOut }] : [];
      const targets = resolveTargets(
        flags.format?.map((t) => ({ format: t.format, ...(t.file === undefined ? {} : { file: inCwd(t.file) }) })),
        'table',
        inCwd(flags.output),
        read,
        also,
      );
      const baseline = baselineFile && !flags.writeBaseline ? readBaseline(baselineFile) : undefined;
      // Fingerprints name files relative to the baseline's folder (the config's without one), so a
      // baseline accepts the same findings from any working folder.
      const fingerprintBase = path.dirname(baselineOut ?? baselineFile ?? path.join(configFile ? dir : cwd, DEFAULT_BASELINE));
      // Opened before checking, so an unwritable folder fails first; --write-baseline writes only the baseline.
      const sinks = flags.writeBaseline ? undefined : await openSinks(io, targets);
      try {
        const files: CheckedFile[] = [];
        for (const input of inputs) {
          if (input.failed) files.push({ file: input.file, syntax: 'unknown', findings: [], suppressed: 0, baselined: 0, error: input.failed });
          else files.push(await checkFile(input.file, { detector, tags, rules, config, syntax: flags.syntax, baseline, cwd, fingerprintBase }));
        }
        const failOn = flags.failOn ?? config.failOn ?? 'error';
        const report: CheckReport = { files, summary: summarise(files, failOn, flags.maxWarnings ?? config.maxWarnings ?? null, notRead) };
        if (!sinks) {
          const target = baselineOut!;
          writeBaseline(
            target,
            files.flatMap((f) => f.findings),
            cwd,
          );
          await io.stderr.write(`pixelaudit: wrote ${files.reduce((n, f) => n + f.findings.length, 0)} findings to ${path.relative(cwd, target) || target}\n`);
          setExit(report.summary.failed > 0 ? 2 : 0);
          return;
        }
        const exitCode = exitCodeOf(report.summary);
        for (const { target, sink, toFile } of sinks.opened) {
          const render = await CHECK_FORMATTERS[target.format]();
          await sink.write(render(report, { color: useColor(io, flags.color === false ? false : undefined, toFile), baseDir: cwd, exitCode }));
        }
        await sinks.commit();
        setExit(exitCode);
      } finally {
        await sinks?.close();
      }
    });
}
