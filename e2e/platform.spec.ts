import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { ChangePasswordPage, LoginPage, launchBrowser, Shell } from './pages.ts';
import { prepareHome, type RunningServer, type ServerHome, startServer, stopServer } from './server.ts';

let home: ServerHome;
let server: RunningServer;
let browser: Browser;
let adminPassword = '';
const newPassword = 'Sishu-Shu-2024!';

before(async () => {
  home = await prepareHome();
  server = await startServer(home);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  if (server) await stopServer(server);
  fs.rmSync(home.dataDir, { recursive: true, force: true });
});

test('first start prints the admin credentials and loads the demo town', async () => {
  const match = server.output().match(/初始密码：(\S+)/);
  assert.ok(match, server.output());
  adminPassword = match[1] as string;
  assert.match(server.output(), /首次登录须修改密码/);
  const health = await (await fetch(`${server.url}/api/health`)).json();
  assert.equal(health.status, 'ok');
  assert.equal(health.db, process.env.TEST_DATABASE_URL ? 'external' : 'embedded');
});

test('admin logs in, must change the initial password, then opens the org tree and the leading group', async () => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  const login = new LoginPage(page);
  await login.open(server.url);
  await login.logIn('admin', 'wrong-Password-1');
  await page
    .getByText(/用户名或密码错误/)
    .first()
    .waitFor();
  await login.logIn('admin', adminPassword);
  await new ChangePasswordPage(page).change(adminPassword, newPassword);
  const shell = new Shell(page);
  await page.getByRole('menuitem', { name: '组织机构' }).first().waitFor();
  await shell.openMenu('组织机构');
  await page.getByText('四棵树镇').first().waitFor();
  await page.getByText('吉尔格勒特村').first().waitFor();
  await shell.screenshot('org-tree');
  await shell.openMenu('领导小组');
  await page.getByText('四棵树镇依法治镇工作领导小组').first().waitFor();
  await page.getByText('王建军').first().waitFor();
  await page.getByText('艾尔肯·吐尔逊').first().waitFor();
  await shell.screenshot('leading-group');
  await shell.openMenu('审计日志');
  await page.getByText('auth.password_change').first().waitFor();
  await shell.screenshot('audit-log');
  await page.close();
});

test('a village cadre sees only the menu entries and the village their role allows', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  const login = new LoginPage(page);
  await login.open(server.url);
  await login.logIn('cungb', adminPassword);
  await new ChangePasswordPage(page).change(adminPassword, 'Cun-Ganbu-2024!');
  const api = await page.evaluate(async () => (await fetch('/api/org/units')).json());
  assert.deepEqual(
    api.items.map((u: { name: string }) => u.name),
    ['四棵树村'],
  );
  assert.equal(await page.getByRole('menuitem', { name: '用户与角色' }).count(), 0);
  assert.equal(await page.getByRole('menuitem', { name: '审计日志' }).count(), 0);
  await new Shell(page).screenshot('village-cadre-phone');
  // The leading group is the town's: no entry in the (phone's drawer) menu, and its page refuses a direct visit.
  await page.getByRole('button', { name: '菜单' }).click();
  await page.getByRole('menuitem', { name: '民主法治村' }).waitFor();
  assert.equal(await page.getByRole('menuitem', { name: '领导小组' }).count(), 0);
  await page.goto(`${server.url}/org/leading-group`);
  await page.getByText('无权访问').waitFor();
  await page.close();
});

test('a second start reuses the data and loads nothing twice; a start after kill -9 recovers', async () => {
  assert.equal(await stopServer(server, 'SIGTERM'), 0);
  server = await startServer(home);
  assert.doesNotMatch(server.output(), /首次启动：/);
  const login = async () =>
    fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: newPassword }) });
  assert.equal((await login()).status, 200);
  await stopServer(server, 'SIGKILL');
  server = await startServer(home);
  const res = await login();
  assert.equal(res.status, 200);
  const me = await res.json();
  assert.equal(me.user.username, 'admin');
});
