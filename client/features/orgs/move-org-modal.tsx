import { Form, Modal, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Org, OrgMove, OrgTreeNode } from '../../../common/schemas/org';
import { ErrorAlert, setFieldError } from '../../components/api-error';
import { OrgTreeSelect } from './org-tree-select';
import { useMoveOrg, useOrgTree } from './queries';
import { CHILD_LEVELS, subtreeIds } from './tree';

/** Move an organization (with everything under it) below another parent. */
export function MoveOrgModal({ org, onClose }: { org: Org; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<OrgMove>();
  const move = useMoveOrg(org.id);
  const { data: tree } = useOrgTree();
  const nodes = tree?.nodes;

  const subtree = useMemo(() => subtreeIds(nodes ?? [], org.id), [nodes, org.id]);
  // Not into itself or its own subtree, and only under a level that can hold it.
  const canPick = useCallback(
    (node: OrgTreeNode) =>
      node.id !== org.parentId && !subtree.has(node.id) && CHILD_LEVELS[node.level].includes(org.level),
    [subtree, org],
  );

  const submit = (values: OrgMove) =>
    move.mutate(values, { onSuccess: onClose, onError: (error) => setFieldError(form, error) });

  return (
    <Modal
      open
      title={t('orgs.moveTitle', { name: org.name })}
      okText={t('orgs.move')}
      cancelText={t('common.cancel')}
      confirmLoading={move.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      modalRender={(node) => <div data-testid="org-move-modal">{node}</div>}
    >
      <ErrorAlert error={move.error} testId="org-move-error" />
      <Typography.Paragraph type="secondary">{t('orgs.moveHint')}</Typography.Paragraph>
      <Form form={form} name="move" layout="vertical" onFinish={submit}>
        <Form.Item
          name="parentId"
          label={t('orgs.newParent')}
          rules={[{ required: true, message: t('orgs.newParentRequired') }]}
        >
          <OrgTreeSelect canPick={canPick} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
