import { isMap, isSeq, isScalar, LineCounter, type Document, type Node } from 'yaml';

/** Finds the line and column of a field path in a parsed YAML document. */
export class YamlLocator {
  constructor(
    private readonly document: Document,
    private readonly lineCounter: LineCounter,
  ) {}

  position(offset: number): { line: number; column: number } {
    const { line, col } = this.lineCounter.linePos(offset);
    return { line, column: col };
  }

  /**
   * The deepest node that exists along the path; with `keyName`, the key node of that entry
   * (an unknown key is reported where the key itself is written).
   */
  locate(path: ReadonlyArray<PropertyKey>, keyName?: string): { line: number; column: number } {
    let node: Node | null = this.document.contents as Node | null;
    for (const part of path) {
      const child = childOf(node, part);
      if (!child) break;
      node = child;
    }
    if (keyName !== undefined && isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === keyName);
      const keyRange = pair && isScalar(pair.key) ? pair.key.range : undefined;
      if (keyRange) return this.position(keyRange[0]);
    }
    return this.position(node?.range?.[0] ?? 0);
  }

  /** The plain value at a path, or undefined when the path does not exist. */
  valueAt(path: ReadonlyArray<PropertyKey>): unknown {
    const value = this.document.getIn(path as unknown[], false) as unknown;
    return value && typeof value === 'object' && 'toJSON' in value ? (value as { toJSON(): unknown }).toJSON() : value;
  }

  /** Where the key `name` of the object at `path` is written, falling back to the object. */
  keyOf(path: ReadonlyArray<PropertyKey>): { line: number; column: number } {
    const parentPath = path.slice(0, -1);
    const last = path[path.length - 1];
    return typeof last === 'string' ? this.locate(parentPath, last) : this.locate(path);
  }
}

function childOf(node: Node | null, part: PropertyKey): Node | undefined {
  if (isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(part));
    return (pair?.value as Node | null) ?? (pair?.key as Node | undefined);
  }
  if (isSeq(node) && typeof part === 'number') return (node.items[part] as Node | undefined) ?? undefined;
  return undefined;
}
