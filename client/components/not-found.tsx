import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from './plain/button';
import { Result } from './plain/feedback';

export function NotFound() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="warning"
      title={t('app.notFound')}
      extra={<Button onClick={() => navigate('/')}>{t('app.backHome')}</Button>}
    />
  );
}
