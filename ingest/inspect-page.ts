// Per-page checks before OCR: blank back side, separator sheet, scan quality.
// Everything is measured on a ~100 dpi copy: enough for layout-level decisions, and fast.
import sharp from 'sharp';
import type { PageImage } from '../core/types.js';
import { SEPARATOR_TEXT } from './separator-text.js';
import { readQrTexts, type GreyImage } from './qr-reader.js';
import { measurePage, type PageStats } from './page-stats.js';

export type QualityIssue = 'too_dark' | 'too_light' | 'low_resolution' | 'cut_off';
export interface PageInspection {
  blank: boolean;
  separator: boolean;
  /** Share of the page interior covered by ink after speckle removal (0..1). */
  inkRatio: number;
  issues: QualityIssue[];
}

const WORK_DPI = 100;
const QR_RETRY_DPI = 200;
// OCR loses a character in fifty at 200 dpi and more below (bench:ocr): a scanner set lower (150 dpi)
// is worth a rescan. A resolution estimated from the page size is rougher, so only clearly low counts.
const MIN_DPI = 200;
const MIN_ESTIMATED_DPI = 150;
// Thresholds measured on rendered pages (see test/ingest/inspect-page.test.ts and the report).
// Blank means no writing-like cluster at all; this ink bound only catches ink that forms no
// cluster yet is plentiful (halftone, drawings), which must not be dropped as a back side.
const BLANK_MAX_INK = 2e-3;
const DARK_PAPER = 100;
const DARK_INK = 0.5;
// Faint scans measured 39-65 (ink #c8..#a0 on white), pencil handwriting 83, printed letters 150+.
const MIN_CONTRAST = 70;

/** The page's resolution, or an estimate from its size when the file carried none (assumes A4/Letter). */
function effectiveDpi(page: PageImage): number {
  if (page.dpi !== null) return page.dpi;
  const short = Math.min(page.width, page.height);
  return short / 8.27; // A4 short side in inches; US Letter (8.5") is within 3%
}

async function scaled(page: PageImage, dpi: number, targetDpi: number): Promise<GreyImage> {
  const f = Math.min(1, targetDpi / dpi);
  const w = Math.max(1, Math.round(page.width * f));
  const h = Math.max(1, Math.round(page.height * f));
  const { data, info } = await sharp(page.png)
    .resize(w, h, { kernel: 'linear', fit: 'fill' })
    .greyscale()
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

export async function inspectPage(page: PageImage): Promise<PageInspection> {
  const dpi = effectiveDpi(page);
  const work = await scaled(page, dpi, WORK_DPI);
  // Median 3x3 at ~100 dpi removes specks under ~0.5 mm but keeps pen strokes (2+ px wide).
  const median = await sharp(work.data, { raw: { width: work.width, height: work.height, channels: 1 } })
    .median(3)
    .extractChannel(0)
    .raw()
    .toBuffer();
  const stats = measurePage({ data: median, width: work.width, height: work.height }, (dpi * (work.width / page.width)) / 25.4);
  const qrTexts = await readQrTexts(work, () => scaled(page, dpi, QR_RETRY_DPI));
  const separator = qrTexts.some((t) => t.trim() === SEPARATOR_TEXT);
  return decide(stats, dpi, separator, page.dpi === null ? null : sizeMm(page), page.dpi === null ? MIN_ESTIMATED_DPI : MIN_DPI);
}

interface SizeMm { width: number; height: number }

/** The picture's size in millimetres at its recorded resolution. */
function sizeMm(page: PageImage): SizeMm {
  return { width: (page.width / page.dpi!) * 25.4, height: (page.height / page.dpi!) * 25.4 };
}

// A page as tall as A4 or Letter but much narrower than either (126 x 297 mm) lost a strip to the
// glass edge or a crop, even where the cut fell between words and no text runs off the edge.
const FULL_HEIGHT_MM = 270;
const MIN_FULL_WIDTH_MM = 180;
// A page of A4's or Letter's width but shorter, whose last line comes within a line's height of its
// bottom edge, lost its lower part to a crop or a scan stopped early (blind test AY: the invoice table
// and signature of a complaint gone, cut between two lines, no flag). A shorter sheet's own letter
// (A5 landscape, a slip) keeps a bottom margin: word processors leave 20-25 mm.
const A4_WIDTH_MM = { min: 200, max: 222 };
const SHORT_HEIGHT_MM = 250;
const BOTTOM_MARGIN_MM = 10;

function cutOff(s: PageStats, size: SizeMm | null): boolean {
  if (s.cutEdges > 0) return true;
  if (size === null) return false;
  if (Math.max(size.width, size.height) >= FULL_HEIGHT_MM && Math.min(size.width, size.height) < MIN_FULL_WIDTH_MM) return true;
  return size.width >= A4_WIDTH_MM.min && size.width <= A4_WIDTH_MM.max && size.height < SHORT_HEIGHT_MM && s.bottomGapMm < BOTTOM_MARGIN_MM;
}

function decide(s: PageStats, dpi: number, separator: boolean, size: SizeMm | null, minDpi: number): PageInspection {
  const issues: QualityIssue[] = [];
  const tooDark = s.paper < DARK_PAPER || s.inkRatio > DARK_INK;
  const blank = !separator && !tooDark && s.contentClusters === 0 && s.inkRatio < BLANK_MAX_INK;
  // Blank back sides and separators are dropped, so their quality does not matter.
  if (!separator && !blank) {
    if (tooDark) issues.push('too_dark');
    else if (s.contrast < MIN_CONTRAST) issues.push('too_light');
    if (dpi < minDpi) issues.push('low_resolution');
    if (cutOff(s, size)) issues.push('cut_off');
  }
  return { blank, separator, inkRatio: s.inkRatio, issues };
}
