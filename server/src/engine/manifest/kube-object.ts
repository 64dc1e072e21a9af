import type { SourceRange } from '../text/range';
import type { ManifestDocument, RangePart } from './document';
import type { ObjectPath } from './yaml-path';

/** Identifies an object the way `kubectl` does, with fields left undefined when not written. */
export interface ObjectRef {
  apiVersion?: string;
  kind: string;
  namespace?: string;
  name?: string;
}

export type PlainObject = Record<string, unknown>;

export function isPlainObject(value: unknown): value is PlainObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * One Kubernetes object of a manifest: its identity, its plain value for reading, and the YAML
 * behind it for exact ranges. Objects inside a `List` carry the path to their item.
 */
export class KubeObject {
  readonly apiVersion?: string;
  readonly kind: string;
  readonly name?: string;
  readonly namespace?: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;

  constructor(
    readonly document: ManifestDocument,
    /** Path of this object inside its document: `[]`, or `['items', i]` for a list item. */
    readonly basePath: ObjectPath,
    readonly value: PlainObject,
    inherited: { kind?: string; apiVersion?: string } = {},
  ) {
    this.kind = asString(value.kind) ?? inherited.kind ?? '';
    this.apiVersion = asString(value.apiVersion) ?? inherited.apiVersion;
    const metadata = isPlainObject(value.metadata) ? value.metadata : {};
    this.name = asString(metadata.name);
    this.namespace = asString(metadata.namespace);
    this.labels = stringMap(metadata.labels);
    this.annotations = stringMap(metadata.annotations);
  }

  /** The API group: "" for the core group (`v1`), else the part before the slash. */
  get apiGroup(): string | undefined {
    if (this.apiVersion === undefined) return undefined;
    const slash = this.apiVersion.indexOf('/');
    return slash === -1 ? '' : this.apiVersion.slice(0, slash);
  }

  ref(): ObjectRef {
    return { apiVersion: this.apiVersion, kind: this.kind, namespace: this.namespace, name: this.name };
  }

  /** The value at `path` (relative to this object), or undefined. */
  get(path: ObjectPath): unknown {
    let current: unknown = this.value;
    for (const step of path) {
      if (typeof step === 'number') current = Array.isArray(current) ? current[step] : undefined;
      else current = isPlainObject(current) ? current[step] : undefined;
      if (current === undefined) return undefined;
    }
    return current;
  }

  /**
   * The source range of `path` (relative to this object). Falls back to the deepest part of the
   * path that exists, then to the object's `kind`, so a finding always has a place to point at.
   */
  rangeOf(path: ObjectPath, part: RangePart = 'pair'): SourceRange {
    return (
      this.document.locate([...this.basePath, ...path], part) ??
      this.document.locate([...this.basePath, 'kind'], 'pair') ??
      this.document.locate(this.basePath, 'value') ??
      this.document.rangeAt(0, 0)
    );
  }
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * A label or annotation map as strings. Unquoted numbers and booleans (`tier: 1`) read as their text,
 * as kubectl would refuse them but a reader means them; nested maps and lists are not labels and are left out.
 */
export function stringMap(value: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (!isPlainObject(value)) return result;
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry === 'string' || typeof entry === 'number' || typeof entry === 'boolean') result[key] = String(entry);
  }
  return result;
}
