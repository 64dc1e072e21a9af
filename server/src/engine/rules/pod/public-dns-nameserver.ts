import ipaddr from 'ipaddr.js';
import { isPlainObject } from '../../manifest/kube-object';
import { parseAddress } from '../../net/cidr';
import type { ObjectRule } from '../rule';
import { podSpecOf } from '../../workloads/pod-spec';
import { objectFix } from '../../fixes/object-fix';

export const publicDnsNameserver: ObjectRule = {
  id: 'public-dns-nameserver',
  title: 'Pod sends DNS queries to a public resolver',
  // Info: a custom resolver is usually deliberate, and the risk is leakage and trust, not an open door.
  severity: 'info',
  category: 'pod-networking',
  scope: 'object',
  explanation:
    "A public address in `dnsConfig.nameservers` makes the pod's resolver send queries out of the cluster: with " +
    '`dnsPolicy: None` all of them; otherwise those the cluster DNS fails to answer, and all of them from musl-based ' +
    '(Alpine) images, which ask every nameserver at once. The names looked up ' +
    '(internal hosts, partners, the search domains appended to short names) leave in plain UDP, past the cluster ' +
    "DNS's logging and filtering, and the answers, which decide where the pod connects, come from outside. DNS to " +
    'the internet is also a classic exfiltration channel that egress NetworkPolicies often allow on port 53.',
  remediation:
    'Use the cluster DNS (`dnsPolicy: ClusterFirst`, the default) and configure upstream resolvers once in CoreDNS ' +
    '(`forward`), where they can be logged, filtered and encrypted (DNS over TLS). If a pod needs a private ' +
    "resolver, give its private address, and restrict egress on port 53 to the resolvers you trust.",
  references: [
    'https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-dns-config',
    'https://kubernetes.io/docs/tasks/administer-cluster/dns-custom-nameservers/',
    'https://coredns.io/plugins/forward/',
  ],
  examples: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: crawler
spec:
  dnsPolicy: None
  dnsConfig:
    nameservers: [8.8.8.8]
  containers:
    - name: crawler
      image: registry.example.com/crawler:5.0
`,
    fixed: `apiVersion: v1
kind: Pod
metadata:
  name: crawler
spec:
  dnsPolicy: ClusterFirst
  containers:
    - name: crawler
      image: registry.example.com/crawler:5.0
`,
  },
  *check(object) {
    const pod = podSpecOf(object);
    const dnsConfig = pod?.spec.dnsConfig;
    if (!pod || !isPlainObject(dnsConfig) || !Array.isArray(dnsConfig.nameservers)) return;
    const scope =
      pod.spec.dnsPolicy === 'None'
        ? 'every DNS query of the pod goes out of the cluster in plain text'
        : 'DNS queries of the pod can go out of the cluster in plain text (musl-based images ask every nameserver at once)';
    for (const [index, nameserver] of dnsConfig.nameservers.entries()) {
      if (typeof nameserver !== 'string' || !isPublicAddress(nameserver)) continue;
      const path = [...pod.path, 'dnsConfig', 'nameservers', index];
      yield {
        path,
        data: { nameserver: nameserver.trim(), keepsResolver: pod.spec.dnsPolicy !== 'None' },
        message: `Nameserver ${nameserver.trim()} is a public address: ${scope}, and its answers decide where the pod connects.`,
        range: object.rangeOf(path, 'value'),
      };
    }
  },
  *fixes(input) {
    const { path, data } = input.report;
    // Only where the pod keeps a resolver it is known to work with (the cluster DNS, or the node's):
    // with dnsPolicy None the nameservers listed are all it has. Not preferred, so fix-all leaves the
    // choice of resolver, which is usually deliberate, to the author.
    if (!path || data?.keepsResolver !== true || typeof data.nameserver !== 'string') return;
    yield* objectFix(input, `Remove nameserver ${data.nameserver}`, (editor) => editor.remove(path));
  },
};

/** A globally routable unicast address (not private, loopback, link-local, CGNAT, documentation...). */
function isPublicAddress(text: string): boolean {
  // Kubernetes wants a full IP address: "8.8.8" (which ipaddr.js would read as 8.8.0.8) is not one.
  if (!text.includes(':') && !ipaddr.IPv4.isValidFourPartDecimal(text.trim())) return false;
  const address = parseAddress(text);
  if (address instanceof ipaddr.IPv6 && address.isIPv4MappedAddress()) return address.toIPv4Address().range() === 'unicast';
  return address?.range() === 'unicast';
}
