import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { artifacts, ChangePasswordPage, LoginPage, launchBrowser, Shell } from './pages.ts';
import { prepareHome, type RunningServer, type ServerHome, startServer, stopServer } from './server.ts';

let home: ServerHome;
let server: RunningServer;
let browser: Browser;
let initialPassword = '';
const password = 'Tiao-Jie-2024!';

/** The mediation screens, in the words they show. */
class MediationPages {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }
  /** The open drawer or modal whose title is `title`. */
  overlay(title: string): Locator {
    return this.page
      .locator('.ant-drawer-section, .ant-modal-container')
      .filter({ visible: true })
      .filter({ has: this.page.getByText(title, { exact: true }) });
  }
  /** Picks an option of an antd Select by typing it and pressing Enter, then checks it was taken. */
  async choose(scope: Locator, field: string, option: string, closeOn?: string) {
    const input = scope.locator(`#${field}`);
    const select = scope.locator('.ant-select', { has: this.page.locator(`#${field}`) });
    for (let attempt = 0; attempt < 3; attempt++) {
      await input.click();
      await input.fill(option);
      await this.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: option }).first().waitFor();
      await input.press('Enter');
      // A multiple select stays open: click the form's title to close it.
      if (closeOn) await scope.getByText(closeOn, { exact: true }).first().click();
      if ((await select.textContent())?.includes(option)) return;
    }
    throw new Error(`could not choose ${option} in ${field}`);
  }
  async date(scope: Locator, field: string, value: string) {
    const input = scope.locator(`#${field}`);
    await input.click();
    await input.fill(value);
    await input.press('Enter');
  }
  async successRate(year: number): Promise<string> {
    await this.page.goto(`${server.url}/mediation/statistics?year=${year}`);
    const card = this.page.locator('.ant-statistic').filter({ hasText: '调解成功率' });
    await card.waitFor();
    return ((await card.locator('.ant-statistic-content').textContent()) ?? '').trim();
  }
}

before(async () => {
  home = await prepareHome();
  server = await startServer(home);
  browser = await launchBrowser();
  const match = server.output().match(/初始密码：(\S+)/);
  assert.ok(match, server.output());
  initialPassword = match[1] as string;
});
after(async () => {
  await browser?.close();
  if (server) await stopServer(server);
});

test('a mediator registers a dispute, records a session, closes it with a written agreement, downloads the .docx and sees the success rate change', async () => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
  const login = new LoginPage(page);
  await login.open(server.url);
  await login.logIn('tiaojie', initialPassword);
  await new ChangePasswordPage(page).change(initialPassword, password);
  const shell = new Shell(page);
  const m = new MediationPages(page);
  try {
    await registerToAgreement(page, shell, m);
  } catch (err) {
    await shell.screenshot('mediation-failure');
    throw err;
  }
  await page.close();
});

async function registerToAgreement(page: Page, shell: Shell, m: MediationPages) {
  await page.getByRole('menuitem', { name: '人民调解' }).first().waitFor();

  // The demo town's 2024: 61 of 65 → 93.8 %.
  assert.equal(await m.successRate(2024), '93.8%');
  await page.getByText('61 ÷ 65').waitFor();
  await shell.screenshot('mediation-statistics-before');

  // 纠纷台账 → 登记纠纷.
  await shell.openMenu('人民调解');
  await page.waitForURL(/\/mediation\/disputes$/);
  await page.locator('.ant-table-row').first().waitFor();
  await shell.screenshot('mediation-disputes');
  await page.getByRole('button', { name: '登记纠纷' }).click();
  const form = m.overlay('登记纠纷');
  await form.locator('#orgUnitId').waitFor();
  await m.choose(form, 'orgUnitId', '四棵树村');
  await m.date(form, 'registeredOn', '2024-12-20');
  await m.choose(form, 'typeCode', '邻里');
  await form.locator('#summary').fill('张某与李某因院墙排水发生争执（端到端测试）');
  await form.locator('#parties_0_name').fill('张端到端');
  await form.locator('#parties_0_idNumber').fill('654202198001011234');
  await form.locator('#parties_0_phone').fill('13912340001');
  await form.locator('#parties_1_name').fill('李端到端');
  await form.getByRole('button', { name: '保存' }).click();
  await page.waitForURL(/\/mediation\/disputes\/\d+$/);
  await page.getByText('待受理').first().waitFor();

  // 受理, with the committee's director as mediator.
  await page.getByRole('button', { name: '受理', exact: true }).click();
  const accept = m.overlay('受理纠纷');
  await m.date(accept, 'acceptedOn', '2024-12-20');
  await m.choose(accept, 'mediatorIds', '刘长青', '受理纠纷');
  await accept.getByRole('button', { name: '受理', exact: true }).click();
  await page.getByText('调解中').first().waitFor();

  // 记录调解.
  await page.getByRole('button', { name: '记录调解' }).click();
  const session = m.overlay('记录调解');
  await m.date(session, 'heldOn', '2024-12-21');
  await session.locator('#record').fill('听取双方陈述，讲解相邻关系的法律规定，双方同意协商解决。');
  await session.getByRole('button', { name: '保存' }).click();
  await page.getByText('调解记录（1）').waitFor();
  await session.waitFor({ state: 'hidden' });

  // The record is corrected while mediating.
  await page.getByRole('button', { name: '修改', exact: true }).click();
  const correction = m.overlay('修改调解记录');
  await correction.locator('#record').fill('听取双方陈述，讲解相邻关系的法律规定（民法典第二百九十条），双方同意协商解决。');
  await correction.getByRole('button', { name: '保存' }).click();
  await page.getByText('民法典第二百九十条').waitFor();
  await page.getByText('调解记录（1）').waitFor();

  // 办结: 调解成功, written agreement.
  await page.getByRole('button', { name: '办结', exact: true }).click();
  const close = m.overlay('办结');
  await m.date(close, 'closedOn', '2024-12-22');
  await close.locator('#responsibilities').fill('李某改建排水沟未与邻居协商，应承担主要责任。');
  await close.locator('#terms').fill('一、李某于十日内将排水沟恢复原走向；\n二、双方今后和睦相处。');
  await close.locator('#performanceDeadline').fill('协议签订后十日内');
  await close.getByRole('button', { name: '办结', exact: true }).click();
  await page.getByText('调解协议（书面协议）').waitFor();
  await close.waitFor({ state: 'hidden' });
  await shell.screenshot('mediation-dispute-closed');

  // 下载协议书.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载协议书' }).click()]);
  assert.match(download.suggestedFilename(), /^人民调解协议书_2024-\d{4}\.docx$/);
  const file = path.join(artifacts, 'mediation-agreement.docx');
  await download.saveAs(file);
  const bytes = fs.readFileSync(file);
  assert.equal(bytes.subarray(0, 2).toString(), 'PK');
  assert.ok(bytes.length > 5000, `docx is ${bytes.length} bytes`);

  // 62 of 66 → 93.9 %.
  assert.equal(await m.successRate(2024), '93.9%');
  await page.getByText('62 ÷ 66').waitFor();
  await shell.screenshot('mediation-statistics-after');
}

test('the dispute list works on a phone, and a village cadre sees only their village', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  const login = new LoginPage(page);
  await login.open(server.url);
  await login.logIn('cungb', initialPassword);
  await new ChangePasswordPage(page).change(initialPassword, 'Cun-Gan-Bu-2024!');
  await page.goto(`${server.url}/mediation/disputes`);
  await page.locator('.ant-table-row').first().waitFor();
  const places = await page.locator('.ant-table-row td:nth-child(3)').allInnerTexts();
  assert.ok(places.length > 0);
  assert.ok(
    places.every((p) => p === '四棵树村'),
    places.join(','),
  );
  await new Shell(page).screenshot('mediation-village-cadre-phone');
  await page.locator('.ant-table-row a').first().click();
  await page.waitForURL(/\/mediation\/disputes\/\d+$/);
  await page.getByText(/^调解记录（\d+）$/).waitFor();
  assert.equal(await page.getByText('吉尔格勒特').count(), 0);
  await new Shell(page).screenshot('mediation-dispute-phone');
  await page.close();
});

test('the coordinator keeps the committees: members, women members, terms', async () => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  const login = new LoginPage(page);
  await login.open(server.url);
  await login.logIn('sifasuo', initialPassword);
  await new ChangePasswordPage(page).change(initialPassword, 'Si-Fa-Suo-2024!');
  await page.goto(`${server.url}/mediation/committees`);
  await page.getByText('四棵树镇人民调解委员会').waitFor();
  for (const village of ['四棵树村', '吉尔格勒特村', '夹河子村', '黄渠村', '高泉村']) await page.getByText(`${village}人民调解委员会`).waitFor();
  assert.ok((await page.getByRole('button', { name: '增补人员' }).count()) >= 6);
  await new Shell(page).screenshot('mediation-committees');
  await page.close();
});
