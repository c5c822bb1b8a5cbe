import { App as AntApp, ConfigProvider } from 'antd';
import 'antd/dist/reset.css';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { loadAllMessages } from '../i18n';
import { AppLayout } from './app-layout';
import { THEME } from './theme';

// This chunk arrives with every message, not only the phone pages' part.
await loadAllMessages();

/**
 * The management screens' frame: antd's theme, locale and message host around the menu layout.
 * It is a chunk of its own, fetched by the first management page, never by a member's phone page.
 */
export function AntShell() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={THEME}>
      <AntApp>
        <AppLayout />
      </AntApp>
    </ConfigProvider>
  );
}
