import { CheckCircleFilled } from '@ant-design/icons';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CheckInResult } from '../../../common/schemas/attendance';
import { errorText } from '../../components/api-error';
import { formatDateTime } from '../../components/china-time';

/** The answer, big enough to read at arm's length in a crowded room. */
export function CheckInResultView({ result, error }: { result?: CheckInResult; error?: unknown }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const home = (
    <Button key="home" size="large" onClick={() => navigate('/me')}>
      {t('checkIn.toMyPage')}
    </Button>
  );
  if (error) {
    return (
      <div data-testid="checkin-result" data-status="error">
        <Result status="error" title={errorText(error, t)} extra={home} />
      </div>
    );
  }
  if (!result) return null;
  return (
    <div data-testid="checkin-result" data-status={result.status}>
      <Result
        status="success"
        // Already checked in is good news too, told apart by colour.
        icon={result.status === 'checked_in' ? undefined : <CheckCircleFilled style={{ color: '#1677ff' }} />}
        title={result.message}
        subTitle={`${result.activityTitle} · ${formatDateTime(result.checkedInAt)}`}
        extra={home}
      />
    </div>
  );
}
