import { parseArgs } from 'node:util';
import { VERSION } from '../version';
import { ExitCode, processIO, type CommandIO } from './command-io';
import { runConnectivity } from './connectivity-command';
import { CONNECTIVITY_FORMATS } from './connectivity-report';
import { runLint } from './lint-command';
import { ConfigError, loadConfig } from './load-config';
import { runRules } from './rules-command';

const USAGE = `Usage: kube-netsec <command> [options]

Commands:
  lint [PATH...]      Check Kubernetes manifests (files, folders, or - for standard input)
                      for insecure networking. Folders are searched for *.yaml, *.yml, *.json.
  connectivity [PATH...]
                      List every connection the NetworkPolicies allow between workloads
                      and with external addresses (same PATH rules as lint).
  rules               List the rules.
  lsp --stdio         Start the language server over standard input/output (for editors).

Options:
  --format FORMAT     Output format (default: text): text or json for lint and rules;
                      text, json, csv, md or dot for connectivity.
  --config FILE       Configuration file (default: .kube-netsec.yaml in the current folder, if any).
  --rule RULE=LEVEL   Override a rule's severity: off, hint, info, warning or error (repeatable).
  -h, --help          Show this help.
  -v, --version       Show the version.

Exit status of lint: 0 no findings, 1 findings, 2 usage or I/O error.
Exit status of connectivity: 0 (also when nothing is allowed), 2 usage or I/O error.`;

class UsageError extends Error {}

/** Runs one CLI invocation and returns its exit code. */
export async function main(argv: readonly string[], io: CommandIO = processIO): Promise<ExitCode> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.error(`kube-netsec: ${error.message}`);
      return ExitCode.UsageOrIoError;
    }
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.error(`kube-netsec: ${(error as Error).message}\n\n${USAGE}`);
      return ExitCode.UsageOrIoError;
    }
    throw error;
  }
}

async function dispatch(argv: readonly string[], io: CommandIO): Promise<ExitCode> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'lint': {
      const { values, positionals } = parseArgs({
        args: rest,
        options: { format: { type: 'string', default: 'text' }, config: { type: 'string' }, rule: { type: 'string', multiple: true, default: [] } },
        allowPositionals: true,
      });
      const format = formatOption(values.format, ['text', 'json']);
      const config = await loadConfig(values.config, values.rule ?? []);
      return runLint(positionals.length > 0 ? positionals : ['.'], format, config, io);
    }
    case 'connectivity': {
      const { values, positionals } = parseArgs({ args: rest, options: { format: { type: 'string', default: 'text' } }, allowPositionals: true });
      return runConnectivity(positionals.length > 0 ? positionals : ['.'], formatOption(values.format, CONNECTIVITY_FORMATS), io);
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
    case '-h':
    case '--help':
    case 'help':
      io.out(USAGE);
      return command === undefined ? ExitCode.UsageOrIoError : ExitCode.Clean;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

function formatOption<T extends string>(value: string | undefined, allowed: readonly T[]): T {
  if (allowed.includes(value as T)) return value as T;
  throw new UsageError(`--format must be one of ${allowed.join(', ')} (got "${value}")`);
}
