// The two icon containers the installers need, both holding PNGs as they are: Windows' .ico
// (Vista and later read PNG entries) and macOS's .icns (PNG entries since 10.7). Writing them
// here keeps the icon step to one rasteriser and no platform tools.

/** The sizes a Windows .ico carries: Explorer, the taskbar and the start menu pick from these. */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

/** The .icns entry types Finder and the Dock use, with the pixel size each holds. */
export const ICNS_ENTRIES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

/** The sizes the Linux hicolor theme (AppImage, deb) gets, one `NxN.png` each. */
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

/**
 * An .ico file from PNG images, given as [size, bytes] pairs. A 256 px image is written with
 * width and height 0, as the format has one byte for each.
 */
export function encodeIco(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1: icon (2 would be a cursor)
  header.writeUInt16LE(images.length, 4);
  const directory = Buffer.alloc(16 * images.length);
  let offset = header.length + directory.length;
  images.forEach(([size, png], i) => {
    if (size < 1 || size > 256) throw new RangeError(`an .ico entry is 1–256 px, not ${size}`);
    const at = 16 * i;
    directory.writeUInt8(size === 256 ? 0 : size, at);
    directory.writeUInt8(size === 256 ? 0 : size, at + 1);
    directory.writeUInt8(0, at + 2); // no palette
    directory.writeUInt8(0, at + 3);
    directory.writeUInt16LE(1, at + 4); // colour planes
    directory.writeUInt16LE(32, at + 6); // bits per pixel
    directory.writeUInt32LE(png.length, at + 8);
    directory.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, directory, ...images.map(([, png]) => png)]);
}

/** An .icns file from PNG images, given as [type, bytes] pairs (types from ICNS_ENTRIES). */
export function encodeIcns(entries) {
  const chunks = entries.map(([type, png]) => {
    if (!/^[a-z0-9]{4}$/.test(type)) throw new RangeError(`not an icns entry type: ${type}`);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + chunks.reduce((sum, chunk) => sum + chunk.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}
