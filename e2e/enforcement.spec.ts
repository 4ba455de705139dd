import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import { artifacts, ChangePasswordPage, filledTemplate, LedgerButtons, LoginPage, launchBrowser, Shell } from './pages.ts';
import { prepareHome, type RunningServer, type ServerHome, startServer, stopServer } from './server.ts';

/**
 * 行政执法 end to end in chromium: an ordinary-procedure case from 线索 to 归档 with the officer, the leader (立案,
 * 决定) and the legal reviewer (法制审核) each in their own session; the decision document generated; the decision
 * on the public page with the party's name masked.
 */
let home: ServerHome;
let server: RunningServer;
let browser: Browser;
let initialPassword = '';
const newPassword = 'Sishu-Enf-2024!';
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d6f0a20000000049454e44ae426082', 'hex');

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

/** One user's own browser session, logged in (the initial password changed on first login). */
async function sessionOf(username: string, viewport = { width: 1366, height: 900 }): Promise<Page> {
  const page = await browser.newPage({ viewport, locale: 'zh-CN' });
  const login = new LoginPage(page);
  await login.open(server.url);
  await login.logIn(username, initialPassword);
  await new ChangePasswordPage(page).change(initialPassword, newPassword);
  await page.getByRole('menuitem', { name: '行政执法' }).first().waitFor();
  return page;
}

const visibleModal = (page: Page): Locator => page.locator('.ant-modal:visible').last();

/** Picks options in an antd Select by typing their text. */
async function choose(scope: Locator, page: Page, fieldId: string, ...texts: string[]) {
  await scope.locator(`#${fieldId}`).click();
  for (const t of texts) {
    await page.keyboard.type(t);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option-active').first().waitFor();
    await page.keyboard.press('Enter');
  }
  await page.keyboard.press('Escape');
}

/** Clicks a workflow step, fills its form, submits, and waits for the server's confirmation. */
async function step(page: Page, label: string, fill: (modal: Locator) => Promise<void> = async () => {}) {
  await page.getByRole('button', { name: label, exact: true }).click();
  const modal = visibleModal(page);
  await modal.getByText(label).first().waitFor();
  await fill(modal);
  const refusal = page.locator('.ant-message-error').first();
  await modal.getByRole('button', { name: '提交' }).click();
  // The form closes only when the server accepted the step; a refusal is a toast with its article, read at once
  // (toasts fade after a few seconds).
  const said = await Promise.race([
    modal.waitFor({ state: 'hidden', timeout: 20_000 }).then(() => null),
    refusal.waitFor({ timeout: 20_000 }).then(async () => `被拒绝：${await refusal.textContent()}`),
  ]).catch((err: Error) => `未完成（${err.message.split('\n')[0]}）`);
  if (said !== null) {
    await page.screenshot({ path: path.join(artifacts, 'enforcement-failure.png'), fullPage: true });
    throw new Error(`「${label}」${said}`);
  }
}

const statusIs = async (page: Page, status: string) => page.locator('.ant-card-head').getByText(status, { exact: true }).first().waitFor({ timeout: 15_000 });

test('an ordinary-procedure case goes from 线索 to 归档, the decision is generated and published masked', async () => {
  const officer = await sessionOf('zhifa1');
  const shell = new Shell(officer);
  await shell.openMenu('行政执法');
  await officer.getByText('努尔江·吐尔洪').first().waitFor();

  // 线索登记
  await officer.getByRole('button', { name: '登记线索' }).click();
  const drawer = officer.locator('.ant-drawer').filter({ hasText: '登记案件线索（普通程序）' });
  await choose(drawer, officer, 'powerId', 'XZCF-005');
  await drawer.locator('#partyName').fill('张三丰');
  await drawer.locator('#partyIdNumber').fill('654202199001011234');
  await drawer.locator('#partyPhone').fill('13800001111');
  await drawer.locator('#partyAddress').fill('乌苏市四棵树镇四棵树村5组20号');
  await drawer.locator('#summary').fill('在四棵树村耕地露天焚烧秸秆');
  await drawer.locator('#actPlace').fill('四棵树村5组耕地');
  await drawer.locator('#clueSource').fill('日常巡查');
  await drawer.getByRole('button', { name: '保存' }).click();
  await officer.waitForURL(/\/enforcement\/cases\/\d+$/);
  const caseUrl = officer.url();
  await statusIs(officer, '线索登记');

  // A typo in the clue is corrected before 立案 is requested.
  await officer.getByRole('button', { name: '修改线索' }).click();
  const edit = officer.locator('.ant-drawer').filter({ hasText: '身份证号、联系电话不填写的，保持原值' });
  await edit.locator('#summary').fill('在四棵树村5组耕地露天焚烧秸秆');
  await edit.getByRole('button', { name: '保存' }).click();
  await officer.getByText('线索已修改').first().waitFor();
  await officer.getByText('在四棵树村5组耕地露天焚烧秸秆').first().waitFor();

  // 提请立案 (two officers with valid certificates)
  await step(officer, '提请立案', async (m) => choose(m, officer, 'investigatorIds', '马国强', '赵海燕'));
  await statusIs(officer, '待立案审批');

  // The leader approves 立案.
  const leader = await sessionOf('shuji');
  await leader.goto(caseUrl);
  await step(leader, '批准立案');
  await statusIs(leader, '调查取证');

  // 调查取证: a photo from the field, with its hash.
  await officer.reload();
  await officer.locator('input[type=file]').setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: PNG });
  const evidence = officer.locator('.ant-modal:visible').filter({ hasText: '登记证据：现场照片.png' });
  await evidence.locator('#place').fill('四棵树村5组耕地');
  await evidence.getByRole('button', { name: '确定' }).click();
  await officer.getByText('证据已登记').first().waitFor();
  await officer.getByText('现场照片').first().waitFor();

  // 调查终结, with a 法制审核 condition (art. 58).
  await step(officer, '调查终结', async (m) => {
    await m.locator('#fineAmount').fill('1000');
    await m.locator('#basis').fill('《中华人民共和国大气污染防治法》第一百一十九条第一款');
    await m.locator('#discretionReason').fill('焚烧面积5亩以下，初次违法，按裁量基准处1000元');
    await m.getByLabel('涉及重大公共利益').check();
  });
  await statusIs(officer, '调查终结');
  await officer
    .getByText(/未经法制审核/)
    .first()
    .waitFor();
  await shell.screenshot('enforcement-case-blocked');

  // The legal reviewer, who did not investigate, agrees.
  const reviewer = await sessionOf('shenhe');
  await reviewer.goto(caseUrl);
  await step(reviewer, '法制审核', async (m) => m.locator('#comments').fill('主体合法，事实清楚，证据充分，程序合法，裁量适当，同意'));

  // 告知 and 陈述申辩 (the party waives).
  await officer.reload();
  await step(officer, '送达事先告知书');
  await statusIs(officer, '已告知');
  await step(officer, '陈述申辩');

  // The leader decides: the decision gets its per-town number.
  await leader.reload();
  await step(leader, '作出决定', async (m) => m.locator('#reasons').fill('当事人未提出陈述申辩，按裁量基准处罚'));
  await statusIs(leader, '已决定');
  await leader
    .getByText(/四镇综执罚〔\d{4}〕\d+号/)
    .first()
    .waitFor();

  // 送达, 执行, 公示, 结案, 归档 — on a phone, as in the field.
  await officer.setViewportSize({ width: 390, height: 844 });
  await officer.reload();
  await step(officer, '送达决定书');
  await statusIs(officer, '已送达（执行中）');
  await step(officer, '登记缴款', async (m) => m.locator('#receipt').fill('非税票据0001'));
  await step(officer, '公示决定');
  await step(officer, '结案');
  await statusIs(officer, '已结案');
  await step(officer, '归档');
  await statusIs(officer, '已归档');
  await shell.screenshot('enforcement-case-phone');

  // The decision document, generated from the case.
  await officer.setViewportSize({ width: 1366, height: 900 });
  const [download] = await Promise.all([officer.waitForEvent('download'), officer.getByRole('link', { name: /行政处罚决定书/ }).click()]);
  const docx = path.join(artifacts, 'enforcement-decision.docx');
  await download.saveAs(docx);
  assert.ok(fs.statSync(docx).size > 5000);
  assert.equal(fs.readFileSync(docx).subarray(0, 2).toString(), 'PK');
  await officer.reload();
  await officer
    .getByText(/制作《行政处罚决定书》/)
    .first()
    .waitFor();
  await officer.getByRole('button', { name: '校验哈希链' }).click();
  await officer
    .getByText(/哈希链校验通过/)
    .first()
    .waitFor();
  await shell.screenshot('enforcement-case');

  // The public page, no login: the decision with the party masked.
  const visitor = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  await visitor.goto(`${server.url}/public/enforcement`);
  await visitor.getByText('行政执法公示').first().waitFor();
  const card = visitor.locator('.ant-card').filter({ hasText: '张某某' }).first();
  await card.waitFor();
  const shown = (await card.textContent()) ?? '';
  assert.match(shown, /四镇综执罚〔\d{4}〕\d+号/);
  assert.match(shown, /乌苏市四棵树镇四棵树村/);
  assert.match(shown, /罚款人民币1000\.00元/);
  const page = await visitor.content();
  assert.doesNotMatch(page, /张三丰|654202199001011234|13800001111|5组20号/);
  await new Shell(visitor).screenshot('enforcement-public');
  for (const p of [officer, leader, reviewer, visitor]) await p.close();
});

test('an officer moves an old closed case in from the register, finds it marked 台账导入 with its timeline, and exports the list', async () => {
  const page = await sessionOf('zhifa2');
  const shell = new Shell(page);
  await page.goto(`${server.url}/enforcement`);
  await page.locator('.ant-table-row').first().waitFor();
  const ledger = new LedgerButtons(page);
  const template = await ledger.download('下载模板', 'cases-template.xlsx');
  assert.equal(template.filename, '行政处罚案件台账_导入模板.xlsx');
  const party = '历史当事人端到端';
  const file = await filledTemplate(
    template.file,
    '案件台账',
    [
      {
        案号: '四镇综执罚〔2019〕77号',
        执法主体: '四棵树镇综合执法大队',
        执法事项: 'XZCF-016',
        案由: '占用消防车通道（历史案件）',
        当事人: party,
        当事人类型: '公民',
        证件号码: '654202198807071234',
        地址: '乌苏市四棵树镇四棵树村2组',
        程序: '普通程序',
        立案日期: '2019-03-01',
        处罚决定日期: '2019-04-01',
        处罚种类: '警告、罚款',
        '罚款金额（元）': 300,
        结案日期: '2019-05-06',
        执法人员: '马国强、赵海燕',
        备注: '罚款已缴清',
      },
    ],
    'cases-register.xlsx',
  );
  const dialog = await ledger.import(file);
  await dialog.getByText('读取 1 行：新增 1，已存在未重复导入 0').waitFor();
  await shell.screenshot('ledger-cases-imported');
  await ledger.close(dialog);

  await page.locator('#q').fill(party);
  await page.getByRole('button', { name: /查\s*询/ }).click();
  // The imported case already heads the unfiltered list (newest first): wait for the search's answer, one row.
  await page.waitForFunction(() => document.querySelectorAll('.ant-table-row').length === 1);
  const row = page.locator('.ant-table-row').filter({ hasText: party });
  await row.getByText('普通程序 · 台账导入').waitFor();
  await row.getByText('已结案').waitFor();
  assert.equal(await page.locator('.ant-table-row').count(), 1);
  await shell.screenshot('ledger-cases-list');

  // The list as filtered, written out.
  const exported = await ledger.download('导出', 'cases-export.xlsx');
  assert.match(exported.filename, /^行政处罚案件台账.*\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(exported.file);
  const text = JSON.stringify(wb.getWorksheet('案件台账')?.getSheetValues());
  assert.ok(text.includes('四镇综执罚〔2019〕77号') && text.includes(party), text);

  await row.getByRole('link').click();
  await page.waitForURL(/\/enforcement\/cases\/\d+$/);
  await page.getByText('台账导入：立案（2019-03-01）').waitFor();
  await page.locator('.ant-card-head').getByText('台账导入', { exact: true }).waitFor();
  await page.getByText('四镇综执罚〔2019〕77号 2019-04-01：警告；罚款人民币300.00元').waitFor();
  await page.getByText(/^台账导入：作出行政处罚决定 四镇综执罚〔2019〕77号：.*罚款人民币300\.00元/).waitFor();
  await page.getByText('台账导入：结案（罚款已缴清）').waitFor();
  await shell.screenshot('ledger-case-detail');
  await page.close();
});

test('a supervisor reads the statistics (8 cases in 2024, all closed, 16 reviews with 26 findings corrected), the powers, the officers and the reviews', async () => {
  const page = await sessionOf('ducha');
  await page.goto(`${server.url}/enforcement/stats?year=2024`);
  await page.getByText('结案率 100%').first().waitFor();
  await page.getByText('发现问题 26 处，纠正 26 处').first().waitFor();
  const shell = new Shell(page);
  await shell.screenshot('enforcement-stats');
  assert.equal(await page.getByRole('button', { name: '登记线索' }).count(), 0);
  await page.getByText('权责清单', { exact: true }).first().click();
  await page.getByText('XZCF-016').first().waitFor();
  await shell.screenshot('enforcement-powers');
  await page.getByText('执法人员', { exact: true }).first().click();
  await page.getByText('65420224001').first().waitFor();
  // 周文 began reviewing in 2022 and holds the 法律职业资格 (art. 58②)
  await page.getByText('A20206542021234').first().waitFor();
  await page.getByText('可以审核').first().waitFor();
  await shell.screenshot('enforcement-officers');
  // The roster as the page shows it, for the county's file.
  const roster = await new LedgerButtons(page, page.locator('.ant-card').filter({ hasText: '执法人员（2）' })).download('导出', 'officers-export.xlsx');
  assert.match(roster.filename, /^执法人员名册.*\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(roster.file);
  const rows = JSON.stringify(wb.getWorksheet('执法人员')?.getSheetValues());
  assert.ok(rows.includes('马国强') && rows.includes('65420224001') && rows.includes('赵海燕'), rows);
  await page.getByText('案卷评查', { exact: true }).first().click();
  await page.getByText('共 8 次评查，评查案卷 16 次，发现问题 26 处，已纠正 26 处。').first().waitFor();
  await page.locator('.ant-table-row-expand-icon').first().click();
  await page.getByText('已销号').first().waitFor();
  await shell.screenshot('enforcement-reviews');
  await page.close();
});
