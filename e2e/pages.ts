import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

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
