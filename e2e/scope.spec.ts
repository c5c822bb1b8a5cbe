import { describe, expect, it } from 'vitest';
import { api, DESKTOP, login, newPage, PHONE, screenshot } from './browser';

describe('scoped access in the interface', () => {
  it('a township supervisor sees their township and not the other one', async () => {
    const county = await newPage(DESKTOP);
    await login(county, 'county');
    const tree = (await api(county, '/api/v1/orgs/tree')).json;
    const root = tree.nodes.find((n: { parentId: number | null }) => n.parentId === null);
    const [own, other] = tree.nodes.filter((n: { parentId: number }) => n.parentId === root.id);

    const page = await newPage(PHONE);
    await login(page, 'township1');
    await page.goto('/orgs');
    // The page's chunks come after the load event (antd is not in the first download).
    await expect.poll(() => page.textContent('body'), { timeout: 10_000 }).toContain(own.name);
    expect(await page.textContent('body')).not.toContain(other.name);
    await screenshot(page, 'township-tree-phone');

    // Typing the other township's address shows "not found", not its data.
    await page.goto(`/orgs/${other.id}`);
    await expect.poll(() => page.textContent('body')).toContain('未找到该对象，或您无权查看');
    expect(await page.textContent('body')).not.toContain(other.name);
    expect((await api(page, `/api/v1/orgs/${other.id}`)).status).toBe(404);

    // Its ledger: one message, no title with an id, no export buttons.
    await page.goto(`/orgs/${other.id}/ledger`);
    await page.getByTestId('out-of-reach').waitFor();
    const body = (await page.textContent('body')) ?? '';
    expect(body.split('未找到该对象，或您无权查看')).toHaveLength(2);
    expect(body).not.toContain(String(other.id));
    expect(await page.getByTestId('ledger-xlsx').count()).toBe(0);
    await screenshot(page, 'ledger-out-of-reach-phone');
  });
});
