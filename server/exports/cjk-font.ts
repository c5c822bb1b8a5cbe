import { createRequire } from 'node:module';

// The CJK font comes with `npm ci` (NotoSansSC in @expo-google-fonts), so a fresh machine exports without system fonts.
const require = createRequire(import.meta.url);
export const FONT = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
export const FONT_BOLD = require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf');
