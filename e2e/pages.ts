import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';

export const artifacts = path.resolve(import.meta.dirname, 'artifacts');

export async function launchBrowser(): Promise<Browser> {
  fs.mkdirSync(artifacts, { recursive: true });
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Page objects: what a user does on each screen, in the words the screen shows. */
export class LoginPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }
  async open(baseUrl: string) {
    await this.page.goto(`${baseUrl}/login`);
  }
  async logIn(username: string, password: string) {
    await this.page.locator('#username').fill(username);
    await this.page.locator('#password').fill(password);
    await this.page.getByRole('button', { name: /登\s*录/ }).click();
  }
}

export class ChangePasswordPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }
  async change(current: string, next: string) {
    await this.page.waitForURL(/change-password/);
    await this.page.locator('#currentPassword').fill(current);
    await this.page.locator('#newPassword').fill(next);
    await this.page.locator('#confirmPassword').fill(next);
    await this.page.getByRole('button', { name: /确认修改/ }).click();
    await this.page.waitForURL((u) => u.pathname === '/');
  }
}

export class Shell {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }
  async openMenu(label: string) {
    await this.page.getByRole('menuitem', { name: label }).first().click();
  }
  async screenshot(name: string) {
    await this.page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
  }
}

/** The ledger buttons every list page carries (下载模板 · 导入台账 · 导出 Excel), in the words they show. */
export class LedgerButtons {
  readonly page: Page;
  readonly scope: Locator;
  /** What the buttons name when the ledger is not the page's list (导入线下成绩 rather than 导入台账). */
  readonly what?: string;
  constructor(page: Page, scope: Locator = page.locator('body'), what?: string) {
    this.page = page;
    this.scope = scope;
    this.what = what;
  }
  /** Clicks a download button and keeps the file under artifacts/ as `saveAs`; answers the browser's filename and the saved path. */
  async download(button: '下载模板' | '导出', saveAs: string): Promise<{ filename: string; file: string }> {
    const name = button === '导出' ? (this.what ? `导出${this.what}` : '导出 Excel') : button;
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.scope.getByRole('button', { name }).click()]);
    const file = path.join(artifacts, saveAs);
    await download.saveAs(file);
    return { filename: download.suggestedFilename(), file };
  }
  /** Opens 导入台账, picks `file` and waits until the job has ended; answers the open dialog. */
  async import(file: string): Promise<Locator> {
    await this.scope.getByRole('button', { name: this.what ? `导入${this.what}` : '导入台账' }).click();
    const dialog = this.page.locator('.ant-modal:visible').filter({ has: this.page.locator('.ant-modal-title', { hasText: /^导入/ }) });
    await dialog.locator('input[type=file]').setInputFiles(file);
    await dialog.locator('.ant-progress-status-success, .ant-progress-status-exception, .ant-alert').first().waitFor({ timeout: 60_000 });
    return dialog;
  }
  /** Closes the import dialog by its 关闭 button and waits until it has gone (screenshots after it show the page). */
  async close(dialog: Locator) {
    await dialog
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /关\s*闭/ })
      .click();
    await dialog.waitFor({ state: 'hidden' });
    await this.page.locator('.ant-modal-mask').filter({ visible: true }).waitFor({ state: 'detached' });
  }
}

/** A sheet's header row, as the template writes it (required columns starred). */
export async function headersOf(file: string, sheet: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return ((wb.getWorksheet(sheet)?.getRow(1).values ?? []) as unknown[]).slice(1).map(String);
}

/**
 * A downloaded template with `rows` added under its example row, saved beside it as `saveAs`: each row in the
 * template's column order, or by header (without the star).
 */
export async function filledTemplate(template: string, sheet: string, rows: (unknown[] | Record<string, unknown>)[], saveAs: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`${template} has no sheet ${sheet}`);
  const headers = ((ws.getRow(1).values ?? []) as unknown[]).slice(1).map((h) => String(h).replace(/^\*/, ''));
  for (const r of rows) ws.addRow(Array.isArray(r) ? r : headers.map((h) => r[h] ?? null));
  const file = path.join(path.dirname(template), saveAs);
  await wb.xlsx.writeFile(file);
  return file;
}
