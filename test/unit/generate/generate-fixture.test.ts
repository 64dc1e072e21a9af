import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { buildWorkspace, parseManifest, type ManifestFile } from '../../../server/src/engine';
import { generatePolicies, type InferredConnection } from '../../../server/src/engine/generate';
import { withDnsDefaults } from '../../../server/src/engine/config/lint-config';
import { yaml } from '../../support/dedent';
import { allowedAfter, checkGeneration } from './generation-check';

const THREE_TIER = join(__dirname, '../../fixtures/generate/three-tier');

function fixtureFiles(): ManifestFile[] {
  return readdirSync(THREE_TIER)
    .sort()
    .map((name) => parseManifest(`three-tier/${name}`, readFileSync(join(THREE_TIER, name), 'utf8')));
}

/** "source → destination: ports | evidence lines", what a reviewer checks by hand. */
function summary(connection: InferredConnection): string {
  const from = connection.from.kind === 'workload' ? connection.from.workload.key : `namespace ${connection.from.namespace}`;
  const ports = connection.ports.map((port) => `${port.protocol} ${port.port}`).join(', ');
  return `${from} → ${connection.to.key}: ${ports} | ${connection.evidence.map((item) => `${item.file}:${item.line} ${item.what}`).join(' | ')}`;
}

describe('generate: a 3-tier app across two namespaces', () => {
  it('infers each connection from what the manifests say, with file and line', () => {
    const { connections, notes } = generatePolicies(buildWorkspace(fixtureFiles()));
    assert.deepEqual(connections.map(summary).sort(), [
      // A Service named in a mounted ConfigMap's JSON, through a Service port with a numeric targetPort.
      'web/frontend[Deployment] → web/api[Deployment]: TCP 9000 | three-tier/web.yaml:35 key config.json of ConfigMap frontend-config (volume config) "api" | three-tier/web.yaml:102 Service api port 80 (targetPort 9000)',
      // `.svc.cluster.local:port` in an argument, across namespaces; no targetPort means `port`.
      'web/api[Deployment] → data/db[StatefulSet]: TCP 5432 | three-tier/web.yaml:89 args of container api "db.data.svc.cluster.local:5432" | three-tier/data.yaml:24 Service db port 5432',
      // One ConfigMap key through valueFrom, and the whole ConfigMap through envFrom; a named targetPort.
      'web/api[Deployment] → data/queue[Deployment]: TCP 5672 | three-tier/web.yaml:155 key queue of ConfigMap queue-endpoints (env QUEUE_ADDR of container api) "queue.data.svc:5672" | three-tier/data.yaml:53 Service queue port 5672 (targetPort amqp)',
      'web/worker[Deployment] → data/queue[Deployment]: TCP 5672 | three-tier/web.yaml:155 key queue of ConfigMap queue-endpoints (envFrom of container worker) "queue.data.svc:5672" | three-tier/data.yaml:53 Service queue port 5672 (targetPort amqp)',
      // The Ingress names the Service port by name; the Service targets the container port by name.
      'namespace ingress-nginx → web/frontend[Deployment]: TCP 8080 | three-tier/web.yaml:68 backend of Ingress shop | three-tier/web.yaml:41 Service frontend port 80 (targetPort http)',
      // The HTTPRoute's parent Gateway runs in namespace infra.
      'namespace infra → web/api[Deployment]: TCP 9000 | three-tier/web.yaml:123 backendRef of HTTPRoute public-api | three-tier/web.yaml:102 Service api port 80 (targetPort 9000)',
    ].sort());
    assert.deepEqual(notes, []);
  });

  it('applied with default deny: every inferred connection stays allowed, isolation findings go, nothing new of warning or above', () => {
    const check = checkGeneration(fixtureFiles());
    assert.equal(check.workloads, 5);
    assert.equal(check.result.connections.length, 6);
    assert.equal(check.result.policies.length, 2 + 5 * 2, 'a default deny per namespace, an ingress and an egress policy per workload');
    assert.deepEqual(check.cutOff, []);
    // Two namespaces without a default deny: one finding each.
    assert.equal(check.isolationFindingsBefore, 2);
    assert.equal(check.isolationFindingsAfter, 0);
    assert.deepEqual(check.newFindings, []);
    // Everything else between workloads is denied: 30 connections before, the 4 inferred between workloads after.
    assert.equal(check.connectionsBefore, 30);
    assert.equal(check.connectionsAfter, 4);
    assert.equal(allowedAfter(check, fixtureFiles(), 'web/worker[Deployment]', 'data/db[StatefulSet]', 'TCP', 5432), false, 'the worker names no database');
    assert.equal(allowedAfter(check, fixtureFiles(), 'web/frontend[Deployment]', 'data/queue[Deployment]', 'TCP', 5672), false);
  });

  it('writes the policies with a comment on each rule and selectors of the fewest labels', () => {
    const { policies } = generatePolicies(buildWorkspace(fixtureFiles()), { workload: 'data/queue[Deployment]' });
    assert.deepEqual(policies.map((policy) => [policy.namespace, policy.name, policy.purpose, policy.workload]), [
      ['data', 'queue-ingress', 'Ingress', 'data/queue[Deployment]'],
      ['data', 'queue-egress', 'Egress', 'data/queue[Deployment]'],
    ]);
    assert.equal(
      policies[0].yaml,
      yaml`
        # Ingress of Deployment data/queue: least privilege inferred from the manifests by kube-netsec generate.
        # podSelector: the fewest pod labels that select this workload alone.
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: queue-ingress
          namespace: data
        spec:
          podSelector:
            matchLabels:
              app: queue
          policyTypes:
            - Ingress
          ingress:
            # From Deployment web/api:
            #   key queue of ConfigMap queue-endpoints (env QUEUE_ADDR of container api) "queue.data.svc:5672" (web.yaml:155)
            #   Service queue port 5672 (targetPort amqp) (data.yaml:53)
            - from:
                - namespaceSelector:
                    matchLabels:
                      kubernetes.io/metadata.name: web
                  podSelector:
                    matchLabels:
                      component: server
              ports:
                - protocol: TCP
                  port: 5672
            # From Deployment web/worker:
            #   key queue of ConfigMap queue-endpoints (envFrom of container worker) "queue.data.svc:5672" (web.yaml:155)
            #   Service queue port 5672 (targetPort amqp) (data.yaml:53)
            - from:
                - namespaceSelector:
                    matchLabels:
                      kubernetes.io/metadata.name: web
                  podSelector:
                    matchLabels:
                      component: worker
              ports:
                - protocol: TCP
                  port: 5672
      `,
    );
  });

  it('limits the output to a namespace and to directions, and the default deny to the namespaces generated for', () => {
    const workspace = buildWorkspace(fixtureFiles());
    const web = generatePolicies(workspace, { namespace: 'web', defaultDeny: true, directions: ['Egress'] }).policies;
    assert.deepEqual(web.map((policy) => policy.name), ['default-deny', 'api-egress', 'frontend-egress', 'worker-egress']);
    assert.match(web[0].yaml, /podSelector: \{\}\n {2}policyTypes:\n {4}- Ingress\n {4}- Egress\n$/);
  });
});

describe('generate: an Ingress controller in the workspace', () => {
  const controller = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: ingress-nginx-controller, namespace: ingress-nginx}
    spec:
      template:
        metadata:
          labels: {app.kubernetes.io/name: ingress-nginx, app.kubernetes.io/component: controller}
        spec:
          containers: [{name: controller, image: registry.k8s.io/ingress-nginx/controller:v1.11.2}]
  `;

  it('is the client of the routed Services: the backend admits its pods, its egress reaches the backend', () => {
    const files = [...fixtureFiles(), parseManifest('controller.yaml', controller)];
    const check = checkGeneration(files);
    const fromController = check.result.connections.filter((connection) => connection.from.kind === 'workload' && connection.from.workload.name === 'ingress-nginx-controller');
    assert.deepEqual(fromController.map((connection) => [connection.to.key, connection.ports]), [['web/frontend[Deployment]', [{ protocol: 'TCP', port: 8080 }]]]);
    assert.ok(!check.result.connections.some((connection) => connection.from.kind === 'namespace' && connection.from.namespace === 'ingress-nginx'));
    assert.deepEqual(check.cutOff, []);
    assert.deepEqual(check.newFindings, []);
    assert.equal(check.connectionsAfter, 5);
    assert.ok(allowedAfter(check, files, 'ingress-nginx/ingress-nginx-controller[Deployment]', 'web/frontend[Deployment]', 'TCP', 8080));
    const egress = check.result.policies.find((policy) => policy.name === 'ingress-nginx-controller-egress')!;
    assert.match(egress.yaml, /# To Deployment web\/frontend:\n {4}#   backend of Ingress shop \(three-tier\/web\.yaml:68\)/);
  });
});

describe('generate: what the inference cannot conclude', () => {
  const files = (text: string) => [parseManifest('app.yaml', text)];

  it('says so when no subset of the labels selects a workload alone, and when a named targetPort is not declared', () => {
    const { policies, notes } = generatePolicies(
      buildWorkspace(
        files(yaml`
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: web}
          spec:
            template:
              metadata: {labels: {app: shop}}
              spec:
                containers: [{name: web, image: nginx, env: [{name: API, value: "api:80"}]}]
          ---
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: api}
          spec:
            template:
              metadata: {labels: {app: shop, tier: api}}
              spec:
                containers: [{name: api, image: api}]
          ---
          apiVersion: v1
          kind: Service
          metadata: {name: api}
          spec:
            selector: {tier: api}
            ports: [{port: 80, targetPort: http}]
        `),
      ),
      { directions: ['Ingress'] },
    );
    assert.match(policies.find((policy) => policy.name === 'web-ingress')!.yaml, /# podSelector: no subset of its pod labels selects it alone; all are used, and they also select Deployment default\/api\./);
    assert.deepEqual(notes.map((note) => note.message), [
      'Service default/api port 80 targets "http", which Deployment default/api does not declare: no rule opens it.',
      'No subset of the pod labels of Deployment default/web selects it alone: its policies use all of them and select other workloads too.',
    ]);
  });

  it('says so when a named Service has no pods of the workspace (no selector, ExternalName), and opens nothing for it', () => {
    const { connections, notes } = generatePolicies(
      buildWorkspace(
        files(yaml`
          apiVersion: v1
          kind: Pod
          metadata: {name: web, labels: {app: web}}
          spec: {containers: [{name: w, image: nginx, args: ["--db=legacy-db:5432", "--mail=smtp.default.svc:25"]}]}
          ---
          apiVersion: v1
          kind: Service
          metadata: {name: legacy-db}
          spec: {ports: [{port: 5432}]}
          ---
          apiVersion: v1
          kind: Service
          metadata: {name: smtp}
          spec: {type: ExternalName, externalName: smtp.example.com}
        `),
      ),
    );
    assert.deepEqual(connections, []);
    assert.deepEqual(notes.map((note) => note.message), [
      'Pod default/web refers to Service default/legacy-db, which selects no workload of the workspace: no rule is generated for it.',
      'Pod default/web refers to Service default/smtp, which selects no workload of the workspace: no rule is generated for it.',
    ]);
  });

  it('allows DNS to the configured cluster DNS: its namespace, pod labels and ports', () => {
    const manifests = files(yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: web, labels: {app: web}}
      spec: {containers: [{name: w, image: nginx}]}
    `);
    const dns = withDnsDefaults({ namespace: 'dns-system', podLabels: { 'app.kubernetes.io/name': 'coredns' }, ports: [{ port: 5353, protocol: 'UDP' }] });
    const egressOf = (workspace: ReturnType<typeof buildWorkspace>) => generatePolicies(workspace).policies.find((policy) => policy.purpose === 'Egress')?.yaml ?? '';
    const configured = egressOf(buildWorkspace(manifests, { dns }));
    assert.match(configured, /# DNS: the cluster DNS \(app\.kubernetes\.io\/name: coredns in dns-system\), UDP 5353\.\n/);
    assert.match(configured, /kubernetes\.io\/metadata\.name: dns-system\n\s+podSelector:\n\s+matchLabels:\n\s+app\.kubernetes\.io\/name: coredns\n\s+ports:\n\s+- protocol: UDP\n\s+port: 5353\n/);
    assert.doesNotMatch(configured, /kube-dns|TCP/);
    assert.match(egressOf(buildWorkspace(manifests)), /# DNS: the cluster DNS \(k8s-app: kube-dns in kube-system\), UDP and TCP 53\.\n/);
  });

  it('leaves out host-network workloads, workloads without labels and system namespaces, and avoids names already taken', () => {
    const { policies, notes } = generatePolicies(
      buildWorkspace(
        files(yaml`
          apiVersion: v1
          kind: Pod
          metadata: {name: agent, labels: {app: agent}}
          spec: {hostNetwork: true, containers: [{name: a, image: agent}]}
          ---
          apiVersion: v1
          kind: Pod
          metadata: {name: bare}
          spec: {containers: [{name: b, image: busybox}]}
          ---
          apiVersion: v1
          kind: Pod
          metadata: {name: dns, namespace: kube-system, labels: {k8s-app: kube-dns}}
          spec: {containers: [{name: d, image: coredns}]}
          ---
          apiVersion: v1
          kind: Pod
          metadata: {name: web, labels: {app: web}}
          spec: {containers: [{name: w, image: nginx}]}
          ---
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: web-ingress}
          spec: {podSelector: {}}
        `),
      ),
      { defaultDeny: true },
    );
    assert.deepEqual(policies.map((policy) => `${policy.namespace}/${policy.name}`), ['default/default-deny', 'default/web-ingress-pod', 'default/web-egress']);
    // No object names the default namespace: the manifests go with `kubectl -n`, and so do the policies.
    for (const policy of policies) assert.doesNotMatch(policy.yaml, /^ {2}namespace:/m);
    assert.deepEqual(notes.map((note) => note.message), [
      'Pod default/agent uses the host network: NetworkPolicies do not apply to it, none is generated.',
      'Pod default/bare has no pod labels: no podSelector can select it alone, none is generated.',
    ]);
  });
});
