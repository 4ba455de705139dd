import { useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { ApiError } from '../app/http.ts';

/**
 * Shows a failed request the one way: the server's message as a toast and, when a form is given, each field
 * problem under its field ('members.0.office' → ['members', 0, 'office']).
 */
export function useApiError() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return useCallback(
    (err: unknown, form?: FormInstance) => {
      if (!(err instanceof ApiError)) {
        message.error(err instanceof Error ? err.message : '操作失败');
        return;
      }
      message.error(err.message);
      // Someone else saved first: reload lists so the next attempt starts from their version.
      if (err.code === 'VERSION_CONFLICT') void queryClient.invalidateQueries();
      if (!form) return;
      const fields = err.fieldProblems.map((p) => ({
        name: p.field.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)),
        errors: [p.message],
      }));
      if (fields.length) form.setFields(fields);
    },
    [message, queryClient],
  );
}
