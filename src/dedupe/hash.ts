// Streaming string hashes over UTF-16 code units, for keys and fingerprints that must not be kept
// as strings. Two unrelated 32-bit functions (FNV-1a and a MurmurHash3-style block mix, each with a
// MurmurHash3 finaliser for avalanche) give a 64-bit hash: a collision needs both to collide, so for
// n distinct keys the chance of any collision is about n² / 2^65 (birthday bound): 2.7 × 10⁻⁴ for
// 100 million keys, 2.7 × 10⁻⁶ for 10 million. Not cryptographic: fine for data, not for an attacker
// who chooses the keys.
//
// A value is fed as a sequence of code units closed by `end()`, which mixes a token no code unit
// can equal (> 0xFFFF): ['ab', 'c'] and ['a', 'bc'] hash differently without joining strings.

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const MURMUR_SEED = 0x9747b28c;
const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;
const END_TOKEN = 0x1_0001;

/** murmur3's final avalanche: every input bit moves every output bit. An unsigned 32-bit result. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function murmurStep(h: number, word: number): number {
  let k = Math.imul(word, C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, C2);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** Reusable hash state: `reset()`, feed units or texts, then read `hi` and `lo` (both uint32). */
export class Hash64 {
  private a = FNV_OFFSET;
  private b = MURMUR_SEED;
  private n = 0;

  reset(): this {
    this.a = FNV_OFFSET;
    this.b = MURMUR_SEED;
    this.n = 0;
    return this;
  }

  /** One code unit (0..0xFFFF), or any uint32 token. */
  unit(c: number): void {
    this.a = Math.imul(this.a ^ c, FNV_PRIME);
    let k = Math.imul(c, C1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, C2);
    let h = this.b ^ k;
    h = (h << 13) | (h >>> 19);
    this.b = (Math.imul(h, 5) + 0xe6546b64) | 0;
    this.n++;
  }

  /** Closes one value (see the header comment). */
  end(): void {
    this.unit(END_TOKEN);
  }

  /** All code units of `text`, then `end()`. */
  text(text: string): void {
    for (let i = 0; i < text.length; i++) this.unit(text.charCodeAt(i));
    this.end();
  }

  /** FNV-1a half. */
  get hi(): number {
    return fmix32(this.a ^ this.n);
  }

  /** Murmur half. */
  get lo(): number {
    return fmix32(this.b ^ this.n);
  }
}

/**
 * A MurmurHash3-style 32-bit hash for fingerprints (of a row, of a person's fields), mixing two code
 * units per step: half the work of Hash64 per unit. The end of a value is the unit U+FFFF, a
 * Unicode noncharacter that text does not contain.
 */
export class Hash32 {
  private h = MURMUR_SEED;
  private n = 0;
  /** A unit waiting for its pair, or -1. */
  private pending = -1;

  reset(): this {
    this.h = MURMUR_SEED;
    this.n = 0;
    this.pending = -1;
    return this;
  }

  unit(c: number): void {
    if (this.pending < 0) {
      this.pending = c;
      return;
    }
    this.h = murmurStep(this.h, this.pending | (c << 16));
    this.pending = -1;
    this.n++;
  }

  end(): void {
    this.unit(0xffff);
  }

  /** All units of `text`, then `end()`; the hot loop, with the state in locals. */
  text(text: string): void {
    let h = this.h;
    let n = this.n;
    let pending = this.pending;
    const length = text.length;
    let i = 0;
    if (pending >= 0 && length > 0) {
      h = murmurStep(h, pending | (text.charCodeAt(0) << 16));
      n++;
      pending = -1;
      i = 1;
    }
    for (; i + 1 < length; i += 2) {
      h = murmurStep(h, text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16));
      n++;
    }
    if (i < length) pending = text.charCodeAt(i);
    if (pending >= 0) {
      h = murmurStep(h, pending | 0xffff0000);
      n++;
      pending = -1;
    } else {
      pending = 0xffff;
    }
    this.h = h;
    this.n = n;
    this.pending = pending;
  }

  /**
   * `text` as it reads: trimmed, inner white space collapsed to one space, NFC, lower case — the
   * units of `text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim()`, then `end()`. Makes no
   * string when every unit is in the fast table (nearly all Vietnamese and Latin text).
   */
  normalizedText(text: string): void {
    SCRATCH.reset();
    Hash32.textAndNormalized(SCRATCH, this, text);
  }

  /**
   * `raw.text(text)` and `normalized.normalizedText(text)` in one pass over the units: what a row
   * fingerprint needs for every cell, read once instead of twice. Same states as the two calls.
   */
  static textAndNormalized(raw: Hash32, normalized: Hash32, text: string): void {
    let rh = raw.h;
    let rn = raw.n;
    let rp = raw.pending;
    let h = normalized.h;
    let n = normalized.n;
    let pending = normalized.pending;
    let pendingSpace = false;
    let started = false;
    const length = text.length;
    for (let i = 0; i < length; i++) {
      const unit = text.charCodeAt(i);
      if (rp < 0) rp = unit;
      else {
        rh = murmurStep(rh, rp | (unit << 16));
        rn++;
        rp = -1;
      }
      const c = fastLower(unit);
      if (c === SPACE) {
        pendingSpace = started;
        continue;
      }
      if (c === SLOW) {
        // The normalised half starts over on the general path; the raw half reads on.
        raw.h = rh;
        raw.n = rn;
        raw.pending = rp;
        raw.units(text, i + 1);
        normalized.text(text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim());
        return;
      }
      if (pendingSpace) {
        if (pending < 0) pending = 32;
        else {
          h = murmurStep(h, pending | (32 << 16));
          n++;
          pending = -1;
        }
        pendingSpace = false;
      }
      if (pending < 0) pending = c;
      else {
        h = murmurStep(h, pending | (c << 16));
        n++;
        pending = -1;
      }
      started = true;
    }
    raw.h = rh;
    raw.n = rn;
    raw.pending = rp;
    raw.end();
    normalized.h = h;
    normalized.n = n;
    normalized.pending = pending;
    normalized.end();
  }

  /** Units `from`… of `text`, then `end()`. */
  private units(text: string, from: number): void {
    for (let i = from; i < text.length; i++) this.unit(text.charCodeAt(i));
    this.end();
  }

  get value(): number {
    // an odd unit left over is closed with U+FFFE (another noncharacter), without changing the state
    if (this.pending >= 0) return fmix32(murmurStep(this.h, this.pending | 0xfffe0000) ^ (this.n + 1));
    return fmix32(this.h ^ this.n);
  }
}

// Lower case of each code unit below U+0300 and in U+1E00–U+1EFF (Latin, Vietnamese precomposed
// letters). There a string needs no NFC change (checked over every unit and every pair of units)
// and lower-casing maps one unit to one unit. SLOW marks units that need the general path:
// combining marks, other scripts, İ (whose lower case is two units).
const SLOW = 0xffff;
const SPACE = 0xfffe;
const FAST_LOWER = new Uint16Array(0x300 + 0x100);
for (let i = 0; i < FAST_LOWER.length; i++) {
  const unit = String.fromCharCode(i < 0x300 ? i : 0x1e00 + i - 0x300);
  const lower = unit.toLowerCase();
  FAST_LOWER[i] = /\s/.test(unit) ? SPACE : lower.length === 1 ? lower.charCodeAt(0) : SLOW;
}

function fastLower(c: number): number {
  if (c < 0x300) return FAST_LOWER[c]!;
  if (c >= 0x1e00 && c < 0x1f00) return FAST_LOWER[c - 0x1e00 + 0x300]!;
  return SLOW;
}

/** 64-bit hash of one string, as [hi, lo]; for tests and one-off use (allocates). */
export function hash64(text: string): [number, number] {
  const h = new Hash64();
  h.text(text);
  return [h.hi, h.lo];
}

/** The raw half of normalizedText(), which only wants the normalised one. */
const SCRATCH = new Hash32();
