import { EditOutlined, EyeOutlined, RiseOutlined, SwapOutlined, UserAddOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  Descriptions,
  type DescriptionsProps,
  Flex,
  Row,
  Skeleton,
  Tag,
  Timeline,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { MEMBER_STATUSES } from '../../../common/enums';
import type { MemberDetail, Revealed } from '../../../common/schemas/member';
import { ErrorAlert } from '../../components/api-error';
import { Page } from '../../components/page';
import { MemberAccountModal } from './member-account-modal';
import { MemberFormModal } from './member-form-modal';
import { useMember } from './queries';
import { RevealModal } from './reveal-modal';
import { StatusStepModal } from './status-step-modal';
import { StatusTag } from './status-tag';
import { TransferModal } from './transfer-modal';

type Dialog = 'edit' | 'status' | 'transfer' | 'account' | 'reveal' | null;

export function MemberDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const { data: member, error, isPending } = useMember(Number.isInteger(id) ? id : undefined);

  if (isPending) return <Skeleton active />;
  if (!member) return <ErrorAlert error={error ?? new Error(t('common.unexpectedError'))} />;
  return <MemberView member={member} />;
}

function MemberView({ member }: { member: MemberDetail }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const close = () => setDialog(null);
  const next = MEMBER_STATUSES[MEMBER_STATUSES.indexOf(member.status) + 1];
  const none = '—';

  const profile: DescriptionsProps['items'] = [
    { key: 'gender', label: t('fields.gender'), children: t(`enums.gender.${member.gender}`) },
    { key: 'birthDate', label: t('fields.birthDate'), children: member.birthDate ?? none },
    { key: 'ethnicity', label: t('fields.ethnicity'), children: member.ethnicity ?? none },
    {
      key: 'education',
      label: t('fields.education'),
      children: member.education ? t(`enums.education.${member.education}`) : none,
    },
    // Masked unless the member is reading their own; those whose job needs them ask, with a reason.
    {
      key: 'phone',
      label: t('fields.phone'),
      children: <span data-testid="member-phone">{(revealed ? revealed.phone : member.phone) ?? none}</span>,
    },
    {
      key: 'idNumber',
      label: t('fields.idNumber'),
      children: (
        <Flex gap={8} wrap align="center">
          <span data-testid="member-id-number">
            {(revealed ? revealed.idNumber : member.idNumber) ?? none}
          </span>
          {member.canReveal && !revealed && (member.phone || member.idNumber) && (
            <Button
              size="small"
              icon={<EyeOutlined />}
              onClick={() => setDialog('reveal')}
              data-testid="member-reveal"
            >
              {t('members.reveal')}
            </Button>
          )}
        </Flex>
      ),
    },
    {
      key: 'org',
      label: t('fields.orgId'),
      children: <Link to={`/orgs/${member.orgId}`}>{member.orgName}</Link>,
    },
    { key: 'group', label: t('fields.group'), children: member.groupName ?? none },
    {
      key: 'posts',
      label: t('fields.posts'),
      children: member.posts.length
        ? member.posts.map((post) => <Tag key={post}>{t(`enums.memberPost.${post}`)}</Tag>)
        : none,
    },
    {
      key: 'mobile',
      label: t('fields.isMobile'),
      children: member.isMobile
        ? t('members.mobileAt', { place: member.currentLocation ?? t('members.placeUnknown') })
        : t('common.no'),
    },
    {
      key: 'account',
      label: t('members.account'),
      children: member.account?.username ?? t('members.noAccount'),
    },
  ];

  const actions = member.canEdit && (
    <>
      <Button icon={<EditOutlined />} onClick={() => setDialog('edit')} data-testid="member-edit">
        {t('common.edit')}
      </Button>
      {next && (
        <Button icon={<RiseOutlined />} onClick={() => setDialog('status')} data-testid="member-status-step">
          {t('members.statusStep')}
        </Button>
      )}
      <Button icon={<SwapOutlined />} onClick={() => setDialog('transfer')} data-testid="member-transfer">
        {t('members.transfer')}
      </Button>
      {member.account === null && (
        <Button
          icon={<UserAddOutlined />}
          onClick={() => setDialog('account')}
          data-testid="member-account-create"
        >
          {t('members.createAccount')}
        </Button>
      )}
    </>
  );

  return (
    <Page
      title={
        <span data-testid="member-detail-name">
          {member.name} <StatusTag status={member.status} />
        </span>
      }
      extra={actions}
    >
      <Row gutter={[16, 16]} data-testid="member-detail">
        <Col xs={24} lg={16}>
          <Card title={t('members.profile')}>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={profile} />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('members.history')}>
            <Timeline
              items={member.history.map((step) => ({
                key: `${step.status}-${step.date}`,
                color: step.status === member.status ? 'red' : 'gray',
                title: t(`enums.memberStatus.${step.status}`),
                content: step.note ? `${step.date} · ${step.note}` : step.date,
              }))}
            />
          </Card>
        </Col>
      </Row>
      {dialog === 'edit' && <MemberFormModal mode={{ kind: 'edit', member }} onClose={close} />}
      {dialog === 'status' && next && <StatusStepModal member={member} next={next} onClose={close} />}
      {dialog === 'transfer' && <TransferModal member={member} onClose={close} />}
      {dialog === 'account' && <MemberAccountModal member={member} onClose={close} />}
      {dialog === 'reveal' && <RevealModal member={member} onRevealed={setRevealed} onClose={close} />}
    </Page>
  );
}
