import {
  ArrowLeftOutlined,
  FilePdfOutlined,
  FileWordOutlined,
  ReloadOutlined,
  SaveOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, Skeleton, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { REPORT_SECTIONS, type ReportStatus } from '../../../common/enums';
import type { AnnualReport, ReportSections } from '../../../common/schemas/report';
import { ErrorAlert, useErrorToast } from '../../components/api-error';
import { chinaYear, formatDateTime } from '../../components/china-time';
import { Page } from '../../components/page';
import { YearSwitch } from '../../components/year-switch';
import { isOverseer } from '../auth/bindings';
import { useSignedIn } from '../auth/me-context';
import { useOrgParam } from '../orgs/use-org-param';
import { reportFileUrl, useRedraft, useReport, useSaveReport, useSubmitReport } from './queries';

const STATUS_COLORS: Record<ReportStatus, string> = { draft: 'orange', submitted: 'success' };

export function ReportStatusTag({ status }: { status: ReportStatus | null }) {
  const { t } = useTranslation();
  if (!status) return <Tag>{t('report.notStarted')}</Tag>;
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="report-status" data-status={status}>
      {t(`enums.reportStatus.${status}`)}
    </Tag>
  );
}

function ReadOnlyReport({ report }: { report: AnnualReport }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={12} data-testid="report-readonly">
      {REPORT_SECTIONS.map((section) => (
        <Card key={section} size="small" title={t(`enums.reportSection.${section}`)}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-line', margin: 0 }}>
            {report.sections[section] || <Typography.Text type="secondary">—</Typography.Text>}
          </Typography.Paragraph>
        </Card>
      ))}
    </Flex>
  );
}

function ReportEditor({ report, orgId, year }: { report: AnnualReport; orgId: number; year: number }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const showError = useErrorToast();
  const [form] = Form.useForm<{ sections: ReportSections }>();
  const save = useSaveReport(orgId, year);
  const submit = useSubmitReport(orgId, year);
  const redraft = useRedraft(orgId, year);

  useEffect(() => {
    form.setFieldsValue({ sections: report.sections });
  }, [report, form]);

  const sections = (): ReportSections => {
    const values = form.getFieldsValue(true) as { sections?: Partial<ReportSections> };
    return Object.fromEntries(REPORT_SECTIONS.map((s) => [s, values.sections?.[s] ?? ''])) as ReportSections;
  };
  const onSave = () =>
    form
      .validateFields()
      .then(() =>
        save.mutate({ sections: sections() }, { onSuccess: () => void message.success(t('report.saved')) }),
      );
  const onRedraft = () =>
    modal.confirm({
      title: t('report.redraftConfirm'),
      content: t('report.redraftHint'),
      okText: t('report.redraft'),
      cancelText: t('common.cancel'),
      onOk: () =>
        redraft.mutateAsync(undefined).then((draft) => {
          form.setFieldsValue({ sections: draft.sections });
          void message.info(t('report.redrafted'));
        }, showError),
    });
  const onSubmit = () =>
    form.validateFields().then(() => {
      modal.confirm({
        title: t('report.submitConfirm', { year }),
        content: t('report.submitHint'),
        okText: t('report.submit'),
        cancelText: t('common.cancel'),
        onOk: () =>
          submit
            .mutateAsync({ sections: sections() })
            .then(() => void message.success(t('report.submitted')), showError),
      });
    });

  return (
    <Form
      form={form}
      name="report"
      layout="vertical"
      initialValues={{ sections: report.sections }}
      data-testid="report-editor"
    >
      <ErrorAlert error={save.error} />
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Button
          type="primary"
          icon={<SaveOutlined />}
          loading={save.isPending}
          onClick={onSave}
          data-testid="report-save"
        >
          {t('common.save')}
        </Button>
        <Button
          icon={<ReloadOutlined />}
          loading={redraft.isPending}
          onClick={onRedraft}
          data-testid="report-redraft"
        >
          {t('report.redraft')}
        </Button>
        <Button
          icon={<SendOutlined />}
          loading={submit.isPending}
          onClick={onSubmit}
          data-testid="report-submit"
        >
          {t('report.submit')}
        </Button>
      </Flex>
      {REPORT_SECTIONS.map((section) => (
        <Form.Item
          key={section}
          name={['sections', section]}
          label={<Typography.Text strong>{t(`enums.reportSection.${section}`)}</Typography.Text>}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 14 }}
            maxLength={10000}
            data-testid={`report-section-${section}`}
          />
        </Form.Item>
      ))}
    </Form>
  );
}

/** The secretary's annual report (述职): drafted by Vanguard from the year's records, edited, submitted. */
export function ReportPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const navigate = useNavigate();
  const { orgId, org } = useOrgParam();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || chinaYear();
  const { data: report, error, isPending } = useReport(orgId, year);

  return (
    <Page
      title={t('report.title', { org: report?.orgName ?? org?.name ?? '', year })}
      extra={
        <>
          {isOverseer(me) && (
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/reports?year=${year}`)}>
              {t('report.backToList')}
            </Button>
          )}
          <YearSwitch year={year} onChange={(next) => setParams({ year: String(next) })} />
          {orgId !== undefined && (
            <>
              <Button
                icon={<FilePdfOutlined />}
                href={reportFileUrl(orgId, year, 'pdf')}
                target="_blank"
                data-testid="report-pdf"
              >
                {t('report.pdf')}
              </Button>
              <Button
                icon={<FileWordOutlined />}
                href={reportFileUrl(orgId, year, 'docx')}
                data-testid="report-docx"
              >
                {t('report.docx')}
              </Button>
            </>
          )}
        </>
      }
    >
      <ErrorAlert error={error} />
      {isPending && orgId !== undefined && <Skeleton active />}
      {report && orgId !== undefined && (
        <Card style={{ maxWidth: 960 }}>
          <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
            <ReportStatusTag status={report.fresh ? null : report.status} />
            {report.updatedAt && (
              <Typography.Text type="secondary">
                {t('report.updated', { by: report.updatedBy ?? '', at: formatDateTime(report.updatedAt) })}
              </Typography.Text>
            )}
            {report.submittedAt && (
              <Typography.Text type="secondary">
                {t('report.submittedAt', { at: formatDateTime(report.submittedAt) })}
              </Typography.Text>
            )}
          </Flex>
          {report.fresh && report.canEdit && (
            <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('report.freshHint')} />
          )}
          {report.canEdit ? (
            <ReportEditor report={report} orgId={orgId} year={year} />
          ) : (
            <ReadOnlyReport report={report} />
          )}
        </Card>
      )}
    </Page>
  );
}
