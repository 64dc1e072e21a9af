import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { findRule, mergeConfigs, RULE_SETTINGS, type LintConfig, type RuleSetting } from '../engine';
import { CONFIG_FILE_NAME, parseConfigFile, readDnsSetting } from '../engine/config/config-file';
import type { ClusterDnsConfig } from '../engine/config/lint-config';
import { isExcluded } from '../engine/config/exclude';
import type { PolicyPlacement } from '../engine/templates';
import { hasFolder, localPathOf } from './document-uri';

/** The configuration that applies to one document. */
export interface DocumentConfig {
  config: LintConfig;
  /** Whether `exclude` leaves the document out. */
  excluded: boolean;
}

/**
 * The user's configuration as the server sees it: `.kube-netsec.yaml` at each workspace folder's
 * root (what the CLI reads too), with the editor settings (`kubeNetsec.*`) layered on top.
 */
export class WorkspaceConfig {
  private settings: Partial<LintConfig> = {};
  private placement: PolicyPlacement = 'end-of-file';
  private codeLens = true;
  private readonly fileConfigs = new Map<string, Partial<LintConfig>>();

  constructor(
    private readonly folders: readonly string[],
    private readonly log: (message: string) => void,
  ) {}

  /** Re-reads the configuration files; `settings` is the `kubeNetsec` section of the editor settings. */
  async reload(settings: unknown): Promise<void> {
    this.settings = settingsToConfig(settings, this.log);
    this.placement = placementOf(settings);
    this.codeLens = codeLensEnabledIn(settings);
    for (const folder of this.folders) this.fileConfigs.set(folder, await this.readConfigFile(folder));
  }

  /** An in-memory document (see `localPathOf`) gets the editor settings alone, and is never excluded. */
  configFor(uri: string): DocumentConfig {
    const path = localPathOf(uri);
    const folder = path === undefined ? undefined : this.folderOf(path);
    const config = mergeConfigs(folder ? (this.fileConfigs.get(folder) ?? {}) : {}, this.settings);
    const excluded = folder !== undefined && path !== undefined && isExcluded(relative(folder, path).split(sep).join('/'), config.exclude);
    return { config, excluded };
  }

  /** The configuration of the first workspace folder: what cross-file rules run with. */
  rootConfig(): LintConfig {
    return mergeConfigs(this.folders[0] ? (this.fileConfigs.get(this.folders[0]) ?? {}) : {}, this.settings);
  }

  /**
   * Where inserted NetworkPolicies go: `kubeNetsec.templates.placement` (`endOfFile` or `newFile`).
   * A document with no folder (see `hasFolder`) has no place beside it for a new file: its policies
   * go at its end.
   */
  templatePlacement(uri?: string): PolicyPlacement {
    return uri !== undefined && !hasFolder(uri) ? 'end-of-file' : this.placement;
  }

  /** Whether CodeLenses are shown (`kubeNetsec.codeLens.enable`, on unless set to false). */
  codeLensEnabled(): boolean {
    return this.codeLens;
  }

  /** Whether `uri` is one of the configuration files this server reads. */
  isConfigFile(uri: string): boolean {
    const path = localPathOf(uri);
    return path !== undefined && this.folders.some((folder) => join(folder, CONFIG_FILE_NAME) === path);
  }

  /** The innermost workspace folder holding `path`. */
  private folderOf(path: string): string | undefined {
    return this.folders.filter((folder) => path.startsWith(folder.endsWith(sep) ? folder : folder + sep)).sort((a, b) => b.length - a.length)[0];
  }

  private async readConfigFile(folder: string): Promise<Partial<LintConfig>> {
    const path = join(folder, CONFIG_FILE_NAME);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      return {};
    }
    const { config, problems } = parseConfigFile(text);
    if (problems.length > 0) this.log(`${path} is not used: ${problems.map((problem) => problem.message).join(' ')}`);
    return config;
  }
}

/** Workspace folder paths from the URIs the client sent (only local folders have a config file or files to index). */
export function folderPaths(uris: readonly unknown[], log: (message: string) => void = () => undefined): string[] {
  const paths: string[] = [];
  for (const uri of uris) {
    const path = typeof uri === 'string' ? localPathOf(uri) : undefined;
    if (path !== undefined) paths.push(path.replace(/[\\/]$/, ''));
    else log(`Workspace folder ${JSON.stringify(uri)} is not a local folder: its files are not indexed and it has no ${CONFIG_FILE_NAME}.`);
  }
  return paths;
}

// Settings come from settings.json, which the editor validates only loosely: keep what is well-formed.
function settingsToConfig(settings: unknown, log: (message: string) => void): Partial<LintConfig> {
  const section = (typeof settings === 'object' && settings !== null ? settings : {}) as Record<string, unknown>;
  const result: { rules?: Record<string, RuleSetting>; exclude?: string[]; sensitivePorts?: number[]; defaultNamespace?: string; dns?: ClusterDnsConfig } = {};
  if (typeof section.defaultNamespace === 'string' && section.defaultNamespace !== '') result.defaultNamespace = section.defaultNamespace;
  if (typeof section.rules === 'object' && section.rules !== null) {
    result.rules = {};
    for (const [id, setting] of Object.entries(section.rules)) {
      if (findRule(id) && RULE_SETTINGS.includes(setting as RuleSetting)) result.rules[id] = setting as RuleSetting;
      else log(`Ignoring kubeNetsec.rules["${id}"] = ${JSON.stringify(setting)}: unknown rule or severity.`);
    }
  }
  if (Array.isArray(section.exclude)) result.exclude = section.exclude.filter((pattern): pattern is string => typeof pattern === 'string' && pattern !== '');
  if (Array.isArray(section.sensitivePorts)) {
    result.sensitivePorts = section.sensitivePorts.filter((port): port is number => Number.isInteger(port) && port >= 1 && port <= 65535);
  }
  if (section.dns !== undefined && section.dns !== null) {
    // A half-valid DNS would be judged against pods that do not exist: all of it, or none.
    const { dns, problems } = readDnsSetting(section.dns);
    if (dns) result.dns = dns;
    else log(`Ignoring kubeNetsec.dns: ${problems.join(' ')}`);
  }
  return result;
}

/** The setting's values are VS Code-style camel case; the engine's are its own. */
export function placementOf(settings: unknown): PolicyPlacement {
  const templates = typeof settings === 'object' && settings !== null ? (settings as { templates?: { placement?: unknown } }).templates : undefined;
  return templates?.placement === 'newFile' ? 'new-file' : 'end-of-file';
}

function codeLensEnabledIn(settings: unknown): boolean {
  const codeLens = typeof settings === 'object' && settings !== null ? (settings as { codeLens?: { enable?: unknown } }).codeLens : undefined;
  return codeLens?.enable !== false;
}
