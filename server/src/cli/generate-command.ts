import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildWorkspace, type ManifestFile } from '../engine';
import { generatePolicies, generatedYaml, type GeneratedPolicy } from '../engine/generate';
import { describeFsError } from '../files/collect-files';
import { ExitCode, type CommandIO } from './command-io';
import { loadConfig, type LoadedConfig } from './load-config';
import { exclusionOf, readManifests } from './read-manifests';

export const GENERATE_USAGE = `Usage: kube-netsec generate [PATH...] [options]

Prints least-privilege NetworkPolicies for the workloads of the manifests: a default deny per
namespace, and for each workload an ingress policy admitting the clients inferred from the
manifests (workloads that name its Services, the Ingress controller or Gateway for routed
Services) and an egress policy to the Services it names and to the cluster DNS. Each rule carries
a comment saying what it was inferred from. PATH works as for lint (default: the current folder;
- reads standard input; the configuration's exclusions apply). System namespaces (kube-system...)
are left out unless --namespace names one.

Options:
  --namespace NS      Only the workloads of namespace NS.
  --output DIR        Write one file per namespace, DIR/<namespace>.yaml, instead of printing.
  --config FILE       Configuration file (default: .kube-netsec.yaml in the current folder, if any).
  -h, --help          Show this help.

Exit status: 0 policies generated (or no workload found), 2 usage or I/O error.`;

/** `kube-netsec generate`: its arguments, as they follow the command name. */
export async function runGenerateCommand(args: readonly string[], io: CommandIO): Promise<ExitCode> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: { namespace: { type: 'string' }, output: { type: 'string' }, config: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } }, allowPositionals: true });
  } catch (error) {
    return usageError((error as Error).message, io);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(GENERATE_USAGE);
    return ExitCode.Clean;
  }
  if (values.namespace === '') return usageError('--namespace needs a namespace name', io);
  if (values.output === '') return usageError('--output needs a folder', io);
  const config = await loadConfig(values.config, []);
  return runGenerate(positionals.length > 0 ? positionals : ['.'], { namespace: values.namespace, output: values.output }, config, io);
}

export interface GenerateCommandOptions {
  namespace?: string;
  output?: string;
}

/**
 * Reads the manifests, generates the policies and prints them (or writes them under `output`).
 * Content that cannot be used is skipped with a warning on standard error; what the inference could
 * not conclude is said there too, as notes.
 */
export async function runGenerate(paths: readonly string[], options: GenerateCommandOptions, loaded: LoadedConfig, io: CommandIO): Promise<ExitCode> {
  const files = await readAll(paths, loaded, io);
  if (!files) return ExitCode.UsageOrIoError;
  const workspace = buildWorkspace(files, loaded.config);
  if (options.namespace !== undefined && !workspace.model.workloads.some((workload) => workload.id.namespace === options.namespace)) {
    io.error(`kube-netsec: no workload of namespace "${options.namespace}" in the manifests`);
    return ExitCode.UsageOrIoError;
  }
  const result = generatePolicies(workspace, { namespace: options.namespace, defaultDeny: true, fileName: (uri) => uri });
  for (const note of result.notes) io.error(`kube-netsec: note: ${note.message}`);
  if (result.policies.length === 0) {
    io.error('kube-netsec: no workload to generate policies for');
    return ExitCode.Clean;
  }
  if (options.output === undefined) {
    io.out(generatedYaml(result.policies).replace(/\n$/, ''));
    return ExitCode.Clean;
  }
  return writeByNamespace(options.output, result.policies, io);
}

async function writeByNamespace(folder: string, policies: readonly GeneratedPolicy[], io: CommandIO): Promise<ExitCode> {
  const byNamespace = new Map<string, GeneratedPolicy[]>();
  for (const policy of policies) byNamespace.set(policy.namespace, [...(byNamespace.get(policy.namespace) ?? []), policy]);
  try {
    await mkdir(folder, { recursive: true });
    for (const [namespace, list] of byNamespace) {
      const path = join(folder, `${namespace}.yaml`);
      await writeFile(path, generatedYaml(list), 'utf8');
      io.error(`kube-netsec: wrote ${path} (${list.length} ${list.length === 1 ? 'policy' : 'policies'})`);
    }
  } catch (error) {
    io.error(`kube-netsec: ${folder}: ${describeFsError(error)}`);
    return ExitCode.UsageOrIoError;
  }
  return ExitCode.Clean;
}

/** The manifests under `paths`, or undefined when one cannot be read (said on stderr). */
async function readAll(paths: readonly string[], loaded: LoadedConfig, io: CommandIO): Promise<ManifestFile[] | undefined> {
  const { files, ioFailed } = await readManifests(paths, exclusionOf(loaded), io);
  return ioFailed ? undefined : files;
}

function usageError(message: string, io: CommandIO): ExitCode {
  io.error(`kube-netsec: ${message}\n\n${GENERATE_USAGE}`);
  return ExitCode.UsageOrIoError;
}
