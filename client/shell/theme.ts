import type { ThemeConfig } from 'antd';

/** Party red, for the brand bar and the primary actions. */
const PARTY_RED = '#c8161d';

/**
 * antd's defaults, darkened where their text falls under WCAG's 4.5:1 on white and on the grey
 * page: secondary text (0.45 black is 4.0:1 on #f5f5f5) and the status colours' text on their
 * tinted backgrounds (green on pale green is 2.2:1).
 */
export const THEME: ThemeConfig = {
  token: {
    colorPrimary: PARTY_RED,
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    // Tags and links write their text in these colours.
    colorSuccess: '#237804',
    colorWarning: '#ad4e00',
    colorError: '#cf1322',
    colorInfo: '#0958d9',
    colorLink: '#0958d9',
    // The pale backgrounds stay antd's own (derived from the darker seeds they would turn grey).
    colorSuccessBg: '#f6ffed',
    colorSuccessBorder: '#b7eb8f',
    colorWarningBg: '#fff7e6',
    colorWarningBorder: '#ffd591',
    colorErrorBg: '#fff1f0',
    colorErrorBorder: '#ffa39e',
    colorInfoBg: '#e6f4ff',
    colorInfoBorder: '#91caff',
  },
  components: {
    // A coloured tag writes in its palette's 7th shade, under 4.5:1 on its pale background for
    // most colours: the 8th (9th for lime) is used instead.
    Tag: {
      red7: '#a8071a',
      volcano7: '#ad2102',
      orange7: '#ad4e00',
      gold7: '#ad6800',
      yellow7: '#876800',
      lime7: '#3f6600',
      green7: '#237804',
      cyan7: '#006d75',
      blue7: '#003eb3',
      geekblue7: '#10239e',
      purple7: '#391085',
      magenta7: '#9e1068',
    },
    // Labels are tertiary text (0.45 black, 3.4:1); the global tertiary token also styles
    // placeholders and disabled controls, so it is darkened here only.
    Descriptions: { labelColor: 'rgba(0, 0, 0, 0.65)' },
    // A select's placeholder is text in the page (an input's is not checked): 0.55 black is 4.7:1.
    Select: { colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)' },
  },
};
