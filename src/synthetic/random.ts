/**
 * A seeded PRNG (sfc32, seeded through splitmix32) written here rather than imported, so the
 * synthetic graph for a given seed never changes under a dependency upgrade. Only integer
 * arithmetic and products of floats are used: no Math.pow/exp/log, whose last bit may differ
 * between engines, so output stays byte-identical everywhere.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const splitmix = (): number => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = splitmix();
    this.b = splitmix();
    this.c = splitmix();
    this.d = splitmix();
    for (let i = 0; i < 12; i++) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  /**
   * An integer in [0, n) skewed toward 0: P(index < k) = sqrt(k / n). Low indexes act as the
   * popular actors of a preferential-attachment graph without a table per population.
   */
  skewed(n: number): number {
    const u = this.float();
    return Math.floor(u * u * n);
  }

  /** Like skewed, less steep: P(index < k) = (k / n)^(2/3). sqrt is exactly rounded, so still portable. */
  mildlySkewed(n: number): number {
    const u = this.float();
    return Math.floor(u * Math.sqrt(u) * n);
  }
}

/** A stateless integer hash, for choices that must not consume the PRNG (rendering). */
export function hash32(value: number, salt: number): number {
  let z = (Math.imul(value, 0x9e3779b1) ^ salt) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}
