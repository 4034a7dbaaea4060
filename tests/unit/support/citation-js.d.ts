// citation-js ships no types; the references test uses this much of it (the CSL plugin registers
// the "bibliography" output when imported).
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    format(
      output: 'bibliography',
      options: { format: 'text'; template: string; lang: string },
    ): string;
  }
}
declare module '@citation-js/plugin-csl';
