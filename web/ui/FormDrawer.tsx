import { Button, Drawer, Form, Grid, Space } from 'antd';
import { type FormOverlayProps, useFormOverlay } from './useFormOverlay.ts';

/** The create/update form of a list page, in a drawer (full width on a phone). */
export function FormDrawer<V>(props: FormOverlayProps<V> & { wide?: boolean }) {
  const { form, submitting, onFinish } = useFormOverlay(props);
  const screens = Grid.useBreakpoint();
  const width = props.wide ? 760 : 520;
  return (
    <Drawer
      title={props.title}
      open={props.open}
      onClose={props.onClose}
      size={screens.md ? width : '100%'}
      // Rendered while closed so the form instance stays connected and can be reset on the next opening.
      forceRender
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={props.onClose}>取消</Button>
          <Button type="primary" loading={submitting} onClick={() => form.submit()}>
            {props.okText ?? '保存'}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" onFinish={onFinish} scrollToFirstError>
        {props.children}
      </Form>
    </Drawer>
  );
}
