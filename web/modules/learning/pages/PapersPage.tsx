import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Flex, Form, Grid, Input, InputNumber, List, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { DrawRule, Paper, PaperItem, Question } from '../../../../domain/learning/contracts.ts';
import { rulesTotal } from '../../../../domain/learning/draw.ts';
import { formatAnswer, optionKeys, type QuestionType, questionTypeLabels, questionTypes } from '../../../../domain/learning/rules.ts';
import { FormDrawer } from '../../../ui/FormDrawer.tsx';
import { FormModal } from '../../../ui/FormModal.tsx';
import { LedgerButtons } from '../../../ui/LedgerButtons.tsx';
import { useApiError } from '../../../ui/useApiError.ts';
import { usePagedQuery } from '../../../ui/usePagedQuery.ts';
import { learningApi, learningKeys } from '../api.ts';
import { useHomeUnit } from '../useHomeUnit.ts';
import { typeColors, useCategories } from './QuestionsPage.tsx';

const defaultPoints: Record<QuestionType, number> = { single: 5, multiple: 10, judge: 4 };

export function PaperItems({ items }: { items: PaperItem[] }) {
  return (
    <List
      size="small"
      dataSource={items}
      renderItem={(it) => (
        <List.Item>
          <div style={{ width: '100%' }}>
            <Space size={4} wrap>
              <Typography.Text strong>{it.position}.</Typography.Text>
              <Tag color={typeColors[it.type]}>{questionTypeLabels[it.type]}</Tag>
              <Tag>{it.points} 分</Tag>
            </Space>
            <Typography.Paragraph style={{ margin: '4px 0' }}>{it.stem}</Typography.Paragraph>
            {it.type !== 'judge' && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {it.options.map((o, i) => `${optionKeys[i]}. ${o}`).join('　')}
              </Typography.Text>
            )}
            <div>
              <Typography.Text type="success">答案：{formatAnswer(it.type, it.answer)}</Typography.Text>
            </div>
          </div>
        </List.Item>
      )}
    />
  );
}

type ManualValues = { title: string; points: Record<QuestionType, number> };
type DrawValues = { title: string; seed?: number; rules: DrawRule[] };

/** Papers: built by hand from the bank, or drawn at random by rules (seeded, so a draw can be repeated). */
export function PapersPage() {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const showError = useApiError();
  const screens = Grid.useBreakpoint();
  const homeUnit = useHomeUnit();
  const categories = useCategories();
  const list = usePagedQuery<Paper, object>(learningKeys.papers, learningApi.papers, {});
  const [viewing, setViewing] = useState<number | null>(null);
  const [mode, setMode] = useState<'manual' | 'draw' | null>(null);
  const [voiding, setVoiding] = useState<Paper | null>(null);
  const [selected, setSelected] = useState<Question[]>([]);
  const [preview, setPreview] = useState<Paper | null>(null);
  const [drawForm] = Form.useForm<DrawValues>();
  const [manualForm] = Form.useForm<ManualValues>();
  const rules = Form.useWatch('rules', drawForm) as DrawRule[] | undefined;
  const points = Form.useWatch('points', manualForm) as Record<QuestionType, number> | undefined;
  const paper = useQuery({ queryKey: learningKeys.paper(viewing ?? 0), queryFn: () => learningApi.paper(viewing as number), enabled: viewing !== null });
  const bank = useQuery({ queryKey: [...learningKeys.questions, 'all'], queryFn: async () => (await learningApi.questions({ pageSize: 200 })).items, enabled: mode === 'manual' });
  const refresh = () => queryClient.invalidateQueries({ queryKey: learningKeys.papers });
  const categoryOptions = (categories.data ?? []).map((c) => ({ value: c.code, label: c.label }));
  const unit = () => {
    if (!homeUnit) throw new Error('没有可用的所属单位');
    return homeUnit;
  };

  const columns: TableColumnsType<Paper> = [
    { title: '试卷名称', dataIndex: 'title', width: 280 },
    {
      title: '组卷方式',
      dataIndex: 'method',
      width: 110,
      render: (m: Paper['method'], p) => (m === 'random' ? <Tag color="geekblue">随机（种子 {p.seed}）</Tag> : <Tag>手工</Tag>),
    },
    { title: '题数', dataIndex: 'questionCount', width: 70, align: 'right' },
    { title: '总分', dataIndex: 'totalPoints', width: 70, align: 'right' },
    { title: '用于测试', dataIndex: 'examCount', width: 90, align: 'right' },
    {
      title: '操作',
      key: 'actions',
      width: 120,
      fixed: 'right',
      render: (_, p) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setViewing(p.id)}>
            查看
          </Button>
          <Button type="link" size="small" danger disabled={p.examCount > 0} onClick={() => setVoiding(p)}>
            作废
          </Button>
        </Space>
      ),
    },
  ];

  const bankColumns: TableColumnsType<Question> = [
    { title: '题型', dataIndex: 'type', width: 80, render: (t: QuestionType) => <Tag color={typeColors[t]}>{questionTypeLabels[t]}</Tag> },
    { title: '类别', dataIndex: 'categoryLabel', width: 110 },
    { title: '题干', dataIndex: 'stem' },
  ];
  const manualTotal = selected.reduce((s, q) => s + (points?.[q.type] ?? defaultPoints[q.type]), 0);

  return (
    <>
      <Flex justify="flex-end" gap={8} wrap style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setMode('draw')}>
          随机组卷
        </Button>
        <Button icon={<PlusOutlined />} onClick={() => setMode('manual')}>
          手工组卷
        </Button>
        <LedgerButtons kind="learning-papers" title="试卷" canImport={false} />
      </Flex>
      <Table<Paper> rowKey="id" size="middle" columns={columns} scroll={{ x: 760 }} {...list.table} />

      <Drawer title={paper.data?.title ?? '试卷'} open={viewing !== null} onClose={() => setViewing(null)} size={screens.md ? 720 : '100%'}>
        {paper.data && (
          <>
            <Typography.Paragraph type="secondary">
              共 {paper.data.questionCount} 题，总分 {paper.data.totalPoints} 分{paper.data.method === 'random' ? `；随机种子 ${paper.data.seed}` : ''}
            </Typography.Paragraph>
            <PaperItems items={paper.data.items ?? []} />
          </>
        )}
      </Drawer>

      <FormDrawer<ManualValues>
        wide
        form={manualForm}
        open={mode === 'manual'}
        title="手工组卷"
        okText={`保存（${selected.length} 题，${manualTotal} 分）`}
        onClose={() => {
          setMode(null);
          setSelected([]);
        }}
        initialValues={{ points: defaultPoints }}
        onSubmit={async ({ title, points: p }) => {
          if (!selected.length) throw new Error('请至少选择一道题');
          await learningApi.createPaper({ orgUnitId: unit(), title, items: selected.map((q) => ({ questionId: q.id, points: p?.[q.type] ?? defaultPoints[q.type] })) });
          setSelected([]);
          await refresh();
        }}
      >
        <Form.Item name="title" label="试卷名称" rules={[{ required: true, whitespace: true, message: '请填写试卷名称' }, { max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item label="每题分值">
          <Space wrap>
            {questionTypes.map((t) => (
              <Form.Item key={t} name={['points', t]} noStyle>
                <InputNumber min={1} max={100} prefix={questionTypeLabels[t]} style={{ width: 150 }} />
              </Form.Item>
            ))}
          </Space>
        </Form.Item>
        <Table<Question>
          rowKey="id"
          size="small"
          loading={bank.isPending}
          dataSource={bank.data ?? []}
          columns={bankColumns}
          pagination={{ pageSize: 50 }}
          rowSelection={{ selectedRowKeys: selected.map((q) => q.id), onChange: (_, rows) => setSelected(rows) }}
        />
      </FormDrawer>

      <FormDrawer<DrawValues>
        wide
        form={drawForm}
        open={mode === 'draw'}
        title="随机组卷"
        okText="保存试卷"
        onClose={() => {
          setMode(null);
          setPreview(null);
        }}
        initialValues={{
          rules: [
            { type: 'single', count: 10, points: 5 },
            { type: 'multiple', count: 3, points: 10 },
            { type: 'judge', count: 5, points: 4 },
          ],
        }}
        onSubmit={async (v) => {
          // Save exactly what was previewed: same seed over the same bank gives the same paper.
          await learningApi.drawPaper({ ...v, orgUnitId: unit(), seed: v.seed ?? preview?.seed ?? undefined });
          setPreview(null);
          await refresh();
        }}
      >
        <Form.Item name="title" label="试卷名称" rules={[{ required: true, whitespace: true, message: '请填写试卷名称' }, { max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item label={`组卷规则（合计 ${rulesTotal(rules ?? [])} 分）`} required>
          <Form.List name="rules">
            {(fields, { add, remove }) => (
              <>
                {fields.map(({ key, name }) => (
                  <Flex key={key} gap={8} wrap align="baseline">
                    <Form.Item name={[name, 'type']} rules={[{ required: true }]} style={{ marginBottom: 8 }}>
                      <Select options={questionTypes.map((t) => ({ value: t, label: questionTypeLabels[t] }))} style={{ width: 96 }} />
                    </Form.Item>
                    <Form.Item name={[name, 'category']} style={{ marginBottom: 8 }}>
                      <Select allowClear placeholder="任意类别" options={categoryOptions} style={{ width: 140 }} />
                    </Form.Item>
                    <Form.Item name={[name, 'count']} rules={[{ required: true, message: '题数' }]} style={{ marginBottom: 8 }}>
                      <InputNumber min={1} max={200} suffix="题" style={{ width: 90 }} />
                    </Form.Item>
                    <Form.Item name={[name, 'points']} rules={[{ required: true, message: '分值' }]} style={{ marginBottom: 8 }}>
                      <InputNumber min={1} max={100} suffix="分/题" style={{ width: 110 }} />
                    </Form.Item>
                    <Button type="text" icon={<MinusCircleOutlined />} aria-label="删除规则" onClick={() => remove(name)} />
                  </Flex>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ type: 'single', count: 1, points: 5 })} block>
                  添加规则
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="seed" label="随机种子" extra="留空由系统生成；同一种子、同一题库得到同一试卷，可据此复核">
          <InputNumber min={0} max={2147483647} style={{ width: 200 }} />
        </Form.Item>
        <Button
          onClick={async () => {
            try {
              const v = await drawForm.validateFields();
              const drawn = await learningApi.previewDraw({ ...v, orgUnitId: unit(), title: v.title || '预览', seed: v.seed ?? undefined });
              setPreview(drawn);
              drawForm.setFieldValue('seed', drawn.seed);
              message.success(`已抽取 ${drawn.questionCount} 题，共 ${drawn.totalPoints} 分`);
            } catch (err) {
              if (err instanceof Error) showError(err, drawForm);
            }
          }}
        >
          预览抽题
        </Button>
        {preview && (
          <div style={{ marginTop: 12 }}>
            <Typography.Text type="secondary">
              种子 {preview.seed}：{preview.questionCount} 题，{preview.totalPoints} 分。清空种子后再次预览可换一套。
            </Typography.Text>
            <PaperItems items={preview.items ?? []} />
          </div>
        )}
      </FormDrawer>

      <FormModal<{ reason: string }>
        open={voiding !== null}
        title={`作废试卷：${voiding?.title ?? ''}`}
        okText="作废"
        successMessage={null}
        onClose={() => setVoiding(null)}
        onSubmit={async ({ reason }) => {
          if (!voiding) return;
          await learningApi.voidPaper(voiding.id, { reason, version: voiding.version });
          message.success('已作废');
          await refresh();
        }}
      >
        <Form.Item name="reason" label="作废原因" rules={[{ required: true, whitespace: true, message: '请填写作废原因' }, { max: 500 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </FormModal>
    </>
  );
}
