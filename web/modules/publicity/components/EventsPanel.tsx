import { PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, Form, Input, InputNumber, Row, Select, Space, Statistic, Table, type TableColumnsType, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { EventQuery, PublicityEvent } from '../../../../domain/publicity/contracts.ts';
import { Attachments } from '../../../ui/Attachments.tsx';
import { changedFields } from '../../../ui/changedFields.ts';
import { toDateString, todayString } from '../../../ui/dates.ts';
import { FilterBar } from '../../../ui/FilterBar.tsx';
import { FormDrawer } from '../../../ui/FormDrawer.tsx';
import { LedgerButtons } from '../../../ui/LedgerButtons.tsx';
import { HeldOnField, TextBlock, useRecordActions, useRecordEditing } from '../../../ui/RecordPanel.tsx';
import { usePagedQuery } from '../../../ui/usePagedQuery.ts';
import { OrgUnitTreeSelect } from '../../org/components/OrgUnitTreeSelect.tsx';
import { useOrgUnits } from '../../org/useOrgUnits.ts';
import { useDictionary } from '../../villages/useDictionary.ts';
import { publicityApi, publicityKeys } from '../api.ts';
import { lawName, useLawCatalog } from '../useLawCatalog.ts';
import { LawWarnings } from './LawWarnings.tsx';

type Filters = Pick<EventQuery, 'year' | 'kind' | 'audience' | 'campaignId' | 'q'>;
type EventValues = {
  orgUnitId: number;
  campaignId?: number | null;
  kind: string;
  title: string;
  heldOn: Dayjs;
  place: string;
  organiser: string;
  partner?: string;
  audience: string;
  lawIds?: number[];
  materials?: string;
  materialsCount: number;
  peopleReached: number;
  consultations?: number;
  summary?: string;
};

const currentYear = () => Number(todayString().slice(0, 4));

/** The year's figures as the report states them. */
function YearFigures({ year }: { year: number }) {
  const { data } = useQuery({ queryKey: publicityKeys.summary(year), queryFn: () => publicityApi.summary(year) });
  const audience = (code: string) => data?.byAudience.find((a) => a.audience === code);
  const cards = [
    { title: `${year}年普法活动`, value: data?.events ?? 0, suffix: '场' },
    { title: '发放资料、宣传品', value: data?.materials ?? 0, suffix: '份' },
    { title: '面向学生', value: `${audience('students')?.materials ?? 0} 份 / ${audience('students')?.people ?? 0} 人次` },
    { title: '面向村民发放', value: audience('villagers')?.materials ?? 0, suffix: '份' },
    { title: '法律咨询活动', value: `${data?.consultationEvents ?? 0} 次 / ${data?.consultationPeople ?? 0} 人次` },
  ];
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      {cards.map((c) => (
        <Col key={c.title} xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic title={c.title} value={c.value} suffix={c.suffix} styles={{ content: { fontSize: 20 } }} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** 普法活动: kind, date, place, organiser and partner, audience, laws covered, materials, people reached, consultations, photos. */
export function EventsPanel({ canWrite }: { canWrite: boolean }) {
  const queryClient = useQueryClient();
  const kinds = useDictionary('publicity.event_kind');
  const audiences = useDictionary('publicity.audience');
  const laws = useLawCatalog();
  const { units } = useOrgUnits();
  const list = usePagedQuery<PublicityEvent, Filters>([...publicityKeys.events], (q) => publicityApi.events(q), {});
  // Figures for the year filtered on, else the year of the latest event (the list is newest first).
  const latest = list.query.data?.items[0]?.heldOn.slice(0, 4);
  const year = list.filters.year ?? (latest ? Number(latest) : currentYear());
  const campaigns = useQuery({ queryKey: publicityKeys.campaigns(year), queryFn: async () => (await publicityApi.campaigns({ year, pageSize: 200 })).items });
  const editing = useRecordEditing<PublicityEvent>();
  const editingEvent = editing.record;
  const [form] = Form.useForm<EventValues>();
  // The warning follows what is typed and chosen, before anything is saved.
  const watched = {
    title: Form.useWatch('title', form),
    materials: Form.useWatch('materials', form),
    summary: Form.useWatch('summary', form),
    lawIds: Form.useWatch('lawIds', form),
    heldOn: Form.useWatch('heldOn', form),
  };
  const liveWarnings = laws.check({
    text: [watched.title, watched.materials, watched.summary].filter(Boolean).join('\n'),
    lawIds: watched.lawIds,
    asOf: toDateString(watched.heldOn),
  }).warnings;
  const refresh = () => queryClient.invalidateQueries({ queryKey: publicityKeys.all });
  const defaultUnit = units.length === 1 ? units[0]?.id : units.find((u) => u.kind === 'town')?.id;

  const columns: TableColumnsType<PublicityEvent> = [
    { title: '日期', dataIndex: 'heldOn', width: 105, fixed: 'left' },
    {
      title: '活动名称',
      dataIndex: 'title',
      width: 240,
      render: (t: string, e) => (
        <Space size={4} wrap>
          <span>{t}</span>
          {e.lawWarnings.length > 0 && (
            <Tag color="warning" icon={<WarningOutlined />}>
              涉及已废止法律
            </Tag>
          )}
        </Space>
      ),
    },
    { title: '形式', dataIndex: 'kindLabel', width: 100, render: (k: string) => <Tag>{k}</Tag> },
    { title: '单位', dataIndex: 'unitName', width: 110 },
    { title: '对象', dataIndex: 'audienceLabel', width: 80 },
    { title: '资料（份）', dataIndex: 'materialsCount', width: 90, align: 'right' },
    { title: '受众（人次）', dataIndex: 'peopleReached', width: 100, align: 'right' },
    { title: '咨询（人次）', dataIndex: 'consultations', width: 100, align: 'right' },
    { title: '主题活动', dataIndex: 'campaignTitle', width: 200, ellipsis: true, render: (c: string | null) => c ?? '—' },
    ...useRecordActions<PublicityEvent>({
      canWrite,
      onEdit: editing.edit,
      fixed: 'right',
      voidRecord: {
        confirm: '作废这条活动记录？',
        run: async (e) => {
          await publicityApi.voidEvent(e.id, { reason: '登记有误，作废', version: e.version });
          await refresh();
        },
      },
    }),
  ];

  return (
    <>
      <YearFigures year={year} />
      <FilterBar<Filters>
        onSearch={(f) => list.search({ year: f.year ?? undefined, kind: f.kind, audience: f.audience, campaignId: f.campaignId, q: f.q || undefined })}
        extra={
          <>
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={editing.create}>
                登记普法活动
              </Button>
            )}
            <LedgerButtons
              kind="publicity-events"
              title="普法宣传活动台账"
              query={list.filters}
              canImport={canWrite}
              onImported={() => queryClient.invalidateQueries({ queryKey: publicityKeys.all })}
            />
          </>
        }
      >
        <Form.Item name="year" label="年度">
          <InputNumber min={2000} max={2100} precision={0} placeholder="全部" style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="kind" label="形式">
          <Select allowClear placeholder="全部" options={kinds.options} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="audience" label="对象">
          <Select allowClear placeholder="全部" options={audiences.options} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="q" label="关键词">
          <Input allowClear style={{ width: 140 }} />
        </Form.Item>
      </FilterBar>
      <Table<PublicityEvent>
        rowKey="id"
        size="middle"
        columns={columns}
        scroll={{ x: 1250 }}
        {...list.table}
        expandable={{
          expandedRowRender: (e) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <LawWarnings warnings={e.lawWarnings} />
              <Descriptions
                size="small"
                column={{ xs: 1, sm: 2 }}
                items={[
                  { key: 'place', label: '地点', children: e.place },
                  { key: 'organiser', label: '组织单位', children: e.organiser },
                  { key: 'partner', label: '协办单位', children: e.partner || '—' },
                  {
                    key: 'laws',
                    label: '涉及法律法规',
                    children: e.laws.length ? (
                      <Space size={[4, 4]} wrap>
                        {e.laws.map((l) => (
                          <Tag key={l.id} color={l.repealedOn ? 'red' : 'blue'}>
                            {lawName(l)}
                          </Tag>
                        ))}
                      </Space>
                    ) : (
                      '—'
                    ),
                  },
                  { key: 'materials', label: '宣传资料', children: e.materials || '—' },
                  {
                    key: 'summary',
                    label: '活动情况',
                    span: 'filled',
                    children: <TextBlock text={e.summary} />,
                  },
                  {
                    key: 'photos',
                    label: '照片',
                    span: 'filled',
                    children: <Attachments entityType="publicity_event" entityId={String(e.id)} orgUnitId={e.orgUnitId} canWrite={canWrite} label="上传活动照片" />,
                  },
                ]}
              />
            </Space>
          ),
        }}
      />

      <FormDrawer<EventValues>
        wide
        form={form}
        open={editing.open}
        title={editingEvent ? '编辑普法活动' : '登记普法活动'}
        onClose={editing.close}
        initialValues={
          editingEvent
            ? { ...editingEvent, heldOn: dayjs(editingEvent.heldOn), lawIds: editingEvent.laws.map((l) => l.id) }
            : { orgUnitId: defaultUnit, heldOn: dayjs(todayString()), kind: 'lecture', audience: 'villagers', materialsCount: 0, peopleReached: 0, consultations: 0, lawIds: [] }
        }
        onSubmit={async ({ heldOn, orgUnitId, ...rest }) => {
          const values = { ...rest, heldOn: toDateString(heldOn) ?? todayString() };
          if (editingEvent) {
            const before = { ...editingEvent, lawIds: editingEvent.laws.map((l) => l.id) };
            await publicityApi.updateEvent(editingEvent.id, { ...changedFields(before, values), version: editingEvent.version });
          } else await publicityApi.createEvent({ ...values, orgUnitId });
          await refresh();
        }}
      >
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="orgUnitId" label="所属单位" rules={[{ required: true, message: '请选择单位' }]}>
              <OrgUnitTreeSelect disabled={editingEvent !== null} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <HeldOnField label="活动日期" />
          </Col>
        </Row>
        <Form.Item name="title" label="活动名称" rules={[{ required: true, whitespace: true, message: '请填写活动名称' }, { max: 200 }]}>
          <Input />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={12} sm={8}>
            <Form.Item name="kind" label="活动形式" rules={[{ required: true }]}>
              <Select options={kinds.options} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="audience" label="对象群体" rules={[{ required: true }]}>
              <Select options={audiences.options} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="campaignId" label="所属主题活动">
              <Select allowClear placeholder="无" options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.title }))} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="place" label="地点" rules={[{ required: true, whitespace: true, message: '请填写地点' }, { max: 200 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="organiser" label="组织单位" rules={[{ required: true, whitespace: true, message: '请填写组织单位' }, { max: 100 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="partner" label="协办单位" rules={[{ max: 200 }]}>
              <Input placeholder="如 人民法院" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="lawIds" label="涉及法律法规" extra="从法律法规库选择；选择或在文字中写到已废止的法律时会提示">
          <Select mode="multiple" allowClear showSearch={{ optionFilterProp: 'label' }} options={laws.options} placeholder="选择法律法规" />
        </Form.Item>
        <Form.Item name="materials" label="宣传资料/宣传品" rules={[{ max: 2000 }]}>
          <Input placeholder="如 《民法典》婚姻家庭编宣传手册" />
        </Form.Item>
        <LawWarnings warnings={liveWarnings} style={{ marginBottom: 16 }} />
        <Row gutter={12}>
          <Col xs={8}>
            <Form.Item name="materialsCount" label="发放（份）" rules={[{ required: true, message: '请填写' }]}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={8}>
            <Form.Item name="peopleReached" label="受众（人次）" rules={[{ required: true, message: '请填写' }]}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={8}>
            <Form.Item name="consultations" label="咨询（人次）">
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="summary" label="活动情况" rules={[{ max: 20000 }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
        </Form.Item>
      </FormDrawer>
    </>
  );
}
