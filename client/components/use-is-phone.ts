import { Grid } from 'antd';

/** Below antd's `md` breakpoint (768 px) screens get the compact, one-column layouts. */
export function useIsPhone(): boolean {
  const screens = Grid.useBreakpoint();
  return !screens.md;
}
