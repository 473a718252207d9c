import type { ThemeConfig } from 'antd';

/** antd defaults, with text colours that keep WCAG AA contrast on white. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1668dc',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
  },
};
