import { parseArgs } from 'node:util';
import { VERSION } from '../version';
import { ignoreClosedPipe } from './closed-pipe';
import { ExitCode, processIO, type CommandIO } from './command-io';
import { COMMAND_USAGES, USAGE } from './command-usage';
import { runConnectivity } from './connectivity-command';
import { CONNECTIVITY_FORMATS } from './connectivity-report';
import { DIFF_FORMATS, runDiff } from './diff-command';
import { DEFAULT_FAIL_ON, FAIL_ON_LEVELS } from './fail-threshold';
import { FIX_USAGE, FixUsageError, runFix } from './fix-command';
import { runGenerateCommand } from './generate-command';
import { LINT_FORMATS, runLint } from './lint-command';
import { ConfigError, loadConfig } from './load-config';
import { runRules } from './rules-command';

class UsageError extends Error {}

/** Runs one CLI invocation and returns its exit code. */
export async function main(argv: readonly string[], io: CommandIO = processIO): Promise<ExitCode> {
  if (io === processIO) {
    ignoreClosedPipe(process.stdout);
    ignoreClosedPipe(process.stderr);
  }
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.error(`kube-netsec: ${error.message}`);
      return ExitCode.UsageOrIoError;
    }
    if (error instanceof FixUsageError) {
      io.error(`kube-netsec: ${error.message}\n\n${FIX_USAGE}`);
      return ExitCode.UsageOrIoError;
    }
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.error(`kube-netsec: ${(error as Error).message}\n\n${COMMAND_USAGES[argv[0]] ?? USAGE}`);
      return ExitCode.UsageOrIoError;
    }
    throw error;
  }
}

async function dispatch(argv: readonly string[], io: CommandIO): Promise<ExitCode> {
  const [command, ...rest] = argv;
  // Help and the version win over every other argument: the first things a newcomer types after a command.
  if (command !== undefined && COMMAND_USAGES[command] && hasOption(rest, ['-h', '--help'])) {
    io.out(COMMAND_USAGES[command]);
    return ExitCode.Clean;
  }
  if (command !== undefined && COMMAND_USAGES[command] && hasOption(rest, ['--version'])) {
    io.out(VERSION);
    return ExitCode.Clean;
  }
  switch (command) {
    case 'lint': {
      const { values, positionals } = parseArgs({
        args: rest,
        options: {
          format: { type: 'string', default: 'text' },
          config: { type: 'string' },
          rule: { type: 'string', multiple: true, default: [] },
          strict: { type: 'boolean', default: false },
          output: { type: 'string', short: 'o' },
          'fail-on': { type: 'string', default: DEFAULT_FAIL_ON },
          'max-warnings': { type: 'string' },
          quiet: { type: 'boolean', short: 'q', default: false },
          'allow-empty': { type: 'boolean', default: false },
          'include-suppressed': { type: 'boolean', default: false },
          'base-uri': { type: 'string' },
        },
        allowPositionals: true,
      });
      const format = formatOption(values.format, LINT_FORMATS);
      const failOn = choiceOption('--fail-on', values['fail-on'], FAIL_ON_LEVELS);
      const maxWarnings = values['max-warnings'] === undefined ? undefined : countOption('--max-warnings', values['max-warnings']);
      const config = await loadConfig(values.config, values.rule ?? []);
      const options = {
        format,
        strict: values.strict ?? false,
        threshold: { failOn, maxWarnings },
        output: values.output,
        quiet: values.quiet ?? false,
        allowEmpty: values['allow-empty'] ?? false,
        includeSuppressed: values['include-suppressed'] ?? false,
        baseUri: values['base-uri'],
      };
      return runLint(positionals.length > 0 ? positionals : ['.'], options, config, io);
    }
    case 'fix': {
      const { values, positionals } = parseArgs({
        args: rest,
        options: { 'dry-run': { type: 'boolean', default: false }, rule: { type: 'string', multiple: true, default: [] }, config: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
        allowPositionals: true,
      });
      if (values.help) {
        io.out(FIX_USAGE);
        return ExitCode.Clean;
      }
      const config = await loadConfig(values.config, []);
      return runFix(positionals.length > 0 ? positionals : ['.'], { dryRun: values['dry-run'] ?? false, rules: values.rule ?? [] }, config, io);
    }
    case 'generate':
      return runGenerateCommand(rest, io);
    case 'connectivity': {
      const { args, pair } = explainPairOf(rest);
      const { values, positionals } = parseArgs({
        args,
        options: { format: { type: 'string', default: 'text' }, config: { type: 'string' }, strict: { type: 'boolean', default: false }, explain: { type: 'boolean', default: false } },
        allowPositionals: true,
      });
      const format = formatOption(values.format, CONNECTIVITY_FORMATS);
      const explain = values.explain ?? false;
      if (explain && format !== 'text' && format !== 'json') throw new UsageError(`--explain needs --format text or json (got "${format}")`);
      const config = await loadConfig(values.config, []);
      const options = { format, strict: values.strict ?? false, ...(explain ? { explain: pair ? { pair } : {} } : {}) };
      return runConnectivity(positionals.length > 0 ? positionals : ['.'], options, config, io);
    }
    case 'diff': {
      const { values, positionals } = parseArgs({
        args: rest,
        options: { format: { type: 'string', default: 'text' }, git: { type: 'string' }, 'fail-on-open': { type: 'boolean', default: false }, output: { type: 'string', short: 'o' }, 'base-uri': { type: 'string' }, config: { type: 'string' } },
        allowPositionals: true,
      });
      const format = formatOption(values.format, DIFF_FORMATS);
      if (values.git === undefined && positionals.length !== 2) throw new UsageError(`diff needs two paths, BASE and HEAD, or --git REF (got ${positionals.length} path${positionals.length === 1 ? '' : 's'})`);
      const sides = values.git === undefined ? { base: positionals[0], head: positionals[1] } : { git: values.git, paths: positionals.length > 0 ? positionals : ['.'] };
      const config = await loadConfig(values.config, []);
      return runDiff(sides, { format, failOnOpen: values['fail-on-open'] ?? false, output: values.output, baseUri: values['base-uri'] }, config, io);
    }
    case 'rules': {
      const { values } = parseArgs({ args: rest, options: { format: { type: 'string', default: 'text' } } });
      return runRules(formatOption(values.format, ['text', 'json']), io);
    }
    case 'lsp': {
      parseArgs({ args: rest, options: { stdio: { type: 'boolean' } } });
      if (!rest.includes('--stdio')) throw new UsageError('lsp needs --stdio (the only transport the CLI offers)');
      // Loaded on demand so that `lint` does not pay for the protocol machinery.
      const { startStdioServer } = await import('./lsp-command');
      startStdioServer();
      return new Promise<ExitCode>(() => {});
    }
    case '-v':
    case '--version':
      io.out(VERSION);
      return ExitCode.Clean;
    case undefined:
      io.error(USAGE);
      return ExitCode.UsageOrIoError;
    case '-h':
    case '--help':
    case 'help':
      io.out(USAGE);
      return ExitCode.Clean;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

/**
 * `--explain FROM TO`: when the word after --explain names a connection end (ns/name[Kind], an IPv4
 * address or CIDR) rather than a path, it and the next word are the pair, taken out of the arguments.
 */
function explainPairOf(args: readonly string[]): { args: string[]; pair?: { from: string; to: string } } {
  const index = args.indexOf('--explain');
  const end = args.indexOf('--');
  if (index < 0 || (end >= 0 && end < index) || !looksLikeEndpoint(args[index + 1])) return { args: [...args] };
  const to = args[index + 2];
  if (to === undefined || !looksLikeEndpoint(to)) throw new UsageError(`--explain ${args[index + 1]} needs a second end: --explain FROM TO`);
  return { args: [...args.slice(0, index + 1), ...args.slice(index + 3)], pair: { from: args[index + 1], to } };
}

function looksLikeEndpoint(word: string | undefined): boolean {
  return word !== undefined && (/^[^/\s]+\/[^/\s]+\[[^\]]+\]$/.test(word) || /^\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?$/.test(word) || /^[0-9a-f:]*:[0-9a-f:]*(\/\d{1,3})?$/i.test(word));
}

function formatOption<T extends string>(value: string | undefined, allowed: readonly T[]): T {
  return choiceOption('--format', value, allowed);
}

function choiceOption<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T {
  if (allowed.includes(value as T)) return value as T;
  throw new UsageError(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
}

function countOption(name: string, value: string): number {
  if (/^\d+$/.test(value)) return Number(value);
  throw new UsageError(`${name} takes a number of 0 or more (got "${value}")`);
}

/** One of `names` among a command's options (not after `--`, where words are paths). */
function hasOption(args: readonly string[], names: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((arg) => names.includes(arg));
}
