import { App, Button, Flex, Form, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActivityKind, Theme } from '../../../common/enums';
import type { CalendarMonth } from '../../../common/schemas/calendar';
import type { PlanEntry } from '../../../common/schemas/plan';
import { ErrorAlert, setFieldError, useErrorToast } from '../../components/api-error';
import { VenueSelect } from '../venues/venue-select';
import { dayText } from './dates';
import { PlanFields } from './plan-fields';
import { useAdoptRecommendation, useDeletePlan, useRecommendations, useSavePlan } from './queries';
import { AdoptButton, RecommendationCard } from './recommendation-card';

interface Values {
  theme: Theme;
  title: string;
  kinds: ActivityKind[];
  venueId?: number | null;
}

const valuesOf = (plan: PlanEntry): Values => ({
  theme: plan.theme,
  title: plan.title,
  kinds: plan.kinds,
  venueId: plan.venueId ?? undefined,
});

export function PlanModal({
  orgId,
  year,
  month,
  onClose,
}: {
  orgId: number;
  year: number;
  month: CalendarMonth;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kinds = Form.useWatch('kinds', form) ?? [];
  const save = useSavePlan(orgId, year, month.month);
  const remove = useDeletePlan(orgId, year, month.month);
  const adopt = useAdoptRecommendation(orgId, year);
  const showError = useErrorToast();
  const { data: recommendations } = useRecommendations(orgId, year);
  const forMonth = recommendations?.filter((item) => item.month === month.month) ?? [];

  const submit = (values: Values) =>
    save.mutate(
      { ...values, venueId: values.venueId ?? null },
      {
        onSuccess: () => {
          void message.success(t('plan.saved', { month: month.month }));
          onClose();
        },
        onError: (error) => setFieldError(form, error),
      },
    );

  // Adopting saves the plan at once and is done: nothing is left to save or to throw away.
  const adoptOne = (recommendationId: number) =>
    adopt.mutate(
      { month: month.month, recommendationId },
      {
        onSuccess: () => {
          void message.success(t('plan.adopted'));
          onClose();
        },
        onError: showError,
      },
    );

  const confirmDelete = () =>
    modal.confirm({
      title: t('plan.deleteConfirm', { month: month.month }),
      okButtonProps: { danger: true },
      okText: t('common.delete'),
      cancelText: t('common.cancel'),
      onOk: () => remove.mutateAsync(undefined).then(onClose, showError),
    });

  return (
    <Modal
      open
      width={680}
      title={t('plan.title', { year, month: month.month })}
      // A stray tap beside the dialog must not throw away what was typed.
      mask={{ closable: false }}
      onCancel={onClose}
      modalRender={(node) => <div data-testid="plan-modal">{node}</div>}
      footer={
        <Flex justify="space-between" gap={8} wrap>
          <span>
            {month.plan && (
              <Button danger onClick={confirmDelete}>
                {t('plan.delete')}
              </Button>
            )}
          </span>
          <Flex gap={8}>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              loading={save.isPending}
              onClick={() => form.submit()}
              data-testid="plan-save"
            >
              {t('common.save')}
            </Button>
          </Flex>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">
        {t('plan.fixedDayHint', { date: dayText(t, month.fixedDate) })}
      </Typography.Paragraph>
      {forMonth.length > 0 && (
        <Flex vertical gap={8} style={{ marginBottom: 16 }} data-testid="plan-recommendations">
          {forMonth.map((item) => (
            <RecommendationCard
              key={item.id}
              item={item}
              action={
                <AdoptButton
                  adopted={month.plan?.recommendationId === item.id}
                  loading={adopt.isPending && adopt.variables?.recommendationId === item.id}
                  onClick={() => adoptOne(item.id)}
                />
              }
            />
          ))}
        </Flex>
      )}
      <ErrorAlert error={save.error} />
      <Form
        form={form}
        name="plan"
        layout="vertical"
        initialValues={month.plan ? valuesOf(month.plan) : { kinds: [] }}
        onFinish={submit}
      >
        <PlanFields />
        <Form.Item name="venueId" label={t('plan.venue')} extra={t('plan.venueHint')}>
          <VenueSelect orgId={orgId} kinds={kinds} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
