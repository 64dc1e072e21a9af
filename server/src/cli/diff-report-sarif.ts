import { createHash } from 'node:crypto';
import type * as Sarif from 'sarif';
import { describePorts, type ConnectivityAnalysis, type SourceRange } from '../engine';
import { AllowingObjects, diffEndpointName as endpointName, reachesInternet, type ConnectionChange, type ConnectivityDiff, type ExposureChange } from '../engine/connectivity-diff';
import { VERSION } from '../version';
import type { ReportPaths } from './report-paths';
import { REPOSITORY_URL } from './rule-page';
import { artifactLocation, SECURITY_SEVERITY, SOURCE_ROOT } from './sarif-report';

/** The diff's own result kinds: they are not lint rules, so they describe themselves here. */
const DIFF_RULES: readonly Sarif.ReportingDescriptor[] = [
  {
    id: 'diff-internet-connection-opened',
    name: 'DiffInternetConnectionOpened',
    shortDescription: { text: 'The change opens a connection from or to the internet' },
    fullDescription: { text: 'A workload accepts traffic from, or sends traffic to, public internet addresses on ports it did not before the change.' },
    help: { text: 'Check that the workload must be reachable from (or reach) the internet on these ports; otherwise narrow the ipBlock or the ports of the rule, or isolate the workload with a NetworkPolicy.' },
    defaultConfiguration: { level: 'warning' },
    properties: { tags: ['security', 'kubernetes', 'connectivity-diff'], 'security-severity': SECURITY_SEVERITY.warning },
  },
  {
    id: 'diff-workload-exposed',
    name: 'DiffWorkloadExposed',
    shortDescription: { text: 'The change exposes a workload outside the cluster' },
    fullDescription: { text: 'A LoadBalancer or NodePort Service, an Ingress, host networking or a host port now lets traffic from outside the cluster reach the workload.' },
    help: { text: 'Check that the workload is meant to be reachable from outside the cluster, and that its NetworkPolicies admit only the sources that need it.' },
    defaultConfiguration: { level: 'warning' },
    properties: { tags: ['security', 'kubernetes', 'connectivity-diff'], 'security-severity': SECURITY_SEVERITY.warning },
  },
];

/** The key of our fingerprint in `partialFingerprints`, versioned as SARIF recommends. */
export const DIFF_FINGERPRINT_KEY = 'kubeNetsecDiff/v1';

/**
 * A SARIF 2.1.0 log of the openings code scanning should show on a pull request: each connection HEAD
 * opens between a workload and public internet addresses, located at the HEAD rule that allows it
 * (or at the workload when nothing isolates it); and each exposure outside the cluster HEAD adds, located
 * at the field that creates it. Paths are relative to `%SRCROOT%` as lint's SARIF writes them.
 */
export function formatDiffSarif(diff: ConnectivityDiff, head: ConnectivityAnalysis, paths: ReportPaths, repository = REPOSITORY_URL): string {
  const results = [...internetResults(diff.changes, head, paths), ...diff.exposures.added.map((change) => exposureResult(change, paths))];
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'kube-netsec', version: VERSION, semanticVersion: VERSION, ...(repository ? { informationUri: repository } : {}), rules: [...DIFF_RULES] } },
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: paths.baseUri } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

function internetResults(changes: readonly ConnectionChange[], head: ConnectivityAnalysis, paths: ReportPaths): Sarif.Result[] {
  const allowing = new AllowingObjects(head);
  return changes.flatMap((change) => {
    const inbound = change.from.kind === 'external';
    const external = inbound ? change.from : change.to;
    if (external.kind !== 'external' || !reachesInternet(external.ranges)) return [];
    const location = allowing.of(change);
    if (!location) return [];
    const workload = endpointName(inbound ? change.to : change.from);
    const addresses = endpointName(external);
    const ports = describePorts(change.opened);
    const text = inbound
      ? `This change lets the internet (${addresses}) reach ${workload} on ${ports}: allowed by ${location.reason}.`
      : `This change lets ${workload} reach the internet (${addresses}) on ${ports}: allowed by ${location.reason}.`;
    return [result('diff-internet-connection-opened', text, location.object.document.uri, location.object.rangeOf(location.path, 'key'), paths, [workload, inbound ? 'in' : 'out', ports, addresses])];
  });
}

function exposureResult({ workload, exposure }: ExposureChange, paths: ReportPaths): Sarif.Result {
  const text = `This change exposes ${workload.key} outside the cluster: ${exposure.description}.`;
  return result('diff-workload-exposed', text, exposure.object.document.uri, exposure.object.rangeOf(exposure.path, 'key'), paths, [workload.key, exposure.description]);
}

function result(ruleId: string, text: string, file: string, range: SourceRange, paths: ReportPaths, identity: readonly string[]): Sarif.Result {
  return {
    ruleId,
    ruleIndex: DIFF_RULES.findIndex((rule) => rule.id === ruleId),
    level: 'warning',
    message: { text },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(file, paths), region: region(range) } }],
    // What opens, not where: the same opening keeps its alert when the lines above it move.
    partialFingerprints: { [DIFF_FINGERPRINT_KEY]: createHash('sha256').update([ruleId, ...identity].join('\n')).digest('hex').slice(0, 32) },
  };
}

// SARIF regions are 1-based, and their end column is that of the character after the region.
function region({ start, end }: SourceRange): Sarif.Region {
  return { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}
