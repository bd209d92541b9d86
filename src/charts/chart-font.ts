import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FatalError } from '../errors.js';

/** The fonts bundled with Ballast for pictures (DejaVu Sans, Bitstream Vera licence: `assets/fonts/LICENSE-DejaVu.txt`). */
const FONTS_DIR = join('assets', 'fonts');
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];

/**
 * The paths of the bundled chart fonts (regular and bold), found from this module upwards (they sit at the package
 * root, whether Ballast runs from `src/` under the tests or from `dist/`), so PNG charts have their text on a machine
 * without any font. Throws `FatalError` `FILE_ACCESS` when the package lost its `assets/fonts/` folder.
 */
export function chartFontFiles(): string[] {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const fonts = FONT_FILES.map((file) => join(dir, FONTS_DIR, file));
    if (fonts.every((font) => existsSync(font))) return fonts;
    if (dirname(dir) === dir) {
      throw new FatalError('FILE_ACCESS', `${join(FONTS_DIR, FONT_FILES[0]!)} is missing from the Ballast package`, 'reinstall Ballast (`npm ci`) to bring back its assets/fonts folder');
    }
  }
}
