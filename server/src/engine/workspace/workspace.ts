import { DEFAULT_DNS, type ClusterDnsConfig } from '../config/lint-config';
import { analyzeConnectivity, type ConnectivityAnalysis } from '../connectivity';
import type { KubeObject } from '../manifest/kube-object';
import type { ManifestFile } from '../manifest/manifest-file';
import { buildClusterModel, type ClusterModel } from '../model';

/**
 * Every manifest of a workspace (or of the paths given to the CLI), with the cluster model and the
 * connectivity analysis derived from them. Cross-object rules read it; it is rebuilt when a file
 * changes, which costs milliseconds next to parsing (only the changed file is parsed again).
 */
export interface Workspace {
  files: readonly ManifestFile[];
  model: ClusterModel;
  /** Computed on first use: rules that need no policy evaluation do not pay for it. */
  readonly connectivity: ConnectivityAnalysis;
  /** The cluster DNS that egress policies must let pods reach, as configured. */
  dns: ClusterDnsConfig;
  /**
   * Every object of a kind (in any API group) that takes effect (its document parses cleanly and no
   * later document redefines it), in file and document order.
   */
  objectsOfKind(kind: string): readonly KubeObject[];
}

export interface WorkspaceOptions {
  /** Namespace of namespaced objects that name none; "default" unless configured. */
  defaultNamespace?: string;
  /** The cluster DNS; CoreDNS with kube-dns's labels in kube-system unless configured. */
  dns?: ClusterDnsConfig;
}

export function buildWorkspace(files: readonly ManifestFile[], options: WorkspaceOptions = {}): Workspace {
  const model = buildClusterModel(files, { defaultNamespace: options.defaultNamespace });
  let connectivity: ConnectivityAnalysis | undefined;
  let byKind: Map<string, KubeObject[]> | undefined;
  return {
    files,
    model,
    dns: options.dns ?? DEFAULT_DNS,
    get connectivity() {
      return (connectivity ??= analyzeConnectivity(model));
    },
    objectsOfKind(kind) {
      byKind ??= groupByKind(model.objects);
      return byKind.get(kind) ?? [];
    },
  };
}

function groupByKind(objects: readonly KubeObject[]): Map<string, KubeObject[]> {
  const byKind = new Map<string, KubeObject[]>();
  for (const object of objects) {
    const list = byKind.get(object.kind);
    if (list) list.push(object);
    else byKind.set(object.kind, [object]);
  }
  return byKind;
}
