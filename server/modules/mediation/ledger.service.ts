import ExcelJS from 'exceljs';
import type { DisputeFilters, DisputeListItem, ImportBody, ImportProblem, ImportResult, PartyInput } from '../../../domain/mediation/contracts.ts';
import {
  agreementKindLabels,
  agreementKinds,
  committeeLevelLabels,
  type DisputeStatus,
  disputeSourceLabels,
  disputeSources,
  disputeStatuses,
  disputeStatusLabels,
  followUpMethodLabels,
  judicialResultLabels,
  type OtherChannel,
  otherChannelLabels,
  otherChannels,
  performanceLabels,
  referralFromLabels,
  referralFroms,
} from '../../../domain/mediation/rules.ts';
import { shanghaiDate } from '../../../domain/platform/dates.ts';
import { AppError } from '../../errors.ts';
import { audited, type Ctx } from '../../platform/context.ts';
import { listEntries } from '../../platform/dictionary.service.ts';
import { scopeOf } from '../../platform/permissions.ts';
import * as committees from './committee.repository.ts';
import * as repo from './dispute.repository.ts';
import { checkHistories, DISPUTE_TYPE_KIND, type DisputeHistory, listFilters, resolveCommittee, toItems, writeHistories } from './dispute.service.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TITLE = '人民调解登记台账';
const SHEET = '台账';
const EXPORT_LIMIT = 20_000;
const IMPORT_LIMIT = 5_000;

/** The ledger's columns, in order. `exportOnly` columns are written for reading and ignored on import. */
const COLUMNS = [
  { header: '序号', width: 6, exportOnly: true },
  { header: '纠纷编号', width: 12 },
  { header: '登记日期', width: 12, required: true },
  { header: '纠纷发生地', width: 14, required: true },
  { header: '调解委员会', width: 24 },
  { header: '纠纷来源', width: 11, required: true },
  { header: '移交单位', width: 11 },
  { header: '纠纷类型', width: 12, required: true },
  { header: '纠纷简要情况', width: 40, required: true },
  { header: '涉及金额（元）', width: 13 },
  { header: '申请方姓名或名称', width: 16, required: true },
  { header: '申请方证件号码', width: 21 },
  { header: '申请方联系电话', width: 14 },
  { header: '被申请方姓名或名称', width: 16, required: true },
  { header: '被申请方证件号码', width: 21 },
  { header: '被申请方联系电话', width: 14 },
  { header: '其他当事人', width: 16 },
  { header: '状态', width: 12, required: true },
  { header: '受理日期', width: 12 },
  { header: '调解员', width: 16 },
  { header: '调解次数', width: 8, exportOnly: true },
  { header: '办结日期', width: 12 },
  { header: '协议形式', width: 10 },
  { header: '协议内容', width: 40 },
  { header: '履行期限', width: 16 },
  { header: '告知的其他途径', width: 18 },
  { header: '拒绝调解的当事人', width: 14 },
  { header: '拒绝理由', width: 24 },
  { header: '回访情况', width: 24, exportOnly: true },
  { header: '司法确认', width: 24, exportOnly: true },
] as const;
type Header = (typeof COLUMNS)[number]['header'];
type LedgerRow = Record<Header, string | number | null>;

const joinNames = (names: readonly string[]) => names.filter(Boolean).join('、');
const splitNames = (text: string) =>
  text
    .split(/[、,，;；\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);

// ── export ──────────────────────────────────────────────────────────────────────────────────────

/** The first applicant and the first respondent get their own columns; anyone else is listed by name. */
function splitParties(d: DisputeListItem) {
  const first = d.parties.find((p) => p.role === 'applicant') ?? d.parties[0];
  const second = d.parties.find((p) => p !== first && p.role === 'respondent') ?? d.parties.find((p) => p !== first);
  return { first, second, others: d.parties.filter((p) => p !== first && p !== second) };
}

function toLedgerRow(d: DisputeListItem, i: number, followUp: Awaited<ReturnType<typeof repo.lastFollowUps>>[number] | undefined): LedgerRow {
  const { first, second, others } = splitParties(d);
  const j = d.judicial;
  return {
    序号: i + 1,
    纠纷编号: d.number,
    登记日期: d.registeredOn,
    纠纷发生地: d.orgUnitName,
    调解委员会: d.committeeName,
    纠纷来源: disputeSourceLabels[d.source],
    移交单位: d.referralFrom ? referralFromLabels[d.referralFrom] : '',
    纠纷类型: d.typeLabel,
    纠纷简要情况: d.summary,
    '涉及金额（元）': d.amount === null ? '' : Number(d.amount),
    申请方姓名或名称: first?.name ?? '',
    申请方证件号码: first?.idNumber ?? '',
    申请方联系电话: first?.phone ?? '',
    被申请方姓名或名称: second?.name ?? '',
    被申请方证件号码: second?.idNumber ?? '',
    被申请方联系电话: second?.phone ?? '',
    其他当事人: joinNames(others.map((p) => p.name)),
    状态: disputeStatusLabels[d.status],
    受理日期: d.acceptedOn ?? '',
    调解员: joinNames(d.mediators.map((m) => m.name)),
    调解次数: d.sessionCount,
    办结日期: d.closedOn ?? d.refusedOn ?? '',
    协议形式: d.agreement ? agreementKindLabels[d.agreement.kind] : '',
    协议内容: d.agreement?.terms ?? '',
    履行期限: d.agreement?.performanceDeadline ?? '',
    告知的其他途径: joinNames(d.otherChannels.map((c) => otherChannelLabels[c])),
    拒绝调解的当事人: d.refusingParty,
    拒绝理由: d.refusalReason,
    回访情况: followUp ? `${followUp.followed_on} ${followUpMethodLabels[followUp.method]}：${performanceLabels[followUp.performance]}` : '',
    司法确认: j?.appliedOn ? `${j.appliedOn} 申请（${j.court}）：${j.result ? judicialResultLabels[j.result] : ''}` : '',
  };
}

/** A sheet of the allowed values, so a clerk filling in a ledger by hand knows what the import accepts. */
function addGuide(wb: ExcelJS.Workbook, types: string[]) {
  const ws = wb.addWorksheet('填写说明');
  ws.columns = [
    { header: '列', key: 'column', width: 18 },
    { header: '可填写的值', key: 'values', width: 100 },
  ];
  ws.addRows([
    { column: '日期各列', values: '格式 2024-01-31（也接受 2024/1/31、2024年1月31日）' },
    { column: '纠纷发生地', values: '乡镇或村（社区）的名称，须在本人管辖范围内' },
    { column: '调解委员会', values: '可不填：默认为发生地所在村或乡镇的人民调解委员会' },
    { column: '纠纷来源', values: disputeSources.map((s) => disputeSourceLabels[s]).join('、') },
    { column: '移交单位', values: `纠纷来源为「移交」时填写：${referralFroms.map((r) => referralFromLabels[r]).join('、')}` },
    { column: '纠纷类型', values: types.join('、') },
    { column: '状态', values: disputeStatuses.map((s) => disputeStatusLabels[s]).join('、') },
    { column: '协议形式', values: `调解成功时填写：${agreementKinds.map((k) => agreementKindLabels[k]).join('、')}` },
    { column: '告知的其他途径', values: `调解不成或终止调解时填写（可多项，用顿号分隔）：${otherChannels.map((c) => otherChannelLabels[c]).join('、')}` },
    { column: '调解员', values: '调解委员会人员的姓名，多人用顿号分隔' },
    { column: '办结日期', values: '调解成功、调解不成、终止调解的办结日期；当事人拒绝调解的，填拒绝日期' },
    { column: '序号、调解次数、回访情况、司法确认', values: '仅供查阅，导入时不读取' },
  ]);
  ws.getRow(1).font = { bold: true };
}

export async function ledgerWorkbook(items: DisputeListItem[], followUps: Awaited<ReturnType<typeof repo.lastFollowUps>>, subtitle: string, types: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'fazhi 法治乡镇工作平台';
  const ws = wb.addWorksheet(SHEET, { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.mergeCells(1, 1, 1, COLUMNS.length);
  ws.getCell(1, 1).value = TITLE;
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, COLUMNS.length);
  ws.getCell(2, 1).value = subtitle;
  const header = ws.getRow(3);
  COLUMNS.forEach((c, i) => {
    header.getCell(i + 1).value = c.header;
    ws.getColumn(i + 1).width = c.width;
  });
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  const last = new Map(followUps.map((f) => [f.dispute_id, f]));
  items.forEach((d, i) => {
    const row = toLedgerRow(d, i, last.get(d.id));
    ws.addRow(COLUMNS.map((c) => row[c.header]));
  });
  ws.getColumn(COLUMNS.findIndex((c) => c.header === '涉及金额（元）') + 1).numFmt = '0.00';
  addGuide(wb, types);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const describeFilters = (f: DisputeFilters, names: { unit?: string; type?: string }) =>
  [
    f.year && `${f.year}年`,
    names.unit && `发生地：${names.unit}`,
    f.level && `${committeeLevelLabels[f.level]}调委会`,
    f.status && `状态：${disputeStatusLabels[f.status]}`,
    names.type && `类型：${names.type}`,
    f.overdue && '超期未结',
    f.dueThisWeek && '本周到期',
    f.judicialDue && '司法确认期限将届满',
    f.q && `检索：${f.q}`,
  ].filter(Boolean) as string[];

/**
 * The ledger with the list's filters applied. Identifiers are shown in full only on rows the actor handles; the
 * export itself is audited (who took which rows out, and whether identifiers were in it).
 */
export async function exportLedger(ctx: Ctx, f: DisputeFilters): Promise<{ filename: string; buffer: Buffer }> {
  const scope = scopeOf(ctx.actor, 'mediation.read');
  const rows = await repo.allDisputes(ctx.db, scope, await listFilters(ctx, scope, f), EXPORT_LIMIT);
  const items = await toItems(ctx, rows);
  const followUps = await repo.lastFollowUps(
    ctx.db,
    items.map((d) => d.id),
  );
  const types = (await listEntries(ctx, { kind: DISPUTE_TYPE_KIND })).map((t) => t.label);
  const unit = f.orgUnitId ? await ctx.db.selectFrom('org_units').select('name').where('id', '=', f.orgUnitId).executeTakeFirst() : undefined;
  const typeName = f.typeCode ? (await listEntries(ctx, { kind: DISPUTE_TYPE_KIND, includeInactive: true })).find((t) => t.code === f.typeCode)?.label : undefined;
  const conditions = describeFilters(f, { unit: unit?.name, type: typeName });
  const date = shanghaiDate(new Date());
  const subtitle = `导出：${ctx.actor.displayName}　${date}　共 ${items.length} 件${conditions.length ? `　条件：${conditions.join('，')}` : ''}`;
  const buffer = await ledgerWorkbook(items, followUps, subtitle, types);
  const unmasked = items.filter((d) => d.canWrite).length;
  await audited(ctx, async () => ({
    result: undefined,
    audit: {
      action: 'mediation.export',
      entityType: 'dispute',
      after: { filters: f, rows: items.length, rowsWithIdentifiers: unmasked, ids: items.map((d) => d.id) },
    },
  }));
  return { filename: `${TITLE}_${date}.xlsx`, buffer };
}

export async function importTemplate(ctx: Ctx): Promise<Buffer> {
  scopeOf(ctx.actor, 'mediation.write');
  const types = (await listEntries(ctx, { kind: DISPUTE_TYPE_KIND })).map((t) => t.label);
  return ledgerWorkbook([], [], '导入模板：第4行起每行一件纠纷；带 * 说明见「填写说明」', types);
}

// ── import ──────────────────────────────────────────────────────────────────────────────────────

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value) return String(value.text).trim();
    return '';
  }
  return String(value).trim();
}

/** '2024-01-31', '2024/1/31', '2024.1.31', '2024年1月31日' → '2024-01-31'; null when not a real date. */
export function parseDate(text: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

const byLabel = <T extends string>(codes: readonly T[], labels: Record<T, string>, text: string): T | undefined => codes.find((c) => labels[c] === text || c === text);

const ORGANISATION = /(公司|合作社|厂|店|中心|委员会|村委会|学校|医院|集团|协会|银行|站|所|局|部|社|场)$/;

/** Where a problem found in a ledger row's history shows: the column that holds the field. */
function columnOfField(field: string): Header {
  const [head, index, leaf] = field.split('.');
  if (head === 'parties') {
    const side = index === '1' ? '被申请方' : '申请方';
    return (leaf === 'idNumber' ? `${side}证件号码` : leaf === 'phone' ? `${side}联系电话` : `${side}姓名或名称`) as Header;
  }
  const columns: Record<string, Header> = {
    registeredOn: '登记日期',
    orgUnitId: '纠纷发生地',
    committeeId: '调解委员会',
    number: '纠纷编号',
    source: '纠纷来源',
    referralFrom: '移交单位',
    typeCode: '纠纷类型',
    summary: '纠纷简要情况',
    amount: '涉及金额（元）',
    'accepted.acceptedOn': '受理日期',
    'accepted.mediatorIds': '调解员',
    'refused.refusedOn': '办结日期',
    'closed.closedOn': '办结日期',
    'closed.agreementKind': '协议形式',
    'closed.terms': '协议内容',
    'closed.otherChannels': '告知的其他途径',
  };
  return columns[field] ?? '状态';
}

type ParsedRow = { rowNumber: number; history: DisputeHistory };

/**
 * Reads an .xlsx ledger (人民调解登记台账): every row is checked — its format here, then its history by the same rules
 * as the dispute's page — and nothing is written unless every row passes. Problems name the row and the column.
 */
export async function importLedger(ctx: Ctx, body: ImportBody): Promise<ImportResult> {
  const writeScope = scopeOf(ctx.actor, 'mediation.write');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(body.content, 'base64') as unknown as ArrayBuffer);
  } catch {
    throw invalid([{ row: 0, column: '', message: '无法读取文件：请上传 .xlsx 格式的人民调解登记台账' }]);
  }
  const ws = wb.getWorksheet(SHEET) ?? wb.worksheets[0];
  if (!ws) throw invalid([{ row: 0, column: '', message: '工作簿中没有工作表' }]);

  // The header row: the first of the top rows that names the columns (a title row may sit above it).
  let headerRow = 0;
  const columnOf = new Map<string, number>();
  for (let r = 1; r <= Math.min(ws.rowCount, 6) && !headerRow; r++) {
    const found = new Map<string, number>();
    ws.getRow(r).eachCell((cell, col) => {
      const t = cellText(cell.value).replace(/^\*/, '');
      if (COLUMNS.some((c) => c.header === t)) found.set(t, col);
    });
    if (found.has('登记日期') || found.has('纠纷简要情况')) {
      headerRow = r;
      for (const [k, v] of found) columnOf.set(k, v);
    }
  }
  if (!headerRow) throw invalid([{ row: 1, column: '', message: '未找到表头：台账应有「登记日期」「纠纷发生地」等列' }]);
  const problems: ImportProblem[] = [];
  for (const c of COLUMNS) if ('required' in c && c.required && !columnOf.has(c.header)) problems.push({ row: headerRow, column: c.header, message: '缺少此列' });
  if (problems.length) throw invalid(problems);

  // What names in the ledger can refer to: places the actor may write at, committees they see, the type dictionary.
  const [places, visible, types] = await Promise.all([
    repo.placesInScope(ctx.db, writeScope),
    committees.listCommittees(ctx.db, scopeOf(ctx.actor, 'mediation.read')),
    listEntries(ctx, { kind: DISPUTE_TYPE_KIND }),
  ]);
  const members = await committees.listMembers(
    ctx.db,
    visible.map((c) => c.id),
  );

  const parsed: ParsedRow[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const get = (h: Header) => {
      const col = columnOf.get(h);
      return col ? cellText(row.getCell(col).value) : '';
    };
    if (COLUMNS.every((c) => c.header === '序号' || !get(c.header))) continue;
    if (parsed.length >= IMPORT_LIMIT) {
      problems.push({ row: r, column: '', message: `一次最多导入 ${IMPORT_LIMIT} 行，请分批导入` });
      break;
    }
    const rowProblems: ImportProblem[] = [];
    const fail = (column: Header, message: string) => {
      rowProblems.push({ row: r, column, message });
    };
    const text = (h: Header, max: number, required = false) => {
      const t = get(h);
      if (required && !t) fail(h, '不能为空');
      if (t.length > max) fail(h, `不能超过 ${max} 个字符`);
      return t;
    };
    const date = (h: Header, required: boolean): string => {
      const t = get(h);
      if (!t) {
        if (required) fail(h, '不能为空');
        return '';
      }
      const d = parseDate(t);
      if (!d) fail(h, `「${t}」不是有效日期，格式应为 2024-01-31`);
      return d ?? '';
    };
    const label = <T extends string>(h: Header, codes: readonly T[], labels: Record<T, string>, required: boolean): T | undefined => {
      const t = text(h, 50, required);
      if (!t) return undefined;
      const code = byLabel(codes, labels, t);
      if (!code) fail(h, `「${t}」应为 ${codes.map((c) => labels[c]).join('、')} 之一`);
      return code;
    };

    const registeredOn = date('登记日期', true);
    const placeName = text('纠纷发生地', 100, true);
    const matches = places.filter((u) => u.name === placeName);
    if (placeName && matches.length === 0) fail('纠纷发生地', `「${placeName}」不是您管辖范围内的乡镇或村（社区）`);
    if (matches.length > 1) fail('纠纷发生地', `「${placeName}」有重名单位，请联系管理员`);
    const place = matches.length === 1 ? matches[0] : undefined;

    const committeeName = text('调解委员会', 100);
    let committee: (typeof visible)[number] | undefined;
    if (committeeName) {
      committee = visible.find((c) => c.name === committeeName);
      if (!committee) fail('调解委员会', `「${committeeName}」不存在或不在您的范围内`);
    } else if (place) {
      const resolved = resolveCommittee(place, visible);
      if ('message' in resolved) fail('调解委员会', resolved.message);
      else committee = resolved;
    }

    const source = label('纠纷来源', disputeSources, disputeSourceLabels, true);
    const referralFrom = label('移交单位', referralFroms, referralFromLabels, false);
    const typeText = text('纠纷类型', 100, true);
    const type = types.find((t) => t.label === typeText || t.code === typeText);
    if (typeText && !type) fail('纠纷类型', `「${typeText}」不在纠纷类型字典中`);
    const summary = text('纠纷简要情况', 5000, true);
    const amount = get('涉及金额（元）').replace(/[,，元\s]/g, '');
    if (amount && !/^\d{1,12}(\.\d{1,2})?$/.test(amount)) fail('涉及金额（元）', `「${amount}」不是有效金额`);

    const parties: PartyInput[] = [];
    for (const [role, side] of [
      ['applicant', '申请方'],
      ['respondent', '被申请方'],
    ] as const) {
      const name = text(`${side}姓名或名称` as Header, 100, true);
      const idNumber = get(`${side}证件号码` as Header).toUpperCase();
      const phone = get(`${side}联系电话` as Header);
      if (idNumber.includes('*')) fail(`${side}证件号码` as Header, '为脱敏值，不能导入：请由办理该纠纷的人员导出完整台账');
      else if (idNumber && !/^(\d{17}[\dX]|[0-9A-HJ-NPQRTUWXY]{18})$/.test(idNumber)) fail(`${side}证件号码` as Header, `「${idNumber}」不是有效的身份证号或统一社会信用代码`);
      if (phone.includes('*')) fail(`${side}联系电话` as Header, '为脱敏值，不能导入：请由办理该纠纷的人员导出完整台账');
      else if (phone && !/^(1\d{10}|0\d{2,3}-?\d{7,8})$/.test(phone)) fail(`${side}联系电话` as Header, `「${phone}」不是有效的电话号码`);
      const person = /^\d{17}[\dX]$/.test(idNumber) || (!idNumber && !ORGANISATION.test(name));
      if (name) parties.push({ kind: person ? 'person' : 'organisation', role, name, idNumber: idNumber || undefined, phone: phone || undefined });
    }
    for (const name of splitNames(get('其他当事人'))) parties.push({ kind: ORGANISATION.test(name) ? 'organisation' : 'person', role: 'other', name: name.slice(0, 100) });

    const status = label('状态', disputeStatuses, disputeStatusLabels, true) as DisputeStatus | undefined;
    const accepted = status !== undefined && status !== 'registered' && status !== 'refused';
    const ended = status !== undefined && status !== 'registered' && status !== 'mediating';
    const acceptedOn = date('受理日期', accepted);
    const endOn = date('办结日期', ended);
    const mediatorIds: number[] = [];
    for (const name of splitNames(get('调解员'))) {
      const m = committee && members.find((x) => x.committee_id === committee.id && x.name === name);
      if (committee && !m) fail('调解员', `「${name}」不是「${committee.name}」的人员`);
      if (m) mediatorIds.push(m.id);
    }
    const agreementKind = label('协议形式', agreementKinds, agreementKindLabels, false);
    const channels: OtherChannel[] = [];
    for (const c of splitNames(get('告知的其他途径'))) {
      const code = byLabel(otherChannels, otherChannelLabels, c);
      if (!code) fail('告知的其他途径', `「${c}」应为 ${otherChannels.map((x) => otherChannelLabels[x]).join('、')} 之一`);
      else channels.push(code);
    }
    const terms = text('协议内容', 5000);
    const performanceDeadline = text('履行期限', 200);
    const refusingParty = text('拒绝调解的当事人', 100, status === 'refused');
    const refusalReason = text('拒绝理由', 1000, status === 'refused');
    const number = text('纠纷编号', 40);

    if (rowProblems.length || !place || !source || !type || !status) {
      problems.push(...rowProblems);
      continue;
    }
    parsed.push({
      rowNumber: r,
      history: {
        orgUnitId: place.id,
        committeeId: committee?.id,
        number: number || undefined,
        registeredOn,
        source,
        referralFrom: source === 'referral' ? referralFrom : undefined,
        typeCode: type.code,
        summary,
        amount: amount || undefined,
        parties,
        accepted: accepted ? { acceptedOn, mediatorIds } : undefined,
        refused: status === 'refused' ? { refusedOn: endOn, refusingParty, reason: refusalReason } : undefined,
        closed:
          status === 'succeeded' || status === 'failed' || status === 'terminated'
            ? { closedOn: endOn, outcome: status, agreementKind: status === 'succeeded' ? agreementKind : undefined, terms, performanceDeadline, otherChannels: channels }
            : undefined,
      },
    });
  }

  const { problems: ruleProblems, checked } = await checkHistories(
    ctx,
    parsed.map((p) => p.history),
  );
  for (const p of ruleProblems) problems.push({ row: parsed[p.index]?.rowNumber ?? 0, column: columnOfField(p.field), message: p.message });
  if (problems.length) throw invalid(problems.sort((a, b) => a.row - b.row));
  if (checked.length === 0) throw invalid([{ row: headerRow + 1, column: '', message: '台账中没有数据行' }]);

  const ids = await writeHistories(ctx, checked, 'mediation.dispute_import', { filename: body.filename ?? null });
  const numbers = await ctx.db.selectFrom('disputes').select(['id', 'number']).where('id', 'in', ids).execute();
  return { created: ids.length, numbers: ids.map((id) => numbers.find((n) => n.id === id)?.number ?? '') };
}

function invalid(problems: ImportProblem[]): AppError {
  const shown = problems
    .slice(0, 3)
    .map((p) => (p.row ? `第${p.row}行${p.column ? `「${p.column}」` : ''}：${p.message}` : p.message))
    .join('；');
  return new AppError('MEDIATION_IMPORT_INVALID', `台账有 ${problems.length} 处错误，未导入任何数据。${shown}${problems.length > 3 ? '……' : ''}`, problems);
}
