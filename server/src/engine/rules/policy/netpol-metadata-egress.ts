import { isWholeInternet, parseCidr } from '../../net/cidr';
import { affectsDirection, ipBlocksOf, networkPolicySpecOf, policyRulesOf } from '../../policy/network-policy';
import { objectFix } from '../../fixes/object-fix';
import type { ObjectRule } from '../rule';
import { reachableMetadataAddress } from './metadata-access';

export const netpolMetadataEgress: ObjectRule = {
  id: 'netpol-metadata-egress',
  title: 'NetworkPolicy egress reaches the cloud metadata service',
  severity: 'error',
  category: 'network-policy',
  scope: 'object',
  explanation:
    'Cloud instance metadata services (169.254.169.254 on AWS, GCP, Azure and others; fd00:ec2::254 for AWS over ' +
    'IPv6) hand out the credentials of the node\'s cloud identity to any process that can reach them. An egress ' +
    '`ipBlock` whose `cidr` contains that address, without an `except` that removes it, lets every selected pod fetch ' +
    'those credentials: server-side request forgery or any foothold in the pod becomes access to the cloud account. ' +
    'This is the usual gap in "internet but not the cluster" policies: `0.0.0.0/0` with the private ranges in ' +
    '`except` still includes the link-local range. The rule only looks at egress that applies, on rules whose ports ' +
    'allow TCP 80; an egress rule without `to` reaches the metadata service too, and is reported (once) by ' +
    'netpol-allow-all-egress. Clusters without a cloud metadata service (bare metal) can turn the rule off.',
  remediation:
    'Add `169.254.169.254/32` (and `fd00:ec2::254/128` for IPv6 blocks) to the `except` list of every broad egress ' +
    '`ipBlock`, or allow only the external ranges and ports the workload needs. Block the metadata service at the ' +
    'node as well (IMDSv2 with a hop limit of 1 on AWS, Workload Identity on GKE).',
  references: [
    'https://kubernetes.io/docs/concepts/services-networking/network-policies/#networkpolicy-resource',
    'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-data-retrieval.html',
    'https://cloud.google.com/kubernetes-engine/docs/how-to/protecting-cluster-metadata',
    'https://learn.microsoft.com/en-us/azure/virtual-machines/instance-metadata-service',
  ],
  examples: {
    insecure: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web-internet-egress
spec:
  podSelector:
    matchLabels: {app: web}
  policyTypes: [Egress]
  egress:
    - to:
        - ipBlock:
            cidr: 0.0.0.0/0
            except: [10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16]
`,
    fixed: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web-internet-egress
spec:
  podSelector:
    matchLabels: {app: web}
  policyTypes: [Egress]
  egress:
    - to:
        - ipBlock:
            cidr: 0.0.0.0/0
            except: [10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 169.254.169.254/32]
`,
  },
  *check(object) {
    const spec = networkPolicySpecOf(object);
    if (!spec || !affectsDirection(spec, 'Egress')) return;
    for (const block of ipBlocksOf(policyRulesOf(spec, 'Egress'))) {
      const address = reachableMetadataAddress(block);
      if (!address) continue;
      const cidr = parseCidr(block.cidr!)!;
      const family = cidr.kind === 'ipv4' ? 'IPv4' : 'IPv6';
      const reach = isWholeInternet(cidr) ? `every ${family} address, the cloud metadata service at ${address.toString()} included` : `the cloud metadata service at ${address.toString()}`;
      // An except must be strictly smaller than its cidr: a block of the metadata address alone has none.
      const hostPrefix = cidr.kind === 'ipv4' ? 32 : 128;
      const except = cidr.prefixLength < hostPrefix ? `${address.toString()}/${hostPrefix}` : undefined;
      yield {
        message: `\`${block.cidr}\` lets the selected pods reach ${reach}: a compromised pod can fetch the node's cloud credentials.`,
        range: object.rangeOf([...block.path, 'cidr'], 'value'),
        path: block.path,
        data: { except },
      };
    }
  },
  *fixes(input) {
    const { path, data } = input.report;
    const except = data?.except;
    if (!path || typeof except !== 'string') return;
    // netpol-ipblock-any leaves a block that reaches the metadata service to this rule: once the
    // address is excepted, its finding about the rest of the internet is revealed, not caused.
    const reveals = ['netpol-ipblock-any'];
    yield* objectFix(input, `Add ${except} to the ipBlock's except`, (editor) => editor.append([...path, 'except'], except), { preferred: true, reveals });
  },
};
