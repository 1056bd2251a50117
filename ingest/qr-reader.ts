// QR reading with zxing-wasm. The wasm binary is loaded from node_modules: the package's default
// is a CDN fetch, which a mailroom server must not depend on (offline, no third-party calls).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import sharp from 'sharp';

type Zxing = typeof import('zxing-wasm/reader');
const require = createRequire(import.meta.url);
let ready: Promise<Zxing> | null = null;

function loadZxing(): Promise<Zxing> {
  ready ??= (async () => {
    const zxing = await import('zxing-wasm/reader');
    const file = readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
    const wasmBinary = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer;
    await zxing.prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true });
    return zxing;
  })();
  return ready;
}

export interface GreyImage {
  data: Buffer; // one byte per pixel
  width: number;
  height: number;
}

interface QrScan {
  texts: string[];
  /** A QR finder pattern was seen but the symbol did not decode: worth a second, harder look. */
  sawUndecoded: boolean;
}

async function scan(img: GreyImage): Promise<QrScan> {
  const zxing = await loadZxing();
  const rgba = new Uint8ClampedArray(img.width * img.height * 4);
  for (let i = 0, j = 0; i < img.data.length; i++, j += 4) {
    const v = img.data[i]!;
    rgba[j] = v; rgba[j + 1] = v; rgba[j + 2] = v; rgba[j + 3] = 255;
  }
  // Undecodable candidates (a damaged symbol, or finder patterns of two symbols paired up) count
  // against maxNumberOfSymbols too: at 4 they used up the budget before the sheet's intact codes.
  const results = await zxing.readBarcodes(
    { data: rgba, width: img.width, height: img.height, colorSpace: 'srgb' } as ImageDataLike,
    { formats: ['QRCode'], tryHarder: true, tryRotate: true, tryInvert: false, tryDownscale: true, returnErrors: true, maxNumberOfSymbols: 16 },
  );
  return {
    texts: results.filter((r) => r.isValid).map((r) => r.text),
    sawUndecoded: results.some((r) => !r.isValid),
  };
}
type ImageDataLike = Parameters<Zxing['readBarcodes']>[0];

/**
 * Texts of all QR codes on the page. `full` is a higher-resolution copy used only when the
 * quick pass saw a QR-like pattern it could not decode (skew, blur, small modules).
 */
export async function readQrTexts(quick: GreyImage, full: () => Promise<GreyImage>): Promise<string[]> {
  const first = await scan(quick);
  if (first.texts.length > 0 || !first.sawUndecoded) return first.texts;
  const big = await full();
  const second = await scan(big);
  if (second.texts.length > 0) return second.texts;
  // Strong skew defeats the sampling grid less when the symbol is turned back towards upright.
  for (const angle of [15, -15]) {
    const { data, info } = await sharp(big.data, { raw: { width: big.width, height: big.height, channels: 1 } })
      .rotate(angle, { background: '#ffffff' })
      .extractChannel(0)
      .raw()
      .toBuffer({ resolveWithObject: true });
    const turned = await scan({ data, width: info.width, height: info.height });
    if (turned.texts.length > 0) return turned.texts;
  }
  return [];
}
