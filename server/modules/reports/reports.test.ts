import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { tinyCounty } from '../../test/fixtures';
import { testApp } from '../../test/harness';
import { handCountedTownship } from '../../test/oversight-fixture';

const { as, db } = await testApp();
const fx = await tinyCounty(db);
const town = await handCountedTownship(db, fx.county.id, fx.county.path);
const county = await as('county');
const township = await as('township1');
const secretary = await as('secretary1');

describe("the secretary's annual report", () => {
  it('is drafted from the year: activities by theme, attendance, ledger, inspections and ranking', async () => {
    const res = await county.get(`/api/v1/orgs/${town.A.id}/reports/2025`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ fresh: true, status: 'draft', canEdit: false });
    // Branch A in 2025, counted by hand (see the dashboard test): 3 activities, 2 party days.
    expect(r.sections.activities).toContain('全年开展组织生活 3 次，其中固定主题党日 2 次');
    expect(r.sections.activities).toContain('学习培训 1 次');
    expect(r.sections.activities).toContain('应开展 12 个月，实际开展 2 个月，其中按固定日开展 1 个月');
    expect(r.sections.attendance).toContain('党员参与 6 人次（3 人）');
    expect(r.sections.ledger).toContain('活动台账完整 2 次，共 3 次');
    expect(r.sections.inspections).toBe('全年未接受上级督查。');
    const ranking = (await county.get(`/api/v1/orgs/${town.town.id}/ranking?period=year&year=2025`)).json();
    const a = ranking.rows.find((x: { orgId: number }) => x.orgId === town.A.id);
    expect(r.sections.ranking).toBe(
      `年度考评得分 ${a.score} 分，在手数镇党委所辖 3 个支部中排名第 ${a.rank}。`,
    );
  });

  it('the secretary edits, saves and submits it; then it is read-only', async () => {
    // 2024: the demo's report for last year is already submitted.
    const draft = (await secretary.get(`/api/v1/orgs/${fx.b1.id}/reports/2024`)).json();
    expect(draft).toMatchObject({ fresh: true, canEdit: true });
    expect(
      (await township.put(`/api/v1/orgs/${fx.b1.id}/reports/2024`, { sections: draft.sections })).statusCode,
    ).toBe(403);
    const sections = { ...draft.sections, next_year: '明年重点抓好党员教育。' };
    const saved = await secretary.put(`/api/v1/orgs/${fx.b1.id}/reports/2024`, { sections });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ fresh: false, sections: { next_year: '明年重点抓好党员教育。' } });
    const redraft = (await secretary.post(`/api/v1/orgs/${fx.b1.id}/reports/2024/redraft`)).json();
    expect(redraft.fresh).toBe(true);
    expect((await secretary.get(`/api/v1/orgs/${fx.b1.id}/reports/2024`)).json().sections.next_year).toBe(
      '明年重点抓好党员教育。',
    );

    const submitted = await secretary.post(`/api/v1/orgs/${fx.b1.id}/reports/2024/submit`);
    expect(submitted.json()).toMatchObject({ status: 'submitted', canEdit: false });
    const again = await secretary.put(`/api/v1/orgs/${fx.b1.id}/reports/2024`, { sections });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('述职报告已提交，不能再修改');

    const list = (await township.get(`/api/v1/orgs/${fx.t1.id}/reports?year=2024`)).json();
    expect(list.find((x: { orgId: number }) => x.orgId === fx.b1.id)).toMatchObject({ status: 'submitted' });
    expect(list.find((x: { orgId: number }) => x.orgId === fx.b1Sibling.id)).toMatchObject({ status: null });
    expect((await township.get(`/api/v1/orgs/${fx.t1.id}/reports/2024`)).statusCode).toBe(422);
  });

  it('exports as PDF with Chinese text and as Word, both read back', async () => {
    const pdf = await township.get(`/api/v1/orgs/${fx.b1.id}/reports/2024/report.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const dir = mkdtempSync(path.join(tmpdir(), 'report-'));
    writeFileSync(path.join(dir, 'r.pdf'), pdf.rawPayload);
    // Long lines wrap in the PDF; compare without the breaks.
    const text = execFileSync('pdftotext', [path.join(dir, 'r.pdf'), '-'])
      .toString()
      .replace(/\s+/g, '');
    expect(text).toContain('年度党支部书记抓党建工作述职报告');
    expect(text).toContain('二、固定主题党日开展情况');
    expect(text).toContain('明年重点抓好党员教育。');

    const docx = await township.get(`/api/v1/orgs/${fx.b1.id}/reports/2024/report.docx`);
    const { value } = await mammoth.extractRawText({ buffer: docx.rawPayload });
    expect(value).toContain('七、下一步打算');
    expect(value).toContain('明年重点抓好党员教育。');
    expect(value).toMatch(/已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 提交/);
  });
});
