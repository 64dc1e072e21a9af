import { parse } from 'yaml';

/**
 * How a generated manifest is written: fixes must keep working whatever the author's habits, so
 * the property tests write the same data in many layouts. Written by hand (not `yaml.stringify`)
 * to reach layouts a formatter never produces: flush sequences, flow maps deep in block ones,
 * comments between entries, CRLF.
 */
export interface YamlLayout {
  indent: 2 | 4;
  /** `key:\n  - a` rather than `key:\n- a`. */
  indentedSequences: boolean;
  /** Collections this deep (0: the whole document) or deeper may be written in flow style. */
  flowFrom: number;
  paddedFlow: boolean;
  quote: 'single' | 'double';
  eol: '\n' | '\r\n';
  /** Drives the per-node choices (flow or block, comments), so that a layout is reproducible. */
  seed: number;
}

export type YamlValue = string | number | boolean | null | YamlValue[] | { [key: string]: YamlValue };
type YamlMap = { [key: string]: YamlValue };

const COMMENT_WORDS = ['why', 'see ticket 42', 'owned by the platform team', 'TODO review', 'keep in sync'];

/** Writes documents (one object each, or a comment-only document for null) as one YAML stream. */
export function renderStream(documents: readonly (YamlMap | null)[], layout: YamlLayout, options: { leadingMarker: boolean; finalEol: boolean }): string {
  const writer = new Writer(layout);
  const texts = documents.map((document) => (document === null ? `# ${writer.comment()}` : writer.document(document)));
  // Comments before the first `---` belong to the next document: a leading comment-only document needs its marker.
  const leadingMarker = options.leadingMarker || documents[0] === null;
  const stream = (leadingMarker ? '---' + layout.eol : '') + texts.join(`${layout.eol}---${layout.eol}`);
  return options.finalEol ? stream + layout.eol : stream;
}

class Writer {
  private state: number;
  private anchors = 0;

  constructor(private readonly layout: YamlLayout) {
    this.state = layout.seed >>> 0 || 1;
  }

  document(value: YamlMap): string {
    if (this.layout.flowFrom === 0) return this.flow(value);
    return this.blockMap(value, 0, 1, false).join(this.layout.eol);
  }

  comment(): string {
    return COMMENT_WORDS[Math.floor(this.random() * COMMENT_WORDS.length)];
  }

  // xorshift32: cheap, and reproducible from the layout's seed.
  private random(): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state / 0x100000000;
  }

  private inFlow(value: YamlValue, depth: number): boolean {
    if (typeof value !== 'object' || value === null) return false;
    const empty = Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
    return empty || (depth >= this.layout.flowFrom && this.random() < 0.6);
  }

  /** An anchor nothing refers to: it must not change how a fix sees the node. */
  private anchor(): string {
    return this.random() < 0.05 ? ` &a${++this.anchors}` : '';
  }

  private trailingComment(): string {
    return this.random() < 0.15 ? ` # ${this.comment()}` : '';
  }

  private blockMap(map: YamlMap, column: number, depth: number, firstOnDash: boolean): string[] {
    const pad = ' '.repeat(column);
    const lines: string[] = [];
    for (const [key, value] of Object.entries(map)) {
      if (!(firstOnDash && lines.length === 0)) {
        if (this.random() < 0.05) lines.push('');
        if (this.random() < 0.1) lines.push(`${pad}# ${this.comment()}`);
      }
      const head = `${pad}${this.key(key)}:`;
      if (value === null) {
        // Nothing after the colon, `~` or `null`: all the same empty value.
        const written = ['', ' ~', ' null'][Math.floor(this.random() * 3)];
        lines.push(`${head}${written}${this.trailingComment()}`);
      } else if (typeof value === 'string' && isBlockLiteral(value)) {
        lines.push(`${head} |${this.trailingComment()}`, ...value.slice(0, -1).split('\n').map((line) => ' '.repeat(column + this.layout.indent) + line));
      } else if (typeof value !== 'object' || this.inFlow(value, depth)) {
        lines.push(`${head}${this.anchor()} ${typeof value === 'object' ? this.flow(value) : this.scalar(value)}${this.trailingComment()}`);
      } else if (Array.isArray(value)) {
        lines.push(head + this.anchor() + this.trailingComment(), ...this.blockSequence(value, column + (this.layout.indentedSequences ? this.layout.indent : 0), depth + 1));
      } else {
        lines.push(head + this.anchor() + this.trailingComment(), ...this.blockMap(value, column + this.layout.indent, depth + 1, false));
      }
    }
    // A comment after the last entry sits at the end of the map's text: edits appending to the map meet it.
    if (this.random() < 0.08) lines.push(`${pad}# ${this.comment()}`);
    return lines;
  }

  private blockSequence(items: readonly YamlValue[], column: number, depth: number): string[] {
    const pad = ' '.repeat(column);
    const lines: string[] = [];
    for (const item of items) {
      if (this.random() < 0.08) lines.push(`${pad}# ${this.comment()}`);
      if (typeof item !== 'object' || item === null || Array.isArray(item) || this.inFlow(item, depth)) {
        lines.push(`${pad}- ${typeof item === 'object' ? this.flow(item) : this.scalar(item)}${this.trailingComment()}`);
        continue;
      }
      // A map item starts on the dash line; its other entries align with the first.
      const [first, ...rest] = this.blockMap(item, column + 2, depth + 1, true);
      lines.push(`${pad}- ${first.slice(column + 2)}`, ...rest);
    }
    return lines;
  }

  private flow(value: YamlValue): string {
    if (value === null) return 'null';
    const pad = this.layout.paddedFlow ? ' ' : '';
    if (Array.isArray(value)) return value.length === 0 ? '[]' : `[${pad}${value.map((item) => this.flow(item)).join(', ')}${pad}]`;
    if (typeof value === 'object') {
      const entries = Object.entries(value);
      return entries.length === 0 ? '{}' : `{${pad}${entries.map(([key, item]) => `${this.key(key)}: ${this.flow(item)}`).join(', ')}${pad}}`;
    }
    return this.scalar(value);
  }

  private key(key: string): string {
    return isPlainSafe(key) && this.random() < 0.9 ? key : this.quoted(key);
  }

  private scalar(value: string | number | boolean | null): string {
    if (typeof value !== 'string') return String(value);
    if (value.includes('\n')) return JSON.stringify(value);
    return isPlainSafe(value) && this.random() < 0.8 ? value : this.quoted(value);
  }

  private quoted(value: string): string {
    return this.layout.quote === 'double' ? JSON.stringify(value) : `'${value.replace(/'/g, "''")}'`;
  }
}

/** Lines without trailing blanks, ending with one line break: `|` keeps it exactly. */
function isBlockLiteral(value: string): boolean {
  return /^[^\s][^\n]*(\n[^\s][^\n]*)*\n$/.test(value) && !/[ \t]\n/.test(value);
}

/** A string that reads back as itself when written plain, in block and in flow context. */
function isPlainSafe(value: string): boolean {
  return /^[A-Za-z0-9_./][A-Za-z0-9_./-]*$/.test(value) && parse(value) === value;
}
