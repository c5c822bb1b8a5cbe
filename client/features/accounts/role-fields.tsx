import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { RoleGrant } from '../../../common/schemas/account';
import { OrgTreeSelect } from '../orgs/org-tree-select';

/** Admin is not grantable from the UI: the contract's RoleGrant leaves it out. */
const GRANTABLE_ROLES = RoleGrant.shape.role.options;

/** A role and the organization it applies to; `prefix` nests them as the API does (`role.orgId`). */
export function RoleFields({ prefix = [] }: { prefix?: string[] }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name={[...prefix, 'role']}
        label={t('fields.role')}
        rules={[{ required: true, message: t('accounts.roleRequired') }]}
      >
        <Select options={GRANTABLE_ROLES.map((value) => ({ value, label: t(`enums.role.${value}`) }))} />
      </Form.Item>
      <Form.Item
        name={[...prefix, 'orgId']}
        label={t('accounts.roleOrg')}
        rules={[{ required: true, message: t('accounts.orgRequired') }]}
      >
        <OrgTreeSelect placeholder={t('accounts.roleOrg')} />
      </Form.Item>
    </>
  );
}
