import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** YYYY-MM-DD HH:mm in China time, as the activity form's pickers take it. */
export function chinaWallClock(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export async function pickOption(page: Page, fieldId: string, label: string) {
  await page.locator(`#${fieldId}`).click();
  await page.locator(`.ant-select-dropdown:visible [title="${label}"]`).first().click();
}

export async function setTime(page: Page, fieldId: string, instant: Date) {
  const input = page.locator(`#${fieldId}`);
  await input.click();
  await input.fill(chinaWallClock(instant));
  // Confirm with the picker's own OK button: an Enter that reaches the form after the picker
  // has closed would submit the whole dialog half filled.
  // A click that lands while the popup is still opening is lost, so confirm until it closes.
  const dropdown = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');
  for (let i = 0; i < 5 && (await dropdown.count()) > 0; i++) {
    await dropdown.locator('.ant-picker-ok button').click();
    await dropdown.waitFor({ state: 'hidden', timeout: 3000 }).catch(() => {});
  }
  await dropdown.waitFor({ state: 'hidden' });
  expect(await input.inputValue()).toBe(chinaWallClock(instant));
}
