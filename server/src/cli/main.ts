import { parseArgs } from 'node:util';
import { VERSION } from '../version';
import { ignoreClosedPipe } from './closed-pipe';
import { ExitCode, processIO, type CommandIO } from './command-io';
import { runConnectivity } from './connectivity-command';
import { CONNECTIVITY_FORMATS } from './connectivity-report';
import { FIX_USAGE, FixUsageError, runFix } from './fix-command';
import { runGenerateCommand } from './generate-command';
import { runLint } from './lint-command';
import { ConfigError, loadConfig } from './load-config';
import { runRules } from './rules-command';

const USAGE = `Usage: kube-netsec <command> [options]

Commands:
  lint [PATH...]      Check Kubernetes manifests (files, folders, or - for standard input)
                      for insecure networking. Folders are searched for *.yaml, *.yml, *.json;
                      files found there that the configuration excludes are not read.
  connectivity [PATH...] [--explain [FROM TO]]
                      List every connection the NetworkPolicies, AdminNetworkPolicies and the
                      BaselineAdminNetworkPolicy allow between workloads and with external
                      addresses (same PATH rules and configuration as lint).
                      Notes on standard error name what the list does not account for:
                      policies of other kinds (Calico, Cilium...), host-network workloads.
                      --explain says why under each connection: for the source's egress and
                      the destination's ingress, the isolating NetworkPolicies and the rules
                      (admin tiers included) that decide the ports, with FILE:LINE (text), or
                      an "explanation" field per connection (json; other formats refuse it).
                      --explain FROM TO explains that one pair, allowed or not; each end is a
                      workload as printed (ns/name[Kind]) or an IPv4 address or CIDR.
  fix [PATH...]       Apply the preferred safe fix of each finding in place (same PATH rules
                      as lint); --dry-run prints a unified diff instead. See fix --help.
  generate [PATH...] [--namespace NS] [--output DIR]
                      Print least-privilege NetworkPolicies (default deny, then what each
                      workload needs, inferred from the manifests). See generate --help.
  rules               List the rules.
  lsp --stdio         Start the language server over standard input/output (for editors).

Options:
  --format FORMAT     Output format (default: text): text or json for lint and rules;
                      text, json, csv, md or dot for connectivity.
  --config FILE       Configuration file (default: .kube-netsec.yaml in the current folder, if any),
                      for lint, connectivity, fix and generate.
  --rule RULE=LEVEL   Override a rule's severity: off, hint, info, warning or error (repeatable).
                      For fix, --rule RULE limits fixing to that rule (repeatable).
  --strict            For lint and connectivity: exit with status 2 when a file, or some
                      documents of it, was skipped as a Helm/Go template or as too large
                      (after printing the report as usual).
  -h, --help          Show this help.
  -v, --version       Show the version.

Exit status of lint: 0 no findings, 1 findings, 2 usage or I/O error (or, with --strict,
  a file skipped as a template or as too large).
Exit status of fix: 0 nothing left to fix, 1 findings with a safe fix remain, 2 usage or I/O error.
Exit status of connectivity: 0 (also when nothing is allowed), 2 usage or I/O error (or, with
  --strict, a file skipped as a template or as too large).
  Also 2 when an AdminNetworkPolicy or BaselineAdminNetworkPolicy cannot be evaluated (errors on
  standard error, no connections printed); their warnings do not change the status.
  Also 2 when --explain FROM TO names no workload of the manifests, an IPv6 address, or two
  external ends, and when --explain is given with --format csv, md or dot.
Exit status of generate: 0, 2 usage or I/O error.`;

class UsageError extends Error {}

/** Runs one CLI invocation and returns its exit code. */
export async function main(argv: readonly string[], io: CommandIO = processIO): Promise<ExitCode> {
  if (io === processIO) ignoreClosedPipe(process.stdout);
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
        options: { format: { type: 'string', default: 'text' }, config: { type: 'string' }, rule: { type: 'string', multiple: true, default: [] }, strict: { type: 'boolean', default: false } },
        allowPositionals: true,
      });
      const format = formatOption(values.format, ['text', 'json']);
      const config = await loadConfig(values.config, values.rule ?? []);
      return runLint(positionals.length > 0 ? positionals : ['.'], { format, strict: values.strict ?? false }, config, io);
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
  if (allowed.includes(value as T)) return value as T;
  throw new UsageError(`--format must be one of ${allowed.join(', ')} (got "${value}")`);
}
