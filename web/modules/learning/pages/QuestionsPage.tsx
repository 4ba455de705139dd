import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Col, Flex, Form, Input, Radio, Row, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Question, QuestionQuery } from '../../../../domain/learning/contracts.ts';
import { formatAnswer, judgeOptions, MAX_OPTIONS, optionKeys, type QuestionType, questionTypeLabels, questionTypes } from '../../../../domain/learning/rules.ts';
import { changedFields } from '../../../ui/changedFields.ts';
import { FilterBar } from '../../../ui/FilterBar.tsx';
import { FormDrawer } from '../../../ui/FormDrawer.tsx';
import { FormModal } from '../../../ui/FormModal.tsx';
import { LedgerButtons } from '../../../ui/LedgerButtons.tsx';
import { usePagedQuery } from '../../../ui/usePagedQuery.ts';
import { learningApi, learningKeys } from '../api.ts';
import { useHomeUnit } from '../useHomeUnit.ts';

type Filters = Pick<QuestionQuery, 'type' | 'category' | 'q'>;
type Values = { type: QuestionType; category: string; stem: string; options?: string[]; answer?: string[] | string; explanation?: string; law?: string; article?: string };

export const typeColors: Record<QuestionType, string> = { single: 'blue', multiple: 'purple', judge: 'green' };

export function useCategories() {
  return useQuery({ queryKey: learningKeys.categories, queryFn: async () => (await learningApi.categories()).items, staleTime: 10 * 60_000 });
}

/** The question bank: single choice, multiple choice, true/false; with category, law and article, explanation. */
export function QuestionsPage() {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const homeUnit = useHomeUnit();
  const categories = useCategories();
  const list = usePagedQuery<Question, Filters>(learningKeys.questions, learningApi.questions, {});
  const [editing, setEditing] = useState<Question | 'new' | null>(null);
  const [voiding, setVoiding] = useState<Question | null>(null);
  const [form] = Form.useForm<Values>();
  const type = Form.useWatch('type', form);
  const options = Form.useWatch('options', form) as string[] | undefined;
  const editingQuestion = editing !== 'new' ? editing : null;
  const refresh = () => queryClient.invalidateQueries({ queryKey: learningKeys.questions });
  const categoryOptions = (categories.data ?? []).map((c) => ({ value: c.code, label: c.label }));

  const save = async ({ answer, options: opts, ...rest }: Values) => {
    const body = {
      ...rest,
      options: rest.type === 'judge' ? [...judgeOptions] : (opts ?? []),
      answer: (Array.isArray(answer) ? answer : answer ? [answer] : []) as (typeof optionKeys)[number][],
    };
    if (editingQuestion) await learningApi.updateQuestion(editingQuestion.id, { ...changedFields(editingQuestion, body), version: editingQuestion.version });
    else {
      if (!homeUnit) throw new Error('没有可用的所属单位');
      await learningApi.createQuestion({ ...body, orgUnitId: homeUnit });
    }
    await refresh();
  };

  const keys = type === 'judge' ? ['A', 'B'] : optionKeys.slice(0, Math.max(2, options?.length ?? 0));
  const answerOptions = keys.map((k, i) => ({ value: k, label: type === 'judge' ? judgeOptions[i] : k }));

  const columns: TableColumnsType<Question> = [
    { title: '编号', dataIndex: 'id', width: 70 },
    { title: '题型', dataIndex: 'type', width: 80, render: (t: QuestionType) => <Tag color={typeColors[t]}>{questionTypeLabels[t]}</Tag> },
    { title: '类别', dataIndex: 'categoryLabel', width: 120 },
    {
      title: '题干',
      dataIndex: 'stem',
      width: 380,
      render: (stem: string, q) => (
        <>
          <Typography.Paragraph style={{ marginBottom: 4 }}>{stem}</Typography.Paragraph>
          {q.type !== 'judge' && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {q.options.map((o, i) => `${optionKeys[i]}. ${o}`).join('　')}
            </Typography.Text>
          )}
        </>
      ),
    },
    { title: '答案', key: 'answer', width: 70, render: (_, q) => <Typography.Text strong>{formatAnswer(q.type, q.answer)}</Typography.Text> },
    { title: '依据', key: 'law', width: 200, render: (_, q) => (q.law ? `《${q.law}》${q.article}` : '—') },
    {
      title: '操作',
      key: 'actions',
      width: 110,
      fixed: 'right',
      render: (_, q) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing(q)}>
            编辑
          </Button>
          <Button type="link" size="small" danger onClick={() => setVoiding(q)}>
            作废
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <FilterBar<Filters>
        onSearch={(f) => list.search({ type: f.type, category: f.category, q: f.q?.trim() || undefined })}
        extra={
          <>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              新增题目
            </Button>
            <LedgerButtons kind="questions" title="题库台账" query={list.filters} canImport onImported={refresh} />
          </>
        }
      >
        <Form.Item name="type" label="题型">
          <Select allowClear placeholder="全部" options={questionTypes.map((t) => ({ value: t, label: questionTypeLabels[t] }))} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="category" label="类别">
          <Select allowClear placeholder="全部" options={categoryOptions} style={{ width: 150 }} />
        </Form.Item>
        <Form.Item name="q" label="关键词">
          <Input allowClear placeholder="题干、法律、解析" style={{ width: 160 }} />
        </Form.Item>
      </FilterBar>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        台账格式与导出相同：所属单位、题型（单选题/多选题/判断题）、类别、题干、选项A–H、答案（如
        B、ACD、正确）、解析、法律依据、条款；填写「编号」的行修改原题，空编号为新题；同一单位已有的相同题目（题型与题干相同）不会重复导入。
      </Typography.Paragraph>
      <Table<Question> rowKey="id" size="middle" columns={columns} scroll={{ x: 1050 }} {...list.table} />

      <FormDrawer<Values>
        wide
        form={form}
        open={editing !== null}
        title={editingQuestion ? `编辑题目 #${editingQuestion.id}` : '新增题目'}
        onClose={() => setEditing(null)}
        initialValues={
          editingQuestion
            ? {
                type: editingQuestion.type,
                category: editingQuestion.category,
                stem: editingQuestion.stem,
                options: editingQuestion.type === 'judge' ? [] : editingQuestion.options,
                answer: editingQuestion.type === 'multiple' ? editingQuestion.answer : editingQuestion.answer[0],
                explanation: editingQuestion.explanation,
                law: editingQuestion.law,
                article: editingQuestion.article,
              }
            : { type: 'single', options: ['', '', '', ''] }
        }
        onSubmit={save}
      >
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="type" label="题型" rules={[{ required: true }]}>
              <Radio.Group
                optionType="button"
                options={questionTypes.map((t) => ({ value: t, label: questionTypeLabels[t] }))}
                onChange={() => form.setFieldValue('answer', undefined)}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="category" label="题目类别" rules={[{ required: true, message: '请选择类别' }]}>
              <Select options={categoryOptions} loading={categories.isPending} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="stem" label="题干" rules={[{ required: true, whitespace: true, message: '请填写题干' }, { max: 1000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        {type !== 'judge' && (
          <Form.Item label="选项" required>
            <Form.List name="options">
              {(fields, { add, remove }) => (
                <>
                  {fields.map(({ key, name }, i) => (
                    <Flex key={key} gap={8} align="baseline">
                      <Typography.Text strong style={{ width: 16 }}>
                        {optionKeys[i]}
                      </Typography.Text>
                      <Form.Item name={name} rules={[{ required: true, whitespace: true, message: '请填写选项内容' }, { max: 300 }]} style={{ flex: 1, marginBottom: 8 }}>
                        <Input />
                      </Form.Item>
                      <Button type="text" icon={<MinusCircleOutlined />} aria-label="删除选项" disabled={fields.length <= 2} onClick={() => remove(name)} />
                    </Flex>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} disabled={fields.length >= MAX_OPTIONS} onClick={() => add('')} block>
                    添加选项
                  </Button>
                </>
              )}
            </Form.List>
          </Form.Item>
        )}
        <Form.Item name="answer" label="正确答案" rules={[{ required: true, message: '请设置正确答案' }]}>
          {type === 'multiple' ? <Checkbox.Group options={answerOptions} /> : <Radio.Group options={answerOptions} />}
        </Form.Item>
        <Form.Item name="explanation" label="答案解析" rules={[{ max: 2000 }]} extra="测试结束后向参考人员展示">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={14}>
            <Form.Item name="law" label="法律依据" rules={[{ max: 100 }]}>
              <Input placeholder="如：中华人民共和国行政处罚法" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={10}>
            <Form.Item name="article" label="条款" rules={[{ max: 100 }]}>
              <Input placeholder="如：第三十六条" />
            </Form.Item>
          </Col>
        </Row>
      </FormDrawer>

      <FormModal<{ reason: string }>
        open={voiding !== null}
        title={`作废题目 #${voiding?.id ?? ''}`}
        okText="作废"
        successMessage={null}
        onClose={() => setVoiding(null)}
        onSubmit={async ({ reason }) => {
          if (!voiding) return;
          await learningApi.voidQuestion(voiding.id, { reason, version: voiding.version });
          message.success('已作废');
          await refresh();
        }}
      >
        <Typography.Paragraph type="secondary">已组成的试卷保留原题，不受影响。</Typography.Paragraph>
        <Form.Item name="reason" label="作废原因" rules={[{ required: true, whitespace: true, message: '请填写作废原因' }, { max: 500 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </FormModal>
    </>
  );
}
