// Types of icons.mjs, for the tests that import it.
export declare function renderIcons(options?: {
  source?: string;
  outDir?: string;
}): Promise<string[]>;
