import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Col, DatePicker, Divider, Form, Input, InputNumber, Row, Select, Space, Switch, Table, type TableColumnsType, Tag, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { RuleVersion, VillageRule, VillageRuleQuery } from '../../../../domain/villages/contracts.ts';
import { type AdoptionBody, adoptionBodies, adoptionBodyLabels, type QuorumBasis, quorumBases, quorumBasisLabels } from '../../../../domain/villages/rules.ts';
import { toDateString, todayString } from '../../../ui/dates.ts';
import { FilterBar } from '../../../ui/FilterBar.tsx';
import { FormDrawer } from '../../../ui/FormDrawer.tsx';
import { FormModal } from '../../../ui/FormModal.tsx';
import { LedgerButtons } from '../../../ui/LedgerButtons.tsx';
import { usePagedQuery } from '../../../ui/usePagedQuery.ts';
import { villagesApi, villagesKeys } from '../api.ts';
import { useDictionary } from '../useDictionary.ts';
import { useVillages } from '../useVillages.ts';

type Filters = Pick<VillageRuleQuery, 'orgUnitId' | 'kind'>;
type RuleValues = { orgUnitId: number; kind: string; title: string };
type AdoptionValues = {
  adoptedBy: AdoptionBody;
  quorumBasis?: QuorumBasis;
  adoptedOn: Dayjs;
  expectedCount: number;
  attendedCount: number;
  votesFor: number;
  votesAgainst: number;
  votesAbstain: number;
  filedOn?: Dayjs;
};
type VersionValues = { content: string; draftedBy: string; draftedOn?: Dayjs; changeNote?: string; adopted: boolean; adoption?: AdoptionValues };

const toAdoption = (a: AdoptionValues) => ({ ...a, adoptedOn: toDateString(a.adoptedOn) ?? todayString(), filedOn: toDateString(a.filedOn) });

export const describeAdoption = (v: RuleVersion): string =>
  v.adoptedBy
    ? `${v.adoptedOn} ${adoptionBodyLabels[v.adoptedBy]}通过（应到 ${v.expectedCount}，实到 ${v.attendedCount}；赞成 ${v.votesFor}、反对 ${v.votesAgainst}、弃权 ${v.votesAbstain}）${v.filedOn ? `，${v.filedOn} 报镇备案` : ''}`
    : '草稿，尚未表决';

/** The adoption's fields; `prefix` puts them under adoption.* inside the version form (errors then land on them). */
function AdoptionFields({ prefix }: { prefix: string[] }) {
  const form = Form.useFormInstance();
  const body = Form.useWatch([...prefix, 'adoptedBy'], form) as AdoptionBody | undefined;
  const n = (name: string) => [...prefix, name];
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name={n('adoptedBy')} label="通过会议" rules={[{ required: true }]}>
            <Select options={adoptionBodies.map((b) => ({ value: b, label: adoptionBodyLabels[b] }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name={n('adoptedOn')} label="通过日期" rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      {body === 'villagers_meeting' && (
        <Form.Item name={n('quorumBasis')} label="法定人数按" extra="村民会议须本村十八周岁以上村民过半数，或三分之二以上户的代表参加">
          <Select options={quorumBases.map((b) => ({ value: b, label: quorumBasisLabels[b] }))} />
        </Form.Item>
      )}
      <Row gutter={12}>
        <Col xs={12} sm={6}>
          <Form.Item name={n('expectedCount')} label={body === 'representatives_meeting' ? '应到（组成人员）' : '应到'} rules={[{ required: true, message: '请填写' }]}>
            <InputNumber min={1} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name={n('attendedCount')} label="实到" rules={[{ required: true, message: '请填写' }]}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={8} sm={4}>
          <Form.Item name={n('votesFor')} label="赞成" rules={[{ required: true, message: '请填写' }]}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={8} sm={4}>
          <Form.Item name={n('votesAgainst')} label="反对" rules={[{ required: true, message: '请填写' }]}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={8} sm={4}>
          <Form.Item name={n('votesAbstain')} label="弃权" rules={[{ required: true, message: '请填写' }]}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name={n('filedOn')} label="报乡镇人民政府备案日期">
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </>
  );
}

const adoptionDefaults = { adoptedBy: 'representatives_meeting' as const, quorumBasis: 'villagers' as const, adoptedOn: dayjs(todayString()), votesAgainst: 0, votesAbstain: 0 };

/** 村规民约、村民自治章程、集体议事制度 … as documents with versions, each adopted by a 村民会议 or 村民代表会议. */
export function RulesPanel({ canWrite }: { canWrite: boolean }) {
  const queryClient = useQueryClient();
  const { options: villageOptions, single } = useVillages();
  const kinds = useDictionary('villages.rule_kind');
  const list = usePagedQuery<VillageRule, Filters>([...villagesKeys.rules], (q) => villagesApi.rules(q), {});
  const [editing, setEditing] = useState<VillageRule | 'new' | null>(null);
  const [versioning, setVersioning] = useState<VillageRule | null>(null);
  const [adopting, setAdopting] = useState<{ rule: VillageRule; version: RuleVersion } | null>(null);
  const [versionForm] = Form.useForm<VersionValues>();
  const adopted = Form.useWatch('adopted', versionForm);
  const editingRule = editing !== 'new' ? editing : null;
  const refresh = () => queryClient.invalidateQueries({ queryKey: villagesKeys.all });

  const columns: TableColumnsType<VillageRule> = [
    { title: '村（社区）', dataIndex: 'villageName', width: 110 },
    { title: '类别', dataIndex: 'kindLabel', width: 120, render: (k: string) => <Tag>{k}</Tag> },
    { title: '名称', dataIndex: 'title', width: 240 },
    {
      title: '现行版本',
      key: 'current',
      width: 180,
      render: (_, r) => (r.currentVersionNo ? `第 ${r.currentVersionNo} 版（${r.currentAdoptedOn} 通过）` : <Typography.Text type="secondary">尚无通过的版本</Typography.Text>),
    },
    { title: '版本数', key: 'versions', width: 70, render: (_, r) => r.versions.length },
    ...(canWrite
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 150,
            render: (_: unknown, r: VillageRule) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setVersioning(r)}>
                  新增版本
                </Button>
                <Button type="link" size="small" onClick={() => setEditing(r)}>
                  编辑
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <FilterBar<Filters>
        onSearch={(f) => list.search(f)}
        extra={
          <>
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                新建制度
              </Button>
            )}
            <LedgerButtons kind="village-rules" title="村规民约台账" query={list.filters} canImport={false} />
          </>
        }
      >
        <Form.Item name="orgUnitId" label="村">
          <Select allowClear placeholder="全部" options={villageOptions} style={{ width: 130 }} />
        </Form.Item>
        <Form.Item name="kind" label="类别">
          <Select allowClear placeholder="全部" options={kinds.options} style={{ width: 140 }} />
        </Form.Item>
      </FilterBar>
      <Table<VillageRule>
        rowKey="id"
        size="middle"
        columns={columns}
        scroll={{ x: 900 }}
        {...list.table}
        expandable={{
          expandedRowRender: (r) =>
            r.versions.length === 0 ? (
              <Typography.Text type="secondary">尚无版本</Typography.Text>
            ) : (
              <Timeline
                items={[...r.versions].reverse().map((v) => ({
                  key: v.id,
                  color: v.adopted ? (v.versionNo === r.currentVersionNo ? 'green' : 'gray') : 'blue',
                  title: (
                    <Space wrap>
                      <Typography.Text strong>第 {v.versionNo} 版</Typography.Text>
                      {v.versionNo === r.currentVersionNo && <Tag color="green">现行</Tag>}
                      <Typography.Text type="secondary">
                        起草：{v.draftedBy}
                        {v.draftedOn ? `（${v.draftedOn}）` : ''}
                      </Typography.Text>
                    </Space>
                  ),
                  content: (
                    <>
                      <div>{describeAdoption(v)}</div>
                      {v.changeNote && <Typography.Text type="secondary">修订说明：{v.changeNote}</Typography.Text>}
                      <Typography.Paragraph ellipsis={{ rows: 3, expandable: true, symbol: '展开条文' }} style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>
                        {v.content}
                      </Typography.Paragraph>
                      {canWrite && !v.adopted && (
                        <Button size="small" onClick={() => setAdopting({ rule: r, version: v })}>
                          登记表决通过
                        </Button>
                      )}
                    </>
                  ),
                }))}
              />
            ),
        }}
      />

      <FormDrawer<RuleValues>
        open={editing !== null}
        title={editingRule ? '编辑制度' : '新建制度'}
        onClose={() => setEditing(null)}
        initialValues={
          editingRule ? { orgUnitId: editingRule.orgUnitId, kind: editingRule.kind, title: editingRule.title } : { orgUnitId: single?.orgUnitId, kind: 'village_compact' }
        }
        onSubmit={async (v) => {
          if (editingRule) await villagesApi.updateRule(editingRule.id, { kind: v.kind, title: v.title, version: editingRule.version });
          else await villagesApi.createRule(v);
          await refresh();
        }}
      >
        <Form.Item name="orgUnitId" label="村（社区）" rules={[{ required: true, message: '请选择村' }]}>
          <Select options={villageOptions} disabled={editingRule !== null} />
        </Form.Item>
        <Form.Item name="kind" label="类别" rules={[{ required: true }]}>
          <Select options={kinds.options} />
        </Form.Item>
        <Form.Item name="title" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }, { max: 200 }]}>
          <Input />
        </Form.Item>
      </FormDrawer>

      <FormDrawer<VersionValues>
        wide
        form={versionForm}
        open={versioning !== null}
        title={`新增版本：${versioning?.title ?? ''}`}
        onClose={() => setVersioning(null)}
        initialValues={{
          content: versioning?.versions.at(-1)?.content ?? '',
          draftedOn: dayjs(todayString()),
          adopted: false,
          adoption: adoptionDefaults,
        }}
        onSubmit={async ({ adopted: isAdopted, adoption, draftedOn, ...v }) => {
          if (!versioning) return;
          await villagesApi.addVersion(versioning.id, {
            ...v,
            draftedOn: toDateString(draftedOn),
            adoption: isAdopted && adoption ? toAdoption(adoption) : undefined,
            version: versioning.version,
          });
          await refresh();
        }}
      >
        <Form.Item name="content" label="条文内容" rules={[{ required: true, whitespace: true, message: '请填写条文' }]}>
          <Input.TextArea autoSize={{ minRows: 6, maxRows: 20 }} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="draftedBy" label="起草人" rules={[{ required: true, whitespace: true, message: '请填写起草人' }, { max: 100 }]}>
              <Input placeholder="如 村&quot;两委&quot;" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="draftedOn" label="起草日期">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="changeNote" label="修订说明" rules={[{ max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <Form.Item name="adopted" label="已由村民会议/村民代表会议表决通过" valuePropName="checked">
          <Switch />
        </Form.Item>
        {adopted && (
          <>
            <Divider titlePlacement="start" plain>
              表决情况
            </Divider>
            <AdoptionFields prefix={['adoption']} />
          </>
        )}
      </FormDrawer>

      <FormModal<AdoptionValues>
        open={adopting !== null}
        title={`登记表决通过：${adopting?.rule.title ?? ''} 第 ${adopting?.version.versionNo ?? ''} 版`}
        onClose={() => setAdopting(null)}
        initialValues={adoptionDefaults}
        onSubmit={async (a) => {
          if (!adopting) return;
          await villagesApi.adopt(adopting.rule.id, adopting.version.id, { ...toAdoption(a), version: adopting.version.version });
          await refresh();
        }}
      >
        <AdoptionFields prefix={[]} />
      </FormModal>
    </>
  );
}
