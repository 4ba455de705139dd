import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { artifacts, ChangePasswordPage, LoginPage, launchBrowser, Shell } from './pages.ts';
import { prepareHome, type RunningServer, type ServerHome, startServer, stopServer } from './server.ts';

let home: ServerHome;
let server: RunningServer;
let browser: Browser;
let initialPassword = '';

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
  fs.rmSync(home.dataDir, { recursive: true, force: true });
});

/** A demo user's first visit: the printed initial password, then a password of their own. */
async function firstLogin(username: string, newPassword: string, width = 1366): Promise<{ page: Page; shell: Shell }> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, locale: 'zh-CN' });
  const login = new LoginPage(page);
  await login.open(server.url);
  await login.logIn(username, initialPassword);
  await new ChangePasswordPage(page).change(initialPassword, newPassword);
  return { page, shell: new Shell(page) };
}

/** A screenshot once drawers have finished sliding in, with the page (and its sticky preview) at the top. */
async function snapshot(page: Page, shell: Shell, name: string) {
  await page.waitForTimeout(400);
  await page.evaluate(() => window.scrollTo(0, 0));
  await shell.screenshot(name);
}

/** The narrative TextArea and what is selected in it. */
const selectionIn = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => {
    const area = el as HTMLTextAreaElement;
    return area.value.slice(area.selectionStart, area.selectionEnd);
  });

test('the coordinator drafts the 2024 report: drills into a figure, 体检 flags 《婚姻法》, she fixes it and saves', async () => {
  const { page, shell } = await firstLogin('sifasuo', 'Sifa-Suo-2024!');
  await shell.openMenu('年度报告');
  await page.getByRole('button', { name: '新建年度报告' }).click();
  const drawer = page.getByRole('dialog').filter({ hasText: '新建年度报告' });
  await drawer.getByText('四棵树镇').waitFor();
  await drawer.locator('.ant-form-item').filter({ hasText: '报告年度' }).locator('.ant-select').click();
  await page
    .locator('.ant-select-item-option')
    .filter({ hasText: /^2024年$/ })
    .click();
  await drawer.getByRole('button', { name: '新建', exact: true }).click();
  await page.waitForURL(/\/reports\/annual\/\d+$/);

  const paper = page.getByTestId('report-paper');
  await paper.getByText('2024年度乌苏市四棵树镇法治政府建设情况报告').waitFor();

  // Every figure in the preview opens the records behind it: the first is the leading group's two co-leaders.
  await paper.locator('.fz-figure').first().click();
  const records = page.getByRole('dialog').filter({ hasText: '记录明细' });
  await records.getByText('王建军').waitFor();
  await records.getByText('艾尔肯·吐尔逊').waitFor();
  await snapshot(page, shell, 'reports-drill');
  await page.keyboard.press('Escape');
  await records.waitFor({ state: 'hidden' });

  // A repealed law cited as current: the check finds it while she types, and a click selects it in her text.
  await page.locator('#narrative-intro').fill('今年以来，四棵树镇深入学习贯彻习近平法治思想，全力推进法治政府建设各项任务，现将有关情况报告如下：');
  await page
    .locator('#narrative-publicity')
    .fill('重点宣传与群众生产生活密切相关的法律法规，如《中华人民共和国土地管理法》《婚姻法》等。\n成立镇村两级人民调解委员会，为群众提供高效便捷的法律服务。');
  const problem = page.getByTestId('report-problem').filter({ hasText: '《婚姻法》' });
  await problem.waitFor();
  assert.match((await problem.textContent()) ?? '', /法规/);
  assert.match((await problem.textContent()) ?? '', /2021-01-01 废止/);
  await paper.locator('mark.fz-problem').filter({ hasText: '《婚姻法》' }).waitFor();
  await problem.click();
  assert.equal(await selectionIn(page, '#narrative-publicity'), '《婚姻法》');
  await snapshot(page, shell, 'reports-problem');

  await page
    .locator('#narrative-publicity')
    .fill('重点宣传与群众生产生活密切相关的法律法规，如《中华人民共和国土地管理法》《中华人民共和国民法典》等。\n成立镇村两级人民调解委员会，为群众提供高效便捷的法律服务。');
  await problem.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByText('已保存', { exact: true }).first().waitFor();
  await paper.getByText('《中华人民共和国民法典》', { exact: false }).waitFor();
  assert.equal(await page.getByTestId('report-problem').filter({ hasText: '《婚姻法》' }).count(), 0);
  await snapshot(page, shell, 'reports-saved');
  await page.close();
});

/** Console errors and uncaught exceptions of a page, collected from now on. */
function errorsOf(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

test('the leader opens the dashboard on 2024: figures, monthly charts, villages compared; drills in, approves and downloads', async () => {
  const { page, shell } = await firstLogin('shuji', 'Shu-Ji-2024!!');
  const errors = errorsOf(page);
  await shell.openMenu('驾驶舱');
  // No year chosen: the dashboard opens on the latest year the town's work is on record, not last calendar year.
  await page.getByText('四棵树镇 2024年主要指标').waitFor();
  const monthly = page.locator('[data-section="monthly"]');
  await monthly.getByText('2024年月度情况').waitFor();
  await monthly.locator('[data-chart] canvas').nth(1).waitFor();
  assert.equal(await monthly.locator('[data-chart] canvas').count(), 2);
  // The chart's legend says the year's totals the records give (seed: 65 disputes mediated, 61 of them successful).
  await page.waitForTimeout(800);
  await monthly.screenshot({ path: path.join(artifacts, 'reports-dashboard-monthly.png') });
  const chartBox = await monthly.locator('[data-chart]').first().boundingBox();
  assert.ok(chartBox && chartBox.width > 300 && chartBox.height >= 250, `chart size ${JSON.stringify(chartBox)}`);

  const villages = page.locator('[data-section="villages"]');
  await villages.getByText('各村（社区）对比（2024年）').waitFor();
  const firstVillage = villages.locator('.ant-table-row').first();
  await firstVillage.waitFor();
  assert.ok((await villages.locator('.ant-table-row').count()) >= 2);
  await villages.locator('.ant-table-row').filter({ hasText: '四棵树村' }).waitFor();
  // Sortable: the hearings column, descending, puts the village with the most hearings first.
  const hearingsHeader = villages.locator('th').filter({ hasText: '民主听证' });
  await hearingsHeader.click();
  await hearingsHeader.click();
  const hearingCells = await villages.locator('.ant-table-row').evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[4]?.textContent ?? ''));
  const counts = hearingCells.map((t) => Number(t) || 0);
  assert.deepEqual(
    counts,
    [...counts].sort((a, b) => b - a),
    `hearings ${hearingCells.join(',')}`,
  );
  await page.mouse.move(0, 0);
  await villages.screenshot({ path: path.join(artifacts, 'reports-dashboard-villages.png') });
  await snapshot(page, shell, 'reports-dashboard-full');

  await page.locator('[data-indicator="org.leading_group_co_leaders"]').click();
  await page.getByRole('dialog').filter({ hasText: '记录明细' }).getByText('王建军').waitFor();
  await snapshot(page, shell, 'reports-dashboard');
  await page.keyboard.press('Escape');
  assert.deepEqual(errors, []);

  await shell.openMenu('年度报告');
  const row = page.locator('.ant-table-row').filter({ hasText: '2024年' });
  await row.getByText('草稿').waitFor();
  await row.getByRole('link', { name: '查看' }).click();
  await page.getByTestId('report-paper').getByText('《中华人民共和国民法典》', { exact: false }).waitFor();
  await page.getByRole('button', { name: '审定' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '审定' }).click();
  await page.getByText('报告已审定').first().waitFor();
  await page.locator('.ant-tag').filter({ hasText: '已审定' }).waitFor();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /导出 Word/ }).click()]);
  assert.match(download.suggestedFilename(), /2024年度乌苏市四棵树镇法治政府建设情况报告\.docx$/);
  const file = await download.path();
  const head = fs.readFileSync(file).subarray(0, 2).toString('latin1');
  assert.equal(head, 'PK', 'a .docx is a zip');
  await snapshot(page, shell, 'reports-approved');
  await page.close();
});

test('the city’s supervisor sees the city’s figures with last year’s change, monthly charts summed over its towns, and the towns compared', async () => {
  const { page, shell } = await firstLogin('ducha', 'Du-Cha-2024!!');
  const errors = errorsOf(page);
  await shell.openMenu('驾驶舱');
  await page.getByText('乌苏市 2024年主要指标').waitFor();
  const monthly = page.locator('[data-section="monthly"]');
  await monthly.getByText('2024年月度情况（所辖各镇合计）').waitFor();
  await monthly.locator('[data-chart] canvas').nth(1).waitFor();
  // Key figures carry the change from last year.
  await page
    .locator('[data-indicator="mediation.disputes"]')
    .getByText(/较上年/)
    .waitFor();
  await page.getByText('各乡镇对比（2024年）').waitFor();
  await page.locator('.ant-table-row').filter({ hasText: '四棵树镇' }).waitFor();
  // Villages are compared within a town, not across a city.
  assert.equal(await page.locator('[data-section="villages"]').count(), 0);
  await page.waitForTimeout(800);
  await monthly.screenshot({ path: path.join(artifacts, 'reports-city-monthly.png') });
  await snapshot(page, shell, 'reports-city-dashboard');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the coordinator publishes the approved report; a visitor finds it on /public/reports without logging in', async () => {
  // Her password is her own since the first test.
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  const login = new LoginPage(page);
  await login.open(server.url);
  await login.logIn('sifasuo', 'Sifa-Suo-2024!');
  await page.waitForURL((u) => u.pathname === '/');
  const shell = new Shell(page);
  await shell.openMenu('年度报告');
  const row = page.locator('.ant-table-row').filter({ hasText: '2024年' });
  await row.getByText('已审定').waitFor();
  await row.getByRole('link', { name: '查看' }).click();
  await page.getByRole('button', { name: '标记已公开' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '确认' }).click();
  await page.locator('.ant-tag').filter({ hasText: '已公开' }).waitFor();
  await page.close();

  const visitor = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  const errors = errorsOf(visitor);
  await visitor.goto(`${server.url}/public/reports`);
  const town = visitor.locator('[data-town="四棵树镇"]');
  const link = town.getByRole('link', { name: '四棵树镇2024年度法治政府建设情况报告' });
  await link.waitFor();
  assert.equal(new URL(visitor.url()).pathname, '/public/reports', 'no redirect to the login page');
  // Nothing personal: no account, no approver, no party of a case or dispute on the list.
  const text = (await visitor.locator('body').textContent()) ?? '';
  for (const word of ['sifasuo', 'shuji', '审定人', '身份证', '电话']) assert.ok(!text.includes(word), word);
  await new Shell(visitor).screenshot('reports-public');
  const [report] = await Promise.all([visitor.context().waitForEvent('page'), link.click()]);
  await report.waitForLoadState();
  assert.match((await report.locator('body').textContent()) ?? '', /四棵树镇法治政府建设情况报告/);
  await report.close();
  assert.deepEqual(errors, []);
  await visitor.close();
});
