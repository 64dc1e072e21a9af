import type { Labels } from '../model/labels';
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
  /** The cluster DNS that egress policies must let pods reach (`netpol-egress-blocks-dns`, hovers, generated policies). */
  dns: ClusterDnsConfig;
}

/** A port the cluster DNS pods serve on (a container port: policies see it after the Service's translation). */
export interface DnsPort {
  port: number;
  protocol: 'UDP' | 'TCP';
  /** The container port's name, which named ports in policies resolve to. */
  name?: string;
}

/**
 * The cluster DNS, assumed to run in the cluster when the manifests do not hold it. Pods query its
 * Service address, which is translated to the pods' addresses before policies apply, so policies
 * must admit the pods by their namespace and labels.
 */
export interface ClusterDnsConfig {
  namespace: string;
  /** Labels of the namespace besides `kubernetes.io/metadata.name` (always its name); a Namespace object in the manifests adds its own. */
  namespaceLabels: Labels;
  podLabels: Labels;
  ports: readonly DnsPort[];
  /**
   * IPv4 addresses pods query that reach a DNS server untranslated (NodeLocal DNSCache's
   * 169.254.20.10, say): an ipBlock on port 53 covering one counts as reaching DNS.
   */
  addresses: readonly string[];
}

/** CoreDNS as kubeadm, EKS, GKE and k3s install it: it keeps kube-dns's `k8s-app` label and port names. */
export const DEFAULT_DNS: ClusterDnsConfig = {
  namespace: 'kube-system',
  namespaceLabels: {},
  podLabels: { 'k8s-app': 'kube-dns' },
  ports: [
    { port: 53, protocol: 'UDP', name: 'dns' },
    { port: 53, protocol: 'TCP', name: 'dns-tcp' },
  ],
  addresses: [],
};

/** A `dns` setting with the defaults of the fields it leaves out. */
export function withDnsDefaults(dns: Partial<ClusterDnsConfig>): ClusterDnsConfig {
  return { ...DEFAULT_DNS, ...dns };
}

/**
 * Administrative and datastore ports that should not be exposed casually: telnet, Docker API, etcd,
 * MySQL, RDP, PostgreSQL, CouchDB, Redis, the Kubernetes API, Elasticsearch, the kubelet API and its
 * read-only port, memcached, MongoDB.
 */
export const DEFAULT_SENSITIVE_PORTS: readonly number[] = [23, 2375, 2376, 2379, 2380, 3306, 3389, 5432, 5984, 6379, 6443, 9200, 10250, 10255, 11211, 27017];

export const DEFAULT_CONFIG: LintConfig = { rules: {}, exclude: [], sensitivePorts: DEFAULT_SENSITIVE_PORTS, defaultNamespace: 'default', dns: DEFAULT_DNS };

/** Layers configurations: later ones override rule settings, ports and the DNS (as a whole), and add exclusions. */
export function mergeConfigs(...layers: Partial<LintConfig>[]): LintConfig {
  let merged = DEFAULT_CONFIG;
  for (const layer of layers) {
    merged = {
      rules: { ...merged.rules, ...layer.rules },
      exclude: [...merged.exclude, ...(layer.exclude ?? [])],
      sensitivePorts: layer.sensitivePorts ?? merged.sensitivePorts,
      defaultNamespace: layer.defaultNamespace || merged.defaultNamespace,
      dns: layer.dns ?? merged.dns,
    };
  }
  return merged;
}
