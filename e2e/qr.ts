import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';

/** Reads the QR code the way a phone's camera would: from the pixels on the secretary's screen. */
export async function decodeQr(page: Page): Promise<string> {
  const png = PNG.sync.read(await page.getByTestId('checkin-qr').screenshot());
  const decoded = jsQR(Uint8ClampedArray.from(png.data), png.width, png.height);
  if (!decoded) throw new Error('the check-in QR code could not be decoded');
  return decoded.data;
}
