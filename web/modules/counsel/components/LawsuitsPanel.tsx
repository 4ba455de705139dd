import { CheckCircleOutlined, MinusCircleOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { Lawsuit, LawsuitHearing, LawsuitQuery } from '../../../../domain/counsel/contracts.ts';
import {
  type AbsenceReason,
  type Appearance,
  absenceReasonLabels,
  absenceReasons,
  appearanceRoleLabels,
  appearanceRoles,
  countsAsHead,
  formatRate,
  headAppeared,
  type Instance,
  instanceLabels,
  instances,
  type LawsuitKind,
  lawsuitKindLabels,
  lawsuitKinds,
  lawsuitStatusLabels,
  type Outcome,
  outcomeLabels,
  outcomes,
  type Ratio,
  type TownRole,
  townRoleLabels,
  townRoles,
} from '../../../../domain/counsel/rules.ts';
import { changedFields } from '../../../ui/changedFields.ts';
import { toDateString, todayString } from '../../../ui/dates.ts';
import { FilterBar } from '../../../ui/FilterBar.tsx';
import { FormDrawer } from '../../../ui/FormDrawer.tsx';
import { FieldRow, LongTextField, TextField } from '../../../ui/FormFields.tsx';
import { FormModal } from '../../../ui/FormModal.tsx';
import { LedgerButtons } from '../../../ui/LedgerButtons.tsx';
import { useRecordEditing } from '../../../ui/RecordPanel.tsx';
import { usePagedQuery } from '../../../ui/usePagedQuery.ts';
import { OrgUnitTreeSelect } from '../../org/components/OrgUnitTreeSelect.tsx';
import { useOrgUnits } from '../../org/useOrgUnits.ts';
import { counselApi, counselKeys } from '../api.ts';

type Filters = Pick<LawsuitQuery, 'kind' | 'status' | 'year' | 'q'>;
type LawsuitValues = {
  orgUnitId: number;
  kind: LawsuitKind;
  caseNo: string;
  cause: string;
  plaintiff: string;
  defendant: string;
  townRole: TownRole;
  court: string;
  instance?: Instance;
  filedOn: Dayjs;
  engagementId?: number | null;
  summary?: string;
};
type HearingValues = { instance?: Instance; heldOn: Dayjs; place?: string; appearances: Appearance[]; absenceReason?: AbsenceReason | null; absenceNote?: string; note?: string };
type ActionValues = {
  outcome?: Outcome;
  outcomeOn?: Dayjs;
  performed?: 'yes' | 'no' | 'na';
  performedOn?: Dayjs;
  performanceNote?: string;
  instance?: 'second' | 'retrial';
  filedOn?: Dayjs;
  court?: string;
  caseNo?: string;
};
type Action = { kind: 'conclude' | 'appeal' | 'performance'; suit: Lawsuit };

const ratioText = (r: Ratio) => `${r.numerator}/${r.denominator}`;

/** 负责人出庭应诉 for the year: per hearing and per case (each 审级 separately), numerator and denominator shown. */
function AppearanceStats({ year }: { year: number }) {
  const { data } = useQuery({ queryKey: counselKeys.stats(year), queryFn: () => counselApi.stats(year) });
  if (!data) return null;
  const cards = [
    { title: '负责人出庭应诉率（按庭次）', value: formatRate(data.hearings.rate), extra: `${ratioText(data.hearings)} 庭次` },
    { title: '负责人出庭应诉率（按案件·审级）', value: formatRate(data.cases.rate), extra: `${ratioText(data.cases)} 件` },
    { title: '败诉率', value: formatRate(data.lost.rate), extra: `${ratioText(data.lost)} 件结案` },
    { title: '生效裁判履行', value: formatRate(data.performed.rate), extra: `${ratioText(data.performed)} 件败诉` },
  ];
  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 8 }}>
        {cards.map((c) => (
          <Col key={c.title} xs={12} lg={6}>
            <Card size="small">
              <Statistic title={c.title} value={c.value} styles={{ content: { fontSize: 20 } }} />
              <Typography.Text type="secondary">{c.extra}</Typography.Text>
            </Card>
          </Col>
        ))}
      </Row>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {year}年行政诉讼 {data.lawsuits} 件、行政复议 {data.reconsiderations} 件；出庭率只计行政诉讼（行政诉讼法第三条第三款）。
        {data.byInstance.map((b) => `${instanceLabels[b.instance]}：庭次 ${ratioText(b.hearings)}，案件 ${ratioText(b.cases)}`).join('；')}
      </Typography.Paragraph>
    </>
  );
}

/** Who stood for the town, head or not (规定 art 2, 6). */
function AppearanceTags({ appearances }: { appearances: readonly Appearance[] }) {
  if (appearances.length === 0) return <Typography.Text type="secondary">无人出庭</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap>
      {appearances.map((a) => (
        <Tag key={`${a.name}-${a.position}-${a.role}`} color={countsAsHead(a) ? 'green' : 'default'} icon={countsAsHead(a) ? <CheckCircleOutlined /> : undefined}>
          {a.name}（{a.position}·{appearanceRoleLabels[a.role]}
          {a.identityProof ? '' : '·未交身份证明'}）
        </Tag>
      ))}
    </Space>
  );
}

/** 行政诉讼、行政复议 where the town is a party: hearings with who appeared, outcome, performance, and the 出庭 rates. */
export function LawsuitsPanel({ canWrite }: { canWrite: boolean }) {
  const queryClient = useQueryClient();
  const { units } = useOrgUnits();
  const engagements = useQuery({ queryKey: counselKeys.engagements, queryFn: async () => (await counselApi.engagements()).items });
  const list = usePagedQuery<Lawsuit, Filters>([...counselKeys.lawsuits], (q) => counselApi.lawsuits(q), {});
  // The year chosen, else the year of the latest hearing on record.
  const [chosen, setYear] = useState<number | null>(null);
  const latestHearing = (list.query.data?.items ?? [])
    .flatMap((s) => s.hearings.map((h) => h.heldOn))
    .sort()
    .at(-1);
  const year = chosen ?? (latestHearing ? Number(latestHearing.slice(0, 4)) : Number(todayString().slice(0, 4)));
  const editing = useRecordEditing<Lawsuit>();
  const [hearingFor, setHearingFor] = useState<{ suit: Lawsuit; hearing: LawsuitHearing | null } | null>(null);
  const [action, setAction] = useState<Action | null>(null);
  const [hearingForm] = Form.useForm<HearingValues>();
  const watchedAppearances = (Form.useWatch('appearances', hearingForm) ?? []) as (Appearance | undefined)[];
  const headNow = headAppeared(watchedAppearances.filter((a): a is Appearance => Boolean(a?.role)).map((a) => ({ ...a, identityProof: a.identityProof ?? false })));
  const row = editing.record;
  const town = units.find((u) => u.kind === 'town');
  const refresh = () => queryClient.invalidateQueries({ queryKey: counselKeys.all });

  const columns: TableColumnsType<Lawsuit> = [
    { title: '案号', dataIndex: 'caseNo', width: 190, fixed: 'left' },
    { title: '类型', dataIndex: 'kind', width: 90, render: (k: LawsuitKind) => <Tag color={k === 'litigation' ? 'blue' : 'purple'}>{lawsuitKindLabels[k]}</Tag> },
    { title: '案由', dataIndex: 'cause', width: 200 },
    { title: '原告（申请人）', dataIndex: 'plaintiff', width: 170 },
    { title: '法院（复议机关）', dataIndex: 'court', width: 130 },
    { title: '审级', dataIndex: 'instance', width: 70, render: (i: Instance) => instanceLabels[i] },
    {
      title: '状态/结果',
      key: 'status',
      width: 190,
      render: (_, s) =>
        s.outcome ? <Tag color={s.outcome === 'lost' ? 'red' : 'green'}>{outcomeLabels[s.outcome]}</Tag> : <Tag color="processing">{lawsuitStatusLabels[s.status]}</Tag>,
    },
    {
      title: '负责人出庭',
      key: 'head',
      width: 130,
      render: (_, s) => (s.hearings.length ? `${ratioText(s.headAppearance.hearings)} 庭次` : '未开庭'),
    },
    ...(canWrite
      ? [
          {
            title: '操作',
            key: 'actions',
            fixed: 'right' as const,
            width: 210,
            render: (_: unknown, s: Lawsuit) => (
              <Space size={0} wrap>
                {s.status === 'pending' && (
                  <Button type="link" size="small" onClick={() => setHearingFor({ suit: s, hearing: null })}>
                    登记开庭
                  </Button>
                )}
                {s.status === 'pending' && (
                  <Button type="link" size="small" onClick={() => setAction({ kind: 'conclude', suit: s })}>
                    结案
                  </Button>
                )}
                {s.status === 'concluded' && s.instance !== 'retrial' && (
                  <Button type="link" size="small" onClick={() => setAction({ kind: 'appeal', suit: s })}>
                    上诉/再审
                  </Button>
                )}
                {s.status === 'concluded' && (
                  <Button type="link" size="small" onClick={() => setAction({ kind: 'performance', suit: s })}>
                    履行情况
                  </Button>
                )}
                <Button type="link" size="small" onClick={() => editing.edit(s)}>
                  编辑
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  const hearingColumns = (suit: Lawsuit): TableColumnsType<LawsuitHearing> => [
    { title: '开庭日期', dataIndex: 'heldOn', width: 105 },
    { title: '审级', dataIndex: 'instance', width: 60, render: (i: Instance) => instanceLabels[i] },
    { title: '法庭', dataIndex: 'place', width: 160, render: (p: string) => p || '—' },
    { title: '出庭人员', key: 'appearances', width: 360, render: (_, h) => <AppearanceTags appearances={h.appearances} /> },
    {
      title: '负责人出庭',
      key: 'head',
      width: 190,
      render: (_, h) =>
        h.headAppeared ? (
          <Tag color="green">是</Tag>
        ) : h.unexplainedAbsence ? (
          <Tag color="red" icon={<WarningOutlined />}>
            否，未说明事由
          </Tag>
        ) : (
          <Tag color="orange">否：{h.absenceReason ? absenceReasonLabels[h.absenceReason] : ''}</Tag>
        ),
    },
    ...(canWrite
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 70,
            render: (_: unknown, h: LawsuitHearing) => (
              <Button type="link" size="small" onClick={() => setHearingFor({ suit, hearing: h })}>
                编辑
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Flex align="center" gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text>统计年度</Typography.Text>
        <InputNumber min={2000} max={2100} precision={0} value={year} onChange={(v) => v && setYear(v)} style={{ width: 100 }} />
      </Flex>
      <AppearanceStats year={year} />
      <FilterBar<Filters>
        onSearch={(f) => list.search({ kind: f.kind, status: f.status, year: f.year ?? undefined, q: f.q || undefined })}
        extra={
          <>
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={editing.create}>
                登记案件
              </Button>
            )}
            <LedgerButtons kind="counsel-lawsuits" title="行政诉讼案件台账" query={list.filters} canImport={false} />
          </>
        }
      >
        <Form.Item name="kind" label="类型">
          <Select allowClear placeholder="全部" options={lawsuitKinds.map((k) => ({ value: k, label: lawsuitKindLabels[k] }))} style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="status" label="状态">
          <Select
            allowClear
            placeholder="全部"
            options={[
              { value: 'pending', label: '审理中' },
              { value: 'concluded', label: '已结案' },
            ]}
            style={{ width: 100 }}
          />
        </Form.Item>
        <Form.Item name="q" label="关键词">
          <Input allowClear placeholder="案号、案由、原告" style={{ width: 160 }} />
        </Form.Item>
      </FilterBar>
      <Table<Lawsuit>
        rowKey="id"
        size="middle"
        columns={columns}
        scroll={{ x: 1400 }}
        {...list.table}
        expandable={{
          expandedRowRender: (s) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Descriptions
                size="small"
                column={{ xs: 1, sm: 2, lg: 3 }}
                items={[
                  { key: 'defendant', label: '被告（被申请人）', children: s.defendant },
                  { key: 'role', label: '我方地位', children: townRoleLabels[s.townRole] },
                  { key: 'filed', label: '立案日期', children: s.filedOn },
                  { key: 'outcome', label: '裁判日期', children: s.outcomeOn ?? '—' },
                  { key: 'performed', label: '生效裁判履行', children: s.judgmentPerformed === null ? '—' : s.judgmentPerformed ? `已履行 ${s.performedOn ?? ''}` : '未履行' },
                  {
                    key: 'rates',
                    label: '本案负责人出庭',
                    children: `庭次 ${ratioText(s.headAppearance.hearings)}（${formatRate(s.headAppearance.hearings.rate)}）；审级 ${ratioText(s.headAppearance.cases)}`,
                  },
                  { key: 'summary', label: '案情摘要', span: 'filled', children: s.summary || '—' },
                ]}
              />
              <Table<LawsuitHearing>
                rowKey="id"
                size="small"
                columns={hearingColumns(s)}
                dataSource={s.hearings}
                pagination={false}
                scroll={{ x: 900 }}
                locale={{ emptyText: '尚未开庭' }}
              />
            </Space>
          ),
        }}
      />

      <FormDrawer<LawsuitValues>
        wide
        open={editing.open}
        title={row ? '编辑案件' : '登记行政诉讼/行政复议案件'}
        onClose={editing.close}
        initialValues={
          row
            ? { ...row, filedOn: dayjs(row.filedOn) }
            : {
                orgUnitId: town?.id,
                kind: 'litigation',
                townRole: 'defendant',
                instance: 'first',
                defendant: town ? `${town.name}人民政府` : undefined,
                filedOn: dayjs(todayString()),
                engagementId: engagements.data?.find((e) => e.active)?.id,
              }
        }
        onSubmit={async ({ orgUnitId, filedOn, instance, ...rest }) => {
          const values = { ...rest, filedOn: toDateString(filedOn) ?? todayString(), engagementId: rest.engagementId ?? null };
          if (row) await counselApi.updateLawsuit(row.id, { ...changedFields(row, values), version: row.version });
          else await counselApi.createLawsuit({ ...values, orgUnitId, instance });
          await refresh();
        }}
      >
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="orgUnitId" label="所属单位" rules={[{ required: true }]}>
              <OrgUnitTreeSelect disabled={row !== null} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="kind" label="类型" rules={[{ required: true }]}>
              <Select options={lawsuitKinds.map((k) => ({ value: k, label: lawsuitKindLabels[k] }))} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="instance" label="审级">
              <Select disabled={row !== null} options={instances.map((i) => ({ value: i, label: instanceLabels[i] }))} />
            </Form.Item>
          </Col>
        </Row>
        <FieldRow>
          <TextField name="caseNo" label="案号" max={64} required="请填写案号" placeholder="如 （2024）新4202行初15号" />
          <Form.Item name="filedOn" label="立案日期" rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </FieldRow>
        <TextField name="cause" label="案由" max={200} required="请填写案由" />
        <FieldRow>
          <TextField name="plaintiff" label="原告（申请人）" max={200} required="请填写原告" />
          <TextField name="defendant" label="被告（被申请人）" max={200} required="请填写被告" />
        </FieldRow>
        <FieldRow>
          <TextField name="court" label="法院（复议机关）" max={100} required="请填写法院" />
          <Form.Item name="townRole" label="我方诉讼地位" rules={[{ required: true }]}>
            <Select options={townRoles.map((r) => ({ value: r, label: townRoleLabels[r] }))} />
          </Form.Item>
        </FieldRow>
        <Form.Item name="engagementId" label="代理法律顾问">
          <Select allowClear options={(engagements.data ?? []).map((e) => ({ value: e.id, label: e.firm }))} />
        </Form.Item>
        <LongTextField name="summary" label="案情摘要" max={20000} rows={[3, 10]} />
      </FormDrawer>

      <FormDrawer<HearingValues>
        wide
        form={hearingForm}
        open={hearingFor !== null}
        title={hearingFor ? `${hearingFor.hearing ? '编辑' : '登记'}开庭：${hearingFor.suit.caseNo}` : ''}
        onClose={() => setHearingFor(null)}
        initialValues={
          hearingFor?.hearing
            ? { ...hearingFor.hearing, heldOn: dayjs(hearingFor.hearing.heldOn) }
            : { instance: hearingFor?.suit.instance, heldOn: dayjs(todayString()), appearances: [{ name: '', position: '', role: 'principal', identityProof: true }] }
        }
        onSubmit={async ({ heldOn, ...rest }) => {
          if (!hearingFor) return;
          const values = { ...rest, heldOn: toDateString(heldOn) ?? todayString(), absenceReason: headAppeared(rest.appearances ?? []) ? null : (rest.absenceReason ?? null) };
          if (hearingFor.hearing) await counselApi.updateHearing(hearingFor.suit.id, hearingFor.hearing.id, { ...values, version: hearingFor.hearing.version });
          else await counselApi.addHearing(hearingFor.suit.id, values);
          await refresh();
        }}
      >
        <Row gutter={12}>
          <Col xs={12} sm={8}>
            <Form.Item name="heldOn" label="开庭日期" rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="instance" label="审级">
              <Select options={instances.map((i) => ({ value: i, label: instanceLabels[i] }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={10}>
            <TextField name="place" label="法庭" max={200} />
          </Col>
        </Row>
        <Typography.Title level={5}>我方出庭人员</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          负责人指正职、副职及参与分管被诉行为的负责人；委托其他组织或下级机关的负责人出庭，不视为负责人出庭（最高法规定第二条）。开庭前须提交载明姓名、职务并加盖印章的身份证明（第六条）。
        </Typography.Paragraph>
        <Form.List name="appearances">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Row key={field.key} gutter={8} align="middle">
                  <Col xs={12} sm={5}>
                    <Form.Item name={[field.name, 'name']} label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 32 }]}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={12} sm={5}>
                    <Form.Item name={[field.name, 'position']} label="职务" rules={[{ required: true, whitespace: true, message: '请填写职务' }, { max: 64 }]}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={14} sm={7}>
                    <Form.Item name={[field.name, 'role']} label="出庭身份" rules={[{ required: true }]}>
                      <Select options={appearanceRoles.map((r) => ({ value: r, label: appearanceRoleLabels[r] }))} />
                    </Form.Item>
                  </Col>
                  <Col xs={8} sm={5}>
                    <Form.Item name={[field.name, 'identityProof']} label="身份证明" valuePropName="checked" initialValue={true}>
                      <Checkbox>已提交</Checkbox>
                    </Form.Item>
                  </Col>
                  <Col xs={2} sm={2}>
                    <Button type="text" icon={<MinusCircleOutlined />} aria-label="移除" onClick={() => remove(field.name)} />
                  </Col>
                </Row>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', position: '', role: 'staff', identityProof: true })} style={{ marginBottom: 16 }}>
                添加出庭人员
              </Button>
            </>
          )}
        </Form.List>
        {headNow ? (
          <Alert type="success" showIcon title="本次开庭负责人出庭，计入负责人出庭应诉" style={{ marginBottom: 16 }} />
        ) : (
          <>
            <Alert type="warning" showIcon title="本次开庭负责人未出庭：请填写不能出庭的正当事由（规定第八、九条），否则法院可提出司法建议" style={{ marginBottom: 16 }} />
            <Row gutter={12}>
              <Col xs={24} sm={10}>
                <Form.Item name="absenceReason" label="未出庭事由">
                  <Select allowClear options={absenceReasons.map((r) => ({ value: r, label: absenceReasonLabels[r] }))} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={14}>
                <TextField name="absenceNote" label="事由说明" max={2000} />
              </Col>
            </Row>
          </>
        )}
        <LongTextField name="note" label="庭审情况" max={20000} rows={[3, 10]} />
      </FormDrawer>

      <FormModal<ActionValues>
        open={action !== null}
        title={action ? `${{ conclude: '登记裁判结果', appeal: '登记上诉/再审', performance: '生效裁判履行情况' }[action.kind]}：${action.suit.caseNo}` : ''}
        onClose={() => setAction(null)}
        initialValues={{
          outcome: 'won',
          outcomeOn: dayjs(todayString()),
          performed: action?.suit.judgmentPerformed === null || action?.suit.judgmentPerformed === undefined ? 'na' : action.suit.judgmentPerformed ? 'yes' : 'no',
          instance: action?.suit.instance === 'first' ? 'second' : 'retrial',
          filedOn: dayjs(todayString()),
          court: action?.suit.court,
          caseNo: action?.suit.caseNo,
        }}
        onSubmit={async (v) => {
          if (!action) return;
          const s = action.suit;
          const judgmentPerformed = v.performed === 'yes' ? true : v.performed === 'no' ? false : null;
          if (action.kind === 'conclude')
            await counselApi.conclude(s.id, {
              outcome: v.outcome ?? 'won',
              outcomeOn: toDateString(v.outcomeOn) ?? todayString(),
              judgmentPerformed,
              performedOn: judgmentPerformed ? toDateString(v.performedOn) : undefined,
              performanceNote: v.performanceNote,
              version: s.version,
            });
          if (action.kind === 'appeal')
            await counselApi.appeal(s.id, {
              instance: v.instance ?? 'second',
              filedOn: toDateString(v.filedOn) ?? todayString(),
              court: v.court,
              caseNo: v.caseNo,
              version: s.version,
            });
          if (action.kind === 'performance')
            await counselApi.performance(s.id, {
              judgmentPerformed: v.performed === 'yes',
              performedOn: v.performed === 'yes' ? toDateString(v.performedOn) : undefined,
              performanceNote: v.performanceNote,
              version: s.version,
            });
          await refresh();
        }}
      >
        {action?.kind === 'conclude' && (
          <>
            <Form.Item name="outcome" label="结果" rules={[{ required: true }]}>
              <Select options={outcomes.map((o) => ({ value: o, label: outcomeLabels[o] }))} />
            </Form.Item>
            <Form.Item name="outcomeOn" label="裁判（决定）日期" rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
        {(action?.kind === 'conclude' || action?.kind === 'performance') && (
          <>
            <Form.Item name="performed" label="生效裁判是否已履行">
              <Select
                options={[
                  { value: 'na', label: '不涉及履行', disabled: action.kind === 'performance' },
                  { value: 'yes', label: '已履行' },
                  { value: 'no', label: '未履行' },
                ]}
              />
            </Form.Item>
            <Form.Item name="performedOn" label="履行日期">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="performanceNote" label="履行情况" rules={[{ max: 2000 }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        )}
        {action?.kind === 'appeal' && (
          <>
            <Form.Item name="instance" label="进入审级" rules={[{ required: true }]}>
              <Select
                options={[
                  { value: 'second', label: '二审', disabled: action.suit.instance !== 'first' },
                  { value: 'retrial', label: '再审' },
                ]}
              />
            </Form.Item>
            <Form.Item name="filedOn" label="立案日期" rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <TextField name="court" label="审理法院" max={100} />
            <TextField name="caseNo" label="新案号" max={64} />
          </>
        )}
      </FormModal>
    </>
  );
}
