/** A small deterministic generator for randomised store tests (the same rounds on every run): a linear congruential step. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}
