import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { type ReactNode, useState } from 'react';
import type { QueryParams } from '../../../app/http.ts';
import { downloadFile } from '../../../ui/files.ts';
import { useApiError } from '../../../ui/useApiError.ts';

/** Downloads an .xlsx the server builds (filters applied); a refusal shows the server's message. */
export function DownloadButton({ path, filename, query, children }: { path: string; filename: string; query?: QueryParams; children: ReactNode }) {
  const [busy, setBusy] = useState(false);
  const showError = useApiError();
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={busy}
      onClick={async () => {
        setBusy(true);
        try {
          await downloadFile(path, filename, query);
        } catch (err) {
          showError(err);
        } finally {
          setBusy(false);
        }
      }}
    >
      {children}
    </Button>
  );
}
