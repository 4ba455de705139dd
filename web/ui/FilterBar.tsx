import { SearchOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Space } from 'antd';
import type { ReactNode } from 'react';

type FilterBarProps<V> = {
  /** Raw form values (dates as dayjs); the page turns them into query parameters. */
  onSearch: (values: V) => void;
  initialValues?: Partial<V>;
  children: ReactNode;
  /** Page actions shown at the right (新增 …). */
  extra?: ReactNode;
};

/** The filter row above a list page's table: fields, 查询 and 重置; wraps onto several lines on a phone. */
export function FilterBar<V extends object>({ onSearch, initialValues, children, extra }: FilterBarProps<V>) {
  const [form] = Form.useForm<V>();
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Flex justify="space-between" align="flex-start" wrap gap={8}>
        <Form form={form} layout="inline" initialValues={initialValues as Record<string, unknown> | undefined} onFinish={onSearch} style={{ flex: '1 1 480px', rowGap: 8 }}>
          {children}
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                查询
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  onSearch(form.getFieldsValue());
                }}
              >
                重置
              </Button>
            </Space>
          </Form.Item>
        </Form>
        {extra && <Space wrap>{extra}</Space>}
      </Flex>
    </Card>
  );
}
