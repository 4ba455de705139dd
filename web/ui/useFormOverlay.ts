import { App, Form, type FormInstance } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useApiError } from './useApiError.ts';

export type FormOverlayProps<V> = {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  /** Read when the overlay opens; the form starts from these every time. */
  initialValues?: Parameters<FormInstance<V>['setFieldsValue']>[0];
  /** Throw (an ApiError) to keep the overlay open with the problems shown. */
  onSubmit: (values: V) => Promise<unknown>;
  /** Toast after success; null when the caller shows the outcome itself. */
  successMessage?: string | null;
  /** Pass one in to watch or set values from outside (Form.useWatch). */
  form?: FormInstance<V>;
  okText?: string;
  children: ReactNode;
};

/** The state shared by FormDrawer and FormModal: reset on open, submit, show server problems on the fields. */
export function useFormOverlay<V>({ open, initialValues, onSubmit, onClose, successMessage = '已保存', form: given }: FormOverlayProps<V>) {
  const [own] = Form.useForm<V>();
  const form = given ?? own;
  const [submitting, setSubmitting] = useState(false);
  const showError = useApiError();
  const { message } = App.useApp();

  // biome-ignore lint/correctness/useExhaustiveDependencies: the initial values are taken once per opening, not on every re-render of the caller
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (initialValues) form.setFieldsValue(initialValues);
  }, [open]);

  const onFinish = async (values: V) => {
    setSubmitting(true);
    try {
      await onSubmit(values);
      if (successMessage) message.success(successMessage);
      onClose();
    } catch (err) {
      showError(err, form);
    } finally {
      setSubmitting(false);
    }
  };
  return { form, submitting, onFinish };
}
