import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { ChangePasswordPage, LoginPage, launchBrowser, Shell } from './pages.ts';
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
});

/** A demo user's first login: the printed initial password, then a password of their own (not containing the username). */
async function signIn(username: string, width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, locale: 'zh-CN' });
  const login = new LoginPage(page);
  await login.open(server.url);
  await login.logIn(username, initialPassword);
  await new ChangePasswordPage(page).change(initialPassword, 'Sishu-Shu-2024!');
  await page.waitForURL((url) => !url.pathname.startsWith('/change-password'));
  return page;
}

/** The drawer now open (closed drawers stay in the page, hidden). */
const openDrawer = (page: Page): Locator => page.locator('.ant-drawer-open .ant-drawer-section');

/** A tab of the page; on a phone the tab bar scrolls, so the click is repeated until the tab is the selected one. */
async function openTab(page: Page, name: string) {
  const tab = page.getByRole('tab', { name });
  for (let i = 0; i < 5 && (await tab.getAttribute('aria-selected')) !== 'true'; i++) {
    await tab.click();
    await page.waitForTimeout(400);
  }
  assert.equal(await tab.getAttribute('aria-selected'), 'true');
}

async function openMenu(page: Page, label: string, narrow: boolean) {
  if (narrow) await page.getByRole('button', { name: '菜单' }).click();
  await new Shell(page).openMenu(label);
}

test('a village cadre records a democratic hearing of their village on a phone', async () => {
  const page = await signIn('cungb', 390);
  await openMenu(page, '民主法治村', true);
  // Only their own village is offered, and the 复核 due at the end of 2026 is announced.
  await page.getByText('四棵树村').first().waitFor();
  assert.equal(await page.getByText('吉尔格勒特村').count(), 0);
  await openTab(page, '民主听证');
  await page.getByRole('button', { name: /登记民主听证/ }).click();
  const drawer = openDrawer(page);
  await drawer.getByText('登记民主听证').waitFor();
  // The village is preselected for a village cadre.
  await drawer.getByText('四棵树村').waitFor();
  await drawer.locator('#topic').fill('村级公益事业"一事一议"筹资方案');
  await drawer.locator('#place').fill('四棵树村村委会会议室');
  await drawer.locator('#presidedBy').fill('刘长青');
  await drawer.locator('#participantCount').fill('41');
  await drawer.locator('#participants').fill('王振华、马文礼、张桂芬、');
  await drawer.locator('#decision').fill('同意按户筹资，困难户免缴；资金使用每季度公开。');
  await drawer.locator('#minutes').fill('村委会说明方案，村民代表发言8人次，举手表决通过。');
  await drawer.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByText('已保存').first().waitFor();
  const row = page.locator('tr', { hasText: '村级公益事业"一事一议"筹资方案' });
  await row.waitFor();
  assert.match((await row.textContent()) ?? '', /41/);
  await row.locator('.ant-table-row-expand-icon').click();
  await page.locator('.ant-table-expanded-row').getByText('同意按户筹资，困难户免缴；资金使用每季度公开。').waitFor();
  await new Shell(page).screenshot('villages-hearing-phone');

  // The server agrees: the hearing is theirs, and the other village stays out of reach.
  const res = await page.evaluate(async () => (await fetch('/api/villages/hearings?pageSize=200')).json());
  assert.ok(res.items.some((h: { topic: string; villageName: string }) => h.topic === '村级公益事业"一事一议"筹资方案' && h.villageName === '四棵树村'));
  assert.ok(res.items.every((h: { villageName: string }) => h.villageName === '四棵树村'));
  await page.close();
});

test('a publicity event naming 《婚姻法》 shows the repealed-law warning as it is typed, and after saving', async () => {
  const page = await signIn('sifasuo', 1366);
  await openMenu(page, '普法宣传', false);
  await page.getByText('开学第一课').first().waitFor();
  await page.getByRole('button', { name: /登记普法活动/ }).click();
  const drawer = openDrawer(page);
  await drawer.getByText('登记普法活动').waitFor();
  await drawer.locator('#title').fill('《婚姻法》知识讲座');
  // Before anything is saved the warning names the law and its successor.
  const warning = drawer.getByText('《婚姻法》已于 2021-01-01 废止，现行规定见《民法典》');
  await warning.waitFor();
  await new Shell(page).screenshot('publicity-repealed-law-warning');
  await drawer.locator('#place').fill('黄渠村村委会');
  await drawer.locator('#organiser').fill('四棵树镇司法所');
  await drawer.locator('#materialsCount').fill('60');
  await drawer.locator('#peopleReached').fill('45');
  await drawer.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByText('已保存').first().waitFor();
  const row = page.locator('tr', { hasText: '《婚姻法》知识讲座' });
  await row.waitFor();
  await row.getByText('涉及已废止法律').waitFor();
  await row.locator('.ant-table-row-expand-icon').click();
  await page.getByRole('alert').filter({ hasText: '现行规定见《民法典》' }).first().waitFor();
  await new Shell(page).screenshot('publicity-event-saved');

  const res = await page.evaluate(async () => {
    const response = await fetch('/api/publicity/events?q=%E5%A9%9A%E5%A7%BB%E6%B3%95');
    return response.json();
  });
  const saved = res.items.find((e: { title: string }) => e.title === '《婚姻法》知识讲座');
  assert.equal(saved.lawWarnings[0].replacedBy.shortTitle, '民法典');
  await page.close();
});

test('the counsel records a lawsuit hearing where the 镇长 appeared, and the 出庭 rate counts it', async () => {
  const page = await signIn('guwen', 1366);
  await openMenu(page, '法律顾问', false);
  await openTab(page, '行政诉讼与复议');
  await page.getByText('（2024）新4202行初15号').waitFor();
  await page.getByRole('button', { name: /登记案件/ }).click();
  let drawer = openDrawer(page);
  await drawer.getByText('登记行政诉讼/行政复议案件').waitFor();
  const caseNo = `（${new Date().getFullYear()}）新4202行初99号`;
  await drawer.locator('#caseNo').fill(caseNo);
  await drawer.locator('#cause').fill('不服政府信息公开答复');
  await drawer.locator('#plaintiff').fill('某村民');
  await drawer.locator('#court').fill('乌苏市人民法院');
  await drawer.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByText('已保存').first().waitFor();
  const row = page.locator('tr', { hasText: caseNo });
  await row.waitFor();
  await row.getByRole('button', { name: '登记开庭' }).click();
  drawer = openDrawer(page);
  await drawer.getByText(`登记开庭：${caseNo}`).waitFor();
  await drawer.locator('#place').fill('乌苏市人民法院第一审判庭');
  // The first person is offered as 正职负责人 with the identity proof handed in.
  await drawer.locator('#appearances_0_name').fill('艾尔肯·吐尔逊');
  await drawer.locator('#appearances_0_position').fill('镇长');
  await drawer.getByText('本次开庭负责人出庭，计入负责人出庭应诉').waitFor();
  await drawer.getByRole('button', { name: /添加出庭人员/ }).click();
  await drawer.locator('#appearances_1_name').fill('马国强');
  await drawer.locator('#appearances_1_position').fill('综合执法大队队长');
  await new Shell(page).screenshot('counsel-hearing-form');
  await drawer.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByText('已保存').first().waitFor();
  await row.getByText('1/1 庭次').waitFor();
  await row.locator('.ant-table-row-expand-icon').click();
  await page.getByText('艾尔肯·吐尔逊（镇长·正职负责人）').last().waitFor();
  await new Shell(page).screenshot('counsel-lawsuit-hearing');

  const stats = await page.evaluate(async (year) => (await fetch(`/api/counsel/lawsuits/stats?year=${year}`)).json(), new Date().getFullYear());
  assert.ok(stats.hearings.numerator >= 1);
  assert.equal(stats.hearings.numerator, stats.hearings.denominator);
  await page.close();
});
