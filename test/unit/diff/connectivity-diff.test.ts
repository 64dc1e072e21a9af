// The connectivity diff between two snapshots of manifests: connections compared by workload identity
// and address by address, exposures outside the cluster, and the HEAD object that allows an opening.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildWorkspace, describePorts, parseManifest, type Workspace } from '../../../server/src/engine';
import { AllowingObjects, diffConnectivity, diffEndpointName as endpointName, reachesInternet, type ConnectivityDiff } from '../../../server/src/engine/connectivity-diff';

const WORKLOADS = ['web', 'api', 'db']
  .map(
    (name) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: shop}
spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers: [{name: main, image: example/${name}:1.0}]
`,
  )
  .join('---\n');

const DENY_DB_INGRESS = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db-deny, namespace: shop}
spec:
  podSelector: {matchLabels: {app: db}}
  policyTypes: [Ingress]
`;

function allowToDb(from: string, ports: string): string {
  return `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db-allow, namespace: shop}
spec:
  podSelector: {matchLabels: {app: db}}
  policyTypes: [Ingress]
  ingress:
    - from: [${from}]
      ports: [${ports}]
`;
}

function workspace(files: Record<string, string>): Workspace {
  return buildWorkspace(Object.entries(files).map(([name, text]) => parseManifest(name, text)));
}

/** Each change as "FROM => TO : status +opened -closed", in the diff's order. */
function lines(diff: ConnectivityDiff): string[] {
  return diff.changes.map((change) => `${endpointName(change.from)} => ${endpointName(change.to)} : ${change.status} +${describePorts(change.opened)} -${describePorts(change.closed)}`);
}

const API = `{podSelector: {matchLabels: {app: api}}}`;

describe('connectivity diff', () => {
  it('finds no difference between identical snapshots', () => {
    const files = { 'w.yaml': WORKLOADS, 'p.yaml': DENY_DB_INGRESS + '---\n' + allowToDb(API, '{port: 5432}') };
    const diff = diffConnectivity(workspace(files), workspace(files));
    assert.deepEqual(diff.changes, []);
    assert.equal(diff.opened, 0);
    assert.equal(diff.closed, 0);
  });

  it('a policy removed under a default deny closes the connection it allowed', () => {
    const base = workspace({ 'w.yaml': WORKLOADS, 'deny.yaml': DENY_DB_INGRESS, 'allow.yaml': allowToDb(API, '{port: 5432}') });
    const head = workspace({ 'w.yaml': WORKLOADS, 'deny.yaml': DENY_DB_INGRESS });
    const diff = diffConnectivity(base, head);
    assert.deepEqual(lines(diff), ['shop/api[Deployment] => shop/db[Deployment] : removed +No Connections -TCP 5432']);
    assert.deepEqual([diff.opened, diff.closed], [0, 1]);
  });

  it('the only policy removed opens the workload to everything, from the internet too', () => {
    const base = workspace({ 'w.yaml': WORKLOADS, 'allow.yaml': allowToDb(API, '{port: 5432}') });
    const head = workspace({ 'w.yaml': WORKLOADS });
    assert.deepEqual(lines(diffConnectivity(base, head)), [
      '0.0.0.0/0 => shop/db[Deployment] : added +All Connections -No Connections',
      'shop/api[Deployment] => shop/db[Deployment] : changed +TCP 1-5431,5433-65535,UDP 1-65535,SCTP 1-65535 -No Connections',
      'shop/web[Deployment] => shop/db[Deployment] : added +All Connections -No Connections',
    ]);
  });

  it('a widened selector adds the connections of the workloads it now admits', () => {
    const base = workspace({ 'w.yaml': WORKLOADS, 'allow.yaml': allowToDb(API, '{port: 5432}') });
    const head = workspace({ 'w.yaml': WORKLOADS, 'allow.yaml': allowToDb('{podSelector: {}}', '{port: 5432}') });
    const diff = diffConnectivity(base, head);
    assert.deepEqual(lines(diff), ['shop/web[Deployment] => shop/db[Deployment] : added +TCP 5432 -No Connections']);
    assert.deepEqual([diff.opened, diff.closed], [1, 0]);
  });

  it('a narrowed port range closes the ports left out, on a connection that stays', () => {
    const base = workspace({ 'w.yaml': WORKLOADS, 'allow.yaml': allowToDb(API, '{port: 8000, endPort: 8100}') });
    const head = workspace({ 'w.yaml': WORKLOADS, 'allow.yaml': allowToDb(API, '{port: 8000, endPort: 8050}') });
    const [change, ...others] = diffConnectivity(base, head).changes;
    assert.deepEqual(others, []);
    assert.equal(change.status, 'changed');
    assert.equal(describePorts(change.base), 'TCP 8000-8100');
    assert.equal(describePorts(change.head), 'TCP 8000-8050');
    assert.equal(describePorts(change.closed), 'TCP 8051-8100');
    assert.equal(describePorts(change.opened), 'No Connections');
  });

  it('an AdminNetworkPolicy added that denies a peer closes its connections, even without NetworkPolicies', () => {
    const anp = `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: guard-db}
spec:
  priority: 10
  subject:
    pods:
      namespaceSelector: {}
      podSelector: {matchLabels: {app: db}}
  ingress:
    - name: no-web
      action: Deny
      from:
        - pods:
            namespaceSelector: {}
            podSelector: {matchLabels: {app: web}}
`;
    const diff = diffConnectivity(workspace({ 'w.yaml': WORKLOADS }), workspace({ 'w.yaml': WORKLOADS, 'anp.yaml': anp }));
    assert.deepEqual(lines(diff), ['shop/web[Deployment] => shop/db[Deployment] : removed +No Connections -All Connections']);
  });

  it('compares external addresses address by address, not by the CIDR blocks each side prints', () => {
    const egress = (block: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-out, namespace: shop}
spec:
  podSelector: {matchLabels: {app: api}}
  policyTypes: [Egress]
  egress:
    - to: [{ipBlock: ${block}}]
      ports: [{port: 443}]
`;
    // BASE prints 0.0.0.0/5, 8.0.0.0/7, 11.0.0.0/8, ... around 10.0.0.0/8; HEAD prints 0.0.0.0/0.
    const base = workspace({ 'w.yaml': WORKLOADS, 'p.yaml': egress(`{cidr: 0.0.0.0/0, except: [10.0.0.0/8]}`) });
    const head = workspace({ 'w.yaml': WORKLOADS, 'p.yaml': egress(`{cidr: 0.0.0.0/0}`) });
    assert.deepEqual(lines(diffConnectivity(base, head)), ['shop/api[Deployment] => 10.0.0.0/8 : added +TCP 443 -No Connections']);
  });

  it('makes one change of the addresses whose ports change alike, however many blocks they take', () => {
    const deny = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db-allow, namespace: shop}
spec:
  podSelector: {matchLabels: {app: db}}
  policyTypes: [Ingress]
`;
    const base = workspace({ 'w.yaml': WORKLOADS, 'p.yaml': deny });
    const head = workspace({ 'w.yaml': WORKLOADS, 'p.yaml': allowToDb('{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8, 192.168.0.0/16]}}', '{port: 5432}') });
    const diff = diffConnectivity(base, head);
    assert.deepEqual(lines(diff), ['0.0.0.0/0 except 10.0.0.0/8, 192.168.0.0/16 => shop/db[Deployment] : added +TCP 5432 -No Connections']);
    const [change] = diff.changes;
    assert.equal(change.from.kind === 'external' && change.from.ranges.length, 3);
    assert.deepEqual([diff.opened, diff.closed], [1, 0]);
  });

  it('names the workloads only one side has; their connections are added or removed', () => {
    const cache = `apiVersion: v1
kind: Pod
metadata: {name: cache, namespace: shop, labels: {app: cache}}
spec:
  containers: [{name: redis, image: redis:7}]
`;
    const diff = diffConnectivity(workspace({ 'w.yaml': WORKLOADS }), workspace({ 'w.yaml': WORKLOADS, 'cache.yaml': cache }));
    assert.deepEqual(diff.workloads.added.map((workload) => workload.key), ['shop/cache[Pod]']);
    assert.deepEqual(diff.workloads.removed, []);
    assert.ok(diff.changes.length > 0);
    assert.ok(diff.changes.every((change) => change.status === 'added' && [change.from, change.to].some((end) => endpointName(end) === 'shop/cache[Pod]')));
    const back = diffConnectivity(workspace({ 'w.yaml': WORKLOADS, 'cache.yaml': cache }), workspace({ 'w.yaml': WORKLOADS }));
    assert.deepEqual(back.workloads.removed.map((workload) => workload.key), ['shop/cache[Pod]']);
    assert.ok(back.changes.every((change) => change.status === 'removed'));
  });

  it('reports exposures outside the cluster that HEAD adds or drops', () => {
    const service = (type: string) => `apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  type: ${type}
  selector: {app: web}
  ports: [{port: 80}]
`;
    const ingress = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: site, namespace: shop}
spec:
  rules:
    - host: shop.example.com
      http:
        paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]
`;
    const base = workspace({ 'w.yaml': WORKLOADS, 's.yaml': service('ClusterIP') });
    const head = workspace({ 'w.yaml': WORKLOADS, 's.yaml': service('LoadBalancer'), 'i.yaml': ingress });
    const diff = diffConnectivity(base, head);
    assert.deepEqual(
      diff.exposures.added.map(({ workload, exposure }) => `${workload.key}: ${exposure.description}`),
      ['shop/web[Deployment]: LoadBalancer Service shop/web (TCP 80)', 'shop/web[Deployment]: Ingress shop/site to Service web'],
    );
    assert.deepEqual(diff.exposures.added[0].exposure.path, ['spec', 'type']);
    assert.deepEqual(diff.exposures.removed, []);
    assert.deepEqual(diffConnectivity(head, base).exposures.removed.length, 2);
  });

  it('reports host networking and host ports added', () => {
    const host = WORKLOADS.replace('containers: [{name: main, image: example/api:1.0}]', 'hostNetwork: true\n      containers: [{name: main, image: example/api:1.0, ports: [{containerPort: 9000, hostPort: 9000}]}]');
    const diff = diffConnectivity(workspace({ 'w.yaml': WORKLOADS }), workspace({ 'w.yaml': host }));
    assert.deepEqual(
      diff.exposures.added.map(({ workload, exposure }) => `${workload.key}: ${exposure.kind} ${exposure.description}`),
      ['shop/api[Deployment]: hostNetwork hostNetwork: true', 'shop/api[Deployment]: hostPort hostPort TCP 9000 (container main)'],
    );
  });
});

describe('the HEAD object that allows an opening', () => {
  it('is the NetworkPolicy rule that opens the port to the internet', () => {
    const internet = allowToDb('{ipBlock: {cidr: 0.0.0.0/0}}', '{port: 5432}');
    const base = workspace({ 'w.yaml': WORKLOADS, 'deny.yaml': DENY_DB_INGRESS });
    const head = workspace({ 'w.yaml': WORKLOADS, 'deny.yaml': DENY_DB_INGRESS, 'allow.yaml': internet });
    const diff = diffConnectivity(base, head);
    assert.deepEqual(lines(diff), ['0.0.0.0/0 => shop/db[Deployment] : added +TCP 5432 -No Connections']);
    const allowing = new AllowingObjects(head.connectivity).of(diff.changes[0]);
    assert.equal(allowing?.object.document.uri, 'allow.yaml');
    assert.deepEqual(allowing?.path, ['spec', 'ingress', 0]);
    assert.equal(allowing?.reason, 'NetworkPolicy shop/db-allow ingress rule 1');
  });

  it('is the workload itself when no policy isolates it any more', () => {
    const base = workspace({ 'w.yaml': WORKLOADS, 'deny.yaml': DENY_DB_INGRESS });
    const head = workspace({ 'w.yaml': WORKLOADS });
    const change = diffConnectivity(base, head).changes.find((candidate) => candidate.from.kind === 'external')!;
    const allowing = new AllowingObjects(head.connectivity).of(change);
    assert.equal(allowing?.object.name, 'db');
    assert.deepEqual(allowing?.path, ['metadata', 'name']);
    assert.match(allowing!.reason, /shop\/db\[Deployment\] is not isolated for ingress/);
  });

  it('is undefined for a change between two workloads or one that opens nothing', () => {
    const base = workspace({ 'w.yaml': WORKLOADS, 'allow.yaml': allowToDb(API, '{port: 5432}') });
    const head = workspace({ 'w.yaml': WORKLOADS, 'allow.yaml': allowToDb('{podSelector: {}}', '{port: 5432}') });
    const [change] = diffConnectivity(base, head).changes;
    assert.equal(new AllowingObjects(head.connectivity).of(change), undefined);
  });
});

describe('internet addresses', () => {
  it('tells public addresses from private, loopback and link-local ones', () => {
    const range = (first: string, last: string) => [{ first: toNumber(first), last: toNumber(last) }];
    assert.equal(reachesInternet(range('10.0.0.0', '10.255.255.255')), false);
    assert.equal(reachesInternet(range('169.254.169.254', '169.254.169.254')), false);
    assert.equal(reachesInternet(range('192.168.1.0', '192.168.1.255')), false);
    assert.equal(reachesInternet(range('8.8.8.8', '8.8.8.8')), true);
    assert.equal(reachesInternet(range('0.0.0.0', '255.255.255.255')), true);
  });
});

function toNumber(address: string): number {
  return address.split('.').reduce((value, octet) => value * 256 + Number(octet), 0);
}
