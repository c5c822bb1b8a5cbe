import { BROWSER_TOOLS, CHROMIUM, ensureDebianTools } from '../scripts/debian-tools';

export { CHROMIUM };

/** Debian's chromium with CJK fonts, installed when missing and possible, else a clear failure. */
export const ensureChromium = () => ensureDebianTools(BROWSER_TOOLS);

/** The address the browser opens: a host name, as a phone on the branch's LAN would, not localhost. */
export const APP_HOST = 'vanguard.test';
