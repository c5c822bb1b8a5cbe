import { App, Button, Col, Form, Input, Modal, Row, Select, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ACTIVITY_KINDS, ACTIVITY_TYPES, THEMES } from '../../../common/enums';
import { type Activity, ActivityCreate } from '../../../common/schemas/activity';
import { ApiError } from '../../api';
import { ErrorAlert, setFieldError } from '../../components/api-error';
import { zodRule } from '../../components/zod-rule';
import { useSignedIn } from '../auth/me-context';
import { VenueSelect } from '../venues/venue-select';
import { TimeFields } from './activity-time-fields';
import {
  type ActivityDraft,
  type ActivityValues,
  changesOf,
  fieldsOf,
  movesTimeOrVenue,
  valuesOf,
} from './activity-values';
import { FixedDayWarning } from './fixed-day-warning';
import { BranchMemberSelect } from './member-select';
import { useCreateActivity, useUpdateActivity } from './queries';

type Mode = { kind: 'create'; orgId: number; draft?: ActivityDraft } | { kind: 'edit'; activity: Activity };

const shape = ActivityCreate.shape;

export function ActivityFormModal({ mode, onClose }: { mode: Mode; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ActivityValues>();
  const activity = mode.kind === 'edit' ? mode.activity : undefined;
  const orgId = activity?.orgId ?? (mode.kind === 'create' ? mode.orgId : 0);
  const create = useCreateActivity();
  const update = useUpdateActivity(activity?.id ?? 0);
  const mutation = activity ? update : create;
  // The server may ask for a reason the form did not expect (its minimum duration is configurable).
  const [askedShortReason, setAskedShortReason] = useState(false);

  const kinds = Form.useWatch('kinds', form) ?? [];
  // The branch's own secretary usually leads: they are the person in charge unless changed.
  const me = useSignedIn();
  const leads = me.roles.some((r) => r.role === 'secretary' && r.orgId === orgId);
  const initialValues: Partial<ActivityValues> = activity
    ? valuesOf(activity)
    : {
        kinds: [],
        massesInvited: false,
        ...(leads && me.user.memberId !== null ? { responsibleMemberId: me.user.memberId } : {}),
        ...(mode.kind === 'create' ? mode.draft : {}),
      };

  const submit = async (values: ActivityValues) => {
    try {
      if (activity) {
        await update.mutateAsync(changesOf(activity, values));
        void message.success(t('activity.saved'));
        onClose();
      } else {
        const draft = mode.kind === 'create' ? mode.draft : undefined;
        const created = await create.mutateAsync({
          orgId,
          planEntryId: draft?.planEntryId ?? null,
          ...fieldsOf(values),
        });
        void message.success(t('activity.created'));
        onClose();
        navigate(`/activities/${created.id}`);
      }
    } catch (error) {
      if (error instanceof ApiError && error.field === 'shortReason') setAskedShortReason(true);
      // The field appears with this render; its message is set once it is there.
      setTimeout(() => setFieldError(form, error));
    }
  };

  return (
    <Modal
      open
      width={760}
      title={activity ? t('activity.editTitle') : t('activity.createTitle')}
      // A stray tap beside the dialog must not throw away what was typed.
      mask={{ closable: false }}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="submit"
          type="primary"
          loading={mutation.isPending}
          onClick={() => form.submit()}
          data-testid="activity-submit"
        >
          {activity ? t('common.save') : t('activity.submit')}
        </Button>,
      ]}
      modalRender={(node) => <div data-testid="activity-form">{node}</div>}
    >
      <ErrorAlert error={mutation.error} />
      <Form form={form} name="activity" layout="vertical" initialValues={initialValues} onFinish={submit}>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="type" label={t('fields.type')} required rules={[zodRule(shape.type, 'type', t)]}>
              <Select
                options={ACTIVITY_TYPES.map((value) => ({ value, label: t(`enums.activityType.${value}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="theme" label={t('fields.theme')}>
              <Select
                allowClear
                options={THEMES.map((value) => ({ value, label: t(`enums.theme.${value}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name="title"
              label={t('fields.title')}
              required
              rules={[zodRule(shape.title, 'title', t)]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="kinds" label={t('fields.kinds')}>
              <Select
                mode="multiple"
                allowClear
                options={ACTIVITY_KINDS.map((value) => ({ value, label: t(`enums.activityKind.${value}`) }))}
              />
            </Form.Item>
          </Col>
          <TimeFields keepReason={askedShortReason || !!initialValues.shortReason} />
          <FixedDayWarning orgId={orgId} />
          <Col xs={24} sm={12}>
            <Form.Item name="venueId" label={t('fields.venueId')}>
              <VenueSelect orgId={orgId} kinds={kinds} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="responsibleMemberId" label={t('fields.responsibleMemberId')}>
              <BranchMemberSelect orgId={orgId} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name="content"
              label={t('fields.content')}
              rules={[zodRule(shape.content, 'content', t)]}
            >
              <Input.TextArea rows={3} maxLength={5000} placeholder={t('activity.contentPlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name="massesInvited"
              label={t('fields.massesInvited')}
              valuePropName="checked"
              extra={t('activity.massesHint')}
            >
              <Switch />
            </Form.Item>
          </Col>
          {activity && (
            <Col xs={24}>
              <Form.Item
                name="reason"
                label={t('fields.reason')}
                extra={t('activity.reasonHint')}
                dependencies={['startsAt', 'endsAt', 'venueId']}
                rules={[
                  ({ getFieldsValue }) => ({
                    validator: async (_rule, value: string | undefined) => {
                      const moved = movesTimeOrVenue(activity, getFieldsValue(true) as ActivityValues);
                      if (moved && !value?.trim())
                        throw new Error(t('errors.validation.required', { field: t('fields.reason') }));
                    },
                  }),
                ]}
              >
                <Input maxLength={500} />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Form>
    </Modal>
  );
}
