import { Form, Modal } from 'antd';
import { type FormOverlayProps, useFormOverlay } from './useFormOverlay.ts';

/** A short form that asks for a reason or a date before an action (作废, 结束任职, 登记进展). */
export function FormModal<V>(props: FormOverlayProps<V>) {
  const { form, submitting, onFinish } = useFormOverlay(props);
  return (
    <Modal title={props.title} open={props.open} onCancel={props.onClose} onOk={() => form.submit()} okText={props.okText ?? '确定'} confirmLoading={submitting} forceRender>
      <Form form={form} layout="vertical" onFinish={onFinish}>
        {props.children}
      </Form>
    </Modal>
  );
}
