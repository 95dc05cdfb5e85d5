// The e-licence's QR code: the public verification address of its random token (never the number), as an SVG data
// URL made by the same encoder as the payments' VietQR images.
import QRCode from 'qrcode';
import type { Platform } from '../../platform/http/context.ts';
import { URLS } from './views/parts.tsx';

export async function verifyQr(platform: Platform, token: string): Promise<{ verifyUrl: string; qrDataUrl: string }> {
  const verifyUrl = new URL(URLS.verify(token), platform.config.baseUrl).toString();
  const svg = await QRCode.toString(verifyUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { verifyUrl, qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}
