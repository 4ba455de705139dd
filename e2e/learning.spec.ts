import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { ChangePasswordPage, filledTemplate, headersOf, LedgerButtons, LoginPage, launchBrowser, Shell } from './pages.ts';
import { prepareHome, type RunningServer, startServer, stopServer } from './server.ts';

let server: RunningServer;
let browser: Browser;
let initialPassword = '';
let coordinatorPage: Page;
const examTitle = `法律知识自测（e2e ${Date.now().toString(36)}）`;
let onlineScore = '';

before(async () => {
  server = await startServer(await prepareHome());
  browser = await launchBrowser();
  const match = server.output().match(/初始密码：(\S+)/);
  assert.ok(match, server.output());
  initialPassword = match[1] as string;
});
after(async () => {
  await browser?.close();
  if (server) await stopServer(server);
});

async function signIn(page: Page, username: string, newPassword: string) {
  const login = new LoginPage(page);
  await login.open(server.url);
  await login.logIn(username, initialPassword);
  await new ChangePasswordPage(page).change(initialPassword, newPassword);
  await page.getByRole('button', { name: /退出登录/ }).waitFor();
}

/** Picks an option of the antd Select whose form field is `id`. */
/** Picks an option of an antd select; a click landing while the dropdown still animates is lost, so it is checked. */
async function choose(page: Page, id: string, option: string | RegExp) {
  const select = page.locator('.ant-select').filter({ has: page.locator(`#${id}`) });
  for (let attempt = 1; ; attempt++) {
    await page.locator(`#${id}`).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
    const chosen = select.filter({ hasText: option });
    if ((await chosen.count()) > 0 || attempt === 3) return chosen.first().waitFor({ timeout: 5000 });
  }
}

test('the coordinator creates a mixed (online + offline) test on a demo paper and publishes it', async () => {
  coordinatorPage = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = coordinatorPage;
  await signIn(page, 'sifasuo', 'Sifa-Suo-2024!');
  const shell = new Shell(page);
  await shell.openMenu('学法用法');
  await page.getByRole('tab', { name: '学法活动' }).waitFor();
  await page.getByText('党委书记讲法治课：习近平法治思想与基层依法治理').waitFor();
  await shell.screenshot('learning-sessions');

  await page.getByRole('tab', { name: '法律知识测试' }).click();
  await page.getByText('2024年上半年机关干部法律知识测试（线上）').waitFor();
  await page.getByRole('button', { name: '新建测试' }).click();
  const drawer = page.getByRole('dialog').filter({ hasText: '新建测试' });
  await drawer.locator('#title').fill(examTitle);
  await choose(page, 'paperId', '《中国共产党纪律处分条例》及法治基础知识测试卷');
  await drawer.getByRole('button', { name: '保存' }).click();
  const row = page.locator('tr').filter({ hasText: examTitle });
  await row.waitFor();
  await row.getByRole('button', { name: '发布' }).click();
  await page.getByRole('dialog').filter({ hasText: '发布后生成应考名单' }).getByRole('button', { name: '发布' }).click();
  await page.getByText(/已发布，应考 \d+ 人/).waitFor();
  await page.getByRole('dialog').filter({ hasText: '发布后生成应考名单' }).waitFor({ state: 'hidden' });
  await row.getByText('进行中').waitFor();
  await shell.screenshot('learning-exams');
});

test('the figures of 2024 on the statistics page are the seed report’s, and the bank and papers are there', async () => {
  const page = coordinatorPage;
  await page.getByRole('tab', { name: '统计' }).click();
  await choose(page, 'stats-year', '2024 年');
  await page.getByText('9 期 / 41 人次').waitFor();
  const figure = async (title: string) => ((await page.locator('.ant-statistic').filter({ hasText: title }).first().textContent()) ?? '').replace(/\s+/g, '');
  assert.match(await figure('党委中心组学法'), /5次/);
  assert.match(await figure('主要负责人讲法治课'), /2次/);
  assert.match(await figure('纪律规定学习'), /3场/);
  assert.match(await figure('法律知识测试'), /3次/);
  await new Shell(page).screenshot('learning-stats');
  await page.getByRole('tab', { name: '题库' }).click();
  await page.getByText('共 23 条').waitFor();
  await new Shell(page).screenshot('learning-questions');
  await page.getByRole('tab', { name: '法律知识测试' }).click();
});

test('a cadre takes the test on a phone: timer, autosave, hand-in, score; answers stay hidden while it runs', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', isMobile: true, hasTouch: true });
  await signIn(page, 'zhifa1', 'Zhifa-Yi-2024!');
  await page.getByRole('button', { name: '菜单' }).click();
  await page.getByRole('menuitem', { name: '在线测试' }).click();
  const card = page.locator('.ant-card').filter({ hasText: examTitle });
  await card.getByRole('button', { name: '开始作答' }).waitFor();
  await page.screenshot({ path: 'e2e/artifacts/learning-my-exams-phone.png', fullPage: true });
  await card.getByRole('button', { name: '开始作答' }).click();
  await page.getByLabel('剩余时间').waitFor();
  const questions = page.locator('[id^="q-"]');
  assert.equal(await questions.count(), 10);
  // Answer every question with its first option (whatever it scores, the server grades it).
  for (let i = 0; i < 10; i++) {
    await questions.nth(i).locator('.ant-radio-wrapper, .ant-checkbox-wrapper').first().click();
  }
  await page.locator('[data-save-state="saved"]').waitFor({ timeout: 15_000 });
  assert.match((await page.getByLabel('剩余时间').textContent()) ?? '', /\d{2}:\d{2}/);
  await page.screenshot({ path: 'e2e/artifacts/learning-exam-phone.png', fullPage: false });

  // A reload resumes the same attempt with the saved answers.
  await page.reload();
  await page.getByText('已答 10/10').waitFor();

  await page.getByRole('button', { name: '交卷' }).first().click();
  await page.getByRole('dialog').filter({ hasText: '确认交卷' }).getByRole('button', { name: '交卷' }).click();
  const title = page.locator('.ant-result-title');
  await title.waitFor();
  onlineScore = (((await title.textContent()) ?? '').match(/^([\d.]+) 分/) ?? [])[1] ?? '';
  assert.ok(onlineScore, (await title.textContent()) ?? '');
  await page.getByText(/正确答案与解析将于测试结束/).waitFor();
  assert.equal(await page.getByText('解析：').count(), 0);
  await page.screenshot({ path: 'e2e/artifacts/learning-exam-result-phone.png', fullPage: true });

  // The record page shows the result too.
  await page.getByRole('button', { name: '菜单' }).click();
  await page.getByRole('menuitem', { name: '我的学习' }).click();
  await page.locator('.ant-table-row').filter({ hasText: examTitle }).getByText(`${onlineScore} / 100`).waitFor();
  await page.screenshot({ path: 'e2e/artifacts/learning-my-record-phone.png', fullPage: true });
  await page.close();
});

test('the coordinator sees the online result beside an offline score in the one result list', async () => {
  const page = coordinatorPage;
  await page.getByRole('link', { name: examTitle }).click();
  await page.getByText('成绩（线上、线下同一名单）').waitFor();
  await page.getByRole('button', { name: '录入线下成绩' }).click();
  const modal = page.getByRole('dialog').filter({ hasText: '录入线下成绩' });
  await choose(page, 'candidateId', '刘长青');
  await modal.locator('#score').fill('88');
  await modal.getByRole('button', { name: '确定' }).click();
  await modal.waitFor({ state: 'hidden' });

  const online = page.locator('tr').filter({ hasText: '马国强' });
  const offline = page.locator('tr').filter({ hasText: '刘长青' });
  await offline.getByText('线下', { exact: true }).waitFor();
  await online.getByText('线上', { exact: true }).waitFor();
  assert.match((await online.textContent()) ?? '', new RegExp(`最高 ${onlineScore} 分（1 次）`));
  assert.match((await offline.textContent()) ?? '', /88 分/);
  assert.match((await offline.textContent()) ?? '', /及格/);
  await page.getByText('线上 / 线下').waitFor();
  const summary = await page.locator('.ant-statistic').filter({ hasText: '线上 / 线下' }).textContent();
  assert.match(summary ?? '', /1 \/ 1/);
  await new Shell(page).screenshot('learning-results');
  await page.close();
});

/** The coordinator (password already changed) in a new desktop session, on 学法用法. */
async function coordinatorAgain() {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
  const login = new LoginPage(page);
  await login.open(server.url);
  await login.logIn('sifasuo', 'Sifa-Suo-2024!');
  const shell = new Shell(page);
  await shell.openMenu('学法用法');
  return { page, shell };
}

/** A question row in the template's columns: 编号, 所属单位, 题型, 类别, 题干, 选项A–H, 答案, 解析, 法律依据, 条款. */
const questionRow = (type: string, stem: string, answer: string) => [
  '',
  '四棵树镇',
  type,
  '宪法',
  stem,
  '全国人民代表大会',
  '国务院',
  '最高人民法院',
  '',
  '',
  '',
  '',
  '',
  answer,
  '',
  '中华人民共和国宪法',
  '第五十七条',
];

test('the coordinator fills the question bank from a ledger: template, a good file, a file with a bad row, export', async () => {
  const { page, shell } = await coordinatorAgain();
  await page.getByRole('tab', { name: '题库' }).click();
  await page.getByText('共 23 条').waitFor();
  const ledger = new LedgerButtons(page);

  const template = await ledger.download('下载模板', 'questions-template.xlsx');
  assert.equal(template.filename, '题库台账_导入模板.xlsx');
  assert.deepEqual((await headersOf(template.file, '题库')).slice(0, 5), ['编号', '*所属单位', '*题型', '*类别', '*题干']);

  const stem = `我国的最高国家权力机关是？（e2e ${Date.now().toString(36)}）`;
  const good = await filledTemplate(template.file, '题库', [questionRow('单选题', stem, 'A')], 'questions-good.xlsx');
  let dialog = await ledger.import(good);
  await dialog.getByText('读取 1 行：新增 1，已存在未重复导入 0').waitFor();
  await shell.screenshot('ledger-questions-imported');
  await ledger.close(dialog);
  await page.getByText('共 24 条').waitFor();
  // The bank lists by number, the new question last: the clerk finds it by keyword.
  await page.locator('#q').fill(stem);
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await page.getByText('共 1 条').waitFor();
  await page.getByText(stem).waitFor();
  await shell.screenshot('ledger-questions-found');
  await page.getByRole('button', { name: /重\s*置/ }).click();

  // One bad row refuses the whole file: the problem list says where, nothing is added.
  const bad = await filledTemplate(template.file, '题库', [questionRow('单选题', `${stem}（二）`, 'A'), questionRow('填空题', '宪法的修改由谁提议？', 'A')], 'questions-bad.xlsx');
  dialog = await ledger.import(bad);
  await dialog.getByText(/台账有 1 行有错误，未导入任何数据/).waitFor();
  await dialog.locator('.ant-progress-status-exception').waitFor();
  const problem = dialog.locator('.ant-table-row').first();
  assert.deepEqual(await problem.locator('td').allInnerTexts(), ['题库', '4', '题型', '「填空题」不在可选值中（单选题、多选题、判断题）']);
  await shell.screenshot('ledger-questions-rejected');
  await ledger.close(dialog);
  await page.getByText('共 24 条').waitFor();
  assert.equal(await page.getByText(`${stem}（二）`).count(), 0);

  const exported = await ledger.download('导出', 'questions-export.xlsx');
  assert.match(exported.filename, /^题库台账.*\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(exported.file);
  const stems = (wb.getWorksheet('题库')?.getColumn(5).values ?? []).map(String);
  assert.ok(stems.includes(stem), stems.join('\n'));
  await page.close();
});

test('the coordinator imports offline scores for the mixed test and sees them in its results', async () => {
  const { page, shell } = await coordinatorAgain();
  await page.getByRole('tab', { name: '法律知识测试' }).click();
  // The exams list and an exam's results both name what their ledger holds: offline scores, not the tests.
  await page.getByRole('button', { name: '导入线下成绩' }).waitFor();
  await page.getByRole('link', { name: examTitle }).click();
  const card = page.locator('.ant-card').filter({ hasText: '成绩（线上、线下同一名单）' });
  await card.waitFor();
  const ledger = new LedgerButtons(page, card.locator('.ant-card-extra'), '线下成绩');
  const template = await ledger.download('下载模板', 'exam-scores-template.xlsx');
  assert.equal(template.filename, '线下考试成绩台账_导入模板.xlsx');
  assert.deepEqual(await headersOf(template.file, '线下考试成绩'), ['*考试名称', '*姓名', '单位', '*成绩', '考试日期', '备注']);
  const file = await filledTemplate(
    template.file,
    '线下考试成绩',
    [
      [examTitle, '王秀英', '黄渠村', 92, '', '补考'],
      [examTitle, '赵海燕', '', 75, '', ''],
    ],
    'exam-scores.xlsx',
  );
  const dialog = await ledger.import(file);
  await dialog.getByText('读取 2 行：新增 2，已存在未重复导入 0').waitFor();
  await shell.screenshot('ledger-exam-scores-imported');
  await ledger.close(dialog);

  // Rows without a date are dated today: the test is still running, its last day is to come.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  for (const [name, score] of [
    ['王秀英', '92 分'],
    ['赵海燕', '75 分'],
  ]) {
    const row = page.locator('tr').filter({ hasText: name });
    await row.getByText('线下', { exact: true }).waitFor();
    assert.match((await row.textContent()) ?? '', new RegExp(`${score}${today}`));
  }
  const summary = await page.locator('.ant-statistic').filter({ hasText: '线上 / 线下' }).textContent();
  assert.match(summary ?? '', /1 \/ 3/);
  await shell.screenshot('ledger-exam-results');
  const exported = await ledger.download('导出', 'exam-scores-export.xlsx');
  assert.match(exported.filename, /^线下考试成绩台账.*\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(exported.file);
  const names = (wb.getWorksheet('线下考试成绩')?.getColumn(2).values ?? []).map(String);
  assert.deepEqual(names.filter((n) => ['王秀英', '赵海燕', '刘长青'].includes(n)).sort(), ['刘长青', '王秀英', '赵海燕']);
  await page.close();
});

test('a session held today takes sign-ins: the organiser shows a code, a village cadre signs in with it', async () => {
  const organiser = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const login = new LoginPage(organiser);
  await login.open(server.url);
  await login.logIn('sifasuo', 'Sifa-Suo-2024!');
  const shell = new Shell(organiser);
  await shell.openMenu('学法用法');
  await organiser.getByRole('button', { name: '登记学法活动' }).click();
  const drawer = organiser.getByRole('dialog').filter({ hasText: '登记学法活动' });
  const title = `党委理论学习中心组学法（签到 ${Date.now().toString(36)}）`;
  await drawer.locator('#title').fill(title);
  await drawer.getByRole('button', { name: '保存' }).click();
  const row = organiser.locator('tr').filter({ hasText: title });
  await row.getByRole('button', { name: '签到' }).click();
  const modal = organiser.getByRole('dialog').filter({ hasText: '现场签到' });
  await modal.getByRole('button', { name: '开启签到' }).click();
  const code = ((await modal.getByTestId('sign-in-code').textContent()) ?? '').trim();
  assert.match(code, /^\d{6}$/);
  await modal.locator('canvas').waitFor();
  await shell.screenshot('learning-sign-in');

  const cadre = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', isMobile: true, hasTouch: true });
  await signIn(cadre, 'cungb', 'Cun-Gan-Bu-2024!');
  // the QR code's link fills the code in
  await cadre.goto(`${server.url}/my/learning?signin=${code}`);
  await cadre.getByRole('button', { name: '签到' }).click();
  await cadre.getByText(`已签到：${title}`).waitFor();
  await cadre.getByText(title).last().waitFor();

  await modal.getByText(/已签到 1 人/).waitFor();
  await modal.getByRole('button', { name: '结束签到' }).click();
  await modal.getByRole('button', { name: '开启签到' }).waitFor();
  await organiser.keyboard.press('Escape');
  await row.locator('td').filter({ hasText: /^1$/ }).waitFor();
  await cadre.close();
  await organiser.close();
});
