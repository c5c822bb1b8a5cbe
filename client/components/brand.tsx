import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The star and the name in the red bar, leading home; plain HTML so the phone pages can use it. */
export function Brand() {
  const { t } = useTranslation();
  return (
    <Link to="/" className="p-brand">
      <span className="p-star" aria-hidden>
        ★
      </span>
      {t('app.name')}
    </Link>
  );
}
