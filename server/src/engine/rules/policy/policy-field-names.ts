import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';

/**
 * The field names of each map of a networking.k8s.io/v1 NetworkPolicy, for typo suggestions only
 * ("did you mean `podSelector`?"). This is not a schema: kubernetes-models validates the structure,
 * but it accepts unknown fields, which kubectl refuses and other clients silently drop. It lists
 * names, with the title messages give each map and which field leads to which map, so that a name
 * is looked up at the right level.
 *
 * kubernetes-models has no runtime list of property names, so the names are written here; the
 * compiler holds each list to kubernetes-models' own types, so a field it adds or removes fails
 * the build until the list follows.
 */
export interface PolicyMap {
  /** How messages name the map: "`x` is not a field of a peer". */
  readonly title: string;
  readonly fields: readonly string[];
}

/** A field that holds a map of its own, or a list of them (then `list` names the list). */
export interface HeldMap {
  readonly map: PolicyMap;
  readonly list?: string;
}

type Spec = NonNullable<INetworkPolicy['spec']>;
type IngressRule = NonNullable<Spec['ingress']>[number];
type EgressRule = NonNullable<Spec['egress']>[number];
type Peer = NonNullable<IngressRule['from']>[number];
type Port = NonNullable<IngressRule['ports']>[number];
type LabelSelector = NonNullable<Peer['podSelector']>;
type Requirement = NonNullable<LabelSelector['matchExpressions']>[number];

/** Every field name of `T`, each written once: a missing or an extra name does not compile. */
function namesOf<T>(names: Record<keyof T, true>): readonly string[] {
  return Object.keys(names);
}

const labelSelector: PolicyMap = { title: 'a label selector', fields: namesOf<LabelSelector>({ matchLabels: true, matchExpressions: true }) };
const requirement: PolicyMap = { title: 'a selector requirement', fields: namesOf<Requirement>({ key: true, operator: true, values: true }) };
const ipBlock: PolicyMap = { title: 'an ipBlock', fields: namesOf<NonNullable<Peer['ipBlock']>>({ cidr: true, except: true }) };
const peer: PolicyMap = { title: 'a peer', fields: namesOf<Peer>({ podSelector: true, namespaceSelector: true, ipBlock: true }) };
const port: PolicyMap = { title: 'a port', fields: namesOf<Port>({ protocol: true, port: true, endPort: true }) };
const ingressRule: PolicyMap = { title: 'an ingress rule', fields: namesOf<IngressRule>({ from: true, ports: true }) };
const egressRule: PolicyMap = { title: 'an egress rule', fields: namesOf<EgressRule>({ to: true, ports: true }) };
const spec: PolicyMap = { title: 'the policy spec', fields: namesOf<Spec>({ podSelector: true, policyTypes: true, ingress: true, egress: true }) };
const metadata: PolicyMap = {
  title: '`metadata`',
  fields: namesOf<NonNullable<INetworkPolicy['metadata']>>({
    name: true,
    generateName: true,
    namespace: true,
    labels: true,
    annotations: true,
    uid: true,
    resourceVersion: true,
    generation: true,
    creationTimestamp: true,
    deletionTimestamp: true,
    deletionGracePeriodSeconds: true,
    finalizers: true,
    managedFields: true,
    ownerReferences: true,
    selfLink: true,
  }),
};

/** The NetworkPolicy itself, where the look-up starts. */
export const NETWORK_POLICY_FIELDS: PolicyMap = {
  title: 'the NetworkPolicy',
  // `status` was served in 1.24-1.26 behind a feature gate, then removed; some tools' exports still write it.
  fields: [...namesOf<INetworkPolicy>({ apiVersion: true, kind: true, metadata: true, spec: true }), 'status'],
};

// Keyed by field name: in a NetworkPolicy, a field name leads to the same kind of map wherever it is.
const HELD_MAPS: Readonly<Record<string, HeldMap>> = {
  metadata: { map: metadata },
  spec: { map: spec },
  ingress: { map: ingressRule, list: 'a list of ingress rules' },
  egress: { map: egressRule, list: 'a list of egress rules' },
  from: { map: peer, list: 'a list of peers' },
  to: { map: peer, list: 'a list of peers' },
  ports: { map: port, list: 'a list of ports' },
  ipBlock: { map: ipBlock },
  podSelector: { map: labelSelector },
  namespaceSelector: { map: labelSelector },
  matchExpressions: { map: requirement, list: 'a list of selector requirements' },
};

/** The map (or list of maps) a known field holds; undefined for fields holding anything else. */
export function mapHeldBy(field: string): HeldMap | undefined {
  return Object.hasOwn(HELD_MAPS, field) ? HELD_MAPS[field] : undefined;
}

/** Whether a map is a label selector, where unknown keys are usually labels written without `matchLabels`. */
export function isLabelSelector(map: PolicyMap): boolean {
  return map === labelSelector;
}
