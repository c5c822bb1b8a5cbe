import { useTranslation } from 'react-i18next';
import { Button } from '../../components/plain/button';
import { currentLocale } from '../../i18n';
import { useSwitchLocale } from './queries';

/**
 * One button that flips between the two languages; it reads the other language's own name.
 * Plain HTML, shared by the phone pages and the management screens; each says a failure its way.
 */
export function LanguageSwitch({ onError }: { onError: (error: unknown) => void }) {
  const { t } = useTranslation();
  const switchLocale = useSwitchLocale();
  const next = currentLocale() === 'en' ? 'zh-CN' : 'en';

  return (
    <Button
      kind="text"
      loading={switchLocale.isPending}
      onClick={() => switchLocale.mutate(next, { onError })}
      testId="lang-switch"
      // The visible name first: a voice user says what they see.
      aria-label={`${t('app.otherLanguage')}（${t('app.switchLanguage')}）`}
    >
      {t('app.otherLanguage')}
    </Button>
  );
}
