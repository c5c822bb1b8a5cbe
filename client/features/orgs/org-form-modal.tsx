import { Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ORG_KINDS, type OrgKind, type OrgLevel } from '../../../common/enums';
import { DEFAULT_FIXED_DAY, type FixedDaySetting } from '../../../common/fixed-day';
import { type Org, OrgCreate } from '../../../common/schemas/org';
import { ErrorAlert, setFieldError } from '../../components/api-error';
import { zodRule } from '../../components/zod-rule';
import { FixedDayEditor } from './fixed-day-editor';
import { useCreateOrg, useUpdateOrg } from './queries';
import { CHILD_LEVELS, hasFixedDay } from './tree';

type Mode = { kind: 'create'; parent: Org } | { kind: 'edit'; org: Org };

interface Values {
  name: string;
  level: OrgLevel;
  kind: OrgKind;
  fixedDay?: FixedDaySetting;
}

/** Create a child organization or edit one; the fixed day is asked for where it applies. */
export function OrgFormModal({ mode, onClose }: { mode: Mode; onClose: (saved?: Org) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const target = mode.kind === 'create' ? mode.parent : mode.org;
  const create = useCreateOrg();
  const update = useUpdateOrg(target.id);
  const mutation = mode.kind === 'create' ? create : update;
  const level = Form.useWatch('level', form) ?? (mode.kind === 'edit' ? mode.org.level : undefined);
  const levels = mode.kind === 'create' ? CHILD_LEVELS[mode.parent.level] : [];

  const initialValues: Partial<Values> =
    mode.kind === 'create'
      ? { level: levels.at(-1), kind: mode.parent.kind, fixedDay: DEFAULT_FIXED_DAY }
      : { name: mode.org.name, kind: mode.org.kind, fixedDay: mode.org.fixedDay ?? DEFAULT_FIXED_DAY };

  const submit = async (values: Values) => {
    const fixedDay = level && hasFixedDay(level) ? values.fixedDay : undefined;
    try {
      const saved =
        mode.kind === 'create'
          ? await create.mutateAsync({
              parentId: mode.parent.id,
              name: values.name,
              level: values.level,
              kind: values.kind,
              fixedDay,
            })
          : await update.mutateAsync({ name: values.name, kind: values.kind, fixedDay });
      onClose(saved);
    } catch (error) {
      setFieldError(form, error);
    }
  };

  return (
    <Modal
      open
      title={
        mode.kind === 'create' ? t('orgs.createChildOf', { name: mode.parent.name }) : t('orgs.editTitle')
      }
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
      modalRender={(node) => <div data-testid="org-modal">{node}</div>}
    >
      <ErrorAlert error={mutation.error} testId="org-error" />
      <Form form={form} name="org" layout="vertical" initialValues={initialValues} onFinish={submit}>
        <Form.Item
          name="name"
          label={t('orgs.name')}
          required
          rules={[zodRule(OrgCreate.shape.name, 'name', t)]}
        >
          <Input maxLength={100} />
        </Form.Item>
        {mode.kind === 'create' && (
          <Form.Item name="level" label={t('fields.level')} rules={[{ required: true }]}>
            <Select options={levels.map((value) => ({ value, label: t(`enums.orgLevel.${value}`) }))} />
          </Form.Item>
        )}
        <Form.Item name="kind" label={t('fields.kind')} rules={[{ required: true }]}>
          <Select options={ORG_KINDS.map((value) => ({ value, label: t(`enums.orgKind.${value}`) }))} />
        </Form.Item>
        {level && hasFixedDay(level) && (
          <Form.Item name="fixedDay" label={t('fields.fixedDay')}>
            <FixedDayEditor />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
