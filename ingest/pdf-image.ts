// Decodes one PDF image XObject at its native resolution. Returns null for encodings we leave
// to the renderer (JPEG 2000, JBIG2, indexed colour, chained filters).
import { inflateSync, constants as zc } from 'node:zlib';
import sharp from 'sharp';
import { PDFArray, PDFBool, PDFDict, PDFName, PDFNumber, PDFRawStream, type PDFObject } from 'pdf-lib';
import { PermanentError } from '../core/errors.js';
import { ccittToTiff } from './ccitt-tiff.js';
import { checkPixels, rawGrey, sharpInput, type Sharp } from './page-output.js';
import { toGrey, undoPngPredictor } from './raw-pixels.js';

export interface DecodedImage {
  img: Sharp;
  width: number;
  height: number;
}

function names(obj: PDFObject | undefined): string[] {
  if (obj instanceof PDFName) return [obj.decodeText()];
  if (obj instanceof PDFArray) return obj.asArray().map((o) => (o instanceof PDFName ? o.decodeText() : '?'));
  return [];
}

function num(dict: PDFDict | undefined, key: string, fallback: number): number {
  const v = dict?.lookup(PDFName.of(key));
  return v instanceof PDFNumber ? v.asNumber() : fallback;
}

function components(stream: PDFRawStream): number | null {
  const cs = stream.dict.lookup(PDFName.of('ColorSpace'));
  const name = cs instanceof PDFName ? cs.decodeText() : cs instanceof PDFArray ? names(cs.get(0))[0] : undefined;
  if (name === 'DeviceGray' || name === 'CalGray' || name === 'G') return 1;
  if (name === 'DeviceRGB' || name === 'CalRGB' || name === 'RGB') return 3;
  if (name === 'DeviceCMYK' || name === 'CMYK') return 4;
  if (name === 'ICCBased' && cs instanceof PDFArray) {
    const icc = cs.lookup(1);
    const n = icc instanceof PDFRawStream ? num(icc.dict, 'N', 0) : 0;
    return n === 1 || n === 3 || n === 4 ? n : null;
  }
  return null; // Indexed, Separation, Lab...: the renderer knows them
}

export async function decodeImageXObject(stream: PDFRawStream, where: string): Promise<DecodedImage | null> {
  const d = stream.dict;
  const width = num(d, 'Width', 0);
  const height = num(d, 'Height', 0);
  checkPixels(width, height, where);
  const filters = names(d.lookup(PDFName.of('Filter')));
  if (filters.length > 1) return null;
  const filter = filters[0] ?? 'none';
  const parmsObj = d.lookup(PDFName.of('DecodeParms'));
  const parms = parmsObj instanceof PDFDict ? parmsObj : parmsObj instanceof PDFArray ? (parmsObj.lookup(0) as PDFDict | undefined) : undefined;
  const decodeArr = d.lookup(PDFName.of('Decode'));
  const inverted = decodeArr instanceof PDFArray && decodeArr.size() >= 2 && num0(decodeArr, 0) > num0(decodeArr, 1);
  const isMask = d.lookup(PDFName.of('ImageMask')) === PDFBool.True;

  if (filter === 'DCTDecode') {
    const img = sharp(Buffer.from(stream.contents), sharpInput);
    return { img: inverted ? img.negate({ alpha: false }) : img, width, height };
  }
  if (filter === 'CCITTFaxDecode') {
    const byteAlign = parms?.lookup(PDFName.of('EncodedByteAlign')) === PDFBool.True;
    const k = num(parms, 'K', 0);
    if (byteAlign && k < 0) return null; // libtiff has no byte-aligned G4
    const blackIs1 = parms?.lookup(PDFName.of('BlackIs1')) === PDFBool.True;
    const columns = num(parms, 'Columns', 1728);
    const rows = num(parms, 'Rows', height) || height;
    checkPixels(columns, rows, where);
    const tiff = ccittToTiff(stream.contents, { k, columns, rows, inverted: blackIs1 !== inverted, encodedByteAlign: byteAlign });
    return { img: sharp(tiff, sharpInput), width: columns, height: rows };
  }
  if (filter !== 'FlateDecode' && filter !== 'none') return null;

  const comps = isMask ? 1 : components(stream);
  const bpc = isMask ? 1 : num(d, 'BitsPerComponent', 8);
  if (comps === null || ![1, 2, 4, 8, 16].includes(bpc)) return null;
  const predictor = num(parms, 'Predictor', 1);
  if (predictor !== 1 && predictor < 10) return null; // TIFF predictor 2: rare, renderer handles it
  if (predictor >= 10 && (num(parms, 'Colors', comps) !== comps || num(parms, 'BitsPerComponent', bpc) !== bpc)) return null;
  const rowBytes = Math.ceil((width * comps * bpc) / 8);
  const expected = height * (rowBytes + (predictor >= 10 ? 1 : 0));
  let data: Buffer;
  if (filter === 'none') data = Buffer.from(stream.contents);
  else {
    try {
      // The bound is what the declared size needs (plus slack): a decompression bomb stops here.
      data = inflateSync(stream.contents, { maxOutputLength: expected + 65536, finishFlush: zc.Z_SYNC_FLUSH });
    } catch (err) {
      throw new PermanentError('CORRUPT_FILE', `${where}: compressed image data is damaged or larger than its declared size`, { cause: err });
    }
  }
  if (data.length < expected) {
    throw new PermanentError('CORRUPT_FILE', `${where}: image data is truncated (${data.length} of ${expected} bytes)`);
  }
  if (predictor >= 10) data = undoPngPredictor(data, rowBytes, height, Math.max(1, Math.ceil((comps * bpc) / 8)));
  const grey = await toGrey(data, { width, height, comps, bpc, rowBytes, inverted });
  return { img: rawGrey(grey, width, height), width, height };
}

function num0(arr: PDFArray, i: number): number {
  const v = arr.lookup(i);
  return v instanceof PDFNumber ? v.asNumber() : 0;
}
