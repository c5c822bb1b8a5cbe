import { Alert, Col, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ActivityCreate } from '../../../common/schemas/activity';
import { hoursBetween } from '../../components/china-time';
import { zodRule } from '../../components/zod-rule';
import { useSignedIn } from '../auth/me-context';

const TIME_FORMAT = 'YYYY-MM-DD HH:mm';

/**
 * Start, end and, for less than half a day, the reason: a warning with a field, never a refusal.
 * `keepReason` shows the reason field anyway (the server asked for it, or it was given before).
 */
export function TimeFields({ keepReason }: { keepReason: boolean }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const startsAt: Dayjs | undefined = Form.useWatch('startsAt', form);
  const endsAt: Dayjs | undefined = Form.useWatch('endsAt', form);
  const hours = startsAt && endsAt ? hoursBetween(startsAt, endsAt) : undefined;
  // The instance's minimum (half a day unless configured); the server has the last word.
  const { minActivityHours } = useSignedIn().rules;
  const short = hours !== undefined && hours > 0 && hours < minActivityHours;
  // A rule of `required` alone checks any value; one more key (`whitespace`) makes it a string check,
  // which a date fails.
  const required = (field: 'startsAt' | 'endsAt' | 'shortReason') => ({
    required: true,
    message: t('errors.validation.required', { field: t(`fields.${field}`) }),
  });

  // A new start keeps the length the activity had, so moving it is one change, not two.
  const moveStart = (start: Dayjs | null) => {
    if (start && startsAt && endsAt)
      form.setFieldValue('endsAt', start.add(endsAt.diff(startsAt, 'minute'), 'minute'));
  };

  return (
    <>
      <Col xs={24} sm={12}>
        <Form.Item name="startsAt" label={t('fields.startsAt')} rules={[required('startsAt')]}>
          <DatePicker
            showTime={{ minuteStep: 5 }}
            format={TIME_FORMAT}
            style={{ width: '100%' }}
            onChange={moveStart}
          />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item
          name="endsAt"
          label={t('fields.endsAt')}
          dependencies={['startsAt']}
          rules={[
            required('endsAt'),
            ({ getFieldValue }) => ({
              validator: async (_rule, value: Dayjs | undefined) => {
                const start: Dayjs | undefined = getFieldValue('startsAt');
                if (value && start && !value.isAfter(start)) throw new Error(t('activity.endBeforeStart'));
              },
            }),
          ]}
        >
          <DatePicker showTime={{ minuteStep: 5 }} format={TIME_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      {(short || keepReason) && (
        <Col xs={24}>
          {short && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('activity.shortWarning', { hours: hours.toFixed(1), min: minActivityHours })}
              data-testid="activity-short-warning"
            />
          )}
          <Form.Item
            name="shortReason"
            label={t('fields.shortReason')}
            rules={[
              ...(short ? [{ ...required('shortReason'), whitespace: true }] : []),
              zodRule(ActivityCreate.shape.shortReason, 'shortReason', t),
            ]}
          >
            <Input maxLength={500} placeholder={t('activity.shortReasonPlaceholder')} />
          </Form.Item>
        </Col>
      )}
    </>
  );
}
