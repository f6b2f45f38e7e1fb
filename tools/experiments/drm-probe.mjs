// Which content-protection key systems Debian's Chromium offers (decides AES-128 HLS over DRM; docs/adr/0004).
// Run: node tools/experiments/drm-probe.mjs
import { chromium } from '@playwright/test';
import { createServer } from 'node:http';
const server = createServer((_req, res) => res.end('<title>probe</title>')).listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const page = await browser.newPage();
await page.goto(`http://localhost:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}/`);
console.log('secure context:', await page.evaluate(() => window.isSecureContext));
const result = await page.evaluate(async () => {
  const config = [{ initDataTypes: ['cenc'], videoCapabilities: [{ contentType: 'video/mp4; codecs="avc1.42E01E"' }] }];
  const out = {};
  for (const key of ['com.widevine.alpha', 'com.microsoft.playready', 'com.apple.fps', 'org.w3.clearkey']) {
    try { await navigator.requestMediaKeySystemAccess(key, config); out[key] = 'available'; } catch (e) { out[key] = `refused: ${e.name}: ${e.message}`; }
  }
  return out;
});
console.log(JSON.stringify({ chromium: browser.version(), ...result }, null, 1));
await browser.close();
server.close();
