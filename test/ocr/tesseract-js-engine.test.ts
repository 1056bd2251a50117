import { createTesseractPool } from '../../ocr/tesseract-engine.js';
import { ocrEngineConformance } from '../helpers/ocr-engine-conformance.js';

// The default engine (tesseract.js from npm), held to the same contract as every other adapter.
ocrEngineConformance('tesseract.js', () => createTesseractPool({ size: 2 }), process.env.MAILROOM_SKIP_SLOW ? 'MAILROOM_SKIP_SLOW is set' : undefined);
