import Ajv, { type ErrorObject } from 'ajv';

/**
 * The structure of a networking.k8s.io/v1 NetworkPolicy as JSON Schema, transcribed from the Kubernetes
 * OpenAPI definitions (the ones kubernetes-models 5.1 compiles), with three deliberate differences:
 *
 * - Unknown fields are refused (`additionalProperties: false`): `kubectl apply` refuses them (strict
 *   server-side field validation) and other clients drop them silently, which is worse.
 * - Values whose checks belong to other rules are only typed here: `protocol` (netpol-invalid-port),
 *   port numbers (netpol-invalid-port), `cidr` and `except` texts (netpol-invalid-cidr).
 * - `null` is accepted wherever the API server accepts it (list items and selectors decode to their
 *   zero value), so the schema does not refuse what a cluster takes.
 *
 * kubernetes-models itself is ESM-only (its package exports have no `require` condition), so the
 * CommonJS engine cannot load it under the test runner; test/unit/rules/netpol-schema.test.ts checks
 * this schema against it in a child process instead.
 */

const labelMap = { title: 'a label map', type: ['object', 'null'], additionalProperties: { type: ['string', 'null'] } };

export const NETWORK_POLICY_SCHEMA = {
  $id: 'urn:kube-netsec:networking.k8s.io:v1:NetworkPolicy',
  title: 'the NetworkPolicy',
  type: 'object',
  required: ['apiVersion', 'kind'],
  additionalProperties: false,
  properties: {
    apiVersion: { type: 'string', enum: ['networking.k8s.io/v1'] },
    kind: { type: 'string' },
    metadata: { $ref: '#/$defs/objectMeta' },
    spec: { $ref: '#/$defs/spec' },
    // Served in 1.24-1.26 behind a feature gate, then removed; written by some tools' exports.
    status: {},
  },
  $defs: {
    objectMeta: {
      title: '`metadata`',
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        name: { type: 'string' },
        generateName: { type: 'string' },
        namespace: { type: 'string' },
        labels: labelMap,
        annotations: { ...labelMap, title: 'an annotation map' },
        uid: {},
        resourceVersion: {},
        generation: {},
        creationTimestamp: {},
        deletionTimestamp: {},
        deletionGracePeriodSeconds: {},
        finalizers: {},
        managedFields: {},
        ownerReferences: {},
        selfLink: {},
      },
    },
    spec: {
      title: 'the policy spec',
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        podSelector: { $ref: '#/$defs/labelSelector' },
        policyTypes: { type: ['array', 'null'], items: { type: 'string', enum: ['Ingress', 'Egress'] } },
        ingress: { title: 'a list of ingress rules', type: ['array', 'null'], items: { $ref: '#/$defs/ingressRule' } },
        egress: { title: 'a list of egress rules', type: ['array', 'null'], items: { $ref: '#/$defs/egressRule' } },
      },
    },
    ingressRule: {
      title: 'an ingress rule',
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        from: { title: 'a list of peers', type: ['array', 'null'], items: { $ref: '#/$defs/peer' } },
        ports: { title: 'a list of ports', type: ['array', 'null'], items: { $ref: '#/$defs/port' } },
      },
    },
    egressRule: {
      title: 'an egress rule',
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        to: { title: 'a list of peers', type: ['array', 'null'], items: { $ref: '#/$defs/peer' } },
        ports: { title: 'a list of ports', type: ['array', 'null'], items: { $ref: '#/$defs/port' } },
      },
    },
    peer: {
      title: 'a peer',
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        podSelector: { $ref: '#/$defs/labelSelector' },
        namespaceSelector: { $ref: '#/$defs/labelSelector' },
        ipBlock: { $ref: '#/$defs/ipBlock' },
      },
    },
    ipBlock: {
      title: 'an ipBlock',
      type: ['object', 'null'],
      required: ['cidr'],
      additionalProperties: false,
      properties: {
        cidr: { type: 'string' },
        except: { title: 'a list of CIDRs', type: ['array', 'null'], items: { type: 'string' } },
      },
    },
    port: {
      title: 'a port',
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        protocol: { type: ['string', 'null'] },
        port: { type: ['integer', 'string', 'null'] },
        endPort: { type: ['integer', 'null'] },
      },
    },
    labelSelector: {
      title: 'a label selector',
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        matchLabels: labelMap,
        matchExpressions: { title: 'a list of selector requirements', type: ['array', 'null'], items: { $ref: '#/$defs/requirement' } },
      },
    },
    requirement: {
      title: 'a selector requirement',
      type: 'object',
      required: ['key', 'operator'],
      additionalProperties: false,
      properties: {
        key: { type: 'string' },
        operator: { type: 'string', enum: ['In', 'NotIn', 'Exists', 'DoesNotExist'] },
        values: { type: ['array', 'null'], items: { type: 'string' } },
      },
    },
  },
} as const;

export type SchemaNode = Readonly<Record<string, unknown>>;

let compiled: ReturnType<Ajv['compile']> | undefined;

/** The schema errors of a NetworkPolicy value (ajv, all errors, with the failing schema and data). */
export function networkPolicySchemaErrors(value: unknown): ErrorObject[] {
  // Compiled on first use: most files have no NetworkPolicy, and compiling takes a few milliseconds.
  compiled ??= new Ajv({ allErrors: true, verbose: true, allowUnionTypes: true, strict: true }).compile(NETWORK_POLICY_SCHEMA);
  return compiled(value) ? [] : [...(compiled.errors ?? [])];
}

/** The schema node describing the value at `path`, following `$ref`s; undefined past the schema's end. */
export function schemaAt(path: readonly (string | number)[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = NETWORK_POLICY_SCHEMA;
  for (const step of path) {
    node = resolve(node);
    if (!node) return undefined;
    if (typeof step === 'number') node = node.items as SchemaNode | undefined;
    else node = ((node.properties as Record<string, SchemaNode> | undefined)?.[step] ?? undefined) as SchemaNode | undefined;
  }
  return resolve(node);
}

/** The field names an object schema allows. */
export function fieldsOf(node: SchemaNode | undefined): string[] {
  const properties = node?.properties;
  return properties && typeof properties === 'object' ? Object.keys(properties) : [];
}

function resolve(node: SchemaNode | undefined): SchemaNode | undefined {
  const ref = node?.$ref;
  if (typeof ref !== 'string') return node;
  const name = ref.slice('#/$defs/'.length);
  return (NETWORK_POLICY_SCHEMA.$defs as Record<string, SchemaNode>)[name];
}
