import { Alert, Form, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  SYSTEM_FREQUENCIES,
  type SystemFrequency,
  WORKING_SYSTEMS,
  type WorkingSystem,
} from '../../../common/enums';
import { isJudged } from '../../../common/working-systems';
import { ErrorAlert } from '../../components/api-error';
import { useGroupSystems, useSaveGroupSystems } from './queries';

type Values = Record<WorkingSystem, SystemFrequency | 'none'>;

/** Which systems the branch's groups keep and how often; one list for all of its groups. */
export function SystemsModal({ orgId, onClose }: { orgId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { data } = useGroupSystems(orgId);
  const save = useSaveGroupSystems(orgId);
  const [form] = Form.useForm<Values>();
  const options = [
    { value: 'none', label: t('groupSystems.notKept') },
    ...SYSTEM_FREQUENCIES.map((value) => ({ value, label: t(`enums.systemFrequency.${value}`) })),
  ];
  const submit = (values: Values) => {
    const systems = Object.fromEntries(Object.entries(values).filter(([, f]) => f !== 'none'));
    save.mutate({ systems }, { onSuccess: onClose });
  };
  return (
    <Modal
      open
      title={t('groupSystems.editTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      modalRender={(node) => <div data-testid="group-systems-modal">{node}</div>}
    >
      <ErrorAlert error={save.error} />
      {data?.isDefault && (
        <Alert type="info" showIcon message={t('groupSystems.defaults')} style={{ marginBottom: 12 }} />
      )}
      {data && (
        <Form<Values>
          form={form}
          name="group_systems"
          layout="horizontal"
          labelCol={{ span: 10 }}
          initialValues={
            Object.fromEntries(WORKING_SYSTEMS.map((s) => [s, data.systems[s] ?? 'none'])) as Values
          }
          onFinish={submit}
        >
          {WORKING_SYSTEMS.map((system) => (
            <Form.Item
              key={system}
              name={system}
              label={t(`enums.workingSystem.${system}`)}
              extra={isJudged(system) ? undefined : t('groupSystems.notJudged')}
              style={{ marginBottom: 8 }}
            >
              <Select options={options} />
            </Form.Item>
          ))}
        </Form>
      )}
    </Modal>
  );
}
