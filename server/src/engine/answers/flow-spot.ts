/** Where the cursor is inside a flow collection written on one line, e.g. `{matchLabels: {app: w|}}`. */
export interface FlowSpot {
  /** The path inside the collection: at a key, of the map it is typed in; at a value, of the value. */
  steps: (string | number)[];
  part: 'key' | 'value';
  /** Where the entry under the cursor starts (after its comma, bracket or colon). */
  entryStart: number;
  colonWritten: boolean;
}

interface Frame {
  kind: 'map' | 'seq';
  /** The key or index this collection is the value of, in the collection around it. */
  step?: string | number;
  /** In a map: the key of the entry being read, once its colon is passed. */
  key?: string;
  index: number;
  entryStart: number;
}

/**
 * Reads `line` from the `{` or `[` at `open` up to `character`, keeping the open collections. The
 * collection must still be open at the cursor; a quoted string the cursor is in ends the reading.
 */
export function flowSpotAt(line: string, open: number, character: number): FlowSpot | undefined {
  const frames: Frame[] = [];
  for (let at = open; at < character; at++) {
    const c = line[at];
    const top = frames[frames.length - 1];
    if (c === '"' || c === "'") {
      const close = line.indexOf(c, at + 1);
      if (close === -1 || close >= character) break;
      at = close;
    } else if (c === '{' || c === '[') {
      if (top?.kind === 'map' && top.key === undefined) return undefined;
      frames.push({ kind: c === '{' ? 'map' : 'seq', step: top ? (top.kind === 'map' ? top.key : top.index) : undefined, index: 0, entryStart: at + 1 });
    } else if (c === '}' || c === ']') {
      frames.pop();
      if (frames.length === 0) return undefined;
    } else if (c === ',' && top) {
      if (top.kind === 'map') top.key = undefined;
      else top.index++;
      top.entryStart = at + 1;
    } else if (c === ':' && top?.kind === 'map' && top.key === undefined && /^(?:$|[\s,{}[\]])/.test(line.slice(at + 1, at + 2))) {
      top.key = unquote(line.slice(top.entryStart, at).trim());
      top.entryStart = at + 1;
    }
  }
  const top = frames[frames.length - 1];
  if (!top) return undefined;
  const steps = frames.slice(1).map((frame) => frame.step as string | number);
  if (top.kind === 'seq') return { steps: [...steps, top.index], part: 'value', entryStart: top.entryStart, colonWritten: false };
  if (top.key !== undefined) return { steps: [...steps, top.key], part: 'value', entryStart: top.entryStart, colonWritten: false };
  return { steps, part: 'key', entryStart: top.entryStart, colonWritten: /^[^,{}[\]:]*:/.test(line.slice(character)) };
}

function unquote(key: string): string {
  return /^(["']).*\1$/.test(key) ? key.slice(1, -1) : key;
}
