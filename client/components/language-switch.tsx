import { TranslationOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSwitchLocale } from '../features/auth/queries';
import { currentLocale } from '../i18n';
import { useErrorToast } from './api-error';

/** One button that flips between the two languages; it reads the other language's own name. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const switchLocale = useSwitchLocale();
  const showError = useErrorToast();
  const next = currentLocale() === 'en' ? 'zh-CN' : 'en';

  return (
    <Button
      type="text"
      icon={<TranslationOutlined />}
      style={{ color: '#fff' }}
      loading={switchLocale.isPending}
      onClick={() => switchLocale.mutate(next, { onError: showError })}
      data-testid="lang-switch"
      // The visible name first: a voice user says what they see.
      aria-label={`${t('app.otherLanguage')}（${t('app.switchLanguage')}）`}
    >
      {t('app.otherLanguage')}
    </Button>
  );
}
