import { useTranslation } from 'react-i18next';
import { Spinner } from '../components/plain/feedback';

export function FirstScreenWait() {
  const { t } = useTranslation();
  return <Spinner label={t('common.loading')} />;
}
