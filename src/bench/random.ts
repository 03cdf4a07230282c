/**
 * A small seeded pseudo-random generator for the benchmark corpus.
 *
 * Math.random cannot be seeded, and the corpus must be the same bytes on
 * every run with the same seed, so the generator carries its own state:
 * mulberry32 (32-bit state, fast, good enough for picking words), wrapped in
 * the few helpers the corpus needs. Each `Random` owns its state; nothing is
 * shared between instances.
 */

/** Draws from one seeded stream. */
export interface Random {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max] (both inclusive). */
  int(min: number, max: number): number
  /** True with probability `p`. */
  chance(p: number): boolean
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T
  /** `count` distinct elements of `items` (all of them when there are fewer), in draw order. */
  sample<T>(items: readonly T[], count: number): T[]
  /** A normally distributed float (Box–Muller). */
  normal(mean: number, deviation: number): number
  /** Eight hexadecimal digits. */
  hex8(): string
}

/**
 * Mix two 32-bit numbers into a seed (used to give every article its own
 * stream from the corpus seed and the article's index, so article i does not
 * depend on how many articles follow it).
 */
export function mixSeed(a: number, b: number): number {
  let h = (Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x7f4a7c15, 0xc2b2ae35)) >>> 0
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0
  return (h ^ (h >>> 16)) >>> 0
}

/** A generator seeded with a 32-bit integer; the same seed gives the same sequence. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0
  const next = (): number => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick from an empty list')
      return items[Math.floor(next() * items.length)] as T
    },
    sample<T>(items: readonly T[], count: number): T[] {
      const pool = [...items]
      const out: T[] = []
      while (out.length < count && pool.length > 0) {
        const i = Math.floor(next() * pool.length)
        out.push(pool[i] as T)
        pool.splice(i, 1)
      }
      return out
    },
    normal(mean, deviation) {
      // 1 - next() is in (0, 1], so the logarithm is finite.
      const u = 1 - next()
      const v = next()
      return mean + deviation * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
    },
    hex8: () => Math.floor(next() * 4294967296).toString(16).padStart(8, '0')
  }
}
