// Values crossing between the main thread and a worker, cut so that no single structured clone is
// big: cloning 10k annotations at once costs the main thread ~20 ms to send and ~55 ms to receive,
// and the window must never wait that long. Long arrays and strings travel as pieces, one message
// each; the skeleton says where each piece goes back.

/** Items per piece of a long array: ~1-2 ms to clone 1000 annotations either way. */
export const PIECE_ITEMS = 1000;
/** Code units per piece of a long string (512 KB of UTF-16 at most, well under 1 ms). */
export const PIECE_CHARS = 256 * 1024;
/** Bytes per piece of a long byte array (a file being imported). */
export const PIECE_BYTES = 1024 * 1024;
/**
 * Objects and array items an array of short arrays may hold and still stay in the skeleton: what
 * costs a clone is its objects. A REFI-QDA project's 50 sources of 100 selections each were never
 * a long array, yet as one skeleton they held the main thread 30-50 ms to receive.
 */
export const PIECE_NODES = 4000;

/** Stands where a long value was; `first` and `count` number its pieces. */
const PIECE = '__notebookPieces';

interface Placeholder {
  [PIECE]: 'array' | 'string' | 'bytes';
  first: number;
  count: number;
}

/** The keys from the skeleton's root down to one placeholder. */
type Path = Array<string | number>;

/**
 * What crosses as the skeleton: the value with its long parts cut out, and where each cut is.
 * The receiver goes straight to the cuts, instead of walking every object of a big answer (a
 * REFI-QDA project's sources and selections held the main thread ~120 ms that way).
 */
interface Skeleton {
  value: unknown;
  cuts: Path[];
}

export interface Split {
  skeleton: Skeleton;
  pieces: unknown[];
  /**
   * The buffers of the byte copies split() made for the skeleton: theirs alone, so they are
   * transferred with it rather than copied a second time (a piece's own: see transferOf).
   */
  transfer: ArrayBuffer[];
}

/** What to transfer with a piece: the buffer of a byte copy split() made, nothing else. */
export const transferOf = (piece: unknown): ArrayBuffer[] =>
  piece instanceof Uint8Array ? [piece.buffer as ArrayBuffer] : [];

/** A copy of bytes [start, end) with a buffer of its own (a Buffer's slice() would be a view). */
function copyBytes(bytes: Uint8Array, start: number, end: number): Uint8Array {
  const copy = new Uint8Array(end - start);
  copy.set(bytes.subarray(start, end));
  return copy;
}

const isPlain = (value: object) => {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
};

/**
 * The value with every array longer than PIECE_ITEMS and every string longer than PIECE_CHARS
 * replaced by a placeholder, and those values' pieces in order. Plain objects and short arrays
 * are walked; a short array that holds more than PIECE_NODES objects and items all told is cut
 * too, into pieces of about PIECE_NODES each, its items as walked (their own cuts stay theirs).
 * A Uint8Array is copied to exactly its own bytes (structured clone would copy the whole buffer
 * under a view), in pieces when long. A short copy inside a piece cut by weight is cloned with
 * that piece (its buffer, still in `transfer`, is then only let go with the skeleton). Anything else (dates, other typed arrays) is
 * left for structured clone as it is. The elements of a long array are not walked: each piece is
 * cloned whole.
 */
export function split(value: unknown): Split {
  const pieces: unknown[] = [];
  const transfer: ArrayBuffer[] = [];
  const cuts: Path[] = [];
  const path: Path = [];
  /** Objects and array items walked so far: what each array's items weigh in the skeleton. */
  let nodes = 0;
  const cut = (kind: Placeholder[typeof PIECE], first: number, at = cuts.length): Placeholder => {
    cuts.splice(at, 0, [...path]);
    return { [PIECE]: kind, first, count: pieces.length - first };
  };
  /**
   * A short array's walked items in pieces of about PIECE_NODES objects. Its cut goes before the
   * cuts inside its items (from `cutsAt`), so the receiver puts the array back before it
   * follows a path into one of them.
   */
  const cutByNodes = (items: unknown[], weights: number[], cutsAt: number): Placeholder => {
    const first = pieces.length;
    let piece: unknown[] = [];
    let weight = 0;
    items.forEach((item, i) => {
      if (piece.length > 0 && weight + weights[i]! > PIECE_NODES) {
        pieces.push(piece);
        piece = [];
        weight = 0;
      }
      piece.push(item);
      weight += weights[i]!;
    });
    pieces.push(piece);
    return cut('array', first, cutsAt);
  };
  const walk = (v: unknown): unknown => {
    nodes++;
    if (typeof v === 'string') {
      if (v.length <= PIECE_CHARS) return v;
      const first = pieces.length;
      for (let at = 0; at < v.length; at += PIECE_CHARS) pieces.push(v.slice(at, at + PIECE_CHARS));
      return cut('string', first);
    }
    if (v instanceof Uint8Array) {
      if (v.byteLength <= PIECE_BYTES) {
        const copy = copyBytes(v, 0, v.byteLength);
        transfer.push(copy.buffer as ArrayBuffer);
        return copy;
      }
      const first = pieces.length;
      for (let at = 0; at < v.byteLength; at += PIECE_BYTES) {
        pieces.push(copyBytes(v, at, Math.min(v.byteLength, at + PIECE_BYTES)));
      }
      return cut('bytes', first);
    }
    if (Array.isArray(v)) {
      if (v.length <= PIECE_ITEMS) {
        const cutsAt = cuts.length;
        const weights: number[] = [];
        const items = v.map((item, i) => {
          const before = nodes;
          const walked = walkAt(i, item);
          weights.push(nodes - before);
          return walked;
        });
        const weight = weights.reduce((sum, w) => sum + w, 0);
        return weight > PIECE_NODES && items.length > 1
          ? cutByNodes(items, weights, cutsAt)
          : items;
      }
      const first = pieces.length;
      for (let at = 0; at < v.length; at += PIECE_ITEMS) pieces.push(v.slice(at, at + PIECE_ITEMS));
      return cut('array', first);
    }
    if (typeof v === 'object' && v !== null && isPlain(v)) {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(v)) out[key] = walkAt(key, item);
      return out;
    }
    return v;
  };
  const walkAt = (key: string | number, v: unknown) => {
    path.push(key);
    try {
      return walk(v);
    } finally {
      path.pop();
    }
  };
  return { skeleton: { value: walk(value), cuts }, pieces, transfer };
}

/** Pieces handed to one concat() call: well under the engine's limit on a call's arguments. */
const CONCAT_GROUP = 1000;

/**
 * The arrays one after another. Not flat(): V8's flat() walks element by element (~150 ms for
 * 300,000 numbers, on the main thread in one go), where concat() copies each array whole (~5 ms).
 */
function concatAll(arrays: unknown[][]): unknown[] {
  let out: unknown[] = [];
  for (let at = 0; at < arrays.length; at += CONCAT_GROUP) {
    out = out.concat(...arrays.slice(at, at + CONCAT_GROUP));
  }
  return out;
}

/**
 * Puts the pieces back where split() took them from. The skeleton is the receiver's own (it was
 * just deserialised), so it is filled in place rather than copied; only the cuts are visited.
 */
export function join(skeleton: unknown, pieces: readonly unknown[]): unknown {
  const { value, cuts } = skeleton as Skeleton;
  const restore = (v: Placeholder): unknown => {
    const parts = pieces.slice(v.first, v.first + v.count);
    if (parts.length !== v.count)
      throw new Error('A value from another thread arrived incomplete.');
    if (v[PIECE] === 'string') return (parts as string[]).join('');
    if (v[PIECE] === 'array') return concatAll(parts as unknown[][]);
    const bytes = new Uint8Array((parts as Uint8Array[]).reduce((n, p) => n + p.byteLength, 0));
    let at = 0;
    for (const part of parts as Uint8Array[]) {
      bytes.set(part, at);
      at += part.byteLength;
    }
    return bytes;
  };
  let root = value;
  for (const path of cuts) {
    if (path.length === 0) {
      root = restore(root as Placeholder);
      continue;
    }
    let parent = root as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    const last = path.at(-1)!;
    parent[last] = restore(parent[last] as Placeholder);
  }
  return root;
}
