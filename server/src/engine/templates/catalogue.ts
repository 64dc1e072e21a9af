import type { PolicyDirection } from '../connectivity';
import type { Labels } from '../model';
import { clusterDnsRule, namespacePeer, networkPolicy, objectMetadata, podSelector, portsOf } from './policy-objects';
import { labelsWord, policyName } from './policy-names';
import { renderDocuments } from './render-yaml';
import type { PolicyTemplate, TemplateParameter, TemplateParams } from './template';
import { DEFAULT_DNS, type ClusterDnsConfig } from '../config/lint-config';

// The policy templates, as data: the language server offers them in a quick pick, the snippets
// write the same policies, and the docs list them.

const NAMESPACE: TemplateParameter = { name: 'namespace', required: true, description: 'The namespace the policy goes in.' };
const TARGET_PODS: TemplateParameter = { name: 'podLabels', required: false, description: 'Labels of the pods to open up; none for every pod of the namespace.' };
const PORT: TemplateParameter = { name: 'port', required: false, description: 'The port to admit; none for every port.' };
const PROTOCOL: TemplateParameter = { name: 'protocol', required: false, description: 'The protocol of the port (TCP when not given).' };

/** The private address ranges of RFC 1918, where pods, Services and nodes of most clusters live. */
export const PRIVATE_RANGES: readonly string[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'];

/** One default-deny policy for the directions given (the same text as the rule's fix). */
export function renderDefaultDeny(name: string, namespace: string | undefined, directions: readonly PolicyDirection[]): string {
  return renderDocuments([networkPolicy(name, namespace, undefined, directions)]);
}

/** DNS to the cluster DNS for every pod of the namespace (the same text as the rule's fix). */
export function renderAllowDns(name: string, namespace: string | undefined, dns: ClusterDnsConfig = DEFAULT_DNS): string {
  return renderDocuments([networkPolicy(name, namespace, undefined, ['Egress'], { egress: [clusterDnsRule(dns)] })]);
}

function ingressFrom(name: string, params: TemplateParams, peer: Record<string, unknown>): string {
  const rule = { from: [peer], ...portsOf(params.port, params.protocol) };
  return renderDocuments([networkPolicy(name, params.namespace, params.podLabels, ['Ingress'], { ingress: [rule] })]);
}

/** `-to-web` when the policy opens up some pods only. */
function toPods(labels: Labels | undefined): string[] {
  const word = labelsWord(labels);
  return word ? ['to', word] : [];
}

export const TEMPLATES: readonly PolicyTemplate[] = [
  {
    id: 'default-deny',
    title: 'Default deny (ingress and egress)',
    description:
      'Isolates every pod of the namespace in both directions, including pods added later: nothing reaches them and they ' +
      'reach nothing, DNS included, until allow policies open what each workload needs. Add **Allow DNS** with it.',
    parameters: [NAMESPACE],
    meantWith: ['allow-dns'],
    snippet: 'netpol-default-deny',
    render: (params) => renderDefaultDeny('default-deny', params.namespace, ['Ingress', 'Egress']),
  },
  {
    id: 'default-deny-ingress',
    title: 'Default deny ingress',
    description:
      'Isolates every pod of the namespace for ingress, including pods added later: no connection reaches them until ' +
      'an allow policy admits it. Outbound traffic stays open.',
    parameters: [NAMESPACE],
    meantWith: [],
    snippet: 'netpol-default-deny-ingress',
    render: (params) => renderDefaultDeny('default-deny-ingress', params.namespace, ['Ingress']),
  },
  {
    id: 'default-deny-egress',
    title: 'Default deny egress',
    description:
      'Isolates every pod of the namespace for egress: they may connect nowhere, DNS included, until allow policies ' +
      'open it. Add **Allow DNS** with it, or names stop resolving.',
    parameters: [NAMESPACE],
    meantWith: ['allow-dns'],
    snippet: 'netpol-default-deny-egress',
    render: (params) => renderDefaultDeny('default-deny-egress', params.namespace, ['Egress']),
  },
  {
    id: 'allow-dns',
    title: 'Allow DNS',
    description:
      'Lets every pod of the namespace query the cluster DNS (by default pods labelled `k8s-app: kube-dns` in ' +
      '`kube-system`, which CoreDNS and kube-dns both carry, on UDP and TCP port 53; the `dns` setting describes another) ' +
      'on its ports: the companion of an egress default deny. On its own it isolates egress too, leaving DNS as the only way out.',
    parameters: [NAMESPACE],
    meantWith: [],
    snippet: 'netpol-allow-dns',
    render: (params, dns) => renderAllowDns('allow-dns', params.namespace, dns),
  },
  {
    id: 'allow-same-namespace',
    title: 'Allow traffic within the namespace',
    description:
      'Lets the pods of the namespace connect to each other on every port, in both directions (ingress from and egress ' +
      'to pods of the namespace), under a default deny that keeps everything else out. Its egress rule isolates egress, ' +
      'so use it with **Default deny** and **Allow DNS**.',
    parameters: [NAMESPACE],
    meantWith: ['default-deny', 'allow-dns'],
    snippet: 'netpol-allow-same-namespace',
    render: (params) =>
      renderDocuments([
        networkPolicy('allow-same-namespace', params.namespace, undefined, ['Ingress', 'Egress'], {
          ingress: [{ from: [{ podSelector: {} }] }],
          egress: [{ to: [{ podSelector: {} }] }],
        }),
      ]),
  },
  {
    id: 'allow-from-namespace',
    title: 'Allow ingress from a namespace',
    description:
      'Admits connections from every pod of another namespace, chosen by its name label `kubernetes.io/metadata.name` ' +
      '(set by the API server, so it cannot be forged by relabelling a namespace), to the pods given, on the port given. ' +
      'Use it with a default deny: alone it isolates the pods it selects and leaves the others open.',
    parameters: [NAMESPACE, { name: 'sourceNamespace', required: true, description: 'The namespace whose pods may connect.' }, TARGET_PODS, PORT, PROTOCOL],
    meantWith: ['default-deny-ingress'],
    snippet: 'netpol-allow-from-namespace',
    render: (params) =>
      ingressFrom(policyName('allow-from', params.sourceNamespace, ...toPods(params.podLabels), params.port), params, namespacePeer(params.sourceNamespace ?? '')),
  },
  {
    id: 'allow-from-ingress-controller',
    title: 'Allow ingress from the ingress controller',
    description:
      'Admits connections from the ingress controller pods only (its namespace and labels together, in one peer) to the ' +
      'pods given, on the port given: the web-facing workloads stay reachable through the controller, not from the rest ' +
      'of the cluster. Use it with a default deny.',
    parameters: [
      NAMESPACE,
      { name: 'ingressController', required: true, description: 'The namespace and pod labels of the ingress controller.' },
      TARGET_PODS,
      PORT,
      PROTOCOL,
    ],
    meantWith: ['default-deny-ingress'],
    snippet: 'netpol-allow-from-ingress-controller',
    render: (params) => {
      const controller = params.ingressController ?? { namespace: '', labels: {} };
      const name = policyName('allow-from-ingress-controller', ...toPods(params.podLabels), params.port);
      return ingressFrom(name, params, namespacePeer(controller.namespace, controller.labels));
    },
  },
  {
    id: 'allow-port-from-pods',
    title: 'Allow a port from pods with a label',
    description:
      'Admits connections on one port from the pods of the namespace that carry the labels given, to the pods given. ' +
      'Use it with a default deny.',
    parameters: [
      NAMESPACE,
      { name: 'sourcePodLabels', required: true, description: 'Labels of the client pods (in the same namespace).' },
      { name: 'port', required: true, description: 'The port to admit.' },
      PROTOCOL,
      TARGET_PODS,
    ],
    meantWith: ['default-deny-ingress'],
    snippet: 'netpol-allow-from',
    render: (params) =>
      ingressFrom(policyName('allow-from', labelsWord(params.sourcePodLabels), ...toPods(params.podLabels), params.port), params, { podSelector: podSelector(params.sourcePodLabels) }),
  },
  {
    id: 'deny-egress-outside-cluster',
    title: 'Deny egress outside the cluster',
    description:
      'Isolates every pod of the namespace for egress and allows it only to the private ranges 10.0.0.0/8, 172.16.0.0/12 ' +
      'and 192.168.0.0/16 (where pods, Services and nodes of most clusters live) and to the cluster DNS: the internet ' +
      'and other public addresses become unreachable. Whether pod-to-pod traffic matches an `ipBlock` depends on the ' +
      'network plugin, and the private ranges may also hold networks outside the cluster (VPNs, peered VPCs), so ' +
      'narrow them to the cluster\'s pod and Service ranges where they are known.',
    parameters: [NAMESPACE],
    meantWith: [],
    snippet: 'netpol-deny-egress-outside-cluster',
    render: (params, dns) =>
      renderDocuments([
        networkPolicy('deny-egress-outside-cluster', params.namespace, undefined, ['Egress'], {
          egress: [{ to: PRIVATE_RANGES.map((cidr) => ({ ipBlock: { cidr } })) }, clusterDnsRule(dns)],
        }),
      ]),
  },
  {
    id: 'istio-strict-mtls',
    title: 'Istio: require mutual TLS (PeerAuthentication STRICT)',
    description:
      'Makes the Istio sidecars of the namespace refuse plaintext connections: only workloads of the mesh, with their ' +
      'certificates, can connect. Named `default` as Istio names namespace-wide policies; needs Istio 1.22 or later ' +
      'for `security.istio.io/v1` (use `v1beta1` before).',
    parameters: [NAMESPACE],
    meantWith: [],
    snippet: 'netpol-istio-strict-mtls',
    render: (params) =>
      renderDocuments([{ apiVersion: 'security.istio.io/v1', kind: 'PeerAuthentication', metadata: objectMetadata('default', params.namespace), spec: { mtls: { mode: 'STRICT' } } }]),
  },
];

/** The template with this id, or undefined for an unknown one (ids come from the editor). */
export function findTemplate(id: string): PolicyTemplate | undefined {
  return TEMPLATES.find((template) => template.id === id);
}
