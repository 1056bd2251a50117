// A PDF CCITTFaxDecode stream is the same bit stream a fax TIFF holds: wrapping it in a
// one-strip TIFF header lets libtiff (inside sharp) decode it instead of a hand-written decoder.

export interface CcittParams {
  k: number; // <0: G4 (T.6), 0: G3 1-D, >0: G3 2-D
  columns: number;
  rows: number;
  /** True when the picture must come out inverted relative to the fax convention (black runs = black). */
  inverted: boolean;
  encodedByteAlign: boolean;
}

const SHORT = 3;
const LONG = 4;

export function ccittToTiff(data: Uint8Array, p: CcittParams): Buffer {
  const tags: [number, number, number][] = [
    [256, LONG, p.columns],
    [257, LONG, p.rows],
    [258, SHORT, 1],
    [259, SHORT, p.k < 0 ? 4 : 3],
    // WhiteIsZero is the fax convention libtiff decodes to; BlackIsZero flips the picture.
    [262, SHORT, p.inverted ? 1 : 0],
    [273, LONG, 0], // strip offset, patched below
    [277, SHORT, 1],
    [278, LONG, p.rows],
    [279, LONG, data.length],
  ];
  if (p.k >= 0) tags.push([292, LONG, (p.k > 0 ? 1 : 0) | (p.encodedByteAlign ? 4 : 0)]);
  const ifdSize = 2 + tags.length * 12 + 4;
  const dataOffset = 8 + ifdSize;
  const out = Buffer.alloc(dataOffset + data.length);
  out.write('II', 0, 'latin1');
  out.writeUInt16LE(42, 2);
  out.writeUInt32LE(8, 4);
  out.writeUInt16LE(tags.length, 8);
  tags.forEach(([tag, type, value], idx) => {
    const at = 10 + idx * 12;
    out.writeUInt16LE(tag, at);
    out.writeUInt16LE(type, at + 2);
    out.writeUInt32LE(1, at + 4);
    const v = tag === 273 ? dataOffset : value;
    if (type === SHORT) out.writeUInt16LE(v, at + 8);
    else out.writeUInt32LE(v, at + 8);
  });
  out.writeUInt32LE(0, 10 + tags.length * 12);
  out.set(data, dataOffset);
  return out;
}
