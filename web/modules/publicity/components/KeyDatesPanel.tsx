import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, DatePicker, Flex, Form, Input, InputNumber, List, Row, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { Campaign, KeyDateItem } from '../../../../domain/publicity/contracts.ts';
import { keyDateCodes, keyDateLabel } from '../../../../domain/publicity/rules.ts';
import { changedFields } from '../../../ui/changedFields.ts';
import { toDateString, todayString } from '../../../ui/dates.ts';
import { FormDrawer } from '../../../ui/FormDrawer.tsx';
import { LedgerButtons } from '../../../ui/LedgerButtons.tsx';
import { OrgUnitTreeSelect } from '../../org/components/OrgUnitTreeSelect.tsx';
import { useOrgUnits } from '../../org/useOrgUnits.ts';
import { publicityApi, publicityKeys } from '../api.ts';

type CampaignValues = { orgUnitId: number; keyDate?: string | null; title: string; period: [Dayjs, Dayjs]; theme?: string; description?: string };

const stateTags: Record<KeyDateItem['state'], { color: string; text: (k: KeyDateItem) => string }> = {
  ongoing: { color: 'green', text: () => '进行中' },
  upcoming: { color: 'orange', text: (k) => `${k.daysUntil} 天后` },
  past: { color: 'default', text: () => '已过' },
  later: { color: 'blue', text: (k) => `${k.daysUntil} 天后` },
};

/** 宣传节点: 3·15, 4·15, 5·1, 民法典宣传月, 宪法宣传周 and 12·4 国家宪法日, reminders ahead, and the campaigns held for each. */
export function KeyDatesPanel({ canWrite }: { canWrite: boolean }) {
  const queryClient = useQueryClient();
  const { units } = useOrgUnits();
  const [year, setYear] = useState(Number(todayString().slice(0, 4)));
  const dates = useQuery({ queryKey: publicityKeys.keyDates(year), queryFn: () => publicityApi.keyDates(year) });
  const campaigns = useQuery({ queryKey: publicityKeys.campaigns(year), queryFn: async () => (await publicityApi.campaigns({ year, pageSize: 200 })).items });
  const [editing, setEditing] = useState<{ mode: 'new'; keyDate: KeyDateItem | null } | { mode: 'edit'; campaign: Campaign } | null>(null);
  const editingCampaign = editing?.mode === 'edit' ? editing.campaign : null;
  const defaultUnit = units.length === 1 ? units[0]?.id : units.find((u) => u.kind === 'town')?.id;
  const soon = (dates.data?.items ?? []).filter((k) => k.state === 'upcoming' || k.state === 'ongoing');

  const newFor = (k: KeyDateItem | null) => setEditing({ mode: 'new', keyDate: k });
  const initial = (): Partial<CampaignValues> => {
    if (editingCampaign) return { ...editingCampaign, period: [dayjs(editingCampaign.startsOn), dayjs(editingCampaign.endsOn)], keyDate: editingCampaign.keyDate ?? undefined };
    const k = editing?.mode === 'new' ? editing.keyDate : null;
    return {
      orgUnitId: defaultUnit,
      keyDate: k?.code,
      title: k ? `${year}年"${k.name}"主题宣传` : undefined,
      period: k ? [dayjs(k.start), dayjs(k.end)] : undefined,
    };
  };

  const columns: TableColumnsType<Campaign> = [
    { title: '主题活动', dataIndex: 'title', width: 260 },
    { title: '节点', dataIndex: 'keyDateLabel', width: 150, render: (l: string | null) => (l ? <Tag color="purple">{l}</Tag> : '—') },
    { title: '时间', key: 'period', width: 200, render: (_, c) => `${c.startsOn} 至 ${c.endsOn}` },
    { title: '单位', dataIndex: 'unitName', width: 100 },
    { title: '活动', key: 'events', width: 70, render: (_, c) => `${c.totals.events} 场` },
    { title: '资料/受众', key: 'totals', width: 140, render: (_, c) => `${c.totals.materials} 份 / ${c.totals.people} 人次` },
    ...(canWrite
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 70,
            render: (_: unknown, c: Campaign) => (
              <Button type="link" size="small" onClick={() => setEditing({ mode: 'edit', campaign: c })}>
                编辑
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Flex justify="space-between" wrap gap={8}>
        <Space>
          <Typography.Text>年度</Typography.Text>
          <InputNumber min={2014} max={2100} precision={0} value={year} onChange={(v) => v && setYear(v)} style={{ width: 100 }} />
        </Space>
        <Space wrap>
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => newFor(null)}>
              新建主题活动
            </Button>
          )}
          <LedgerButtons kind="publicity-key-dates" title={`${year}年普法重要时间节点`} query={{ year }} canImport={false} />
        </Space>
      </Flex>
      {soon.map((k) => (
        <Alert
          key={k.code}
          type="info"
          showIcon
          title={`${k.name}${k.state === 'ongoing' ? '正在进行' : `将于 ${k.daysUntil} 天后（${k.start}）到来`}${k.campaigns.length ? `，已安排：${k.campaigns.map((c) => c.title).join('、')}` : '，尚未安排主题宣传活动'}`}
        />
      ))}
      <Row gutter={[12, 12]}>
        {(dates.data?.items ?? []).map((k) => (
          <Col key={k.code} xs={24} sm={12} xl={8}>
            <Card
              size="small"
              title={k.name}
              extra={<Tag color={stateTags[k.state].color}>{stateTags[k.state].text(k)}</Tag>}
              actions={
                canWrite
                  ? [
                      <Typography.Link key="new" onClick={() => newFor(k)}>
                        为此节点新建活动
                      </Typography.Link>,
                    ]
                  : undefined
              }
            >
              <Typography.Text>{k.start === k.end ? k.start : `${k.start} 至 ${k.end}`}</Typography.Text>
              <br />
              <Typography.Text type="secondary">{k.basis}</Typography.Text>
              <List
                size="small"
                locale={{ emptyText: '本年尚无主题活动' }}
                dataSource={k.campaigns}
                renderItem={(c) => (
                  <List.Item>
                    {c.title}
                    <Typography.Text type="secondary">
                      {c.unitName} · {c.events} 场活动
                    </Typography.Text>
                  </List.Item>
                )}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {year}年主题宣传活动
      </Typography.Title>
      <Table<Campaign> rowKey="id" size="middle" columns={columns} dataSource={campaigns.data ?? []} loading={campaigns.isFetching} scroll={{ x: 1000 }} pagination={false} />

      <FormDrawer<CampaignValues>
        open={editing !== null}
        title={editingCampaign ? '编辑主题活动' : '新建主题活动'}
        onClose={() => setEditing(null)}
        initialValues={initial()}
        onSubmit={async ({ period, orgUnitId, ...rest }) => {
          const values = { ...rest, keyDate: rest.keyDate ?? null, startsOn: toDateString(period[0]) ?? todayString(), endsOn: toDateString(period[1]) ?? todayString() };
          if (editingCampaign) await publicityApi.updateCampaign(editingCampaign.id, { ...changedFields(editingCampaign, values), version: editingCampaign.version });
          else await publicityApi.createCampaign({ ...values, orgUnitId });
          await queryClient.invalidateQueries({ queryKey: publicityKeys.all });
        }}
      >
        <Form.Item name="orgUnitId" label="所属单位" rules={[{ required: true, message: '请选择单位' }]}>
          <OrgUnitTreeSelect disabled={editingCampaign !== null} />
        </Form.Item>
        <Form.Item name="keyDate" label="宣传节点">
          <Select allowClear placeholder="不对应节点" options={keyDateCodes.map((c) => ({ value: c, label: keyDateLabel(c) }))} />
        </Form.Item>
        <Form.Item name="title" label="活动名称" rules={[{ required: true, whitespace: true, message: '请填写活动名称' }, { max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="period" label="活动时间" rules={[{ required: true, message: '请选择起止日期' }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="theme" label="主题" rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="description" label="活动方案" rules={[{ max: 20000 }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
        </Form.Item>
      </FormDrawer>
    </Space>
  );
}
