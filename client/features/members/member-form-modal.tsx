import { App, Button, Col, DatePicker, Form, Input, Modal, Row, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  EDUCATIONS,
  type Education,
  GENDERS,
  type Gender,
  MEMBER_POSTS,
  MEMBER_STATUSES,
  type MemberPost,
  type MemberStatus,
} from '../../../common/enums';
import { MemberCreate, type MemberDetail, type MemberUpdate } from '../../../common/schemas/member';
import { ErrorAlert, setFieldError } from '../../components/api-error';
import { fromIsoDate, ISO_DATE, today, toIsoDate } from '../../components/dates';
import { zodRule } from '../../components/zod-rule';
import { isBranch, OrgTreeSelect } from '../orgs/org-tree-select';
import { useCreateMember, useUpdateMember } from './queries';

type Mode = { kind: 'create'; orgId?: number } | { kind: 'edit'; member: MemberDetail };

interface Values {
  orgId: number;
  status: MemberStatus;
  statusDate?: Dayjs;
  name: string;
  gender: Gender;
  birthDate?: Dayjs;
  ethnicity?: string;
  education?: Education;
  phone?: string;
  idNumber?: string;
  posts: MemberPost[];
  isMobile: boolean;
  currentLocation?: string;
}

/** Empty inputs are "no value" to the API (null), not an empty string that fails its pattern. */
const orNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

const shape = MemberCreate.shape;

export function MemberFormModal({ mode, onClose }: { mode: Mode; onClose: (saved?: MemberDetail) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const member = mode.kind === 'edit' ? mode.member : undefined;
  const create = useCreateMember();
  const update = useUpdateMember(member?.id ?? 0);
  const mutation = member ? update : create;
  const isMobile = Form.useWatch('isMobile', form);
  // Masked numbers must not come back as edits: those who may see them in full type new ones (an
  // empty field keeps the old), and without that right they are left alone.
  const editsSensitive = !member || member.sensitiveVisible || member.canReveal;
  const masked = member !== undefined && !member.sensitiveVisible;

  const initialValues: Partial<Values> = member
    ? {
        name: member.name,
        gender: member.gender,
        birthDate: fromIsoDate(member.birthDate),
        ethnicity: member.ethnicity ?? undefined,
        education: member.education ?? undefined,
        phone: masked ? undefined : (member.phone ?? undefined),
        idNumber: masked ? undefined : (member.idNumber ?? undefined),
        posts: member.posts,
        isMobile: member.isMobile,
        currentLocation: member.currentLocation ?? undefined,
      }
    : { orgId: mode.kind === 'create' ? mode.orgId : undefined, status: 'full', posts: [], isMobile: false };

  const submit = async (values: Values) => {
    const profile: MemberUpdate = {
      name: values.name,
      gender: values.gender,
      birthDate: toIsoDate(values.birthDate) ?? null,
      ethnicity: orNull(values.ethnicity),
      education: values.education ?? null,
      posts: values.posts,
      isMobile: values.isMobile,
      currentLocation: values.isMobile ? orNull(values.currentLocation) : null,
      ...(editsSensitive && !masked
        ? { phone: orNull(values.phone), idNumber: orNull(values.idNumber) }
        : {}),
      ...(masked && values.phone?.trim() ? { phone: values.phone.trim() } : {}),
      ...(masked && values.idNumber?.trim() ? { idNumber: values.idNumber.trim() } : {}),
    };
    try {
      const saved = member
        ? await update.mutateAsync(profile)
        : await create.mutateAsync({
            ...profile,
            name: values.name,
            gender: values.gender,
            orgId: values.orgId,
            status: values.status,
            statusDate: toIsoDate(values.statusDate),
          });
      void message.success(t(member ? 'members.saved' : 'members.created', { name: saved.name }));
      onClose(saved);
    } catch (error) {
      setFieldError(form, error);
    }
  };

  return (
    <Modal
      open
      width={720}
      title={member ? t('members.editTitle', { name: member.name }) : t('members.create')}
      onCancel={() => onClose()}
      modalRender={(node) => <div data-testid="member-modal">{node}</div>}
      footer={[
        <Button key="cancel" onClick={() => onClose()}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="submit"
          type="primary"
          loading={mutation.isPending}
          onClick={() => form.submit()}
          data-testid="member-form-submit"
        >
          {t('common.save')}
        </Button>,
      ]}
    >
      <ErrorAlert error={mutation.error} testId="member-error" />
      <Form form={form} name="member" layout="vertical" initialValues={initialValues} onFinish={submit}>
        <Row gutter={16}>
          {!member && (
            <>
              <Col xs={24}>
                <Form.Item
                  name="orgId"
                  label={t('members.branch')}
                  rules={[{ required: true, message: t('members.branchRequired') }]}
                >
                  <OrgTreeSelect canPick={isBranch} placeholder={t('members.pickBranch')} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name="status" label={t('fields.status')} rules={[{ required: true }]}>
                  <Select
                    options={MEMBER_STATUSES.map((value) => ({
                      value,
                      label: t(`enums.memberStatus.${value}`),
                    }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item
                  name="statusDate"
                  label={t('fields.statusDate')}
                  extra={t('members.statusDateHint')}
                >
                  <DatePicker
                    format={ISO_DATE}
                    style={{ width: '100%' }}
                    disabledDate={(d) => d.isAfter(today())}
                  />
                </Form.Item>
              </Col>
            </>
          )}
          <Col xs={24} sm={12}>
            <Form.Item name="name" label={t('fields.name')} required rules={[zodRule(shape.name, 'name', t)]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="gender"
              label={t('fields.gender')}
              required
              rules={[zodRule(shape.gender, 'gender', t)]}
            >
              <Select options={GENDERS.map((value) => ({ value, label: t(`enums.gender.${value}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="birthDate" label={t('fields.birthDate')}>
              <DatePicker
                format={ISO_DATE}
                style={{ width: '100%' }}
                disabledDate={(d) => d.isAfter(today())}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="ethnicity"
              label={t('fields.ethnicity')}
              rules={[zodRule(shape.ethnicity, 'ethnicity', t)]}
            >
              <Input maxLength={20} placeholder={t('members.ethnicityPlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="education" label={t('fields.education')}>
              <Select
                allowClear
                options={EDUCATIONS.map((value) => ({ value, label: t(`enums.education.${value}`) }))}
              />
            </Form.Item>
          </Col>
          {editsSensitive && (
            <>
              <Col xs={24} sm={12}>
                <Form.Item name="phone" label={t('fields.phone')} rules={[zodRule(shape.phone, 'phone', t)]}>
                  <Input
                    inputMode="tel"
                    maxLength={11}
                    autoComplete="off"
                    placeholder={
                      masked && member.phone ? t('members.hiddenKeep', { masked: member.phone }) : undefined
                    }
                  />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item
                  name="idNumber"
                  label={t('fields.idNumber')}
                  rules={[zodRule(shape.idNumber, 'idNumber', t)]}
                >
                  <Input
                    maxLength={18}
                    autoComplete="off"
                    placeholder={
                      masked && member.idNumber
                        ? t('members.hiddenKeep', { masked: member.idNumber })
                        : undefined
                    }
                  />
                </Form.Item>
              </Col>
            </>
          )}
          <Col xs={24} sm={12}>
            <Form.Item name="posts" label={t('fields.posts')}>
              <Select
                mode="multiple"
                allowClear
                options={MEMBER_POSTS.map((value) => ({ value, label: t(`enums.memberPost.${value}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="isMobile" label={t('fields.isMobile')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          {isMobile && (
            <Col xs={24}>
              <Form.Item
                name="currentLocation"
                label={t('fields.currentLocation')}
                rules={[zodRule(shape.currentLocation, 'currentLocation', t)]}
              >
                <Input maxLength={200} placeholder={t('members.currentLocationPlaceholder')} />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Form>
    </Modal>
  );
}
