/** The part of madge's API (it ships no types) that scripts/dependencyCycles.ts uses. */
declare module 'madge' {
  interface MadgeResult {
    /** File (relative to the base directory) → the files it imports. */
    obj(): Record<string, string[]>;
    /** Each cycle as the list of its files. */
    circular(): string[][];
    warnings(): { skipped: string[] };
  }
  interface MadgeConfig {
    fileExtensions?: string[];
    tsConfig?: string | object;
    detectiveOptions?: object;
  }
  function madge(path: string | string[], config?: MadgeConfig): Promise<MadgeResult>;
  export default madge;
}
