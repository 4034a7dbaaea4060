// Types of icon-formats.mjs, for the tests that import it.
export declare const ICO_SIZES: number[];
export declare const ICNS_ENTRIES: [type: string, size: number][];
export declare const LINUX_SIZES: number[];
export declare function encodeIco(images: [size: number, png: Buffer][]): Buffer;
export declare function encodeIcns(entries: [type: string, png: Buffer][]): Buffer;
