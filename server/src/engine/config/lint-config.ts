import type { Severity } from '../rules/rule';

export type RuleSetting = Severity | 'off';

export const RULE_SETTINGS: readonly RuleSetting[] = ['off', 'hint', 'info', 'warning', 'error'];

/** The user's configuration, shared by the editor (settings) and the CLI (.kube-netsec.yaml). */
export interface LintConfig {
  /** Severity overrides per rule id; "off" disables a rule. */
  rules: Readonly<Record<string, RuleSetting>>;
  /** Glob patterns (relative to the workspace root) of files not to check. */
  exclude: readonly string[];
  /** Ports that `sensitive-port` reports when a container or Service exposes them. */
  sensitivePorts: readonly number[];
  /** The namespace of namespaced objects that name none (kubectl's current namespace). */
  defaultNamespace: string;
}

/**
 * Administrative and datastore ports that should not be exposed casually: telnet, Docker API, etcd,
 * MySQL, RDP, PostgreSQL, CouchDB, Redis, the Kubernetes API, Elasticsearch, the kubelet API and its
 * read-only port, memcached, MongoDB.
 */
export const DEFAULT_SENSITIVE_PORTS: readonly number[] = [23, 2375, 2376, 2379, 2380, 3306, 3389, 5432, 5984, 6379, 6443, 9200, 10250, 10255, 11211, 27017];

export const DEFAULT_CONFIG: LintConfig = { rules: {}, exclude: [], sensitivePorts: DEFAULT_SENSITIVE_PORTS, defaultNamespace: 'default' };

/** Layers configurations: later ones override rule settings and ports, and add exclusions. */
export function mergeConfigs(...layers: Partial<LintConfig>[]): LintConfig {
  let merged = DEFAULT_CONFIG;
  for (const layer of layers) {
    merged = {
      rules: { ...merged.rules, ...layer.rules },
      exclude: [...merged.exclude, ...(layer.exclude ?? [])],
      sensitivePorts: layer.sensitivePorts ?? merged.sensitivePorts,
      defaultNamespace: layer.defaultNamespace || merged.defaultNamespace,
    };
  }
  return merged;
}
