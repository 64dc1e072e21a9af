import type { KubeObject } from '../manifest/kube-object';
import { WORKLOAD_KINDS } from '../workloads/pod-spec';
import {
  byValue,
  capabilityEffect,
  capabilityName,
  counted,
  describeCidr,
  describeNameserver,
  describeSysctl,
  dropsNetRaw,
  isEmptyMap,
  networkCapabilities,
  rulesValue,
  scalarText,
  stringItems,
  unsafeSysctls,
} from './field-value-words';

/**
 * One step of a field's path: a key, one of several keys, `*` for any single key or list index,
 * or `**` for any number of steps.
 */
export type PathStep = string | readonly string[];

/** Where a field's path starts. */
export type FieldScope =
  /** The pod spec of any workload kind (where `podSpecOf` finds it). */
  | 'pod-spec'
  /** The metadata of the pods a workload creates (a Pod's own, or its template's). */
  | 'pod-metadata'
  /** Any container of the pod spec: regular, init or ephemeral (as `containersOf` lists them). */
  | 'container'
  /** The root of objects of these kinds. */
  | { kinds: readonly string[] };

/** What a security-relevant field does on the network, and what the value written there means. */
export interface FieldDoc {
  scope: FieldScope;
  path: readonly PathStep[];
  /** What the field does (Markdown, one or two sentences). */
  text: string;
  /** What this value means in this object (Markdown, one sentence), or undefined when nothing in particular. */
  value?(value: unknown, object: KubeObject): string | undefined;
}

const NETWORK_POLICY = { kinds: ['NetworkPolicy'] };
const SERVICE = { kinds: ['Service'] };
const INGRESS = { kinds: ['Ingress'] };
const PEER_AUTHENTICATION = { kinds: ['PeerAuthentication'] };
const DESTINATION_RULE = { kinds: ['DestinationRule'] };
const NAMESPACE = { kinds: ['Namespace'] };
/** Workloads whose own metadata is not their pods' (a Pod's metadata is). */
const POD_OWNERS = { kinds: WORKLOAD_KINDS.filter((kind) => kind !== 'Pod') };

const SELECTOR = ['podSelector', 'namespaceSelector'];
const RULES = ['ingress', 'egress'];
const PEERS = ['from', 'to'];
const NGINX = 'nginx.ingress.kubernetes.io/';
const ISTIO_INJECT = 'sidecar.istio.io/inject';
const LINKERD_INJECT = 'linkerd.io/inject';

const MTLS_MODES = byValue({
  STRICT: 'Only mutual TLS is accepted: plaintext clients are refused, and every connection is encrypted and carries a verified workload identity.',
  PERMISSIVE: 'Both mutual TLS and plaintext are accepted: a client without a sidecar connects unauthenticated and unencrypted. Meant for migrations only.',
  DISABLE: 'Plaintext only: connections are neither encrypted nor authenticated, and identity-based AuthorizationPolicy rules cannot match them.',
  UNSET: "Inherits the mode of the parent policy (the namespace's, then the mesh-wide one); PERMISSIVE when none sets it.",
});

const ISTIO_POD_INJECTION = byValue({
  true: 'The pod gets an Istio sidecar (when the namespace or mesh enables injection): its traffic can use mutual TLS and mesh policies.',
  false: 'No sidecar for this pod: it sends and receives plaintext, has no mesh identity, and STRICT peers refuse its connections.',
});

const LINKERD_INJECTION = byValue({
  enabled: 'The Linkerd proxy is injected: connections between meshed pods use mutual TLS.',
  disabled: 'No Linkerd proxy: the traffic is plaintext and carries no mesh identity.',
  ingress: 'The proxy is injected in ingress mode, for ingress controllers that route by header.',
});

const PROTOCOLS = byValue({
  TCP: 'TCP, the default.',
  UDP: 'UDP: DNS queries need UDP port 53 (and TCP 53 for large answers).',
  SCTP: 'SCTP, for the few workloads that use it (telecom signalling).',
});

export const FIELD_DOCS: readonly FieldDoc[] = [
  // Pod spec: the pod's namespaces on the node, and its DNS.
  {
    scope: 'pod-spec',
    path: ['hostNetwork'],
    text: "Whether the pod uses the node's network namespace instead of its own.",
    value: byValue({
      true: "This pod sees every interface of the node, can bind any node port and reach node-local services (the kubelet, metadata agents); NetworkPolicies do not reliably apply to it.",
      false: 'The pod has its own network namespace and pod IP (the default), and NetworkPolicies apply to it.',
    }),
  },
  {
    scope: 'pod-spec',
    path: ['hostPID'],
    text: "Whether the pod shares the node's process ID namespace.",
    value: byValue({
      true: "The containers see every process of the node and, with enough privileges, can enter their network namespaces or read their environment.",
      false: 'The pod has its own process namespace (the default).',
    }),
  },
  {
    scope: 'pod-spec',
    path: ['hostIPC'],
    text: "Whether the pod shares the node's IPC namespace (shared memory, semaphores, message queues).",
    value: byValue({
      true: "The containers can read and write the shared memory of the node's processes and of other host-IPC pods.",
      false: 'The pod has its own IPC namespace (the default).',
    }),
  },
  {
    scope: 'pod-spec',
    path: ['securityContext', 'sysctls'],
    text: "Kernel parameters set for the pod. Kubernetes allows a small safe set of `net.*` sysctls; the others need the kubelet's `--allowed-unsafe-sysctls`.",
    value: (value) => {
      const unsafe = unsafeSysctls(value);
      return unsafe.length > 0 ? `Unsafe here: ${unsafe.map((name) => `\`${name}\``).join(', ')}.` : undefined;
    },
  },
  {
    scope: 'pod-spec',
    path: ['securityContext', 'sysctls', '*'],
    text: 'One kernel parameter set for the pod.',
    value: (value) => describeSysctl(typeof value === 'object' && value !== null ? (value as { name?: unknown }).name : undefined),
  },
  {
    scope: 'pod-spec',
    path: ['securityContext', 'sysctls', '*', 'name'],
    text: 'The kernel parameter set for the pod.',
    value: describeSysctl,
  },
  {
    scope: 'pod-spec',
    path: ['dnsPolicy'],
    text: "Which resolvers the pod's `/etc/resolv.conf` names.",
    value: byValue({
      ClusterFirst: 'The cluster DNS answers, and forwards names outside the cluster domain upstream (the default).',
      ClusterFirstWithHostNet: 'The cluster DNS, also for a pod on the host network (which would otherwise use the node\'s resolvers).',
      Default: "The pod inherits the node's resolvers: Service names do not resolve, and the queries leave through the node's DNS.",
      None: 'Only `dnsConfig` configures DNS: the nameservers listed there receive every query.',
    }),
  },
  {
    scope: 'pod-spec',
    path: ['dnsConfig'],
    text: "Nameservers, search domains and options added to the pod's resolver configuration (all of it with `dnsPolicy: None`).",
  },
  {
    scope: 'pod-spec',
    path: ['dnsConfig', 'nameservers'],
    text: 'Resolvers the pod queries, at most three. The resolver decides where the pod connects for every name it looks up.',
  },
  { scope: 'pod-spec', path: ['dnsConfig', 'nameservers', '*'], text: 'A resolver the pod queries.', value: describeNameserver },

  // Containers: host ports and what the processes may do to the network.
  {
    scope: 'container',
    path: ['ports', '*', 'hostPort'],
    text: "Opens this port on the node's own address and forwards it to the container.",
    value: (value) =>
      scalarText(value) === undefined ? undefined : `Port ${value} of every node that runs this pod reaches the container, from anywhere the node is reachable, past any Service or Ingress; only one such pod fits per node.`,
  },
  {
    scope: 'container',
    path: ['ports', '*', 'containerPort'],
    text: 'The port the container listens on. Listing it opens nothing, but Services and NetworkPolicies resolve port names to it.',
  },
  {
    scope: 'container',
    path: ['securityContext', 'privileged'],
    text: "Whether the container runs with every capability and the node's devices.",
    value: byValue({
      true: "It can reconfigure the pod's network (interfaces, routes, iptables), forge packets, and break out to the node.",
      false: 'The container keeps only its capabilities (the default).',
    }),
  },
  {
    scope: 'container',
    path: ['securityContext', 'capabilities'],
    text: "Linux capabilities added to or dropped from the container runtime's default set. NET_RAW is in containerd's and Docker's defaults.",
  },
  {
    scope: 'container',
    path: ['securityContext', 'capabilities', 'add'],
    text: 'Capabilities granted on top of the runtime\'s default set.',
    value: (value) => {
      const network = networkCapabilities(value);
      return network.length > 0 ? `Network-relevant here: ${network.join(', ')}.` : 'None of these changes the network by itself.';
    },
  },
  {
    scope: 'container',
    path: ['securityContext', 'capabilities', 'add', '*'],
    text: 'A capability granted to the container.',
    value: (value) => {
      const effect = capabilityEffect(value);
      return typeof value === 'string' ? `${capabilityName(value)} grants ${effect ?? 'nothing network-specific'}.` : undefined;
    },
  },
  {
    scope: 'container',
    path: ['securityContext', 'capabilities', 'drop'],
    text: "Capabilities removed from the runtime's default set. `ALL` is the baseline to start from.",
    value: (value) =>
      dropsNetRaw(value) ? 'NET_RAW is dropped: no raw sockets, so no packet forging or ARP/DNS spoofing.' : 'NET_RAW is not dropped: the container keeps raw sockets (packet forging, ARP/DNS spoofing).',
  },
  {
    scope: 'container',
    path: ['securityContext', 'capabilities', 'drop', '*'],
    text: 'A capability taken away from the container.',
    value: (value) => {
      if (typeof value !== 'string') return undefined;
      const effect = capabilityEffect(value);
      return effect ? `Dropping ${capabilityName(value)} takes away ${effect}.` : `${capabilityName(value)} does not touch the network by itself.`;
    },
  },

  // Services: how far the Service is reachable, and from whom.
  {
    scope: SERVICE,
    path: ['spec', 'type'],
    text: 'How far the Service is reachable.',
    value: byValue({
      ClusterIP: 'Only inside the cluster, at a virtual IP (the default).',
      NodePort: 'Also on a port (30000-32767) of every node: anyone who reaches a node\'s address reaches the Service.',
      LoadBalancer: 'Also through a cloud load balancer, usually with a public address, and on node ports; restrict it with `loadBalancerSourceRanges` or an internal load balancer.',
      ExternalName: 'No proxy: the cluster DNS answers the Service name with a CNAME to `externalName`, so clients connect to that host directly.',
    }),
  },
  {
    scope: SERVICE,
    path: ['spec', 'selector'],
    text: "Pods with all these labels receive the Service's traffic. Without a selector the Service has only the endpoints written by hand.",
  },
  {
    scope: SERVICE,
    path: ['spec', 'externalIPs'],
    text: "Addresses for which every node accepts traffic to the Service's ports. Whoever may create Services can claim any address this way (CVE-2020-8554).",
    value: (value) => (Array.isArray(value) ? `${counted(value.length, 'address')} listed.` : undefined),
  },
  { scope: SERVICE, path: ['spec', 'externalIPs', '*'], text: "An address every node accepts the Service's traffic for.", value: (value) => (typeof value === 'string' ? `Traffic to \`${value}\` is captured by the nodes, even if that address belongs to someone else.` : undefined) },
  {
    scope: SERVICE,
    path: ['spec', 'loadBalancerSourceRanges'],
    text: "Client ranges the cloud load balancer's firewall admits; without it, everyone.",
    value: (value) => {
      const ranges = stringItems(value);
      if (ranges.some((range) => range.trim() === '0.0.0.0/0' || range.trim() === '::/0')) return 'It admits the whole internet.';
      return ranges.length > 0 ? `Only ${counted(ranges.length, 'range')} may connect.` : 'Empty: everyone may connect.';
    },
  },
  { scope: SERVICE, path: ['spec', 'loadBalancerSourceRanges', '*'], text: 'A client range the load balancer admits.', value: describeCidr },
  {
    scope: SERVICE,
    path: ['spec', 'externalTrafficPolicy'],
    text: 'How nodes route traffic from outside the cluster (node ports, load balancers, external IPs).',
    value: byValue({
      Cluster: "Any node forwards to any ready pod and rewrites the source: pods and `ipBlock` rules see a node's address, not the client's (the default).",
      Local: "Only nodes running a pod of the Service accept the traffic, and the client's address is kept for allowlists and `ipBlock` rules.",
    }),
  },
  { scope: SERVICE, path: ['spec', 'externalName'], text: 'The host the Service name is an alias (CNAME) of: clients connect there directly, outside NetworkPolicies that select pods.' },
  { scope: SERVICE, path: ['spec', 'ports', '*', 'nodePort'], text: 'The port every node opens for this Service (NodePort and LoadBalancer types).' },
  { scope: SERVICE, path: ['spec', 'ports', '*', 'targetPort'], text: "The pods' port the traffic goes to: a number, or the name of a container port." },

  // Ingresses: TLS, hosts, and the ingress-nginx annotations that change who gets in and how.
  {
    scope: INGRESS,
    path: ['spec', 'tls'],
    text: 'Hosts served over HTTPS, with the certificate of each `secretName`. Hosts not listed here are served in plain HTTP.',
    value: (value) => (Array.isArray(value) && value.length === 0 ? 'Empty: every host is served in plain HTTP.' : undefined),
  },
  { scope: INGRESS, path: ['spec', 'tls', '*', 'hosts'], text: "Hostnames the entry's certificate is served for; they must match the rules' hosts." },
  { scope: INGRESS, path: ['spec', 'tls', '*', 'secretName'], text: "The Secret (in the Ingress's namespace) holding the certificate and its key." },
  {
    scope: INGRESS,
    path: ['spec', 'rules', '*', 'host'],
    text: 'The hostname this rule answers. Without `host`, the rule answers every name that reaches the controller.',
    value: (value) =>
      typeof value === 'string' && value.startsWith('*.') ? `A wildcard: every single-label name under \`${value.slice(2)}\` reaches these backends.` : undefined,
  },
  { scope: INGRESS, path: ['spec', 'ingressClassName'], text: 'The controller that serves this Ingress, and so which annotations apply.' },
  {
    scope: INGRESS,
    path: ['metadata', 'annotations', `${NGINX}ssl-redirect`],
    text: 'Whether ingress-nginx redirects HTTP to HTTPS for hosts with TLS (true by default).',
    value: byValue({
      false: 'Plain HTTP requests are served as they are: credentials and cookies can travel in clear text.',
      true: 'HTTP requests are redirected to HTTPS.',
    }),
  },
  {
    scope: INGRESS,
    path: ['metadata', 'annotations', `${NGINX}force-ssl-redirect`],
    text: 'Redirects HTTP to HTTPS even without `tls` in the Ingress (when TLS ends before the controller).',
  },
  {
    scope: INGRESS,
    path: ['metadata', 'annotations', [`${NGINX}whitelist-source-range`, `${NGINX}allowlist-source-range`]],
    text: 'The client CIDRs (comma-separated) ingress-nginx answers; the others get 403.',
    value: (value) => {
      const ranges = (scalarText(value) ?? '').split(',').map((range) => range.trim()).filter(Boolean);
      if (ranges.some((range) => range === '0.0.0.0/0' || range === '::/0')) return 'It includes every address: the list restricts nothing.';
      return ranges.length > 0 ? `Only ${counted(ranges.length, 'range')} may connect.` : undefined;
    },
  },
  {
    scope: INGRESS,
    path: ['metadata', 'annotations', [`${NGINX}configuration-snippet`, `${NGINX}server-snippet`]],
    text: "Raw nginx configuration pasted into the controller's configuration. It runs with the controller's rights and has been used to read every Secret it can see (CVE-2021-25742).",
  },
  {
    scope: INGRESS,
    path: ['metadata', 'annotations', `${NGINX}backend-protocol`],
    text: 'The protocol from the controller to the backends.',
    value: byValue({
      HTTP: 'Plain HTTP: the hop inside the cluster is unencrypted (the default).',
      HTTPS: 'HTTPS, but the backend certificate is verified only with `proxy-ssl-verify: "on"`.',
      GRPCS: 'gRPC over TLS, verified only with `proxy-ssl-verify: "on"`.',
      GRPC: 'Plain gRPC: the hop inside the cluster is unencrypted.',
    }),
  },
  {
    scope: INGRESS,
    path: ['metadata', 'annotations', `${NGINX}proxy-ssl-verify`],
    text: "Whether ingress-nginx checks the backend's certificate (off by default).",
    value: byValue({ on: 'The backend certificate is verified against `proxy-ssl-secret`.', off: 'Any backend certificate is accepted: a man in the middle goes unnoticed.' }),
  },
  {
    scope: INGRESS,
    path: ['metadata', 'annotations', `${NGINX}ssl-passthrough`],
    text: 'TLS goes to the backend undecrypted: nginx routes by SNI, and annotations that need HTTP (allowlists, auth, redirects) no longer apply.',
  },

  // NetworkPolicies: every field, from what the policy selects to each rule's peers and ports.
  {
    scope: NETWORK_POLICY,
    path: ['spec', 'podSelector'],
    text: "The pods of the policy's namespace it applies to. Selected pods are isolated in the policy's directions: they get only what some policy allows.",
    value: (value) => (isEmptyMap(value) ? 'Empty: every pod of the namespace.' : undefined),
  },
  {
    scope: NETWORK_POLICY,
    path: ['spec', 'policyTypes'],
    text: 'The directions the policy isolates. Without it: Ingress always, and Egress only when the policy has egress rules.',
    value: (value) => {
      const types = stringItems(value);
      if (types.length === 0) return undefined;
      const ignored = RULES.filter((direction) => !types.some((type) => type.toLowerCase() === direction));
      if (ignored.length === 0) return 'Both directions are isolated.';
      if (ignored.length === 2) return 'No known direction: the policy restricts nothing.';
      return `This policy does not restrict ${ignored[0]}, and its \`${ignored[0]}\` rules, if any, are ignored.`;
    },
  },
  {
    scope: NETWORK_POLICY,
    path: ['spec', 'policyTypes', '*'],
    text: 'A direction the policy isolates.',
    value: byValue({
      Ingress: 'The selected pods accept only the connections an ingress rule of some policy selecting them allows.',
      Egress: 'The selected pods may open only the connections an egress rule of some policy selecting them allows, DNS included.',
    }),
  },
  {
    scope: NETWORK_POLICY,
    path: ['spec', 'ingress'],
    text: 'Rules of who may connect to the selected pods: each allows its `from` peers on its `ports`, and the rules add up.',
    value: rulesValue('Ingress', 'every incoming connection is denied'),
  },
  {
    scope: NETWORK_POLICY,
    path: ['spec', 'egress'],
    text: 'Rules of where the selected pods may connect: each allows its `to` peers on its `ports`, and the rules add up. Without a rule for port 53, name resolution fails.',
    value: rulesValue('Egress', 'every outgoing connection is denied, DNS included'),
  },
  {
    scope: NETWORK_POLICY,
    path: ['spec', RULES, '*'],
    text: 'One rule: connections with its peers, on its ports.',
    value: (value) => (isEmptyMap(value) ? 'Empty: it allows every connection, from or to anywhere, on every port.' : undefined),
  },
  {
    scope: NETWORK_POLICY,
    path: ['spec', 'ingress', '*', 'from'],
    text: 'The sources this rule admits; any one peer is enough. Missing or empty: every source, pods and external addresses alike.',
    value: (value) => (Array.isArray(value) && value.length === 0 ? 'Empty: every source.' : undefined),
  },
  {
    scope: NETWORK_POLICY,
    path: ['spec', 'egress', '*', 'to'],
    text: 'The destinations this rule allows; any one peer is enough. Missing or empty: every destination, pods and external addresses alike.',
    value: (value) => (Array.isArray(value) && value.length === 0 ? 'Empty: every destination.' : undefined),
  },
  {
    scope: NETWORK_POLICY,
    path: ['spec', RULES, '*', PEERS, '*', 'podSelector'],
    text: "Pods with these labels, in the policy's namespace or, with a `namespaceSelector` in the same entry, in the namespaces it selects (both must match).",
    value: (value) => (isEmptyMap(value) ? 'Empty: every pod (of those namespaces).' : undefined),
  },
  {
    scope: NETWORK_POLICY,
    path: ['spec', RULES, '*', PEERS, '*', 'namespaceSelector'],
    text: 'Every pod of the namespaces with these labels (`kubernetes.io/metadata.name` selects a namespace by name). In the same entry as a `podSelector`, both must match; in separate entries, either.',
    value: (value) => (isEmptyMap(value) ? 'Empty: every namespace of the cluster.' : undefined),
  },
  {
    scope: NETWORK_POLICY,
    path: ['spec', RULES, '*', PEERS, '*', 'ipBlock'],
    text: "Addresses outside the cluster: `cidr` minus the `except` ranges. Pod addresses change, and whether an ipBlock matches pod traffic depends on the CNI.",
  },
  { scope: NETWORK_POLICY, path: ['spec', RULES, '*', PEERS, '*', 'ipBlock', 'cidr'], text: 'The addresses this peer matches.', value: describeCidr },
  { scope: NETWORK_POLICY, path: ['spec', RULES, '*', PEERS, '*', 'ipBlock', 'except'], text: 'Ranges inside `cidr` this peer does not match.' },
  { scope: NETWORK_POLICY, path: ['spec', RULES, '*', PEERS, '*', 'ipBlock', 'except', '*'], text: 'A range taken out of `cidr`.', value: describeCidr },
  {
    scope: NETWORK_POLICY,
    path: ['spec', RULES, '*', 'ports'],
    text: "The destination ports the rule allows; a connection needs a matching peer and a matching port. Missing or empty: every port and protocol.",
    value: (value) => (Array.isArray(value) && value.length === 0 ? 'Empty: every port and protocol.' : undefined),
  },
  {
    scope: NETWORK_POLICY,
    path: ['spec', RULES, '*', 'ports', '*', 'port'],
    text: 'A destination port: a number, or a container port name resolved on each destination pod.',
    value: (value) => {
      if (typeof value === 'number') return `Port ${value}; with \`endPort\`, the range from it.`;
      if (typeof value === 'string') return `Named port \`${value}\`: a destination pod without a container port of that name gets nothing from this entry, and external addresses never match it.`;
      return undefined;
    },
  },
  {
    scope: NETWORK_POLICY,
    path: ['spec', RULES, '*', 'ports', '*', 'endPort'],
    text: 'Makes the entry a range, from `port` to `endPort` inclusive; `port` must be a number.',
    value: (value) => (typeof value === 'number' ? `Up to port ${value}.` : undefined),
  },
  { scope: NETWORK_POLICY, path: ['spec', RULES, '*', 'ports', '*', 'protocol'], text: 'The protocol of the port (TCP when not written).', value: PROTOCOLS },
  {
    scope: NETWORK_POLICY,
    path: ['**', SELECTOR, 'matchLabels'],
    text: 'Labels that must all be present with these values.',
    value: (value) => (isEmptyMap(value) ? 'Empty: no condition.' : undefined),
  },
  { scope: NETWORK_POLICY, path: ['**', SELECTOR, 'matchExpressions'], text: 'Conditions on label keys; all of them and `matchLabels` must hold.' },
  {
    scope: NETWORK_POLICY,
    path: ['**', SELECTOR, 'matchExpressions', '*', 'operator'],
    text: 'How the key is tested.',
    value: byValue({
      In: 'The label must have one of `values`.',
      NotIn: 'The label must not have any of `values`; pods without the key match too.',
      Exists: 'The label must be present, with any value.',
      DoesNotExist: 'The label must be absent.',
    }),
  },

  // Istio: whether workloads require mutual TLS, and whether their clients use it.
  { scope: PEER_AUTHENTICATION, path: ['spec', 'mtls'], text: 'Whether the workloads it applies to require mutual TLS from their clients.' },
  { scope: PEER_AUTHENTICATION, path: ['spec', 'mtls', 'mode'], text: 'The mutual TLS mode of the workloads it applies to.', value: MTLS_MODES },
  { scope: PEER_AUTHENTICATION, path: ['spec', 'portLevelMtls'], text: 'Per-port overrides of the mode (with a `selector` only).' },
  { scope: PEER_AUTHENTICATION, path: ['spec', 'portLevelMtls', '*', 'mode'], text: 'The mutual TLS mode of this port.', value: MTLS_MODES },
  {
    scope: PEER_AUTHENTICATION,
    path: ['spec', 'selector'],
    text: 'The workloads it applies to. Without it: the whole namespace, or the whole mesh in the root namespace (`istio-system`).',
  },

  {
    scope: DESTINATION_RULE,
    path: ['spec', 'trafficPolicy', '**', 'tls', 'mode'],
    text: 'How the clients of this host encrypt their connections to it.',
    value: byValue({
      DISABLE: "Plaintext, overriding Istio's automatic mutual TLS: neither encrypted nor authenticated.",
      SIMPLE: 'TLS to the destination, without a client certificate.',
      MUTUAL: 'Mutual TLS with the certificates given here.',
      ISTIO_MUTUAL: "Mutual TLS with Istio's workload certificates.",
    }),
  },

  // Service-mesh injection: where the sidecar (and so mutual TLS) comes from.
  {
    scope: NAMESPACE,
    path: ['metadata', 'labels', 'istio-injection'],
    text: 'Whether Istio injects its sidecar into the new pods of this namespace.',
    value: byValue({
      enabled: 'New pods get a sidecar (a pod can opt out with `sidecar.istio.io/inject: "false"`).',
      disabled: 'No sidecars here: the pods send plaintext and have no mesh identity.',
    }),
  },
  {
    scope: NAMESPACE,
    path: ['metadata', 'labels', 'kubernetes.io/metadata.name'],
    text: "Set by the API server to the namespace's name, whatever is written here: the label a `namespaceSelector` picks one namespace by.",
  },
  {
    scope: NAMESPACE,
    path: ['metadata', 'labels', 'pod-security.kubernetes.io/enforce'],
    text: "The Pod Security level the API server enforces on this namespace's pods.",
    value: byValue({
      privileged: 'Nothing is refused: host networking, host ports, privileged containers and NET_ADMIN are all allowed.',
      baseline: 'Refuses host networking, host PID and IPC, host ports, privileged containers, unsafe sysctls and added capabilities beyond a short list (NET_RAW and NET_ADMIN are not on it).',
      restricted: 'Baseline, and every container must drop ALL capabilities (only NET_BIND_SERVICE may come back) and run as non-root.',
    }),
  },
  { scope: NAMESPACE, path: ['metadata', 'labels', 'istio.io/rev'], text: "New pods of this namespace get the sidecar of this Istio revision." },
  { scope: NAMESPACE, path: ['metadata', 'annotations', LINKERD_INJECT], text: 'Whether Linkerd injects its proxy into the new pods of this namespace.', value: LINKERD_INJECTION },
  {
    scope: 'pod-metadata',
    path: [['labels', 'annotations'], ISTIO_INJECT],
    text: 'Whether Istio injects its sidecar into this pod, whatever its namespace says.',
    value: ISTIO_POD_INJECTION,
  },
  { scope: 'pod-metadata', path: ['annotations', LINKERD_INJECT], text: 'Whether Linkerd injects its proxy into this pod.', value: LINKERD_INJECTION },
  {
    scope: 'pod-metadata',
    path: ['labels', 'istio.io/dataplane-mode'],
    text: 'Whether the pod is part of the Istio ambient mesh.',
    value: byValue({ none: 'Left out of the ambient mesh: its traffic is plaintext.', ambient: 'In the ambient mesh: ztunnel carries its traffic over mutual TLS.' }),
  },
  {
    scope: POD_OWNERS,
    path: ['metadata', ['labels', 'annotations'], [ISTIO_INJECT, LINKERD_INJECT]],
    text: "No effect here: the injector reads the pod template's metadata (`template.metadata`), not the workload's.",
  },
];
