import { StarFilled } from '@ant-design/icons';
import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function Brand() {
  const { t } = useTranslation();
  return (
    <Link to="/" style={{ color: '#fff' }}>
      <Flex align="center" gap={8} style={{ fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}>
        <StarFilled style={{ color: '#ffd700' }} />
        {t('app.name')}
      </Flex>
    </Link>
  );
}
