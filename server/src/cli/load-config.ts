import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { findRule, mergeConfigs, RULE_SETTINGS, type LintConfig, type RuleSetting } from '../engine';
import { CONFIG_FILE_NAME, parseConfigFile } from '../engine/config/config-file';
import { describeFsError } from '../files/collect-files';

export interface LoadedConfig {
  config: LintConfig;
  /** The folder exclude patterns are relative to: the configuration file's, or the current one. */
  baseDir: string;
  /** The configuration file read (absolute), if any. */
  file?: string;
}

/** A problem that stops the command: exit status 2. */
export class ConfigError extends Error {}

/**
 * The configuration for a CLI run: `--config FILE`, else `.kube-netsec.yaml` in the current folder
 * when there is one, then the `--rule RULE=SEVERITY` overrides on top.
 */
export async function loadConfig(configPath: string | undefined, ruleOverrides: readonly string[]): Promise<LoadedConfig> {
  const path = resolve(configPath ?? CONFIG_FILE_NAME);
  let text: string | undefined;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (configPath !== undefined || (error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new ConfigError(`${configPath ?? CONFIG_FILE_NAME}: ${describeFsError(error)}`);
    }
  }
  const fromFile = text === undefined ? {} : readConfigText(configPath ?? CONFIG_FILE_NAME, text);
  const config = mergeConfigs(fromFile, { rules: parseRuleOverrides(ruleOverrides) });
  return text === undefined ? { config, baseDir: process.cwd() } : { config, baseDir: dirname(path), file: path };
}

function readConfigText(displayPath: string, text: string): Partial<LintConfig> {
  const { config, problems } = parseConfigFile(text);
  if (problems.length > 0) {
    const lines = problems.map(({ message, range }) => `${displayPath}:${range.start.line + 1}:${range.start.character + 1}: ${message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  return config;
}

/**
 * Names the CLI prints that are not rules: what they are and what to do instead, for a user who
 * tries to silence them with --rule.
 */
const NOT_RULES: Readonly<Record<string, string>> = {
  'helm-template': '; "helm-template" is the reason a file was skipped as a Helm/Go template, not a rule: render the chart with `helm template` and lint the output, or leave the chart out with the configuration\'s exclude',
  'file-too-large': '; "file-too-large" is the reason a file was skipped, not a rule: leave the file out with the configuration\'s exclude',
};

function parseRuleOverrides(overrides: readonly string[]): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = {};
  for (const override of overrides) {
    const [id, setting, ...rest] = override.split('=');
    if (rest.length > 0 || setting === undefined) throw new ConfigError(`--rule takes RULE=SEVERITY (got "${override}")`);
    if (!findRule(id)) throw new ConfigError(`--rule: "${id}" is not a kube-netsec rule (see kube-netsec rules)${NOT_RULES[id] ?? ''}`);
    if (!RULE_SETTINGS.includes(setting as RuleSetting)) throw new ConfigError(`--rule ${id}: the severity must be one of ${RULE_SETTINGS.join(', ')} (got "${setting}")`);
    rules[id] = setting as RuleSetting;
  }
  return rules;
}
