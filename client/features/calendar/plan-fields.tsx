import { Checkbox, Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_KINDS, THEMES } from '../../../common/enums';
import { PlanEntryInput } from '../../../common/schemas/plan';
import { zodRule } from '../../components/zod-rule';

const shape = PlanEntryInput.shape;

/** Theme, title and kinds: what a month's plan and a recommended theme have in common. */
export function PlanFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="theme" label={t('fields.theme')} required rules={[zodRule(shape.theme, 'theme', t)]}>
        <Select options={THEMES.map((value) => ({ value, label: t(`enums.theme.${value}`) }))} />
      </Form.Item>
      <Form.Item name="title" label={t('fields.title')} required rules={[zodRule(shape.title, 'title', t)]}>
        <Input maxLength={100} placeholder={t('plan.titlePlaceholder')} />
      </Form.Item>
      <Form.Item name="kinds" label={t('fields.kinds')} required rules={[zodRule(shape.kinds, 'kinds', t)]}>
        <Checkbox.Group style={{ width: '100%' }}>
          <Row gutter={[8, 4]}>
            {ACTIVITY_KINDS.map((kind) => (
              <Col key={kind} xs={12} sm={8}>
                <Checkbox value={kind}>{t(`enums.activityKind.${kind}`)}</Checkbox>
              </Col>
            ))}
          </Row>
        </Checkbox.Group>
      </Form.Item>
    </>
  );
}
